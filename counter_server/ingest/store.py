"""Database side of ingest: read what bears on a batch in three queries, write a plan in bulk.

`write_plan` issues one multi-row statement per table. `write_plan_carefully` is the fallback
after a database error: each op's writes go in their own savepoint, and an op whose writes fail
is quarantined instead of sinking the batch.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, and_, bindparam, insert, or_, select, update
from sqlalchemy.exc import DBAPIError

from counter_protocol.encoding import canonical_json
from counter_protocol.ops import KIND_CREATE
from counter_protocol.receipt import QUARANTINED
from counter_server.devices import REVOKED
from counter_server.ingest.bulk import JsonText, among, bindable, insert_rows
from counter_server.ingest.checks import read_back
from counter_server.ingest.plan import Known, Plan, Step
from counter_server.ingest.records import DossierState, Entry, IncomingHelp, IncomingOp, StoredOp
from counter_server.ingest.work_store import add_work, load_help_codes
from counter_server.models import Device, DossierEvent, DossierRow, OnlineHelpRow, OpRow

DB_ERROR_MESSAGE = "Máy chủ không lưu được thao tác này ({error}); đã cách ly để kiểm tra."


class StepFailed(Exception):
    """An op's writes did not land where the plan expected (e.g. its dossier row is missing)."""


def load_known(conn: Connection, device_id: int, unit_code: str, entries: list[Entry]) -> Known:
    known = Known()
    valid = [e for e in entries if isinstance(e, IncomingOp)]
    portal_codes = {e.portal_code for e in entries if isinstance(e, IncomingHelp)}
    if portal_codes:
        known.help_codes = load_help_codes(conn, portal_codes)
    uuids = {op.dossier_uuid for op in valid}
    codes = {op.dossier_code for op in valid if op.kind == KIND_CREATE}
    if uuids or codes:  # first, so a concurrent batch of this device is waited for, then seen
        _load_dossiers(conn, uuids, codes, known)
    _load_ops(conn, device_id, entries, valid, known)
    if uuids and has_held(conn, device_id):
        known.held = _load_held(conn, device_id, unit_code, uuids)
    _load_predecessors(conn, device_id, known)
    return known


def load_overdue(conn: Connection, device_id: int, unit_code: str, deadline: datetime) -> Known:
    """What bears on the dossiers of this device's ops held since before `deadline`."""
    t = OpRow.__table__.c
    uuids = {
        str(u)
        for u in conn.execute(
            select(t.dossier_uuid).where(
                t.state == "held", t.device_id == device_id, t.received_at <= deadline
            )
        ).scalars()
    }
    known = Known()
    if uuids:
        _load_dossiers(conn, uuids, set(), known)
        known.held = _load_held(conn, device_id, unit_code, uuids)
        _load_ops(conn, device_id, known.held, known.held, known)
        _load_predecessors(conn, device_id, known)
    return known


def devices_with_overdue(conn: Connection, deadline: datetime) -> list[tuple[int, str]]:
    """(device id, unit code) of every device with an op held since before `deadline`."""
    t, d = OpRow.__table__.c, Device.__table__.c
    query = select(d.id, d.unit_code).where(
        d.id.in_(select(t.device_id).where(t.state == "held", t.received_at <= deadline))
    )
    return [(int(row.id), str(row.unit_code)) for row in conn.execute(query)]


def _load_predecessors(conn: Connection, device_id: int, known: Known) -> None:
    """Revoked devices of this device's unit and slot: the same counter PC under an earlier
    identity (it enrolled again after a revocation), whose dossiers it carries on."""
    if all(state.device_id == device_id for state in known.dossiers.values()):
        return
    me, old = Device.__table__.alias("me"), Device.__table__.alias("old")
    same_place = and_(me.c.unit_code == old.c.unit_code, me.c.slot == old.c.slot)
    query = (
        select(old.c.id)
        .select_from(old.join(me, same_place))
        .where(me.c.id == device_id, old.c.status == REVOKED, old.c.id != device_id)
    )
    known.predecessors = {int(i) for i in conn.execute(query).scalars()}


def _load_ops(
    conn: Connection,
    device_id: int,
    entries: Iterable[Entry],
    valid: list[IncomingOp],
    known: Known,
) -> None:
    op_ids = {e.op_id for e in entries if e.op_id is not None}
    seqs = {e.device_seq for e in entries if e.device_seq is not None}
    seqs.update(op.prev_seq for op in valid if op.prev_seq is not None)
    if not op_ids and not seqs:
        return
    t = OpRow.__table__.c
    query = select(t.op_id, t.device_id, t.device_seq, t.payload_hash, t.result, t.state).where(
        or_(
            among(conn, t.op_id, op_ids),
            and_(t.device_id == device_id, among(conn, t.device_seq, seqs)),
        )
    )
    for row in conn.execute(query):
        stored = StoredOp(
            str(row.op_id), row.device_id, row.device_seq, row.payload_hash, row.result, row.state
        )
        known.ops_by_id[stored.op_id] = stored
        if stored.device_id == device_id:
            known.seq_owner[stored.device_seq] = stored


def _load_dossiers(conn: Connection, uuids: set[str], codes: set[str], known: Known) -> None:
    t = DossierRow.__table__.c
    query = (
        select(
            t.uuid,
            t.code,
            t.device_id,
            t.status,
            t.last_device_seq,
            t.last_event_seq,
            t.sub_state,
            t.device_sub_state,
            t.due_at,
            t.channel,
            t.at_home,
        )
        .where(or_(among(conn, t.uuid, uuids), among(conn, t.code, codes)))
        .with_for_update()
    )
    for row in conn.execute(query):
        uuid = str(row.uuid)
        known.codes[row.code] = uuid
        if uuid in uuids:
            known.dossiers[uuid] = DossierState(
                uuid,
                row.code,
                row.device_id,
                row.status,
                row.last_device_seq,
                row.last_event_seq,
                row.sub_state,
                row.device_sub_state,
                row.due_at,
                row.channel,
                row.at_home,
            )


