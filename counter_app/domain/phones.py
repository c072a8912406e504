"""Vietnamese phone numbers as clerks type them: mobile or landline, national or international
spelling, checked and given back in the national (0…) and E.164 (+84…) forms."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from counter_app.domain.validation import ValidationError, field_error
from counter_protocol.texts import QT_TRANSLATE_NOOP

_PHONE_SEPARATORS = re.compile(r"[\s.\-()]+")
_MOBILE = re.compile(r"0[35789]\d{8}")
_LANDLINE = re.compile(r"02\d{9}")
_NATIONAL_LENGTHS = (10, 11)


@dataclass(frozen=True)
class Phone:
    """A checked Vietnamese phone number: as typed, national (0…) and E.164 (+84…) forms."""

    raw: str
    national: str
    e164: str
    kind: Literal["mobile", "landline"]


def validate_phone(value: str, field: str = "phone") -> Phone:
    """A mobile (0[35789] + 8 digits) or landline (02 + 9 digits) number, in any usual spelling.

    Accepts `+84…`, `84…`, `0084…`, and separators (spaces, dots, dashes, parentheses).
    """
    raw = value.strip()
    compact = _PHONE_SEPARATORS.sub("", raw)
    if not compact:
        raise field_error(
            field, "phone.empty", QT_TRANSLATE_NOOP("messages", "Chưa nhập số điện thoại.")
        )
    national = _to_national(_phone_digits(compact, field))
    if _MOBILE.fullmatch(national):
        return Phone(raw, national, "+84" + national[1:], "mobile")
    if _LANDLINE.fullmatch(national):
        return Phone(raw, national, "+84" + national[1:], "landline")
    raise _phone_refusal(field, national)


def _phone_digits(compact: str, field: str) -> str:
    """The digits of a number without separators; a leading + must be Vietnam's +84."""
    digits = compact[1:] if compact.startswith("+") else compact
    if compact.startswith("+") and not digits.startswith("84"):
        raise field_error(
            field,
            "phone.country",
            QT_TRANSLATE_NOOP("messages", "Chỉ nhận số điện thoại Việt Nam (+84)."),
        )
    if not (digits.isascii() and digits.isdigit()):
        raise field_error(
            field,
            "phone.not_digits",
            QT_TRANSLATE_NOOP(
                "messages", "Số điện thoại chỉ được gồm chữ số (có thể có +84 ở đầu)."
            ),
        )
    return digits


def _phone_refusal(field: str, national: str) -> ValidationError:
    if len(national) == 11 and national.startswith("01"):
        return field_error(
            field,
            "phone.old_prefix",
            QT_TRANSLATE_NOOP(
                "messages",
                "Số {number} dùng đầu số 11 chữ số cũ (01x); từ năm 2018 số di động chỉ còn "
                "10 chữ số, hãy nhập số mới.",
            ),
            number=national,
        )
    return field_error(
        field,
        "phone.format",
        QT_TRANSLATE_NOOP(
            "messages",
            "Số điện thoại không hợp lệ: số di động gồm 10 chữ số, bắt đầu bằng 03, 05, 07, 08 "
            "hoặc 09; số cố định gồm 11 chữ số, bắt đầu bằng 02 (ví dụ 0239 3855 555).",
        ),
    )


def _to_national(digits: str) -> str:
    """Turn the international spellings (84…, 0084…, 84 0…) into the national 0… form."""
    for prefix in ("0084", "84"):
        if digits.startswith(prefix):
            rest = digits[len(prefix) :]
            # "+84 0912…" (the trunk 0 kept after the country code) is a common slip.
            national = rest if rest.startswith("0") else "0" + rest
            if len(national) in _NATIONAL_LENGTHS:
                return national
    return digits
