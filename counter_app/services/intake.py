"""Store one new dossier at the counter: the hot path behind "Lưu và in" (Ctrl+S).

A dossier is created by one of three outcomes (docs/domain.md#intake-outcomes): received
(status 2, the deadline runs), waiting for papers (status 1, no deadline yet) or refused
(status 3). Everything is written with Core statements in the caller's single transaction, in
the order that needs no second pass: code, applicant, dossier (already pointing at its outbox
op), components, first event, search words, outbox op. The ORM's unit of work cost ~4 ms a
save here; this ~1 ms. What it reads first is `intake_context.py`, the rows' values
`intake_rows.py`, the create op's data `wire_data.py`.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

import msgspec
from sqlalchemy import Connection, insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from counter_app.domain.routing import Admission
from counter_app.models.base import Base
from counter_app.models.search_queries import index_name_pairs
from counter_app.models.tables import Applicant, Dossier, DossierComponent, DossierEvent, SearchTerm
from counter_app.services import outbox
from counter_app.services.codes import allocate_code
from counter_app.services.dto import IntakeRequest
from counter_app.services.intake_context import IntakeContext, load_context
from counter_app.services.intake_rows import (
    applicant_values,
    creation_values,
    dossier_values,
    first_event_values,
)
from counter_app.services.intake_rules import Creation, normalised_request
from counter_app.services.procedures import admit_intake
from counter_app.services.wire_data import create_op_data
from counter_protocol import ops
from counter_protocol.lifecycle import Action, StepData

DueFunction = Callable[[datetime, Decimal, str, str | None], datetime]


@dataclass(frozen=True)
class Created:
    dossier_id: int
    code: str
    due_at: datetime  # the appointment (would-be only, when the deadline does not run yet)
    log_book: str | None
    log_seq: int | None


RECEIVED = Creation(Action.RECEIVE, StepData())


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
    creation = _first_step(creation, admission, ctx, due_at)
    dossier_id = _insert_returning_id(conn, _INSERT_DOSSIER, values)
    event = _insert_details(conn, dossier_id, req, now, creation, values)
    _queue_create(session, values, create_op_data(req, values, event, creation.step))
    return Created(dossier_id, code, due_at, values["log_book"], values["log_seq"])


def _first_step(
    creation: Creation, admission: Admission, ctx: IntakeContext, due_at: datetime
) -> Creation:
    """The first event's step: the route's decider and, when received, the deadline's date."""
    creation = Creation(creation.action, admitted_step(creation.step, admission))
    if creation.action == Action.RECEIVE:  # the first event records the date and who decides
        creation = Creation(creation.action, received_step(creation.step, ctx, due_at))
    return creation


def _insert_details(
    conn: Connection,
    dossier_id: int,
    req: IntakeRequest,
    now: datetime,
    creation: Creation,
    values: dict[str, Any],
) -> dict[str, Any]:
    """The dossier's components, first event and search words; returns the event's values."""
    if req.components:
        conn.execute(
            _INSERT_COMPONENT,
            [
                {"dossier_id": dossier_id, "ordinal": i, **asdict(c)}
                for i, c in enumerate(req.components, start=1)
            ],
        )
    event = first_event_values(now, req, creation, values["status"])
    conn.execute(_INSERT_EVENT, {"dossier_id": dossier_id, "origin": "counter", **event})
    conn.execute(_INSERT_TERM, [{"term": w} for w in set(values["search_name"].split())])
    index_name_pairs(conn, [(dossier_id, values["search_name"])])
    return event


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
