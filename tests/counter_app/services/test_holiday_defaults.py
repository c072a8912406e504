"""Holiday defaults from holidays 0.109, the override CSV, calendar assembly.

Why the library is pinned and overridden:
docs/decisions/0008-holidays-pinned-with-override-table.md.
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, time
from decimal import Decimal

import holidays
import pytest

from counter_app.domain.calendar import DurationUnit
from counter_app.domain.calendar_rules import CalendarError, CalendarRules
from counter_app.services.holiday_defaults import (
    build_calendar,
    default_days_off,
    default_makeup_workdays,
    parse_override_csv,
)
from counter_protocol.timefmt import VN_TZ

DAYS = DurationUnit.WORKING_DAYS


def vn(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=VN_TZ)


def test_the_pinned_library_version() -> None:
    assert holidays.__version__ == "0.109"


# --- defaults against the pinned library ----------------------------------------------------


def test_days_off_2025_match_the_pinned_library() -> None:
    assert sorted(default_days_off(2025)) == [
        date(2025, 1, 1),
        date(2025, 1, 27),
        date(2025, 1, 28),
        date(2025, 1, 29),
        date(2025, 1, 30),
        date(2025, 1, 31),
        date(2025, 2, 1),
        date(2025, 4, 7),
        date(2025, 4, 30),
        date(2025, 5, 1),
        date(2025, 5, 2),
        date(2025, 9, 1),
        date(2025, 9, 2),
    ]


def test_days_off_2026_match_the_pinned_library() -> None:
    assert sorted(default_days_off(2026)) == [
        date(2026, 1, 1),
        date(2026, 2, 16),
        date(2026, 2, 17),
        date(2026, 2, 18),
        date(2026, 2, 19),
        date(2026, 2, 20),
        date(2026, 4, 26),
        date(2026, 4, 27),
        date(2026, 4, 30),
        date(2026, 5, 1),
        date(2026, 8, 31),
        date(2026, 9, 1),
        date(2026, 9, 2),
        date(2026, 11, 24),
    ]


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2026, 1, 1), "Tết Dương lịch"),
        (date(2026, 2, 16), "Giao thừa Tết Nguyên Đán"),
        (date(2026, 2, 17), "Tết Nguyên Đán"),
        (date(2026, 4, 26), "Ngày Giỗ Tổ Hùng Vương"),
        (date(2026, 4, 27), "Ngày Giỗ Tổ Hùng Vương (nghỉ bù)"),
        (date(2026, 4, 30), "Ngày Chiến thắng"),
        (date(2026, 5, 1), "Ngày Quốc tế Lao động"),
        (date(2026, 8, 31), "Ngày nghỉ (thay cho ngày 22/08/2026)"),
        (date(2026, 9, 2), "Quốc khánh"),
        (date(2026, 11, 24), "Ngày Văn hóa Việt Nam"),
    ],
)
def test_day_off_names_are_vietnamese(day: date, name: str) -> None:
    assert default_days_off(2026)[day] == name


def test_day_off_names_are_nfc() -> None:
    for name in [*default_days_off(2025).values(), *default_days_off(2026).values()]:
        assert unicodedata.is_normalized("NFC", name)


def test_makeup_workdays_2025_and_2026() -> None:
    assert default_makeup_workdays(2025) == {
        date(2025, 4, 26): "Ngày làm bù (cho ngày nghỉ 02/05/2025)"
    }
    assert default_makeup_workdays(2026) == {
        date(2026, 8, 22): "Ngày làm bù (cho ngày nghỉ 31/08/2026)"
    }


def test_makeup_workdays_stay_in_their_own_year() -> None:
    # The library keeps cross-year swaps (2014-12-27, 2019-01-05) in every year's set.
    assert default_makeup_workdays(2027) == {}
    assert set(default_makeup_workdays(2019)) == {date(2019, 1, 5), date(2019, 5, 4)}
    assert default_makeup_workdays(2014)[date(2014, 12, 27)] == (
        "Ngày làm bù (cho ngày nghỉ 02/01/2015)"
    )


# --- the assembled calendar -----------------------------------------------------------------


@pytest.fixture
def rules() -> CalendarRules:
    return CalendarRules()


def test_built_calendar_follows_the_library(rules: CalendarRules) -> None:
    cal = build_calendar(rules, range(2025, 2027), [])
    assert cal.is_working_day(date(2026, 8, 22))
    assert not cal.is_working_day(date(2026, 8, 31))
    assert not cal.is_working_day(date(2026, 4, 27))
    assert cal.is_working_day(date(2025, 4, 26))
    assert cal.due(vn(2026, 2, 13, 10, 0), Decimal(1), DAYS) == vn(2026, 2, 23, 10, 0)
    assert cal.due(vn(2025, 12, 31, 14, 0), Decimal(1), DAYS) == vn(2026, 1, 2, 14, 0)


def test_built_calendar_year_table(rules: CalendarRules) -> None:
    table = build_calendar(rules, [2026], []).year_table(2026)
    assert (date(2026, 8, 22), "workday", "Ngày làm bù (cho ngày nghỉ 31/08/2026)") in table
    assert (date(2026, 2, 17), "holiday", "Tết Nguyên Đán") in table
    assert len(table) == 15


def test_holiday_override_adds_a_day_off(rules: CalendarRules) -> None:
    extra = [(date(2026, 2, 23), "holiday", "Nghỉ Tết bổ sung")]
    cal = build_calendar(rules, [2026], extra)
    assert not cal.is_working_day(date(2026, 2, 23))
    assert cal.due(vn(2026, 2, 13, 10, 0), Decimal(1), DAYS) == vn(2026, 2, 24, 10, 0)
    assert (date(2026, 2, 23), "holiday", "Nghỉ Tết bổ sung") in cal.year_table(2026)


def test_workday_override_removes_a_default_day_off(rules: CalendarRules) -> None:
    cal = build_calendar(rules, [2026], [(date(2026, 11, 24), "workday", "Vẫn làm việc")])
    assert cal.is_working_day(date(2026, 11, 24))
    table = cal.year_table(2026)
    assert (date(2026, 11, 24), "workday", "Vẫn làm việc") in table
    assert all(not (day == date(2026, 11, 24) and kind == "holiday") for day, kind, _ in table)


def test_workday_override_on_a_saturday(rules: CalendarRules) -> None:
    cal = build_calendar(rules, [2026], [(date(2026, 2, 28), "workday", "Làm bù Tết")])
    assert cal.is_working_day(date(2026, 2, 28))
    assert cal.due(vn(2026, 2, 27, 16, 0), Decimal(1), DAYS) == vn(2026, 2, 28, 16, 0)


def test_holiday_override_cancels_a_default_makeup_day(rules: CalendarRules) -> None:
    cal = build_calendar(rules, [2026], [(date(2026, 8, 22), "holiday", "Không làm bù")])
    assert not cal.is_working_day(date(2026, 8, 22))
    assert (date(2026, 8, 22), "holiday", "Không làm bù") in cal.year_table(2026)


def test_override_with_unknown_kind_is_rejected(rules: CalendarRules) -> None:
    with pytest.raises(CalendarError, match="Loại ngày không hợp lệ"):
        build_calendar(rules, [2026], [(date(2026, 3, 2), "nghi", "x")])


def test_overrides_from_csv_feed_the_calendar(rules: CalendarRules) -> None:
    text = "date,kind,name\n2026-03-02,holiday,Nghỉ địa phương\n"
    cal = build_calendar(rules, [2026], parse_override_csv(text))
    assert cal.due(vn(2026, 2, 27, 15, 30), Decimal(0), DAYS, time(15, 0)) == vn(2026, 3, 3, 17)


# --- the overrides CSV ------------------------------------------------------------------------


def test_parse_good_file() -> None:
    decomposed = unicodedata.normalize("NFD", "Nghỉ Tết bổ sung")
    text = (
        "\ufeffDate, Kind ,NAME\n"
        "2026-02-23,holiday," + decomposed + "\n"
        "\n"
        '2026-02-28, WORKDAY ,"Làm bù, theo thông báo"\n'
        "2027-01-02,holiday,Nghỉ Tết Dương lịch\n"
    )
    assert parse_override_csv(text) == [
        (date(2026, 2, 23), "holiday", "Nghỉ Tết bổ sung"),
        (date(2026, 2, 28), "workday", "Làm bù, theo thông báo"),
        (date(2027, 1, 2), "holiday", "Nghỉ Tết Dương lịch"),
    ]


def test_parse_header_only_is_empty() -> None:
    assert parse_override_csv("date,kind,name\n") == []


def test_parse_same_kind_duplicate_keeps_the_later_name() -> None:
    text = "date,kind,name\n2026-02-23,holiday,Cũ\n2026-02-23,holiday,Mới\n"
    assert parse_override_csv(text) == [(date(2026, 2, 23), "holiday", "Mới")]


@pytest.mark.parametrize(
    ("bad_line", "fragment"),
    [
        ("2026-02-30,holiday,Ngày sai", "ngày “2026-02-30” không hợp lệ"),
        ("23/02/2026,holiday,Sai dạng", "ngày “23/02/2026” không hợp lệ"),
        ("20260223,holiday,Sai dạng", "ngày “20260223” không hợp lệ"),
        ("2026-02-23,nghi,Sai loại", "loại “nghi” không hợp lệ"),
        ("2026-02-23,holiday,", "thiếu tên ngày"),
        ("2026-02-23,holiday,  ", "thiếu tên ngày"),
        ("2026-02-23,holiday", "cần đúng 3 cột"),
        ("2026-02-23,holiday,Tên,thừa", "cần đúng 3 cột"),
    ],
)
def test_parse_bad_line_names_its_line_number(bad_line: str, fragment: str) -> None:
    text = f"date,kind,name\n2026-03-02,holiday,Tốt\n{bad_line}\n"
    with pytest.raises(CalendarError) as caught:
        parse_override_csv(text)
    assert f"Dòng 3: {fragment}" in str(caught.value)


def test_parse_conflicting_duplicate_names_both_lines() -> None:
    text = (
        "date,kind,name\n2026-02-23,holiday,Nghỉ\n2026-03-02,holiday,Khác\n2026-02-23,workday,Làm\n"
    )
    with pytest.raises(CalendarError) as caught:
        parse_override_csv(text)
    assert "Dòng 4: ngày 23/02/2026 đã khai báo là “holiday” ở dòng 2" in str(caught.value)


@pytest.mark.parametrize("text", ["", "2026-02-23,holiday,Nghỉ\n", "ngay,loai,ten\n"])
def test_parse_requires_the_header(text: str) -> None:
    with pytest.raises(CalendarError, match="Dòng 1: dòng tiêu đề"):
        parse_override_csv(text)


def test_parse_is_all_or_nothing_and_lists_every_bad_line() -> None:
    text = "date,kind,name\n2026-02-23,holiday,Tốt\n2026-13-01,holiday,x\n2026-03-02,?,y\n"
    with pytest.raises(CalendarError) as caught:
        parse_override_csv(text)
    message = str(caught.value)
    assert "chưa nhập dòng nào" in message
    assert "Dòng 3:" in message
    assert "Dòng 4:" in message
    assert "Dòng 2:" not in message
