"""Working-day calendar: days, sessions and appointment dates against hand-made 2025–2026 tables."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal

import pytest

from counter_app.domain.calendar import DurationUnit, WorkCalendar
from counter_app.domain.calendar_rules import CalendarError, CalendarRules, WorkSession
from counter_protocol.timefmt import VN_TZ

D = Decimal
DAYS = DurationUnit.WORKING_DAYS
HOURS = DurationUnit.WORKING_HOURS
HALF = DurationUnit.HALF_DAYS
CAL = DurationUnit.CALENDAR_DAYS


def vn(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=VN_TZ)


def _named(name: str, *iso_days: str) -> dict[date, str]:
    return {date.fromisoformat(day): name for day in iso_days}


def _span(first: date, last: date, name: str) -> dict[date, str]:
    return {first + timedelta(days=n): name for n in range((last - first).days + 1)}


# The official 2025–2026 days off (docs/domain.md#days-off-2025-2026), typed by hand.
DAYS_OFF: dict[date, str] = {
    **_named("Tết Dương lịch", "2025-01-01", "2026-01-01"),
    **_span(date(2025, 1, 27), date(2025, 2, 1), "Tết Nguyên Đán"),
    **_span(date(2026, 2, 16), date(2026, 2, 20), "Tết Nguyên Đán"),
    **_named("Giỗ Tổ Hùng Vương", "2025-04-07", "2026-04-26"),
    **_named("Giỗ Tổ Hùng Vương (nghỉ bù)", "2026-04-27"),
    **_named("Ngày Chiến thắng", "2025-04-30", "2026-04-30"),
    **_named("Quốc tế Lao động", "2025-05-01", "2026-05-01"),
    **_named("Nghỉ hoán đổi", "2025-05-02", "2026-08-31"),
    **_named("Quốc khánh", "2025-09-01", "2025-09-02", "2026-09-01", "2026-09-02"),
    **_named("Ngày Văn hóa Việt Nam", "2026-11-24"),
}
MAKEUP: dict[date, str] = {date(2025, 4, 26): "Làm bù", date(2026, 8, 22): "Làm bù"}


@pytest.fixture
def cal() -> WorkCalendar:
    return WorkCalendar(CalendarRules(), DAYS_OFF, MAKEUP)


@pytest.fixture
def saturday_cal() -> WorkCalendar:
    return WorkCalendar(CalendarRules.parse(saturday="07:00-11:30"), DAYS_OFF, MAKEUP)


# --- rules and parsing ---------------------------------------------------------------------


def test_default_rules_match_the_production_engine() -> None:
    rules = CalendarRules()
    assert rules.weekday_sessions == (
        WorkSession(time(7, 0), time(11, 30)),
        WorkSession(time(13, 30), time(17, 0)),
    )
    assert rules.working_weekdays == frozenset({0, 1, 2, 3, 4})
    assert rules.saturday_sessions == ()
    assert rules.hours_per_day == D(8)


def test_parse_defaults_equal_the_dataclass_defaults() -> None:
    assert CalendarRules.parse() == CalendarRules()


def test_parse_saturday_schedule_adds_saturday_to_the_week() -> None:
    rules = CalendarRules.parse(saturday="07:00-11:30")
    assert rules.saturday_sessions == (WorkSession(time(7, 0), time(11, 30)),)
    assert rules.working_weekdays == frozenset({0, 1, 2, 3, 4, 5})


def test_parse_weekday_list_and_ranges() -> None:
    rules = CalendarRules.parse(weekdays="1-3, 5,6")
    assert rules.working_weekdays == frozenset({0, 1, 2, 4, 5})


def test_parse_custom_sessions_and_hours() -> None:
    rules = CalendarRules.parse(sessions="7:30-11:30, 13:00-17:00", hours_per_day="7,5")
    assert rules.weekday_sessions == (
        WorkSession(time(7, 30), time(11, 30)),
        WorkSession(time(13, 0), time(17, 0)),
    )
    assert rules.hours_per_day == D("7.5")


SESSION_BAD = "Giờ làm việc không hợp lệ"
BAD_CONFIG = [
    *[({"sessions": bad}, SESSION_BAD) for bad in ["7h-11h", "7:00-11:30;13:30-17:00", ""]],
    *[({"sessions": bad}, SESSION_BAD) for bad in ["25:00-26:00", "07:60-11:00"]],
    ({"sessions": "11:30-07:00"}, "Buổi làm việc không hợp lệ"),
    ({"sessions": "07:00-12:00,11:00-17:00"}, "chồng lên nhau"),
    ({"saturday": "7-11"}, SESSION_BAD),
    *[({"weekdays": bad}, "tuần không hợp lệ") for bad in ["0-5", "1-8", "thứ 2-6", "", "1,,2"]],
    ({"weekdays": "5-1"}, "bị ngược"),
    *[({"hours_per_day": bad}, "Số giờ") for bad in ["0", "-8", "tám", "NaN"]],
]


@pytest.mark.parametrize(("text", "fragment"), BAD_CONFIG)
def test_parse_rejects_bad_config_text(text: dict[str, str], fragment: str) -> None:
    with pytest.raises(CalendarError, match=fragment):
        CalendarRules.parse(**text)


@pytest.mark.parametrize("week", [frozenset(), frozenset({7})])
def test_rules_reject_a_bad_week_or_no_sessions(week: frozenset[int]) -> None:
    with pytest.raises(CalendarError, match="trong tuần không hợp lệ"):
        CalendarRules(working_weekdays=week)
    with pytest.raises(CalendarError, match="Chưa khai báo buổi"):
        CalendarRules(weekday_sessions=())


def test_same_date_as_day_off_and_makeup_is_rejected() -> None:
    with pytest.raises(CalendarError, match="22/08/2026"):
        WorkCalendar(CalendarRules(), {date(2026, 8, 22): "x"}, {date(2026, 8, 22): "y"})


# --- working days ----------------------------------------------------------------------------


WORKING = ["2026-02-13", "2026-02-23", "2025-02-03", "2026-08-22", "2025-04-26", "2026-03-09"]
NOT_WORKING = ["2026-02-16", "2026-02-20", "2025-01-27", "2025-01-31", "2025-05-02"]
NOT_WORKING += ["2026-04-27", "2026-08-23", "2026-08-31", "2026-03-07", "2026-11-24"]


@pytest.mark.parametrize("day", WORKING)
def test_working_days_include_makeup_saturdays(cal: WorkCalendar, day: str) -> None:
    assert cal.is_working_day(date.fromisoformat(day))


@pytest.mark.parametrize("day", NOT_WORKING)
def test_days_off_nghi_bu_swaps_and_weekends_are_not_worked(cal: WorkCalendar, day: str) -> None:
    assert not cal.is_working_day(date.fromisoformat(day))


def test_makeup_saturday_gets_full_weekday_sessions(cal: WorkCalendar) -> None:
    assert cal.sessions_on(date(2026, 8, 22)) == CalendarRules().weekday_sessions
    assert cal.sessions_on(date(2026, 8, 31)) == ()
    assert cal.sessions_on(date(2026, 3, 7)) == ()


def test_working_days_between(cal: WorkCalendar) -> None:
    assert cal.working_days_between(date(2026, 2, 13), date(2026, 2, 23)) == 1
    assert cal.working_days_between(date(2026, 8, 21), date(2026, 8, 24)) == 2
    assert cal.working_days_between(date(2026, 2, 23), date(2026, 2, 13)) == -1
    assert cal.working_days_between(date(2026, 3, 2), date(2026, 3, 2)) == 0
    assert cal.working_days_between(date(2026, 3, 1), date(2026, 3, 31)) == 22


def test_year_table_lists_days_off_and_makeup_days_in_order(cal: WorkCalendar) -> None:
    table = cal.year_table(2026)
    assert table[0] == (date(2026, 1, 1), "holiday", "Tết Dương lịch")
    assert (date(2026, 8, 22), "workday", "Làm bù") in table
    assert (date(2026, 8, 31), "holiday", "Nghỉ hoán đổi") in table
    assert [row[0] for row in table] == sorted(row[0] for row in table)
    assert all(row[0].year == 2026 for row in table)
    assert len(table) == 15


# --- instants ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (vn(2026, 3, 2, 9, 15), vn(2026, 3, 2, 9, 15)),  # inside the morning session
        (vn(2026, 3, 2, 6, 0), vn(2026, 3, 2, 7, 0)),
        (vn(2026, 3, 2, 11, 30), vn(2026, 3, 2, 13, 30)),  # the session end is outside
        (vn(2026, 3, 2, 12, 45), vn(2026, 3, 2, 13, 30)),
        (vn(2026, 3, 6, 17, 0), vn(2026, 3, 9, 7, 0)),  # Friday close to Monday
        (vn(2026, 2, 13, 20, 0), vn(2026, 2, 23, 7, 0)),  # over Tết 2026
        (vn(2026, 8, 21, 17, 30), vn(2026, 8, 22, 7, 0)),  # into the make-up Saturday
        (datetime(2026, 3, 2, 10, 30, tzinfo=UTC), vn(2026, 3, 3, 7, 0)),  # 17:30 in Vietnam
        (datetime(2026, 3, 1, 23, 30, tzinfo=UTC), vn(2026, 3, 2, 7, 0)),  # Monday 06:30 in VN
    ],
)
def test_next_working_instant(cal: WorkCalendar, moment: datetime, expected: datetime) -> None:
    assert cal.next_working_instant(moment) == expected


def test_add_working_hours_keeps_an_exact_session_end(cal: WorkCalendar) -> None:
    assert cal.add_working_hours(vn(2026, 3, 2, 7, 0), D("4.5")) == vn(2026, 3, 2, 11, 30)
    assert cal.add_working_hours(vn(2026, 3, 2, 7, 0), D(8)) == vn(2026, 3, 2, 17, 0)
    assert cal.add_working_hours(vn(2026, 3, 2, 18, 0), D(0)) == vn(2026, 3, 3, 7, 0)


# --- due: working days over holidays ---------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "amount", "expected"),
    [
        (vn(2026, 3, 2, 8, 0), D(1), vn(2026, 3, 3, 8, 0)),  # ordinary 1 day
        (vn(2026, 3, 2, 7, 0), D(1), vn(2026, 3, 2, 17, 0)),  # ends exactly at close
        (vn(2026, 2, 13, 10, 0), D(1), vn(2026, 2, 23, 10, 0)),  # Tết 2026
        (vn(2025, 1, 24, 14, 0), D(2), vn(2025, 2, 4, 14, 0)),  # Tết 2025
        (vn(2026, 4, 29, 9, 0), D(1), vn(2026, 5, 4, 9, 0)),  # 30/4–1/5 2026
        (vn(2025, 4, 29, 16, 0), D(1), vn(2025, 5, 5, 16, 0)),  # 30/4–2/5 2025
        (vn(2026, 8, 28, 10, 0), D(2), vn(2026, 9, 4, 10, 0)),  # 31/8–2/9 2026
        (vn(2025, 12, 31, 14, 0), D(1), vn(2026, 1, 2, 14, 0)),  # New Year 2026
        (vn(2026, 4, 24, 13, 30), D(1), vn(2026, 4, 28, 11, 30)),  # nghỉ bù 27/4
        (vn(2026, 8, 21, 16, 0), D(1), vn(2026, 8, 22, 16, 0)),  # make-up Saturday
        (vn(2025, 4, 25, 16, 0), D(1), vn(2025, 4, 26, 16, 0)),  # make-up Saturday 2025
        (vn(2026, 3, 2, 8, 0), D(5), vn(2026, 3, 9, 8, 0)),  # a working week
        (vn(2026, 3, 2, 8, 0), D("1.5"), vn(2026, 3, 3, 14, 0)),  # fractional days
    ],
)
def test_due_working_days(
    cal: WorkCalendar, received: datetime, amount: Decimal, expected: datetime
) -> None:
    assert cal.due(received, amount, DAYS) == expected


def test_due_on_2_9_2025_skips_both_national_days(cal: WorkCalendar) -> None:
    assert cal.due(vn(2025, 8, 29, 15, 0), D(1), HALF) == vn(2025, 9, 3, 9, 0)


def test_after_hours_receipt_counts_from_next_morning(cal: WorkCalendar) -> None:
    assert cal.due(vn(2026, 3, 2, 18, 0), D(1), DAYS) == vn(2026, 3, 3, 17, 0)
    assert cal.due(vn(2026, 3, 6, 17, 0), D(4), HOURS) == vn(2026, 3, 9, 11, 0)
    assert cal.due(vn(2026, 3, 7, 10, 0), D(1), DAYS) == vn(2026, 3, 9, 17, 0)  # Saturday


def test_lunch_break_receipt_counts_from_1330(cal: WorkCalendar) -> None:
    assert cal.due(vn(2026, 3, 2, 12, 15), D("3.5"), HOURS) == vn(2026, 3, 2, 17, 0)
    assert cal.due(vn(2026, 3, 2, 12, 15), D(4), HOURS) == vn(2026, 3, 3, 7, 30)
    assert cal.due(vn(2026, 3, 2, 11, 30), D(1), DAYS) == vn(2026, 3, 3, 11, 30)


def test_working_hours(cal: WorkCalendar) -> None:
    assert cal.due(vn(2026, 3, 2, 10, 30), D(2), HOURS) == vn(2026, 3, 2, 14, 30)
    assert cal.due(vn(2026, 3, 2, 11, 0), D("1.5"), HOURS) == vn(2026, 3, 2, 14, 30)
    assert cal.due(vn(2026, 3, 2, 8, 0), D(16), HOURS) == vn(2026, 3, 4, 8, 0)


def test_half_days(cal: WorkCalendar) -> None:
    assert cal.due(vn(2026, 3, 2, 8, 0), D(1), HALF) == vn(2026, 3, 2, 14, 0)
    assert cal.due(vn(2026, 3, 2, 8, 0), D(3), HALF) == vn(2026, 3, 3, 14, 0)
    assert cal.due(vn(2026, 3, 2, 13, 30), D(1), HALF) == vn(2026, 3, 3, 7, 30)


# --- due: trong ngày and the cut-off --------------------------------------------------------


def test_trong_ngay_is_the_close_of_the_receipt_day(cal: WorkCalendar) -> None:
    assert cal.due(vn(2026, 3, 2, 10, 0), D(0), DAYS) == vn(2026, 3, 2, 17, 0)
    assert cal.due(vn(2026, 3, 2, 16, 59), D(0), DAYS) == vn(2026, 3, 2, 17, 0)


def test_trong_ngay_after_hours_or_on_a_day_off_is_the_next_working_day(
    cal: WorkCalendar,
) -> None:
    assert cal.due(vn(2026, 3, 2, 17, 30), D(0), DAYS) == vn(2026, 3, 3, 17, 0)
    assert cal.due(vn(2026, 3, 7, 9, 0), D(0), DAYS) == vn(2026, 3, 9, 17, 0)
    assert cal.due(vn(2026, 2, 18, 9, 0), D(0), HOURS) == vn(2026, 2, 23, 17, 0)


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        (vn(2026, 3, 2, 14, 59), vn(2026, 3, 2, 17, 0)),
        (vn(2026, 3, 2, 15, 0), vn(2026, 3, 3, 17, 0)),  # at the cut-off: next day
        (vn(2026, 3, 2, 16, 30), vn(2026, 3, 3, 17, 0)),
        (vn(2026, 3, 6, 15, 10), vn(2026, 3, 9, 17, 0)),  # Friday to Monday
        (vn(2026, 2, 13, 15, 10), vn(2026, 2, 23, 17, 0)),  # over Tết
        (vn(2026, 3, 3, 6, 30), vn(2026, 3, 3, 17, 0)),  # early morning is before the cut-off
    ],
)
def test_cutoff_1500_for_same_day_procedures(
    cal: WorkCalendar, received: datetime, expected: datetime
) -> None:
    assert cal.due(received, D(0), DAYS, cutoff=time(15, 0)) == expected


def test_cutoff_moves_the_start_of_a_longer_duration(cal: WorkCalendar) -> None:
    assert cal.due(vn(2026, 3, 2, 15, 30), D(1), DAYS, time(15, 0)) == vn(2026, 3, 3, 17, 0)
    assert cal.due(vn(2026, 3, 2, 14, 0), D(1), DAYS, time(15, 0)) == vn(2026, 3, 3, 14, 0)


# --- due: calendar days ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "amount", "expected"),
    [
        (vn(2026, 3, 2, 10, 0), D(3), vn(2026, 3, 5, 10, 0)),  # plain
        (vn(2026, 3, 2, 10, 0), D(5), vn(2026, 3, 9, 10, 0)),  # lands on Saturday
        (vn(2026, 4, 22, 9, 0), D(5), vn(2026, 4, 28, 9, 0)),  # lands on nghỉ bù 27/4
        (vn(2026, 2, 12, 9, 0), D(4), vn(2026, 2, 23, 9, 0)),  # lands in Tết
        (vn(2026, 8, 17, 9, 0), D(5), vn(2026, 8, 22, 9, 0)),  # make-up Saturday is kept
        (vn(2026, 3, 2, 12, 0), D(3), vn(2026, 3, 5, 17, 0)),  # lunch: closing time
        (vn(2026, 3, 6, 18, 0), D(3), vn(2026, 3, 9, 17, 0)),  # after hours: closing time
        (vn(2026, 3, 7, 9, 0), D(2), vn(2026, 3, 9, 9, 0)),  # received on a Saturday
        (vn(2026, 3, 2, 17, 0), D(1), vn(2026, 3, 3, 17, 0)),  # exact close is inside
    ],
)
def test_due_calendar_days(
    cal: WorkCalendar, received: datetime, amount: Decimal, expected: datetime
) -> None:
    assert cal.due(received, amount, CAL) == expected


def test_calendar_days_with_cutoff_start_next_morning(cal: WorkCalendar) -> None:
    assert cal.due(vn(2026, 3, 2, 15, 30), D(2), CAL, time(15, 0)) == vn(2026, 3, 5, 7, 0)


def test_negative_or_fractional_calendar_amounts_are_rejected(cal: WorkCalendar) -> None:
    with pytest.raises(CalendarError, match="số ngày nguyên"):
        cal.due(vn(2026, 3, 2, 10, 0), D("1.5"), CAL)
    with pytest.raises(CalendarError, match="không được âm"):
        cal.due(vn(2026, 3, 2, 10, 0), D(-1), DAYS)
    with pytest.raises(CalendarError, match="không được âm"):
        cal.add_working_hours(vn(2026, 3, 2, 8, 0), D(-1))


@pytest.mark.parametrize("unit", list(DurationUnit))
@pytest.mark.parametrize("amount", [D(0), D(1), D(2), D(3), D(5), D(10)])
def test_no_deadline_lands_on_a_day_off(
    cal: WorkCalendar, unit: DurationUnit, amount: Decimal
) -> None:
    received = vn(2026, 1, 28, 9, 0)
    for _ in range(60):  # every day around Tết and 30/4
        due = cal.due(received, amount, unit)
        assert cal.is_working_day(due.date()), (received, due)
        assert due >= received
        received += timedelta(days=1, hours=1)


# --- time zones ------------------------------------------------------------------------------


def test_utc_input_is_converted_to_vietnam_time(cal: WorkCalendar) -> None:
    due = cal.due(datetime(2026, 3, 2, 1, 0, tzinfo=UTC), D(1), DAYS)  # 08:00 in Vietnam
    assert due == vn(2026, 3, 3, 8, 0)
    assert due.tzinfo is VN_TZ
    assert due.utcoffset() == timedelta(hours=7)


def test_other_zone_and_naive_inputs(cal: WorkCalendar) -> None:
    tokyo = timezone(timedelta(hours=9))
    assert cal.due(datetime(2026, 3, 2, 10, 0, tzinfo=tokyo), D(2), HOURS) == vn(2026, 3, 2, 10, 0)
    assert cal.due(datetime(2026, 3, 2, 8, 0), D(1), DAYS) == vn(2026, 3, 3, 8, 0)


# --- Saturday-morning schedule --------------------------------------------------------------


def test_saturday_morning_schedule(saturday_cal: WorkCalendar) -> None:
    saturday = date(2026, 3, 7)
    assert saturday_cal.is_working_day(saturday)
    assert saturday_cal.sessions_on(saturday) == (WorkSession(time(7, 0), time(11, 30)),)
    assert not saturday_cal.is_working_day(date(2026, 3, 8))


def test_saturday_morning_counts_toward_the_deadline(saturday_cal: WorkCalendar) -> None:
    assert saturday_cal.due(vn(2026, 3, 6, 16, 0), D(1), DAYS) == vn(2026, 3, 9, 9, 30)
    assert saturday_cal.due(vn(2026, 3, 7, 12, 0), D(0), DAYS) == vn(2026, 3, 9, 17, 0)
    assert saturday_cal.due(vn(2026, 3, 7, 9, 0), D(0), DAYS) == vn(2026, 3, 7, 11, 30)


def test_saturday_schedule_respects_holidays_and_makeup(saturday_cal: WorkCalendar) -> None:
    assert not saturday_cal.is_working_day(date(2025, 2, 1))  # Tết Saturday
    assert saturday_cal.sessions_on(date(2026, 8, 22)) == CalendarRules().weekday_sessions


def test_calendar_days_landing_in_saturday_afternoon_use_closing_time(
    saturday_cal: WorkCalendar,
) -> None:
    assert saturday_cal.due(vn(2026, 3, 2, 15, 0), D(5), CAL) == vn(2026, 3, 7, 11, 30)


# --- misconfigured tables -------------------------------------------------------------------


def test_no_working_day_in_400_days_raises_instead_of_looping() -> None:
    mondays_only = CalendarRules(working_weekdays=frozenset({0}))
    first = date(2026, 3, 2)
    every_monday = {first + timedelta(weeks=n): "nghỉ" for n in range(80)}
    broken = WorkCalendar(mondays_only, every_monday, {})
    with pytest.raises(CalendarError, match="400 ngày"):
        broken.next_working_instant(vn(2026, 3, 2, 8, 0))
    with pytest.raises(CalendarError, match="400 ngày"):
        broken.due(vn(2026, 3, 2, 8, 0), D(3), CAL)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (vn(2026, 3, 2, 9, 15), vn(2026, 3, 2, 9, 15)),  # inside the morning session
        (vn(2026, 3, 2, 12, 0), vn(2026, 3, 2, 11, 29)),  # at lunch: the morning's last minute
        (vn(2026, 3, 3, 6, 30), vn(2026, 3, 2, 16, 59)),  # before opening: the day before
        (vn(2026, 3, 9, 0, 14), vn(2026, 3, 6, 16, 59)),  # Monday night: the Friday before
        (vn(2026, 2, 23, 6, 0), vn(2026, 2, 13, 16, 59)),  # after Tết 2026
        (datetime(2026, 3, 2, 17, 14, tzinfo=UTC), vn(2026, 3, 2, 16, 59)),  # 00:14 VN, Tuesday
    ],
)
def test_last_working_instant(cal: WorkCalendar, moment: datetime, expected: datetime) -> None:
    assert cal.last_working_instant(moment) == expected
