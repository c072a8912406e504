"""The local side of a push: which outbox ops go next, and what a verified receipt does to them.

An op's state changes only here, only from a receipt whose hash and server signature were checked,
and only in the transaction that stores that receipt. Acknowledged ops are never touched again,
with one exception: when the server shows it lost ops it had acknowledged (restored from a
backup), `requeue_acknowledged` queues them all again, their stored bytes untouched.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

import orjson
from sqlalchemy import Table, func, select, update
from sqlalchemy.orm import Session

from counter_app.models.sync_tables import SyncReceipt
from counter_app.models.tables import OutboxOp
from counter_app.models.types import VnDateTime
from counter_app.services.clock import record_reading
from counter_app.services.notes import Part, formatted, stored_note
from counter_app.services.outbox import (
    ACKED,
    CONFLICT,
    DUPLICATE_ACKED,
    HELD,
    QUARANTINED,
    QUEUED,
)
from counter_app.sync.crash import WHILE_STORING_RECEIPT, crash_point
from counter_app.sync.receipt_conflicts import record_receipt_conflicts
from counter_protocol import op_reasons
from counter_protocol import receipt as wire
from counter_protocol.texts import QT_TRANSLATE_NOOP
from counter_protocol.timefmt import parse_time

SENDABLE = (QUEUED, HELD)  # held ops are resent: the reply says whether they were applied since
DONE_STATES = (ACKED, DUPLICATE_ACKED)
OUTBOX = cast(Table, OutboxOp.__table__)


@dataclass(frozen=True)
class PendingOp:
    op_id: str
    device_seq: int
    payload: bytes


@dataclass
class ReceiptCounts:
    acked: int = 0
    duplicates: int = 0
    conflicts: int = 0
    province_conflicts: int = 0  # applied, but the province had moved the dossier first
    quarantined: int = 0
    held: int = 0
    released: int = 0  # earlier held ops the server applied while handling this batch
    unanswered: int = 0  # sent ops the receipt said nothing about (they stay queued)


_NEXT = (
    "SELECT o.op_id, o.device_seq, p.payload FROM outbox o "
    "JOIN outbox_payloads p ON p.device_seq = o.device_seq "
    "WHERE o.state = ? AND o.device_seq > ? ORDER BY o.device_seq LIMIT ?"
)


def next_batch(
    session: Session, after_seq: int, max_ops: int, max_bytes: int, only_held: bool = False
) -> list[PendingOp]:
    """Sendable ops after `after_seq`, oldest first, at most `max_ops` and about `max_bytes`."""
    conn = session.connection()
    rows: list[Any] = []
    # One range of the (state, device_seq) index per state; plain driver rows (hot path).
    for state in (HELD,) if only_held else SENDABLE:
        found = list(conn.exec_driver_sql(_NEXT, (state, after_seq, max_ops)).fetchall())
        rows = found if not rows else sorted([*rows, *found], key=lambda r: r[1])
    batch: list[PendingOp] = []
    size = 0
    for op_id, device_seq, payload in rows[:max_ops]:
        size += len(payload)
        if batch and size > max_bytes:
            break
        batch.append(PendingOp(op_id, device_seq, payload))
    return batch


def head_seq(session: Session) -> int | None:
    """The newest device_seq in the outbox (sent with each batch; see counter_protocol/batch.py)."""
    return session.scalar(select(func.max(OutboxOp.device_seq)))


_EARLIER = {
    wire.HELD: QT_TRANSLATE_NOOP(
        "messages", "Máy chủ đã nhận thao tác này và đang chờ thao tác trước của cùng hồ sơ."
    ),
    wire.QUARANTINED: QT_TRANSLATE_NOOP(
        "messages", "Máy chủ đã nhận thao tác này từ trước và đã cách ly nó."
    ),
}
RESULT_CODE = "[{code}]"  # the server's machine code, the same in every language

Decision = tuple[str, str | None, str | None]  # new outbox state, reason, its marked pieces


def local_state(result: wire.OpResult) -> Decision | None:
    """The new outbox state and the reason (formatted, and marked when the counter wrote it) for
    one result; None: leave the op as it is."""
    name = result.result
    if name == wire.APPLIED:
        return ACKED, None, None
    if name == wire.DUPLICATE:
        now = result.state
        if now == wire.APPLIED:
            return DUPLICATE_ACKED, None, None
        if now in _EARLIER:
            state = HELD if now == wire.HELD else QUARANTINED
            parts: list[Part] = [(_EARLIER[now], {}), (RESULT_CODE, {"code": result.prior or now})]
            return state, formatted(parts), stored_note(parts)
        return None  # "same_batch": the other copy's result decides
    states = {wire.CONFLICT: CONFLICT, wire.QUARANTINED: QUARANTINED, wire.HELD: HELD}
    if name in states:
        return states[name], describe(result), _server_reason(result)
    return None


def _server_reason(result: wire.OpResult) -> str | None:
    """The server's reason as marked pieces, when it is one both sides know and its values give
    back the very message sent; any other text is kept only as the server wrote it."""
    template, params = result.template, result.params or {}
    if template not in op_reasons.TEMPLATES or not result.message:
        return None
    try:
        if template.format(**params) != result.message:
            return None
    except (KeyError, IndexError, ValueError, AttributeError):
        return None
    code = result.reason or result.result
    return stored_note([(template, dict(params)), (RESULT_CODE, {"code": code})])


REQUEUE_NOTE = QT_TRANSLATE_NOOP(
    "messages",
    "Gửi lại để máy chủ tỉnh đối chiếu: máy chủ có thể đã mất thao tác này khi "
    "được khôi phục từ bản sao lưu.",
)


def recent_acknowledged(session: Session, receipts: int) -> list[str]:
    """One op applied in each of the latest `receipts` stored receipts: the server committed
    them last, so a server that still holds them holds everything acknowledged before."""
    bodies = session.scalars(
        select(SyncReceipt.body).order_by(SyncReceipt.id.desc()).limit(receipts)
    )
    probes: list[str] = []
    for body in bodies:
        results = orjson.loads(body)["receipt"]["results"]
        probes.extend(_applied_op(results)[:1])
    return probes


def _applied_op(results: list[dict[str, Any]]) -> list[str]:
    for result in results:
        applied = result["result"] == wire.APPLIED or result.get("state") == wire.APPLIED
        if applied and isinstance(result.get("op_id"), str):
            return [result["op_id"]]
    return []


def requeue_acknowledged(session: Session) -> int:
    """Queue every acknowledged op again (in the caller's transaction); returns how many.

    For a server that lost ops it had acknowledged. The payload is not touched (a trigger
    forbids it): the resend is byte for byte what was acknowledged, so the server answers
    "duplicate" for what it still holds and applies what it lost; either way the op ends
    acknowledged again, with the new receipt.
    """
    c = OUTBOX.c
    result = session.connection().execute(
        update(OUTBOX)
        .where(c.state.in_(DONE_STATES))
        .values(
            state=QUEUED,
            last_error=REQUEUE_NOTE,
            last_error_marked=stored_note([(REQUEUE_NOTE, {})]),
        )
    )
    return int(result.rowcount)


def describe(result: wire.OpResult) -> str:
    """The server's reason as stored in `outbox.last_error`: Vietnamese message, machine code."""
    reason = result.reason or result.result
    message = result.message or ""
    return f"{message} [{reason}]".strip()


def store_receipt(
    session: Session,
    receipt: wire.Receipt,
    signed_body: bytes,
    signature: str,
    sent: list[PendingOp],
    now: datetime,
) -> ReceiptCounts:
    """Store the verified receipt, then every op state it decides, in the caller's transaction."""
    record_reading(session, parse_time(receipt.server_time), now, "receipt")
    row = SyncReceipt(
        batch_id=receipt.batch_id,
        server_time=receipt.server_time,
        receipt_hash=receipt.receipt_hash,
        signature=signature,
        body=signed_body,
        op_count=len(receipt.results),
        counts_json=orjson.dumps(Counter(r.result for r in receipt.results)).decode(),
        stored_at=now,
    )
    session.add(row)
    session.flush()
    sent_ids = {op.op_id for op in sent}
    counts, decided = _plan(receipt.results, sent_ids)
    acked_at = VnDateTime().process_bind_param(now, session.get_bind().dialect)
    _execute_updates(session, decided, sent_ids, row.id, acked_at)
    counts.province_conflicts = record_receipt_conflicts(session, receipt.results, now)
    counts.unanswered = len(sent_ids - decided.keys())
    return counts


def _plan(
    results: list[wire.OpResult], sent_ids: set[str]
) -> tuple[ReceiptCounts, dict[str, Decision]]:
    """The new state of each op. An op may appear twice (a resent held op answered "duplicate,
    held", then released further down the same receipt): the later entry wins."""
    counts = ReceiptCounts()
    decided: dict[str, Decision] = {}
    for result in results:
        decision = local_state(result) if result.op_id else None
        if decision is None:
            continue
        op_id = str(result.op_id)
        decided[op_id] = decision
        _tally(counts, result, decision[0], op_id in sent_ids)
    return counts, decided


def _tally(counts: ReceiptCounts, result: wire.OpResult, state: str, sent: bool) -> None:
    if not sent or result.reason == "released":
        counts.released += state in DONE_STATES
        counts.quarantined += state == QUARANTINED
        return
    if result.result == wire.DUPLICATE:
        counts.duplicates += 1
    counts.acked += state == ACKED
    counts.conflicts += state == CONFLICT
    counts.quarantined += state == QUARANTINED
    counts.held += state == HELD


_SET = (
    "UPDATE outbox SET state = ?, receipt_id = ?, acked_at = ?, attempts = attempts + ?, "
    "last_error = ?, last_error_marked = ? "
    "WHERE op_id = ? AND state NOT IN ('acked', 'duplicate_acked')"
)


def _execute_updates(
    session: Session,
    decided: dict[str, Decision],
    sent_ids: set[str],
    receipt_id: int,
    acked_at: str | None,
) -> None:
    """Plain executemany on the driver (500 rows a batch, no per-row ORM work). The WHERE clause
    never reopens an acknowledged op."""
    changes = [
        (
            state,
            receipt_id,
            acked_at if state in DONE_STATES else None,
            int(op_id in sent_ids),
            error,
            marked,
            op_id,
        )
        for op_id, (state, error, marked) in decided.items()
    ]
    if changes:
        session.connection().exec_driver_sql(_SET, changes)
    crash_point(WHILE_STORING_RECEIPT)  # receipt and the op states written, not committed
    unanswered = [(op_id,) for op_id in sent_ids - decided.keys()]
    if unanswered:  # they stay as they were (queued): sent again next time
        session.connection().exec_driver_sql(
            "UPDATE outbox SET attempts = attempts + 1 WHERE op_id = ?", unanswered
        )


def record_failure(session: Session, sent: list[PendingOp], parts: list[Part]) -> None:
    """Count a failed attempt on the ops of a batch; queued ops keep the error (its marked
    template and values: message, then advice)."""
    message, marked = formatted(parts), stored_note(parts)
    c = OUTBOX.c
    ids = [op.op_id for op in sent]
    for chunk in range(0, len(ids), 900):
        part = ids[chunk : chunk + 900]
        session.execute(update(OUTBOX).where(c.op_id.in_(part)).values(attempts=c.attempts + 1))
        session.execute(
            update(OUTBOX)
            .where(c.op_id.in_(part), c.state == QUEUED)
            .values(last_error=message, last_error_marked=marked)
        )
