"""Fee rules (phí, lệ phí): what is collected when, and what is still owed."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

from counter_app.domain.kinds import FeeCollection


class FeeItem(Protocol):
    """What the rules read of a fee line (the services' FeeLine has these fields)."""

    @property
    def amount(self) -> int: ...

    @property
    def collected(self) -> str: ...

    @property
    def paid(self) -> bool: ...


_Fee = TypeVar("_Fee", bound=FeeItem)


def total(fees: Iterable[FeeItem], collection: FeeCollection) -> int:
    """Sum of the lines collected at that moment, paid or not (whole đồng)."""
    return sum(f.amount for f in fees if f.collected == collection)


def owed(fees: Iterable[FeeItem], collection: FeeCollection) -> int:
    """Sum of the lines collected at that moment that are not paid yet."""
    return sum(f.amount for f in fees if f.collected == collection and not f.paid)


def owed_lines(fees: Iterable[_Fee], collection: FeeCollection) -> list[_Fee]:
    """The unpaid lines with an amount, collected at that moment (what the clerk must take)."""
    return [f for f in fees if f.collected == collection and f.amount and not f.paid]


def paid_at_intake(collection: str, collected_now: bool) -> bool:
    """A line is paid at intake when the clerk took the money and it is due at receipt."""
    return collected_now and collection == FeeCollection.AT_RECEIPT


def is_free(fee: FeeItem) -> bool:
    """Exempt, or nothing to pay: the slip says "miễn"."""
    return fee.collected == FeeCollection.EXEMPT or fee.amount == 0
