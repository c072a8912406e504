"""Fee ledger rules: kinds and directions of money events, receipt numbers, signed amounts and
the totals of a cash report (docs/domain.md §11)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from counter_app.domain.text import nfc
from counter_protocol.errors import UserError
from counter_protocol.texts import QT_TRANSLATE_NOOP


class FeeKind(StrEnum):
    """What the money is: phí, lệ phí (Luật Phí và lệ phí 2015), or postage, which is neither."""

    PHI = "phi"
    LE_PHI = "le_phi"
    POSTAGE = "postage"

    @property
    def label(self) -> str:
        return {"phi": "Phí", "le_phi": "Lệ phí", "postage": "Cước"}[self.value]


class Direction(StrEnum):
    """What a ledger entry does to the cash drawer."""

    COLLECT = "collect"  # money taken (or an exemption recorded with 0)
    REFUND = "refund"  # money given back: counts negative
    CORRECTION = "correction"  # a signed adjustment of an earlier entry
    RECEIPT = "receipt"  # a pending entry's receipt number, given later: no money

    @property
    def label(self) -> str:
        return {
            "collect": "Thu",
            "refund": "Hoàn trả",
            "correction": "Điều chỉnh",
            "receipt": "Bổ sung số biên lai",
        }[self.value]


class ReceiptFormatError(UserError):
    default_code = "fees.receipt_format"


# A receipt series (ký hiệu) is letters, digits and the marks "/" never splits; the number is
# at most 8 digits (ND 123/2020/NĐ-CP numbers e-receipts with up to 8 digits).
_SERIES = re.compile(r"^[A-Z0-9][A-Z0-9\-.]{0,19}$")
_NUMBER = re.compile(r"^[0-9]{1,8}$")


@dataclass(frozen=True)
class Receipt:
    """A receipt's series (ký hiệu) and number (số), exactly as printed on it."""

    series: str
    number: str

    def __str__(self) -> str:
        return f"{self.series}/{self.number}"


def parse_receipt(text: str) -> Receipt:
    """`SERIES/NUMBER` as the clerk typed it (e.g. "1C26TBL/0000123"); refused if malformed."""
    cleaned = nfc(text).strip().upper().replace(" ", "")
    series, sep, number = cleaned.rpartition("/")
    if not sep or not _SERIES.match(series) or not _NUMBER.match(number):
        raise ReceiptFormatError(
            QT_TRANSLATE_NOOP("messages", "Số biên lai “{text}” không đúng dạng KÝ_HIỆU/SỐ."),
            advice=QT_TRANSLATE_NOOP(
                "messages",
                "Nhập ký hiệu và số in trên biên lai, ví dụ 1C26TBL/0000123 (số tối đa 8 chữ số).",
            ),
            field="receipt",
            params={"text": text.strip()},
        )
    return Receipt(series, number)


class LedgerItem(Protocol):
    """What the totals read of an entry."""

    @property
    def kind(self) -> str: ...

    @property
    def direction(self) -> str: ...

    @property
    def amount(self) -> int: ...


def signed_amount(entry: LedgerItem) -> int:
    """The entry's effect on the cash drawer: refunds negative, receipt numbers nothing."""
    direction = Direction(entry.direction)
    if direction == Direction.REFUND:
        return -abs(entry.amount)
    if direction == Direction.RECEIPT:
        return 0
    return entry.amount


def totals_by_kind(entries: Iterable[LedgerItem]) -> dict[FeeKind, int]:
    """The net amount of each kind (every kind present, zero when there is none)."""
    totals = dict.fromkeys(FeeKind, 0)
    for entry in entries:
        totals[FeeKind(entry.kind)] += signed_amount(entry)
    return totals


def net_paid(entries: Iterable[LedgerItem]) -> int:
    """What the entries of one fee line add up to (collected minus refunded, corrected)."""
    return sum(signed_amount(e) for e in entries)


def format_dong(amount: int) -> str:
    """Whole đồng with dots between thousands, as Vietnamese receipts write it: -12.000."""
    sign = "-" if amount < 0 else ""
    return f"{sign}{abs(amount):,}".replace(",", ".")