def has_held(conn: Connection, device_id: int) -> bool:
    """A cheap probe of the partial index: most devices have nothing held most of the time."""
    t = OpRow.__table__.c
    query = select(t.seq).where(t.state == "held", t.device_id == device_id).limit(1)
    return conn.execute(query).first() is not None


def _load_held(
    conn: Connection, device_id: int, unit_code: str, uuids: set[str]
) -> list[IncomingOp]:
    t = OpRow.__table__.c
    query = (
        select(t.seq, t.payload_hash, t.payload, t.clock_flag, t.received_at)
        .where(t.state == "held", t.device_id == device_id, among(conn, t.dossier_uuid, uuids))
        .order_by(t.device_seq)
    )
    held = []
    for row in conn.execute(query):
        op = read_back(canonical_json(row.payload), row.payload_hash, unit_code)
        op.row_seq, op.clock_flag, op.held_since = row.seq, row.clock_flag, row.received_at
        held.append(op)
    return held


def write_plan(conn: Connection, plan: Plan) -> None:
    """All of a plan's writes, one statement per table (COPY or executemany)."""
    dossiers, updates, events = _fold(plan.steps)
    insert_rows(conn, DossierRow.__table__, dossiers)
    insert_rows(conn, DossierEvent.__table__, events)
    if updates:
        conn.execute(_dossier_update(), updates)
    helps = [step.help for step in plan.steps if step.help is not None]
    insert_rows(conn, OnlineHelpRow.__table__, helps)
    add_work(conn, [key for step in plan.steps for key in step.work])
    insert_rows(conn, OpRow.__table__, plan.new_rows)
    if plan.held_updates:
        conn.execute(_held_update(), plan.held_updates)


def _fold(steps: list[Step]) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[Any]]:
    """Merge the steps: a dossier created and then moved on in one batch is inserted once."""
    inserts: dict[str, dict[str, Any]] = {}
    updates: dict[str, dict[str, Any]] = {}
    events = []
    for step in steps:
        if step.dossier is not None:
            inserts[step.dossier["uuid"]] = dict(step.dossier)
        if step.event is not None:
            events.append(step.event)
        if step.update is not None:
            target = inserts.get(step.update["b_uuid"])
            if target is None:
                updates[step.update["b_uuid"]] = step.update
            else:
                target.update({k: v for k, v in step.update.items() if k != "b_uuid"})
    return list(inserts.values()), list(updates.values()), events


def _dossier_update() -> Any:
    return update(DossierRow).where(DossierRow.__table__.c.uuid == bindparam("b_uuid"))


def _held_update() -> Any:
    return update(OpRow).where(OpRow.__table__.c.seq == bindparam("b_seq"))


def write_plan_carefully(conn: Connection, plan: Plan) -> None:
    """Like write_plan, but each op in its own savepoint; failing ops become quarantined."""
    failed: dict[str, str] = {}
    broken: set[str] = set()
    for step in plan.steps:
        if step.op.dossier_uuid in broken:
            failed[step.op.op_id] = "dossier not stored"
            continue
        try:
            with conn.begin_nested():
                _write_step(conn, step)
        except (DBAPIError, StepFailed) as exc:
            orig = getattr(exc, "orig", None) or exc
            failed[step.op.op_id] = type(orig).__name__
            broken.add(step.op.dossier_uuid)
    _mark_failed(plan, failed, {step.op.op_id: JsonText(step.op.body) for step in plan.steps})
    for row in plan.new_rows:
        _try(conn, insert(OpRow), bindable(OpRow.__table__, row))
    for row in plan.held_updates:
        _try(conn, _held_update(), row)


def _write_step(conn: Connection, step: Step) -> None:
    if step.dossier is not None:
        conn.execute(insert(DossierRow), [bindable(DossierRow.__table__, step.dossier)])
    if step.event is not None:
        conn.execute(insert(DossierEvent), [step.event])
    if step.update is not None and conn.execute(_dossier_update(), [step.update]).rowcount != 1:
        raise StepFailed("dossier row missing")
    if step.help is not None:
        conn.execute(insert(OnlineHelpRow), [step.help])
    add_work(conn, step.work)


def _mark_failed(plan: Plan, failed: dict[str, str], raws: dict[str, Any]) -> None:
    if not failed:
        return
    for row in plan.new_rows:
        if row["op_id"] in failed:
            message = DB_ERROR_MESSAGE.format(error=failed[row["op_id"]])
            row.update(
                state=QUARANTINED,
                result=QUARANTINED,
                reason="db_error",
                message=message,
                resolved_at=None,
                payload=raws[row["op_id"]],
            )
    for held, released in zip(plan.held_updates, plan.released, strict=True):
        if released.op_id in failed:
            held.update(
                state=QUARANTINED,
                reason="db_error",
                message=DB_ERROR_MESSAGE.format(error=failed[released.op_id]),
            )
    for result in [*plan.results, *plan.released]:
        if result.op_id in failed:
            result.result, result.reason = QUARANTINED, "db_error"
            result.flag = result.sub_state = None  # not stored, so not kept as a conflict
            result.message = DB_ERROR_MESSAGE.format(error=failed[result.op_id])


def _try(conn: Connection, statement: Any, row: dict[str, Any]) -> None:
    try:
        with conn.begin_nested():
            conn.execute(statement, [row])
    except DBAPIError:
        pass  # the receipt still reports the op; it is simply not on record (rare, logged above)
