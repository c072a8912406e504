"""Home-appointment rules without a store: a slot lies in one working session; overlaps."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from counter_app.domain.appointments import (
    AppointmentError,
    Slot,
    check_portal_code,
    checked_slot,
    first_conflict,
    week_of,
)
from counter_app.domain.calendar import WorkCalendar
from counter_app.domain.calendar_rules import CalendarRules
from counter_protocol.timefmt import VN_TZ

CALENDAR = WorkCalendar(CalendarRules(), {date(2026, 12, 8): "Nghỉ thử"}, {})


def vn(d: int, hh: int, mm: int = 0) -> datetime:
    return datetime(2026, 12, d, hh, mm, tzinfo=VN_TZ)


def test_a_slot_inside_a_session_is_kept_in_vietnam_time() -> None:
    utc_start = vn(7, 13, 30).astimezone(UTC)
    slot = checked_slot(utc_start, utc_start + timedelta(hours=3, minutes=30), CALENDAR)
    assert slot == Slot(vn(7, 13, 30), vn(7, 17))
    assert slot.start.utcoffset() == timedelta(hours=7)


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        (vn(7, 11), vn(7, 14), "buổi làm việc"),  # spans the lunch break
        (vn(7, 6, 30), vn(7, 7, 30), "buổi làm việc"),  # before opening
        (vn(8, 8), vn(8, 9), "không phải ngày làm việc"),  # a day off
        (vn(6, 8), vn(6, 9), "không phải ngày làm việc"),  # Sunday
        (vn(7, 9), vn(7, 9), "phải sau"),
    ],
)
def test_a_slot_outside_the_sessions_is_refused(start: datetime, end: datetime, words: str) -> None:
    with pytest.raises(AppointmentError, match=words):
        checked_slot(start, end, CALENDAR)


def test_touching_slots_do_not_overlap() -> None:
    booked = [(1, Slot(vn(7, 8), vn(7, 9))), (2, Slot(vn(7, 10), vn(7, 11)))]
    assert first_conflict(Slot(vn(7, 9), vn(7, 10)), booked) is None
    assert first_conflict(Slot(vn(7, 10, 59), vn(7, 11, 30)), booked) == 2


def test_portal_codes_are_checked_loosely() -> None:
    assert check_portal_code("  000.00.17.H27-261207-0001 ") == "000.00.17.H27-261207-0001"
    for bad in ("", "   ", "a b", "x" * 61):
        with pytest.raises(AppointmentError):
            check_portal_code(bad)


def test_a_week_starts_on_monday() -> None:
    assert week_of(date(2026, 12, 13)) == date(2026, 12, 7)
    assert week_of(date(2026, 12, 7)) == date(2026, 12, 7)
