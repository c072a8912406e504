"""Fee ledger rules: receipt numbers as printed, signed amounts, totals by kind, đồng format."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.fee_ledger import (
    FeeKind,
    Receipt,
    ReceiptFormatError,
    format_dong,
    net_paid,
    parse_receipt,
    signed_amount,
    totals_by_kind,
)


@dataclass(frozen=True)
class Entry:
    kind: str
    direction: str
    amount: int


@pytest.mark.parametrize(
    ("typed", "series", "number"),
    [("1C26TBL/0000123", "1C26TBL", "0000123"), (" 1c26tbl / 7 ", "1C26TBL", "7"),
     ("AA-26.E/12345678", "AA-26.E", "12345678")],
)  # fmt: skip
def test_a_receipt_is_kept_as_printed(typed: str, series: str, number: str) -> None:
    assert parse_receipt(typed) == Receipt(series, number)
    assert str(parse_receipt(typed)) == f"{series}/{number}"


@pytest.mark.parametrize("typed", ["", "123", "/123", "1C26/", "1C26/123456789", "1C 26/1x"])
def test_a_malformed_receipt_is_refused_in_vietnamese(typed: str) -> None:
    with pytest.raises(ReceiptFormatError, match="không đúng dạng KÝ_HIỆU/SỐ") as caught:
        parse_receipt(typed)
    assert caught.value.field == "receipt"


def test_signed_amounts() -> None:
    assert signed_amount(Entry("phi", "collect", 5000)) == 5000
    assert signed_amount(Entry("phi", "refund", 5000)) == -5000
    assert signed_amount(Entry("phi", "correction", -700)) == -700
    assert signed_amount(Entry("phi", "receipt", 0)) == 0


def test_totals_by_kind_name_every_kind() -> None:
    entries = [Entry("phi", "collect", 50000), Entry("phi", "refund", 20000),
               Entry("postage", "collect", 25000)]  # fmt: skip
    expected = {FeeKind.PHI: 30000, FeeKind.LE_PHI: 0, FeeKind.POSTAGE: 25000}
    assert totals_by_kind(entries) == expected
    assert net_paid(entries) == 55000


ENTRY = st.builds(
    Entry,
    st.sampled_from([k.value for k in FeeKind]),
    st.sampled_from(["collect", "refund", "correction", "receipt"]),
    st.integers(-(10**7), 10**7),
)


@given(st.lists(ENTRY))
def test_the_kinds_add_up_to_the_net(entries: list[Entry]) -> None:
    assert sum(totals_by_kind(entries).values()) == net_paid(entries)


@pytest.mark.parametrize(
    ("amount", "text"), [(0, "0"), (500, "500"), (2000, "2.000"), (-1234567, "-1.234.567")]
)
def test_dong_are_written_with_dots(amount: int, text: str) -> None:
    assert format_dong(amount) == text
