"""Store one new dossier at the counter: the hot path behind "Lưu và in" (Ctrl+S).

A dossier is created by one of three outcomes (docs/domain.md#intake-outcomes): received
(status 2, the deadline runs), waiting for papers (status 1, no deadline yet) or refused
(status 3). Everything is written with Core statements in the caller's single transaction, in
the order that needs no second pass: code, applicant, dossier (already pointing at its outbox
op), components, first event, search words, outbox op. The ORM's unit of work cost ~4 ms a
save here; this ~1 ms.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

import msgspec
import orjson
from sqlalchemy import Connection, bindparam, insert, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from counter_app.domain.delivery import stored_address
from counter_app.domain.routing import Admission
from counter_app.domain.text import fold, nfc
from counter_app.models.base import Base
from counter_app.models.search_queries import index_name_pairs
from counter_app.models.tables import (
    Applicant,
    CatalogueVersion,
    Device,
    Dossier,
    DossierComponent,
    DossierEvent,
    Procedure,
    SearchTerm,
)
from counter_app.services import outbox
from counter_app.services.codes import allocate_code, next_log_seq
from counter_app.services.dto import IntakeRequest
from counter_app.services.errors import NotFound, ServiceError
from counter_app.services.intake_rules import Creation, normalised_request
from counter_app.services.procedures import admit_intake
from counter_protocol import ops
from counter_protocol.lifecycle import CREATION, Action, StepData, status_of, step_extra
from counter_protocol.statuses import Status, SubState
from counter_protocol.texts import QT_TRANSLATE_NOOP

DueFunction = Callable[[datetime, Decimal, str, str | None], datetime]


@dataclass(frozen=True)
class IntakeContext:
    unit_code: str
    slot: int
    device_uuid: str
    procedure_id: int
    procedure_code: str
    catalogue_version: str
    amount: Decimal
    unit: str
    cutoff: str | None
    competent_code: str | None = None  # the agency that decides (the catalogue's agency)
    competent_name: str | None = None


@dataclass(frozen=True)
class Created:
    dossier_id: int
    code: str
    due_at: datetime  # the appointment (would-be only, when the deadline does not run yet)
    log_book: str | None
    log_seq: int | None


RECEIVED = Creation(Action.RECEIVE, StepData())


_SELF_DEVICE = select(Device.unit_code, Device.slot, Device.device_uuid).where(
    Device.is_self.is_(True)
)
_CURRENT_PROCEDURE = (
    select(
        Procedure.id,
        Procedure.code,
        CatalogueVersion.version,
        Procedure.processing_amount,
        Procedure.processing_unit,
        Procedure.cutoff,
        Procedure.agency_code,
        Procedure.agency_name,
    )
    .join(CatalogueVersion, CatalogueVersion.id == Procedure.catalogue_version_id)
    .where(CatalogueVersion.is_current.is_(True), Procedure.code == bindparam("code"))
)


def load_context(session: Session, procedure_code: str) -> IntakeContext:
    conn = session.connection()
    device = conn.execute(_SELF_DEVICE).first()
    if device is None:
        raise ServiceError(
            QT_TRANSLATE_NOOP(
                "messages", "Máy này chưa được thiết lập. Hãy chạy trình thiết lập lần đầu."
            )
        )
    proc = conn.execute(_CURRENT_PROCEDURE, {"code": procedure_code.strip()}).first()
    if proc is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("messages", "Không có thủ tục mã “{code}” trong danh mục hiện hành."),
            params={"code": procedure_code},
        )
    return IntakeContext(
        device[0],
        device[1],
        device[2],
        proc[0],
        proc[1],
        proc[2],
        Decimal(proc[3]),
        proc[4],
        proc[5],
        proc[6] or None,
        proc[7] or None,
    )


# Statements built once: executing a compiled Core statement with plain parameters is what keeps a
# save near the bare SQLite commit (building `.values(**row)` each time cost ~2 ms here).
_TABLES = Base.metadata.tables
_INSERT_APPLICANT = insert(_TABLES[Applicant.__tablename__])
_INSERT_DOSSIER = insert(_TABLES[Dossier.__tablename__])
_INSERT_COMPONENT = insert(_TABLES[DossierComponent.__tablename__])
_INSERT_EVENT = insert(_TABLES[DossierEvent.__tablename__])
_INSERT_TERM = sqlite_insert(_TABLES[SearchTerm.__tablename__]).on_conflict_do_nothing()


def store_received(session: Session, req: IntakeRequest, now: datetime, due: DueFunction) -> str:
    """Write a received dossier (status 2) with its event and outbox op; return its code."""
    return store_new(session, req, now, due, RECEIVED).code


def store_new(
    session: Session, req: IntakeRequest, now: datetime, due: DueFunction, creation: Creation
) -> Created:
    """Write a new dossier in the state `creation` leads to, with its first event, its search
    words and its create op, in the caller's transaction."""
    req = normalised_request(req)  # whoever called: ids and phone are stored in one form
    ctx = load_context(session, req.procedure_code)
    admission = admit(session, req)  # routing and in-person refusals before any write
    due_at = due(now, ctx.amount, ctx.unit, ctx.cutoff)
    code = str(allocate_code(session, ctx.unit_code, now.date(), ctx.slot))
    conn = session.connection()
    applicant_id = _insert_returning_id(conn, _INSERT_APPLICANT, applicant_values(req))
    seq = outbox.next_device_seq(session)
    dossier_uuid = str(uuid.uuid4())
    values = dossier_values(req, ctx, applicant_id, code, dossier_uuid, now, due_at, seq)
    values.update(creation_values(session, creation, ctx.unit_code, now, due_at))
    values["competent_code"] = admission.route.competent_code
    values["competent_name"] = admission.route.competent_name
    creation = Creation(creation.action, admitted_step(creation.step, admission))
    if creation.action == Action.RECEIVE:  # the first event records the date and who decides
        creation = Creation(creation.action, received_step(creation.step, ctx, due_at))
    dossier_id = _insert_returning_id(conn, _INSERT_DOSSIER, values)
    if req.components:
        conn.execute(
            _INSERT_COMPONENT,
            [
                {"dossier_id": dossier_id, "ordinal": i, **asdict(c)}
                for i, c in enumerate(req.components, start=1)
            ],
        )
    event = _first_event(now, req, creation, values["status"])
    conn.execute(_INSERT_EVENT, {"dossier_id": dossier_id, "origin": "counter", **event})
    conn.execute(_INSERT_TERM, [{"term": w} for w in set(values["search_name"].split())])
    index_name_pairs(conn, [(dossier_id, values["search_name"])])
    _queue_create(session, values, create_op_data(req, values, event, creation.step))
    return Created(dossier_id, code, due_at, values["log_book"], values["log_seq"])


