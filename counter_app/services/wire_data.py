"""The wire data (`counter_protocol.ops`) of a dossier's stored rows: the create op of a new
dossier and the data of an event, as the outbox stores them (docs/sync.md)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import msgspec

from counter_app.domain.text import nfc
from counter_app.services.dto import ApplicantInput, IntakeRequest
from counter_protocol import ops
from counter_protocol.lifecycle import StepData, step_extra


def event_op_data(event: dict[str, Any], extra: dict[str, Any] | None) -> ops.EventData:
    """The wire data of an event (a dossier_events row's values)."""
    return ops.EventData(
        event_seq=event["seq"],
        kind=event["kind"],
        at=event["at"].isoformat(timespec="seconds"),
        actor=event["actor"],
        from_status=event["from_status"],
        to_status=event["to_status"],
        note=event["note"],
        extra=extra or {},
    )


def create_op_data(
    req: IntakeRequest,
    values: dict[str, Any],
    event: dict[str, Any],
    step: StepData | None = None,
) -> ops.CreateData:
    """The wire data of a new dossier: the request, its stored row values, its first event. The
    appointment goes on the wire only when the deadline runs (a received dossier)."""
    return ops.CreateData(
        procedure_code=values["procedure_code"],
        catalogue_version=values["catalogue_version"],
        status=values["status"],
        channel=values["channel"],
        result_delivery=values["result_delivery"],
        delivery_address=values["delivery_address"],
        received_at=values["received_at"].isoformat(timespec="seconds"),
        due_at=_wire_due(values),
        applicant=_wire_applicant(req.applicant),
        authorised_person=req.authorised_person,
        components=_wire_components(req),
        fees=_wire_fees(req),
        note=values["note"],
        received_by=req.clerk,
        sets_count=req.sets_count,
        event=event_op_data(event, step_extra(step) if step else None),
        at_home=True if values.get("at_home") else msgspec.UNSET,
    )


def _wire_components(req: IntakeRequest) -> list[ops.Component]:
    return [
        ops.Component(name=c.name, originals=c.originals, copies=c.copies, provided=c.provided)
        for c in req.components
    ]


def _wire_fees(req: IntakeRequest) -> list[ops.Fee]:
    return [
        ops.Fee(kind=f.kind, name=f.name, amount=f.amount, collected=f.collected, paid=f.paid)
        for f in req.fees
    ]


def _wire_applicant(a: ApplicantInput) -> ops.Applicant:
    return ops.Applicant(
        kind=a.kind,
        full_name=nfc(a.full_name).strip(),
        id_number=a.id_number,
        old_id_number=a.old_id_number,
        birth_date=a.birth_date.isoformat() if a.birth_date else None,
        sex=a.sex,
        phone=a.phone,
        email=a.email,
        address=a.address,
    )


def _wire_due(values: dict[str, Any]) -> str | None:
    # No deadline runs for a dossier waiting for papers or refused: its would-be date stays local.
    if values.get("first_due_at", values["due_at"]) is None:
        return None
    due_at: datetime = values["due_at"]
    return due_at.isoformat(timespec="seconds")
