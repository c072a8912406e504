"""Outbox operations, written in the same transaction as the dossier change they describe.

An op is the typed wire op of counter_protocol/ops.py; the outbox stores its canonical JSON, and
`payload_hash` is the SHA-256 of those bytes, so the server can tell a resend (same hash) from a
forked edit (different hash).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TypeVar

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from counter_app.domain.kinds import OutboxState
from counter_app.models.base import Base
from counter_app.models.tables import OutboxOp, OutboxPayload
from counter_protocol.encoding import canonical_json, sha256_hex
from counter_protocol.ops import Op, OpData, OpKind

QUEUED = OutboxState.QUEUED
ACKED = OutboxState.ACKED
DUPLICATE_ACKED = OutboxState.DUPLICATE_ACKED
CONFLICT = OutboxState.CONFLICT
QUARANTINED = OutboxState.QUARANTINED
HELD = OutboxState.HELD
# Never sent: the stored bytes no longer match payload_hash (counter_app/sync/damage.py), and the
# later ops of the same dossier, which build on it.
DAMAGED = OutboxState.DAMAGED
BLOCKED = OutboxState.BLOCKED

DataT = TypeVar("DataT", bound=OpData)

_INSERT_OP = insert(Base.metadata.tables[OutboxOp.__tablename__])
_INSERT_PAYLOAD = insert(Base.metadata.tables[OutboxPayload.__tablename__])
_MAX_SEQ = select(func.max(OutboxOp.device_seq))


def next_device_seq(session: Session) -> int:
    # Rows are never deleted, so max+1 is monotonic; the write lock (BEGIN IMMEDIATE) makes it safe.
    current = session.connection().execute(_MAX_SEQ).scalar()
    return (current or 0) + 1


def build_op(
    op_id: str,
    device_seq: int,
    kind: OpKind,
    dossier_uuid: str,
    dossier_code: str,
    unit_code: str,
    prev_seq: int | None,
    created_at: datetime,
    data: DataT,
) -> Op[DataT]:
    """The op as it goes on the wire (counter_protocol/ops.py); `data` is the data of `kind`."""
    return Op(
        op_id=op_id,
        device_seq=device_seq,
        kind=kind,
        dossier_uuid=dossier_uuid,
        dossier_code=dossier_code,
        unit_code=unit_code,
        prev_seq=prev_seq,
        created_at=created_at.isoformat(timespec="seconds"),
        data=data,
    )


def enqueue(
    session: Session,
    *,
    kind: OpKind,
    dossier_uuid: str,
    dossier_code: str,
    unit_code: str,
    prev_seq: int | None,
    created_at: datetime,
    data: OpData,
    device_seq: int | None = None,
) -> int:
    """Add one op to the outbox in the caller's transaction; return its device_seq."""
    seq = device_seq if device_seq is not None else next_device_seq(session)
    op = build_op(
        str(uuid.uuid4()),
        seq,
        kind,
        dossier_uuid,
        dossier_code,
        unit_code,
        prev_seq,
        created_at,
        data,
    )
    payload = canonical_json(op)
    conn = session.connection()
    conn.execute(
        _INSERT_OP,
        {
            "op_id": op.op_id,
            "device_seq": seq,
            "kind": kind,
            "dossier_uuid": dossier_uuid,
            "payload_hash": sha256_hex(payload),
            "state": QUEUED,
            "created_at": created_at,
            "attempts": 0,
        },
    )
    conn.execute(_INSERT_PAYLOAD, {"device_seq": seq, "payload": payload})
    return seq
