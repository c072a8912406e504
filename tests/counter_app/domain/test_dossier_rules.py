"""Closed, awaiting pick-up, overdue and due soon, with "soon" counted in working days."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.calendar import WorkCalendar
from counter_app.domain.calendar_rules import CalendarRules
from counter_app.domain.dossier_rules import (
    CLOSED_STATUSES,
    DEADLINE_RUNNING,
    DueState,
    due_window,
    is_closed,
)
from counter_protocol.statuses import TERMINAL, Status
from counter_protocol.timefmt import VN_TZ

# Giỗ Tổ Hùng Vương 2026 falls on Sunday 26/4, so Monday 27/4 is the day off in lieu (nghỉ bù).
DAYS_OFF = {date(2026, 4, 26): "Giỗ Tổ Hùng Vương", date(2026, 4, 27): "Giỗ Tổ (nghỉ bù)"}
CAL = WorkCalendar(CalendarRules(), DAYS_OFF, {})


def vn(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=VN_TZ)


def state(now: datetime, due: datetime, status: Status = Status.PROCESSING, days: int = 1) -> str:
    return due_window(CAL, now, days).state(status, due)


def test_friday_afternoon_a_monday_morning_deadline_is_due_soon() -> None:
    friday = vn(2026, 4, 17, 15, 0)
    monday = vn(2026, 4, 20, 9, 10)
    assert monday - friday > timedelta(hours=24)  # 24 clock hours would not call it soon
    assert state(friday, monday) == DueState.DUE_SOON
    assert due_window(CAL, friday, 1).soon_until == vn(2026, 4, 20, 15, 0)
    assert state(friday, vn(2026, 4, 20, 16, 0)) == DueState.ON_TIME


def test_a_holiday_monday_stretches_the_window_to_tuesday() -> None:
    friday = vn(2026, 4, 24, 15, 0)
    assert due_window(CAL, friday, 1).soon_until == vn(2026, 4, 28, 15, 0)
    assert state(friday, vn(2026, 4, 28, 9, 10)) == DueState.DUE_SOON
    assert state(friday, vn(2026, 4, 28, 16, 0)) == DueState.ON_TIME
    assert state(friday, vn(2026, 4, 28, 16, 0), days=2) == DueState.DUE_SOON


def test_outside_working_hours_the_window_starts_at_the_next_opening() -> None:
    saturday = vn(2026, 4, 18, 10, 0)
    assert due_window(CAL, saturday, 1).soon_until == vn(2026, 4, 20, 17, 0)


def test_a_result_waiting_for_pickup_is_its_own_state_never_overdue() -> None:
    now = vn(2026, 4, 17, 15, 0)
    assert state(now, now - timedelta(days=10), Status.DONE) == DueState.AWAITING_PICKUP
    assert state(now, now + timedelta(days=10), Status.DONE) == DueState.AWAITING_PICKUP
    assert state(now, now - timedelta(days=10), Status.PROCESSING) == DueState.OVERDUE


@pytest.mark.parametrize("status", sorted(TERMINAL))
def test_closed_dossiers_have_no_deadline(status: Status) -> None:
    now = vn(2026, 4, 17, 15, 0)
    assert is_closed(status) and is_closed(int(status))
    assert state(now, now - timedelta(days=30), status) == DueState.CLOSED


def test_the_closed_rule_is_the_status_module_s_terminal_set() -> None:
    assert CLOSED_STATUSES is TERMINAL
    assert set(Status) - TERMINAL - {Status.DONE} - {Status.NEW, Status.SUPPLEMENT_REQUESTED} == (
        DEADLINE_RUNNING
    )


@pytest.mark.parametrize("status", [Status.NEW, Status.SUPPLEMENT_REQUESTED])
def test_papers_awaited_and_a_supplement_pause_are_never_overdue(status: Status) -> None:
    now = vn(2026, 4, 17, 15, 0)
    assert state(now, now - timedelta(days=30), status) == DueState.ON_TIME


MOMENTS = st.datetimes(
    min_value=datetime(2026, 1, 1), max_value=datetime(2026, 12, 20), timezones=st.just(VN_TZ)
)


@given(
    now=MOMENTS,
    due=MOMENTS,
    status=st.sampled_from(sorted(DEADLINE_RUNNING)),
    days=st.integers(min_value=0, max_value=5),
)
def test_running_dossiers_are_overdue_exactly_when_past_due(
    now: datetime, due: datetime, status: Status, days: int
) -> None:
    window = due_window(CAL, now, days)
    assert window.soon_until >= now
    result = window.state(status, due)
    assert (result == DueState.OVERDUE) == (due < now)
    assert (result == DueState.DUE_SOON) == (now <= due <= window.soon_until)


@given(now=MOMENTS, due=MOMENTS, days=st.integers(min_value=0, max_value=4))
def test_a_wider_threshold_never_takes_a_dossier_out_of_due_soon(
    now: datetime, due: datetime, days: int
) -> None:
    if state(now, due, days=days) == DueState.DUE_SOON:
        assert state(now, due, days=days + 1) == DueState.DUE_SOON
