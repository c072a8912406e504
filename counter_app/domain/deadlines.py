"""Deadline rules of a dossier's life (docs/domain.md#deadlines): the paper hand-over deadline
and its verdict, a supplement pause moving the appointment, a re-appointment's checks, and
early / on time / late at the end of processing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from decimal import Decimal
from enum import StrEnum

from counter_app.domain.calendar import WorkCalendar
from counter_protocol.errors import UserError
from counter_protocol.lifecycle import Action, StepData
from counter_protocol.texts import QT_TRANSLATE_NOOP
from counter_protocol.timefmt import VN_TZ, to_vn

# Paper received after this hour goes to the competent agency at the start of the next working
# day instead of the same day (Nghị định 61/2018/NĐ-CP Điều 18, kept by Nghị định 118/2025).
HANDOVER_CUTOFF = time(15, 0)
DEFAULT_EXTENSION_LIMIT = 1  # TT 01/2018: a new date may be set only once


class DeadlineError(UserError):
    """A date a step cannot take (a re-appointment too early, one too many)."""

    default_code = "lifecycle.deadline"


class Timeliness(StrEnum):
    """Early / on time / late, for a hand-over row (Mẫu 06) or a whole dossier."""

    EARLY = "early"
    ON_TIME = "on_time"
    LATE = "late"

    @property
    def label(self) -> str:
        return _TIMELINESS_LABELS[self]


_TIMELINESS_LABELS = {
    Timeliness.EARLY: QT_TRANSLATE_NOOP("labels", "Trước hạn"),
    Timeliness.ON_TIME: QT_TRANSLATE_NOOP("labels", "Đúng hạn"),
    Timeliness.LATE: QT_TRANSLATE_NOOP("labels", "Quá hạn"),
}


def handover_due(calendar: WorkCalendar, received_at: datetime) -> datetime:
    """When paper received at `received_at` must have left for the competent agency.

    Received on a working day before 15:00: by that day's close. At or after 15:00: by the end
    of the next working day's first session ("đầu giờ ngày làm việc tiếp theo"). Received on a
    day off: as if at the next working day's opening, so by that day's close."""
    local = to_vn(received_at)
    day = local.date()
    if not calendar.is_working_day(day):
        return calendar.closing_time(calendar.first_working_day_from(day))
    if local.time() < HANDOVER_CUTOFF:
        return calendar.closing_time(day)
    after = calendar.first_working_day_from(day + timedelta(days=1))
    return datetime.combine(after, calendar.sessions_on(after)[0].end, tzinfo=VN_TZ)


def timeliness(done_at: datetime, due_at: datetime) -> Timeliness:
    """Late after `due_at`; early when done on an earlier day than the one it was due; else on
    time (docs/domain.md#timeliness)."""
    done, due = to_vn(done_at), to_vn(due_at)
    if done > due:
        return Timeliness.LATE
    if done.date() < due.date():
        return Timeliness.EARLY
    return Timeliness.ON_TIME


def dossier_timeliness(
    ended_at: datetime, due_at: datetime, supplement_requests: int
) -> Timeliness:
    """A dossier's verdict at the end of processing: more than one supplement request during
    processing counts as late whatever the dates (Bộ chỉ số 766, QĐ 766/QĐ-TTg)."""
    if supplement_requests > 1:
        return Timeliness.LATE
    return timeliness(ended_at, due_at)


@dataclass(frozen=True)
class Resumed:
    """The appointment after a supplement pause: the pause's working hours and the new date."""

    paused_hours: Decimal
    due_at: datetime


def resume_after_pause(
    calendar: WorkCalendar, due_at: datetime, paused_at: datetime, resumed_at: datetime
) -> Resumed:
    """Move the appointment by the working time the pause lasted (nights, weekends and days off
    do not count); the new date is never earlier than the old one and never on a day off."""
    hours = calendar.working_hours_between(paused_at, resumed_at)
    if hours == 0:
        return Resumed(hours, due_at)
    moved = calendar.add_working_hours(due_at, hours)
    # Hours are kept to 3.6 ms; an appointment is a time to the second, as forms print it.
    return Resumed(hours, (moved + timedelta(microseconds=500_000)).replace(microsecond=0))


def check_extension(
    calendar: WorkCalendar, current_due: datetime, new_due: datetime, done: int, limit: int
) -> None:
    """A re-appointment (Mẫu 04) must be later than the current date, on a working day, and
    within the allowed number of re-appointments; DeadlineError says which rule failed."""
    if done >= limit:
        raise DeadlineError(
            QT_TRANSLATE_NOOP(
                "messages",
                "Hồ sơ đã được hẹn lại {done} lần; không được hẹn lại quá {limit} lần.",
            ),
            code="lifecycle.extension_limit",
            advice=QT_TRANSLATE_NOOP(
                "messages", "Liên hệ cơ quan giải quyết để xử lý hồ sơ quá hạn."
            ),
            params={"done": done, "limit": limit},
        )
    if to_vn(new_due) <= to_vn(current_due):
        raise DeadlineError(
            QT_TRANSLATE_NOOP(
                "messages",
                "Ngày hẹn mới phải sau ngày hẹn hiện tại ({current_due:%H:%M %d/%m/%Y}).",
            ),
            code="lifecycle.extension_not_later",
            field="due_at",
            params={"current_due": to_vn(current_due)},
        )
    if not calendar.is_working_day(to_vn(new_due).date()):
        raise DeadlineError(
            QT_TRANSLATE_NOOP(
                "messages",
                "Ngày hẹn mới {new_due:%d/%m/%Y} là ngày nghỉ; hãy chọn một ngày làm việc.",
            ),
            code="lifecycle.extension_day_off",
            field="due_at",
            params={"new_due": to_vn(new_due)},
        )


# --- Mẫu 06, the control sheet ---------------------------------------------------------------

# The events that hand the dossier (or its result) from one person to another.
HANDOVER_KINDS: frozenset[str] = frozenset(
    {
        Action.FORWARD,
        Action.AGENCY_RECEIVED,
        Action.ASK_SUPPLEMENT,
        Action.SUPPLEMENT_RECEIVED,
        Action.RESULT_RECEIVED,
        Action.APPRAISAL_REFUSED,
        Action.RETURN,
    }
)


@dataclass(frozen=True)
class EventFacts:
    """What the control sheet needs of one event."""

    seq: int
    kind: str
    at: datetime
    actor: str
    step: StepData


@dataclass(frozen=True)
class ControlRow:
    """One hand-over row of Mẫu 06: who gave, who took, when, against which deadline."""

    seq: int
    kind: str
    label: str
    at: datetime
    handed_by: str
    received_by: str
    due_at: datetime | None
    verdict: Timeliness | None
    postal_number: str | None = None
    from_unit: str | None = None  # unit codes, when the step recorded them
    to_unit: str | None = None


def control_rows(
    calendar: WorkCalendar,
    received_at: datetime,
    first_due_at: datetime | None,
    events: Sequence[EventFacts],
) -> list[ControlRow]:
    """The hand-over rows of a dossier's events, oldest first. The hand-over to the agency is
    judged against the paper deadline (`handover_due`); later rows against the appointment in
    force at that moment (the first date, moved by pauses and re-appointments)."""
    rows: list[ControlRow] = []
    due = first_due_at
    for event in events:
        if event.kind in HANDOVER_KINDS:
            paper = event.kind == Action.FORWARD
            rows.append(_control_row(event, handover_due(calendar, received_at) if paper else due))
        if event.step.due_at:  # received, a pause ended, a re-appointment: the date moved
            due = datetime.fromisoformat(event.step.due_at)
    return rows


def _control_row(event: EventFacts, due: datetime | None) -> ControlRow:
    step = event.step
    return ControlRow(
        seq=event.seq,
        kind=event.kind,
        label=Action(event.kind).label,
        at=event.at,
        handed_by=step.handed_by or event.actor,
        received_by=step.received_by or step.receiver_name or step.postal_number or "",
        due_at=due,
        verdict=timeliness(event.at, due) if due is not None else None,
        postal_number=step.postal_number,
        from_unit=step.from_unit,
        to_unit=step.to_unit,
    )
