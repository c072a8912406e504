"""Fee sums (what is owed when) and the postal-delivery rules."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain import fees
from counter_app.domain.delivery import delivery_issues, delivery_text, stored_address
from counter_app.domain.kinds import FeeCollection, ResultDelivery


@dataclass(frozen=True)
class Fee:
    amount: int
    collected: str
    paid: bool = False


LINES = (
    Fee(50_000, "at_receipt", True),
    Fee(20_000, "at_receipt"),
    Fee(30_000, "at_return"),
    Fee(0, "exempt"),
    Fee(15_000, "at_return", True),
)


def test_totals_and_what_is_still_owed() -> None:
    assert fees.total(LINES, FeeCollection.AT_RECEIPT) == 70_000
    assert fees.owed(LINES, FeeCollection.AT_RECEIPT) == 20_000
    assert fees.owed(LINES, FeeCollection.AT_RETURN) == 30_000
    assert fees.owed_lines(LINES, FeeCollection.AT_RETURN) == [LINES[2]]
    assert fees.owed_lines(LINES, FeeCollection.EXEMPT) == []
    assert fees.is_free(LINES[3]) and not fees.is_free(LINES[0])


def test_only_a_fee_due_at_receipt_is_paid_at_intake() -> None:
    assert fees.paid_at_intake("at_receipt", True)
    assert not fees.paid_at_intake("at_receipt", False)
    assert not fees.paid_at_intake("at_return", True)


FEE = st.builds(Fee, st.integers(0, 10**7), st.sampled_from(list(FeeCollection)), st.booleans())


@given(st.lists(FEE, max_size=8))
def test_owed_is_the_unpaid_part_of_the_total(lines: list[Fee]) -> None:
    for moment in FeeCollection:
        owed = fees.owed(lines, moment)
        assert 0 <= owed <= fees.total(lines, moment)
        assert owed == sum(f.amount for f in fees.owed_lines(lines, moment))
    assert sum(fees.total(lines, m) for m in FeeCollection) == sum(f.amount for f in lines)


def test_a_postal_result_needs_an_address_and_a_procedure_that_allows_it() -> None:
    post, counter = ResultDelivery.BY_POST, ResultDelivery.AT_COUNTER
    [missing] = delivery_issues(post, "  ")
    assert missing.field == "delivery_address" and missing.blocking
    [warning] = delivery_issues(post, "Xóm 3, xã Thạch Hà", bcci_allowed=False)
    assert warning.field == "result_delivery" and not warning.blocking
    assert delivery_issues(post, "Xóm 3", bcci_allowed=True) == []
    assert delivery_issues(counter, None, bcci_allowed=False) == []


def test_the_address_is_kept_only_for_a_postal_result() -> None:
    assert stored_address(ResultDelivery.BY_POST, "  Xóm 3,   xã Thạch Hà ") == "Xóm 3, xã Thạch Hà"
    assert stored_address(ResultDelivery.AT_COUNTER, "Xóm 3") is None
    assert stored_address(1, "") is None
    assert delivery_text(1, "Xóm 3") == "Qua dịch vụ bưu chính công ích: Xóm 3"
    assert delivery_text(0, "Xóm 3") == "Tại Bộ phận Một cửa"
