"""The `ops` row of an op first seen in a batch, whatever became of it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from counter_protocol.receipt import APPLIED
from counter_protocol.timefmt import within_wire_range
from counter_server.ingest.bulk import JsonText, device_time
from counter_server.ingest.explain import canonical_uuid
from counter_server.ingest.records import IncomingOp, Rejected


@dataclass(frozen=True, slots=True)
class BatchInfo:
    """What every row of one batch (or of one release of held ops) records alike."""

    device_id: int
    batch_id: str
    now: datetime


def new_op_row(
    op: IncomingOp | Rejected, batch: BatchInfo, state: str, reason: str, message: str
) -> dict[str, Any]:
    """The `ops` row for an op first seen in this batch; its payload is kept unless applied."""
    raw: Any
    if isinstance(op, Rejected):
        raw = op.raw if isinstance(op.raw, dict) else {}
        kind = raw.get("kind")
        kind, dossier_uuid = (
            kind[:40] if isinstance(kind, str) else "?",
            canonical_uuid(raw.get("dossier_uuid")),
        )
        prev_seq, created_at = (
            _int_or_none(raw.get("prev_seq")),
            _time_or_none(raw.get("created_at")),
        )
    else:
        raw, kind, dossier_uuid = JsonText(op.body), op.kind, op.dossier_uuid
        prev_seq, created_at = op.prev_seq, device_time(op.created_text)
    applied = state == APPLIED
    return {
        "op_id": op.op_id,
        "device_id": batch.device_id,
        "device_seq": op.device_seq,
        "kind": kind,
        "dossier_uuid": dossier_uuid,
        "prev_seq": prev_seq,
        "payload_hash": op.payload_hash,
        "state": state,
        "result": state,
        "reason": reason or None,
        "message": message or None,
        "payload": None if applied else raw,
        "device_created_at": created_at,
        "clock_flag": op.clock_flag,
        "batch_id": batch.batch_id,
        "received_at": batch.now,
        "resolved_at": batch.now if applied else None,
    }


def _int_or_none(value: object) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value < 2**62:
        return value
    return None


def _time_or_none(value: object) -> str | datetime | None:
    try:
        moment = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
    if moment is None or moment.tzinfo is None or not within_wire_range(moment):
        return None
    return device_time(value)  # type: ignore[arg-type]  # str, as fromisoformat took it
