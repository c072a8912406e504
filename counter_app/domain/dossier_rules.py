"""Counter-side rules on a dossier's status and deadline: closed, waiting for pick-up, due soon.

"Due soon" is counted in working time on the counter's calendar, not in clock hours: a dossier
due on Monday morning is due soon on Friday afternoon, whatever lies between (weekend, holiday).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from counter_app.domain.calendar import WorkCalendar
from counter_protocol import statuses
from counter_protocol.statuses import Status
from counter_protocol.texts import QT_TRANSLATE_NOOP

# Refused, withdrawn, stopped, returned: nothing more happens to the dossier.
CLOSED_STATUSES: frozenset[Status] = statuses.TERMINAL
# The result is ready at the counter: the agency's deadline no longer runs, the applicant's turn.
RESULT_READY = Status.DONE
# No deadline runs yet for a dossier waiting for papers (1), and a supplement pause (5) stops it
# (docs/domain.md#deadlines): neither can be overdue.
DEADLINE_NOT_STARTED_OR_PAUSED: frozenset[Status] = frozenset(
    {Status.NEW, Status.SUPPLEMENT_REQUESTED}
)
# Statuses in which the processing deadline runs (and can be missed).
DEADLINE_RUNNING: frozenset[Status] = (
    frozenset(Status) - CLOSED_STATUSES - {RESULT_READY} - DEADLINE_NOT_STARTED_OR_PAUSED
)


def is_closed(status: int) -> bool:
    """Whether nothing more can happen to a dossier in this status."""
    return status in CLOSED_STATUSES


def deadline_runs(status: int) -> bool:
    """Whether a dossier in this status can still become overdue."""
    return status in DEADLINE_RUNNING


class DueState(StrEnum):
    """Where an open dossier stands against its appointment date (hẹn trả)."""

    CLOSED = "closed"
    AWAITING_PICKUP = "awaiting_pickup"
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    ON_TIME = "on_time"

    @property
    def label(self) -> str:
        return _DUE_LABELS[self]


_DUE_LABELS = {
    DueState.CLOSED: "",
    DueState.AWAITING_PICKUP: QT_TRANSLATE_NOOP("labels", "Có kết quả, chờ trả"),
    DueState.OVERDUE: QT_TRANSLATE_NOOP("labels", "Quá hạn"),
    DueState.DUE_SOON: QT_TRANSLATE_NOOP("labels", "Sắp đến hạn"),
    DueState.ON_TIME: "",
}


@dataclass(frozen=True)
class DueWindow:
    """The two instants that sort running dossiers at one moment: overdue before `now`, due soon
    up to `soon_until` (included), on time after."""

    now: datetime
    soon_until: datetime

    def state(self, status: int, due_at: datetime) -> DueState:
        if status in CLOSED_STATUSES:
            return DueState.CLOSED
        if status == RESULT_READY:
            return DueState.AWAITING_PICKUP
        if status in DEADLINE_NOT_STARTED_OR_PAUSED:
            return DueState.ON_TIME
        if due_at < self.now:
            return DueState.OVERDUE
        if due_at <= self.soon_until:
            return DueState.DUE_SOON
        return DueState.ON_TIME


def due_window(calendar: WorkCalendar, now: datetime, working_days: int) -> DueWindow:
    """Due soon = due within `working_days` working days of session time from `now`.

    Friday 15:00 with one working day reaches Monday 15:00 (2 h on Friday, 6 h on Monday), so a
    dossier due Monday 09:10 is due soon; with a Monday holiday the window reaches Tuesday.
    """
    if working_days < 0:
        raise ValueError("working_days must not be negative")
    hours = calendar.rules.hours_per_day * Decimal(working_days)
    return DueWindow(now, calendar.add_working_hours(now, hours))
