"""Stored forms of personal ids and phones: separators dropped, +84 spellings made national."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.identifiers import normalise_id_number, normalise_phone


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("042 195 123 456", "042195123456"),
        ("042.195.123.456", "042195123456"),
        ("042-195-123-456", "042195123456"),
        (" 186123456 ", "186123456"),
        ("０４２１９５１２３４５６", "042195123456"),
        ("", None),
        ("   ", None),
        (None, None),
    ],
)
def test_id_numbers(typed: str | None, stored: str | None) -> None:
    assert normalise_id_number(typed) == stored


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0912345678", "0912345678"),
        ("+84 912 345 678", "0912345678"),
        ("84912345678", "0912345678"),
        ("0084 912.345.678", "0912345678"),
        ("+84 0912 345 678", "0912345678"),
        ("(0239) 3855 555", "02393855555"),
        ("12 345", "12 345"),
        ("  0912  34  ", "0912 34"),
        ("", None),
        (None, None),
    ],
)
def test_phones(typed: str | None, stored: str | None) -> None:
    assert normalise_phone(typed) == stored


SEPARATOR = st.sampled_from(["", " ", ".", "-", "  ", "\u00a0"])
ANY_TEXT = st.one_of(
    st.none(), st.text(max_size=30), st.text(alphabet="0123456789 .-+()０１２", max_size=20)
)


@given(ANY_TEXT)
def test_normalising_twice_changes_nothing(text: str | None) -> None:
    for normalise in (normalise_id_number, normalise_phone):
        once = normalise(text)
        assert normalise(once) == once


@given(
    st.lists(
        st.tuples(st.text(alphabet="0123456789", min_size=1, max_size=4), SEPARATOR),
        min_size=1,
        max_size=6,
    )
)
def test_an_id_typed_in_groups_is_stored_as_its_digits(groups: list[tuple[str, str]]) -> None:
    typed = "".join(digits + sep for digits, sep in groups)
    assert normalise_id_number(typed) == "".join(digits for digits, _ in groups)


@given(
    prefix=st.sampled_from(["03", "05", "07", "08", "09"]),
    rest=st.text(alphabet="0123456789", min_size=8, max_size=8),
    spelling=st.sampled_from(["{n}", "+84{r}", "84{r}", "0084{r}", "+84 {n}"]),
    sep=SEPARATOR,
)
def test_every_spelling_of_a_mobile_is_stored_national(
    prefix: str, rest: str, spelling: str, sep: str
) -> None:
    national = prefix + rest
    grouped = sep.join([national[1:4], national[4:7], national[7:]])
    typed = spelling.format(n="0" + grouped, r=grouped)
    assert normalise_phone(typed) == national
