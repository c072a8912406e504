"""The control sheet (Mẫu 06, phiếu kiểm soát quá trình giải quyết hồ sơ) of a dossier: each
hand-over with its deadline and verdict, read from the dossier's events, as the screens show it
and as a later hand-over's form prints it."""

from __future__ import annotations

from typing import Any

import orjson
from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.deadlines import ControlRow, EventFacts, control_rows
from counter_app.models.tables import Dossier, DossierEvent
from counter_app.services.calendar import CalendarService
from counter_app.services.details import unit_name
from counter_app.services.people import named_control_rows, person_name
from counter_protocol.lifecycle import StepData, read_step


def control_sheet_rows(
    session: Session, dossier: Dossier, calendar: CalendarService
) -> list[ControlRow]:
    """The Mẫu 06 rows of a dossier, with the people's names."""
    events = session.scalars(
        select(DossierEvent).where(DossierEvent.dossier_id == dossier.id).order_by(DossierEvent.seq)
    ).all()
    facts = [EventFacts(e.seq, e.kind, e.at, e.actor, _step_of(e)) for e in events]
    work_calendar = calendar.calendar()
    rows = control_rows(work_calendar, dossier.received_at, dossier.first_due_at, facts)
    return named_control_rows(rows, lambda who: person_name(session, who))


def sheet_facts_rows(
    session: Session, dossier: Dossier, calendar: CalendarService
) -> list[dict[str, Any]]:
    """The rows so far as the control sheet's facts (units by name, times as text)."""
    return [
        {
            "at": row.at.isoformat(timespec="seconds"),
            "handed_by": row.handed_by,
            "received_by": row.received_by,
            "postal_number": row.postal_number,
            "from_unit": unit_name(session, row.from_unit) if row.from_unit else None,
            "to_unit": agency_name(session, dossier, row.to_unit) if row.to_unit else None,
            "note": row.label,
        }
        for row in control_sheet_rows(session, dossier, calendar)
    ]


def _step_of(event: DossierEvent) -> StepData:
    return read_step(orjson.loads(event.data_json) if event.data_json else None)


def agency_name(session: Session, dossier: Dossier, code: str | None) -> str | None:
    """What the control sheet prints for the receiving side: a unit's name when it is known."""
    if not code:
        return dossier.competent_name
    name = unit_name(session, code)
    if name == code and code == dossier.competent_code and dossier.competent_name:
        return dossier.competent_name
    return name
