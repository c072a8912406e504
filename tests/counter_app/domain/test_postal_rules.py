"""Postal rules without a store: the pool file is all or nothing whatever the mix of lines, and
a postal item's status only moves along the table (docs/domain.md#postal-status)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.postal import (
    TRANSITIONS,
    PostalAddress,
    PostalError,
    PostalStatus,
    check_move,
    checked_address,
    parse_pool_file,
    parse_status,
)
from counter_devkit.postal import s10_numbers, with_bad_check_digit

NUMBERS = s10_numbers(6000, 40)


@given(
    picks=st.lists(st.integers(0, 39), min_size=1, max_size=30, unique=True),
    bad_at=st.one_of(st.none(), st.integers(0, 29)),
    held=st.sets(st.integers(0, 39), max_size=5),
)
def test_a_file_loads_whole_or_is_refused_naming_each_bad_line(picks, bad_at, held) -> None:
    lines = [NUMBERS[i] for i in picks]
    if bad_at is not None and bad_at < len(lines):
        lines[bad_at] = with_bad_check_digit(lines[bad_at])
    held_numbers = {NUMBERS[i] for i in held}
    expected_bad = {
        n + 1
        for n, line in enumerate(lines)
        if line in held_numbers or (bad_at is not None and n == bad_at)
    }
    if not expected_bad:
        assert parse_pool_file("\n".join(lines), held_numbers) == lines
        return
    with pytest.raises(PostalError) as caught:
        parse_pool_file("\n".join(lines), held_numbers)
    message = str(caught.value)
    assert f"({len(expected_bad)} dòng lỗi)" in message
    for line_no in sorted(expected_bad)[:10]:
        assert f"dòng {line_no}:" in message


def test_a_number_repeated_in_the_file_names_both_lines() -> None:
    text = f"{NUMBERS[0]}\n{NUMBERS[1]}\n\n{NUMBERS[0].lower()}\n"
    with pytest.raises(PostalError, match=f"dòng 4: {NUMBERS[0]} trùng dòng 1"):
        parse_pool_file(text)


@given(st.lists(st.sampled_from(list(PostalStatus)), max_size=8))
def test_statuses_only_move_along_the_table(targets) -> None:
    current = PostalStatus.REGISTERED
    for target in targets:
        if target in TRANSITIONS[current]:
            check_move("RR1", current, target)
            current = target
        else:
            with pytest.raises(PostalError):
                check_move("RR1", current, target)
    assert current in PostalStatus


def test_statuses_are_named_by_machine_name_or_label() -> None:
    assert parse_status("delivered") is PostalStatus.DELIVERED
    assert parse_status("in-transit") is PostalStatus.IN_TRANSIT
    assert parse_status("Đã phát thành công") is PostalStatus.DELIVERED
    with pytest.raises(PostalError, match="không có"):
        parse_status("lost")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"street": "  "}, "street"),
        ({"province_code": ""}, "province"),
        ({"commune_code": ""}, "commune"),
        ({"phone": "12345"}, "receiver_phone"),
    ],
)
def test_an_address_needs_street_province_commune_and_a_phone(change, field) -> None:
    base = {
        "name": "Trần Văn Nam",
        "phone": "0987 654 321",
        "street": " Xóm  3 ",
        "province_code": "42",
        "province_name": "Tỉnh Hà Tĩnh",
        "commune_code": "18085",
        "commune_name": "Xã Đức Thọ",
    }
    ok = checked_address(PostalAddress(**base))
    assert (ok.phone, ok.street) == ("0987654321", "Xóm 3")
    with pytest.raises(Exception) as caught:
        checked_address(PostalAddress(**{**base, **change}))
    assert getattr(caught.value, "field", None) == field or field in str(
        getattr(caught.value, "issues", "")
    )
