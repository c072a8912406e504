"""The local side of a push: which outbox ops go next, and what a verified receipt does to them.

An op's state changes only here, only from a receipt whose hash and server signature were checked,
and only in the transaction that stores that receipt. Acknowledged ops are never touched again.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

import orjson
from sqlalchemy import Table, bindparam, func, select, update
from sqlalchemy.orm import Session

from counter_app.models.sync_tables import SyncReceipt
from counter_app.models.tables import OutboxOp
from counter_app.services.outbox import (
    ACKED,
    CONFLICT,
    DUPLICATE_ACKED,
    HELD,
    QUARANTINED,
    QUEUED,
)
from counter_app.sync import protocol
from counter_app.sync.crash import WHILE_STORING_RECEIPT, crash_point

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
    quarantined: int = 0
    held: int = 0
    released: int = 0  # earlier held ops the server applied while handling this batch
    unanswered: int = 0  # sent ops the receipt said nothing about (they stay queued)


def next_batch(session: Session, after_seq: int, max_ops: int, max_bytes: int) -> list[PendingOp]:
    """Sendable ops after `after_seq`, oldest first, at most `max_ops` and about `max_bytes`."""
    rows: list[Any] = []
    for state in SENDABLE:  # one index range each: (state, device_seq) is the outbox index
        rows.extend(session.execute(
            select(OutboxOp.op_id, OutboxOp.device_seq, OutboxOp.payload)
            .where(OutboxOp.state == state, OutboxOp.device_seq > after_seq)
            .order_by(OutboxOp.device_seq).limit(max_ops)).all())
    rows.sort(key=lambda r: r.device_seq)
    batch: list[PendingOp] = []
    size = 0
    for row in rows[:max_ops]:
        size += len(row.payload)
        if batch and size > max_bytes:
            break
        batch.append(PendingOp(row.op_id, row.device_seq, bytes(row.payload)))
    return batch


def head_seq(session: Session) -> int | None:
    """The newest device_seq in the outbox (sent with each batch; see protocol.build_batch)."""
    return session.scalar(select(func.max(OutboxOp.device_seq)))


def decode_ops(batch: list[PendingOp]) -> list[dict[str, Any]]:
    return [orjson.loads(op.payload) for op in batch]


def local_state(result: protocol.OpResult) -> tuple[str, str | None, bool] | None:
    """(new outbox state, error text, keep the old error text) for one result; None: no change."""
    name = result["result"]
    if name == protocol.APPLIED:
        return ACKED, None, False
    if name == protocol.DUPLICATE:
        now = result.get("state")
        if now == protocol.APPLIED:
            return DUPLICATE_ACKED, None, False
        if now == protocol.HELD:
            return HELD, None, True
        if now == protocol.QUARANTINED:
            return QUARANTINED, None, True
        return None  # "same_batch": the other copy's result decides
    states = {protocol.CONFLICT: CONFLICT, protocol.QUARANTINED: QUARANTINED,
              protocol.HELD: HELD}
    if name in states:
        return states[name], describe(result), False
    return None


def describe(result: protocol.OpResult) -> str:
    """The server's reason as stored in `outbox.last_error`: Vietnamese message, machine code."""
    reason = result.get("reason") or result["result"]
    message = result.get("message") or ""
    return f"{message} [{reason}]".strip()


def store_receipt(
    session: Session, receipt: protocol.Receipt, signed_body: bytes, signature: str,
    sent: list[PendingOp], now: datetime,
) -> ReceiptCounts:
    """Store the verified receipt, then every op state it decides, in the caller's transaction."""
    row = SyncReceipt(
        batch_id=receipt["batch_id"], server_time=receipt["server_time"],
        receipt_hash=receipt["receipt_hash"], signature=signature, body=signed_body,
        op_count=len(receipt["results"]),
        counts_json=orjson.dumps(Counter(r["result"] for r in receipt["results"])).decode(),
        stored_at=now)
    session.add(row)
    session.flush()
    counts, changes, keep = _plan(receipt["results"], {op.op_id for op in sent}, row.id, now)
    _execute_updates(session, changes, keep, [op.op_id for op in sent])
    counts.unanswered = len({op.op_id for op in sent} - _answered(receipt["results"]))
    return counts


def _answered(results: list[protocol.OpResult]) -> set[str]:
    return {r["op_id"] for r in results if r.get("op_id")}  # type: ignore[misc]


def _plan(
    results: list[protocol.OpResult], sent_ids: set[str], receipt_id: int, now: datetime
) -> tuple[ReceiptCounts, list[dict[str, Any]], list[dict[str, Any]]]:
    """Update parameters per op. An op may appear twice (a resent held op answered "duplicate,
    held", then released further down the same receipt): the later entry wins."""
    counts = ReceiptCounts()
    last: dict[str, tuple[dict[str, Any], bool]] = {}
    for result in results:
        decided = local_state(result) if result.get("op_id") else None
        if decided is None:
            continue
        state, error, keep_error = decided
        op_id = str(result["op_id"])
        params = {"b_op_id": op_id, "b_state": state, "b_receipt": receipt_id,
                  "b_acked": now if state in DONE_STATES else None, "b_error": error}
        last[op_id] = (params, keep_error)
        _tally(counts, result, state, op_id in sent_ids)
    changes = [params for params, keep in last.values() if not keep]
    keep = [params for params, keep in last.values() if keep]
    return counts, changes, keep


def _tally(counts: ReceiptCounts, result: protocol.OpResult, state: str, sent: bool) -> None:
    if not sent or result.get("reason") == "released":
        counts.released += state in DONE_STATES
        counts.quarantined += state == QUARANTINED
        return
    if result["result"] == protocol.DUPLICATE:
        counts.duplicates += 1
    counts.acked += state == ACKED
    counts.conflicts += state == CONFLICT
    counts.quarantined += state == QUARANTINED
    counts.held += state == HELD


def _execute_updates(
    session: Session, changes: list[dict[str, Any]], keep: list[dict[str, Any]],
    sent_ids: list[str],
) -> None:
    c = OUTBOX.c
    # Never reopen an acknowledged op (NOT IN cannot be used with executemany).
    open_op = (c.op_id == bindparam("b_op_id")) & (c.state != ACKED) & (c.state != DUPLICATE_ACKED)
    values: dict[str, Any] = {"state": bindparam("b_state"), "receipt_id": bindparam("b_receipt"),
                              "acked_at": bindparam("b_acked")}
    if changes:
        session.execute(update(OUTBOX).where(open_op)
                        .values(values | {"last_error": bindparam("b_error")}), changes)
    crash_point(WHILE_STORING_RECEIPT)  # receipt and part of the states written, no commit
    if keep:
        session.execute(update(OUTBOX).where(open_op).values(values), keep)
    for chunk in range(0, len(sent_ids), 900):
        session.execute(update(OUTBOX).where(c.op_id.in_(sent_ids[chunk:chunk + 900]))
                        .values(attempts=c.attempts + 1))


def record_failure(session: Session, sent: list[PendingOp], message: str) -> None:
    """Count a failed attempt on the ops of a batch; queued ops keep the error text."""
    c = OUTBOX.c
    ids = [op.op_id for op in sent]
    for chunk in range(0, len(ids), 900):
        part = ids[chunk:chunk + 900]
        session.execute(update(OUTBOX).where(c.op_id.in_(part)).values(attempts=c.attempts + 1))
        session.execute(update(OUTBOX).where(c.op_id.in_(part), c.state == QUEUED)
                        .values(last_error=message))
