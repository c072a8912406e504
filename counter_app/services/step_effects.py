"""What a lifecycle action does to the dossier row before its step is applied: each action's
effects give the event's step data and the facts its form prints (`lifecycle.py` runs them inside
the step's transaction)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

import msgspec
from sqlalchemy.orm import Session

from counter_app.domain.deadlines import handover_due, timeliness
from counter_app.models.tables import Dossier, Procedure
from counter_app.services.calendar import CalendarService
from counter_app.services.codes import next_log_seq
from counter_app.services.control_sheet import agency_name
from counter_app.services.details import unit_name
from counter_protocol.lifecycle import StepData


@dataclass(frozen=True)
class Prepared:
    """What an action's own effects produced: the event's step data and the form's facts."""

    step: StepData
    facts: dict[str, Any] = field(default_factory=dict)


Effects = Callable[[Session, Dossier, datetime], Prepared]


def start_deadline(
    session: Session,
    dossier: Dossier,
    now: datetime,
    override: str | None,
    calendar: CalendarService,
) -> Prepared:
    """Receive the dossier now: its appointment, first deadline and logbook number."""
    proc = session.get(Procedure, dossier.procedure_id)
    assert proc is not None
    due = calendar.due(now, Decimal(proc.processing_amount), proc.processing_unit, proc.cutoff)
    dossier.received_at, dossier.due_at, dossier.first_due_at = now, due, due
    dossier.log_book = f"{now.year:04d}"
    dossier.log_seq = next_log_seq(session, dossier.unit_code, dossier.log_book)
    step = StepData(
        due_at=due.isoformat(timespec="seconds"),
        competent_code=dossier.competent_code,
        competent_name=dossier.competent_name,
        override=override,
    )
    facts = {"log_book": dossier.log_book, "log_seq": dossier.log_seq}
    return Prepared(step, {**facts, "due_at": step.due_at})


def handover_effects(given: StepData, calendar: CalendarService) -> Effects:
    """The hand-over's units (codes on the event, names on Mẫu 06) and its verdict against
    the paper deadline."""

    def effects(session: Session, dossier: Dossier, now: datetime) -> Prepared:
        to_unit = given.to_unit or dossier.competent_code
        step = msgspec.structs.replace(given, from_unit=dossier.unit_code, to_unit=to_unit)
        due = handover_due(calendar.calendar(), dossier.received_at)
        facts = {
            "from_unit": unit_name(session, dossier.unit_code),
            "to_unit": agency_name(session, dossier, to_unit),
            "handover_due": due.isoformat(timespec="seconds"),
            "verdict": str(timeliness(now, due)),
        }
        return Prepared(step, facts)

    return effects


def fixed_step(step: StepData) -> Effects:
    """An action with no effect of its own on the row: its step as given."""

    def effects(session: Session, dossier: Dossier, now: datetime) -> Prepared:
        return Prepared(step)

    return effects


def with_reason(reason: str) -> Effects:
    """A step that records its reason and, when it ends a supplement pause, closes the pause."""

    def effects(session: Session, dossier: Dossier, now: datetime) -> Prepared:
        dossier.paused_at = None
        return Prepared(StepData(reason=reason), {"reason": reason})

    return effects
