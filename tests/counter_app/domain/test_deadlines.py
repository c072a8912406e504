"""Deadline rules: the paper hand-over after 15:00, a supplement pause counted in working hours
(Tết and 30/4–1/5 2026 from the calendar defaults), re-appointments, the Mẫu 06 rows."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.calendar import WorkCalendar
from counter_app.domain.calendar_rules import CalendarRules
from counter_app.domain.deadlines import (
    DeadlineError,
    EventFacts,
    Timeliness,
    check_extension,
    control_rows,
    dossier_timeliness,
    handover_due,
    resume_after_pause,
    timeliness,
)
from counter_app.services.holiday_defaults import build_calendar
from counter_protocol.lifecycle import StepData
from counter_protocol.timefmt import VN_TZ

CALENDAR: WorkCalendar = build_calendar(CalendarRules(), range(2025, 2028), [])


def vn(d: int, m: int, hh: int = 0, mm: int = 0, y: int = 2026) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=VN_TZ)


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (vn(10, 3, 14, 59), vn(10, 3, 17, 0)),  # Tuesday before 15:00: the same day
        (vn(10, 3, 15, 0), vn(11, 3, 11, 30)),  # at 15:00: the next morning
        (vn(13, 3, 16, 0), vn(16, 3, 11, 30)),  # Friday afternoon: Monday morning
        (vn(13, 2, 15, 30), vn(23, 2, 11, 30)),  # the Friday before Tết: after the holiday
        (vn(14, 3, 9, 0), vn(16, 3, 17, 0)),  # a Saturday: as if received Monday at opening
        (vn(29, 4, 15, 1), vn(4, 5, 11, 30)),  # before 30/4–1/5 and the weekend
    ],
)
def test_paper_received_after_15_00_goes_the_next_working_morning(
    received: datetime, due: datetime
) -> None:
    assert handover_due(CALENDAR, received) == due


def test_a_hand_over_is_early_on_time_or_late_against_its_deadline() -> None:
    due = handover_due(CALENDAR, vn(13, 3, 16, 0))  # Monday 16/03 11:30
    assert timeliness(vn(13, 3, 16, 30), due) == Timeliness.EARLY  # the same evening
    assert timeliness(vn(16, 3, 8, 0), due) == Timeliness.ON_TIME
    assert timeliness(vn(16, 3, 11, 30), due) == Timeliness.ON_TIME
    assert timeliness(vn(16, 3, 13, 30), due) == Timeliness.LATE
    assert Timeliness.LATE.label == "Quá hạn"


def test_a_second_supplement_request_counts_as_late_whatever_the_dates() -> None:
    assert dossier_timeliness(vn(2, 3, 9), vn(10, 3, 9), 1) == Timeliness.EARLY
    assert dossier_timeliness(vn(2, 3, 9), vn(10, 3, 9), 2) == Timeliness.LATE


def test_a_pause_across_tet_counts_only_working_hours() -> None:
    # Friday 13/02 15:00 → Monday 23/02 09:00: 2 h on Friday, Tết 16–20/02 and two weekends
    # skipped, 2 h on Monday.
    resumed = resume_after_pause(CALENDAR, vn(25, 2, 10, 0), vn(13, 2, 15, 0), vn(23, 2, 9, 0))
    assert resumed.paused_hours == Decimal(4)
    assert resumed.due_at == vn(25, 2, 16, 0)  # 1 h 30 before lunch, 2 h 30 after


def test_a_pause_across_30_april_and_1_may() -> None:
    # Wednesday 29/04 16:00 → Monday 04/05 08:00: 1 h + 1 h; 30/4, 1/5 and the weekend skipped.
    resumed = resume_after_pause(CALENDAR, vn(5, 5, 16, 30), vn(29, 4, 16, 0), vn(4, 5, 8, 0))
    assert resumed.paused_hours == Decimal(2)
    assert resumed.due_at == vn(6, 5, 8, 30)  # 30 min on Tuesday, 1 h 30 on Wednesday


def test_a_pause_that_only_spans_a_night_does_not_move_the_date() -> None:
    resumed = resume_after_pause(CALENDAR, vn(20, 3, 17, 0), vn(10, 3, 17, 0), vn(11, 3, 7, 0))
    assert resumed.paused_hours == 0 and resumed.due_at == vn(20, 3, 17, 0)


WORKING_INSTANTS = st.builds(
    lambda day, minute, hours: CALENDAR.add_working_hours(
        vn(1, 1) + timedelta(days=day, minutes=minute), Decimal(hours) / 4
    ),
    st.integers(0, 700),
    st.integers(0, 24 * 60),
    st.integers(1, 40),
)


@given(
    WORKING_INSTANTS,
    st.integers(0, 700),
    st.integers(0, 24 * 60),
    st.integers(0, 90 * 24 * 3600),
)
def test_the_new_date_is_never_on_a_day_off_nor_earlier(
    due: datetime, day: int, minute: int, pause_seconds: int
) -> None:
    paused = vn(1, 1) + timedelta(days=day, minutes=minute)
    resumed_at = paused + timedelta(seconds=pause_seconds)
    resumed = resume_after_pause(CALENDAR, due, paused, resumed_at)
    assert resumed.due_at >= due
    assert resumed.due_at.microsecond == 0  # a time to the second, as forms print it
    assert CALENDAR.is_working_day(resumed.due_at.date())
    assert resumed.paused_hours >= 0


def test_a_re_appointment_must_be_later_on_a_working_day_and_within_the_limit() -> None:
    due = vn(10, 3, 17, 0)
    check_extension(CALENDAR, due, vn(17, 3, 17, 0), done=0, limit=1)
    with pytest.raises(DeadlineError, match="sau ngày hẹn hiện tại") as early:
        check_extension(CALENDAR, due, vn(10, 3, 9, 0), done=0, limit=1)
    assert early.value.code == "lifecycle.extension_not_later"
    with pytest.raises(DeadlineError, match="ngày nghỉ"):
        check_extension(CALENDAR, due, vn(15, 3, 9, 0), done=0, limit=1)  # a Sunday
    with pytest.raises(DeadlineError, match="không được hẹn lại quá 1 lần") as twice:
        check_extension(CALENDAR, due, vn(17, 3, 17, 0), done=1, limit=1)
    assert twice.value.code == "lifecycle.extension_limit"
    check_extension(CALENDAR, due, vn(17, 3, 17, 0), done=1, limit=2)


def _event(seq: int, kind: str, at: datetime, **step: object) -> EventFacts:
    return EventFacts(seq, kind, at, "canbo", StepData(**step))  # type: ignore[arg-type]


def test_the_control_sheet_rows_follow_the_hand_overs_and_the_moving_date() -> None:
    received, first_due = vn(13, 3, 16, 0), vn(20, 3, 16, 0)
    events = [
        _event(1, "received", received, due_at=first_due.isoformat()),
        _event(2, "forwarded", vn(16, 3, 13, 30), handed_by="canbo", received_by="Văn thư"),
        _event(3, "agency_received", vn(17, 3, 8, 0), received_by="Chuyên viên A"),
        _event(4, "supplement_asked", vn(18, 3, 9, 0), reason="Thiếu giấy"),
        _event(5, "supplement_received", vn(19, 3, 9, 0), due_at=vn(23, 3, 16, 0).isoformat()),
        _event(6, "extended", vn(23, 3, 10, 0), due_at=vn(25, 3, 16, 0).isoformat()),
        _event(7, "result_received", vn(25, 3, 16, 30), handed_by="Chuyên viên A"),
    ]
    rows = control_rows(CALENDAR, received, first_due, events)
    assert [r.kind for r in rows] == [
        "forwarded",
        "agency_received",
        "supplement_asked",
        "supplement_received",
        "result_received",
    ]
    assert [r.verdict for r in rows] == [
        Timeliness.LATE,  # paper due Monday 11:30, handed over at 13:30
        Timeliness.EARLY,
        Timeliness.EARLY,
        Timeliness.EARLY,
        Timeliness.LATE,  # after the re-appointed 25/03 16:00
    ]
    assert rows[0].due_at == vn(16, 3, 11, 30) and rows[0].received_by == "Văn thư"
    assert rows[-1].due_at == vn(25, 3, 16, 0) and rows[-1].handed_by == "Chuyên viên A"