def _queue_create(session: Session, values: dict[str, Any], data: ops.CreateData) -> None:
    """The `dossier.create` op, under the device_seq the dossier row already points at."""
    outbox.enqueue(
        session,
        kind=ops.KIND_CREATE,
        dossier_uuid=values["uuid"],
        dossier_code=values["code"],
        unit_code=values["unit_code"],
        prev_seq=None,
        created_at=values["submitted_at"],
        device_seq=values["last_op_seq"],
        data=data,
    )


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


def admit(session: Session, req: IntakeRequest) -> Admission:
    """Whether this unit may take the dossier, who decides it, and a supervisor's reason for
    taking an in-person procedure by post (docs/domain.md#routing)."""
    return admit_intake(
        session,
        req.procedure_code,
        channel=req.channel,
        result_delivery=req.result_delivery,
        actor=req.clerk,
        override_reason=req.override_reason,
        home_commune=req.home_commune,
    )


def admitted_step(step: StepData, admission: Admission) -> StepData:
    """The first event's step data with the route's decider and any routing override."""
    overrides = [text for text in (step.override, admission.override) if text]
    return msgspec.structs.replace(
        step,
        competent_code=admission.route.competent_code,
        competent_name=admission.route.competent_name,
        override="; ".join(overrides) or None,
    )


def received_step(step: StepData, ctx: IntakeContext, due_at: datetime) -> StepData:
    return msgspec.structs.replace(
        step,
        due_at=due_at.isoformat(timespec="seconds"),
        competent_code=step.competent_code or ctx.competent_code,
        competent_name=step.competent_name or ctx.competent_name,
    )


def _insert_returning_id(conn: Connection, statement: Any, values: dict[str, Any]) -> int:
    key = conn.execute(statement, values).inserted_primary_key
    assert key is not None
    return int(key[0])


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
    a = req.applicant
    return {
        "uuid": dossier_uuid,
        "code": code,
        "unit_code": ctx.unit_code,
        "device_uuid": ctx.device_uuid,
        "procedure_id": ctx.procedure_id,
        "procedure_code": ctx.procedure_code,
        "catalogue_version": ctx.catalogue_version,
        "applicant_id": applicant_id,
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


def _first_event(
    now: datetime, req: IntakeRequest, creation: Creation, status: int
) -> dict[str, Any]:
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
    a = req.applicant
    return ops.CreateData(
        procedure_code=values["procedure_code"],
        catalogue_version=values["catalogue_version"],
        status=values["status"],
        channel=values["channel"],
        result_delivery=values["result_delivery"],
        delivery_address=values["delivery_address"],
        received_at=values["received_at"].isoformat(timespec="seconds"),
        due_at=_wire_due(values),
        applicant=ops.Applicant(
            kind=a.kind,
            full_name=nfc(a.full_name).strip(),
            id_number=a.id_number,
            old_id_number=a.old_id_number,
            birth_date=a.birth_date.isoformat() if a.birth_date else None,
            sex=a.sex,
            phone=a.phone,
            email=a.email,
            address=a.address,
        ),
        authorised_person=req.authorised_person,
        components=[
            ops.Component(name=c.name, originals=c.originals, copies=c.copies, provided=c.provided)
            for c in req.components
        ],
        fees=[
            ops.Fee(kind=f.kind, name=f.name, amount=f.amount, collected=f.collected, paid=f.paid)
            for f in req.fees
        ],
        note=values["note"],
        received_by=req.clerk,
        sets_count=req.sets_count,
        event=event_op_data(event, step_extra(step) if step else None),
        at_home=True if values.get("at_home") else msgspec.UNSET,
    )


def _wire_due(values: dict[str, Any]) -> str | None:
    # No deadline runs for a dossier waiting for papers or refused: its would-be date stays local.
    if values.get("first_due_at", values["due_at"]) is None:
        return None
    due_at: datetime = values["due_at"]
    return due_at.isoformat(timespec="seconds")
