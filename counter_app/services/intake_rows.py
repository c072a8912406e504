"""The rows a new dossier is written as: its applicant, the dossier itself with its lifecycle
columns, and its first event (plain values for the prebuilt Core statements of `intake.py`, and
for the demo's rows)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import orjson
from sqlalchemy.orm import Session

from counter_app.domain.delivery import stored_address
from counter_app.domain.text import fold, nfc
from counter_app.services.codes import next_log_seq
from counter_app.services.dto import IntakeRequest
from counter_app.services.intake_context import IntakeContext
from counter_app.services.intake_rules import Creation
from counter_protocol.lifecycle import CREATION, Action, status_of, step_extra
from counter_protocol.statuses import Status, SubState


def applicant_values(req: IntakeRequest) -> dict[str, Any]:
    """The `applicants` row of a normalised request."""
    a = req.applicant
    return {
        "kind": a.kind,
        "full_name": nfc(a.full_name).strip(),
        "id_number": a.id_number or None,
        "old_id_number": a.old_id_number or None,
        "birth_date": a.birth_date,
        "sex": a.sex,
        "phone": a.phone or None,
        "email": a.email or None,
        "address": nfc(a.address or "").strip() or None,
    }


def dossier_values(
    req: IntakeRequest,
    ctx: IntakeContext,
    applicant_id: int,
    code: str,
    dossier_uuid: str,
    now: datetime,
    due_at: datetime,
    op_seq: int | None,
) -> dict[str, Any]:
    """The `dossiers` row of a normalised request, before its lifecycle columns
    (`creation_values`); `received_at` is the first contact until the dossier is received."""
    return {
        "uuid": dossier_uuid,
        "code": code,
        "unit_code": ctx.unit_code,
        "device_uuid": ctx.device_uuid,
        "procedure_id": ctx.procedure_id,
        "procedure_code": ctx.procedure_code,
        "catalogue_version": ctx.catalogue_version,
        "applicant_id": applicant_id,
        **_applicant_and_channel_columns(req),
        **_record_columns(req, ctx, now, due_at, op_seq),
    }


def _applicant_and_channel_columns(req: IntakeRequest) -> dict[str, Any]:
    """Who applies (as searched) and how the dossier came and its result goes back."""
    a = req.applicant
    return {
        "search_name": fold(a.full_name),
        "id_number": a.id_number or None,
        "phone": a.phone or None,
        "authorised_json": orjson.dumps(nfc(req.authorised_person)).decode()
        if req.authorised_person
        else None,
        "channel": req.channel,
        "at_home": req.at_home,
        "result_delivery": req.result_delivery,
        "delivery_address": stored_address(req.result_delivery, req.delivery_address),
    }


def _record_columns(
    req: IntakeRequest, ctx: IntakeContext, now: datetime, due_at: datetime, op_seq: int | None
) -> dict[str, Any]:
    """The record's state as received: status, who decides, forms, counters, times, clerk."""
    return {
        "status": int(Status.RECEIVED),  # a received dossier unless `creation_values` says else
        "sub_state": str(SubState.RECEIVED),
        "competent_code": ctx.competent_code,
        "competent_name": ctx.competent_name,
        "form_rules": "tt03-2025",  # received from 01/07/2025: the forms of TT 03/2025/TT-VPCP
        "supplement_requests": 0,
        "extensions": 0,
        "submitted_at": now,
        "received_at": now,
        "due_at": due_at,
        "received_by": req.clerk,
        "fees_json": orjson.dumps(req.fees).decode(),  # dataclasses: a list of objects
        "note": nfc(req.note or "").strip() or None,
        "sets_count": req.sets_count,
        "last_event_seq": 1,
        "last_op_seq": op_seq,
    }


def creation_values(
    session: Session, creation: Creation, unit_code: str, now: datetime, due_at: datetime
) -> dict[str, Any]:
    """The lifecycle columns of a new dossier: status, deadline story, logbook numbers."""
    state = CREATION[creation.action]
    received = creation.action == Action.RECEIVE
    book = f"{now.year:04d}" if received else None
    return {
        "status": int(status_of(state)),
        "sub_state": str(state),
        # Waiting for papers, the would-be date is kept for the slip preview; no deadline runs
        # (first_due_at stays empty) until the dossier is received (docs/domain.md#deadlines).
        "first_due_at": due_at if received else None,
        "ended_at": now if creation.action == Action.REFUSE else None,
        "log_book": book,
        "log_seq": next_log_seq(session, unit_code, book) if book else None,
    }


def first_event_values(
    now: datetime, req: IntakeRequest, creation: Creation, status: int
) -> dict[str, Any]:
    """The `dossier_events` row of the creation (event 1), before its dossier id."""
    extra = step_extra(creation.step)
    return {
        "seq": 1,
        "kind": str(creation.action),
        "at": now,
        "actor": req.clerk,
        "from_status": None,
        "to_status": status,
        "note": nfc(req.note or "").strip() or None,
        "data_json": orjson.dumps(extra).decode() if extra else None,
    }
