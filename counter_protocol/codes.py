"""Dossier codes `{agency}-{yyMMdd}-{NNNN}`, unique across offline PCs (docs/domain.md).

Several counter PCs may share one agency code while offline. Each PC is given a numbering slot
0–9 at set-up (confirmed unique in its unit at enrolment); the four-digit number is
`slot × 1000 + n`, n = 1…999 counted per agency, day and slot. Two PCs with different slots can
never produce the same code, whatever the network does. Slot 0 gives 0001–0999, the shape of the
codes single-counter sites already print.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from counter_protocol.errors import UserError
from counter_protocol.texts import QT_TRANSLATE_NOOP

MAX_SLOT = 9
PER_SLOT_DAILY = 999
AGENCY_CODE_RE = re.compile(r"^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$")
DOSSIER_CODE_RE = re.compile(r"^(\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})-(\d{6})-(\d{4})$")


class CodeError(UserError):
    """A code that cannot be issued or parsed; the message is Vietnamese."""

    default_code = "code.invalid"


@dataclass(frozen=True)
class DossierCode:
    agency_code: str
    day: date
    number: int

    def __str__(self) -> str:
        return f"{self.agency_code}-{self.day:%y%m%d}-{self.number:04d}"

    @property
    def slot(self) -> int:
        return self.number // 1000


def check_agency_code(code: str) -> str:
    if not AGENCY_CODE_RE.match(code):
        raise CodeError(
            QT_TRANSLATE_NOOP(
                "messages",
                "Mã định danh cơ quan “{code}” không đúng dạng (ví dụ 000.00.00.H27).",
            ),
            params={"code": code},
        )
    return code


def check_slot(slot: int) -> int:
    if not 0 <= slot <= MAX_SLOT:
        raise CodeError(
            QT_TRANSLATE_NOOP(
                "messages",
                "Số thứ tự máy (slot) phải từ 0 đến {max}, không phải {slot}.",
            ),
            params={"max": MAX_SLOT, "slot": slot},
        )
    return slot


def make_code(agency_code: str, day: date, slot: int, seq: int) -> DossierCode:
    """The code of the `seq`-th dossier of `day` numbered by the PC holding `slot`."""
    check_slot(slot)
    if not 1 <= seq <= PER_SLOT_DAILY:
        raise CodeError(
            QT_TRANSLATE_NOOP(
                "messages",
                "Máy này đã cấp hết {count} mã hồ sơ của ngày {day:%d/%m/%Y}. "
                "Hãy tiếp nhận trên máy khác hoặc liên hệ bộ phận CNTT.",
            ),
            params={"count": PER_SLOT_DAILY, "day": day},
        )
    return DossierCode(check_agency_code(agency_code), day, slot * 1000 + seq)


def parse_code(text: str) -> DossierCode:
    match = DOSSIER_CODE_RE.match(text.strip().upper())
    if not match:
        raise CodeError(
            QT_TRANSLATE_NOOP(
                "messages",
                "“{text}” không phải mã hồ sơ hợp lệ (dạng 000.00.00.H27-261126-0001).",
            ),
            params={"text": text},
        )
    agency, yymmdd, number = match.groups()
    try:
        day = date(2000 + int(yymmdd[:2]), int(yymmdd[2:4]), int(yymmdd[4:]))
    except ValueError as exc:
        raise CodeError(
            QT_TRANSLATE_NOOP(
                "messages",
                "Ngày trong mã hồ sơ “{text}” không hợp lệ.",
            ),
            params={"text": text},
        ) from exc
    return DossierCode(agency, day, int(number))
