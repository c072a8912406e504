"""Plain records passed between the ingest steps: a rejected op, a stored op, a new ops row."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from counter_app.sync.protocol import APPLIED
from counter_server.ingest.bulk import JsonText, device_time
from counter_server.ingest.explain import canonical_uuid

if TYPE_CHECKING:
    from counter_server.ingest.checks import IncomingOp
    from counter_server.ingest.plan import Planner


@dataclass(slots=True)
class Rejected:
    """An op that failed its checks; stored (quarantined) if it has an op id and a device_seq."""

    index: int
    raw: Any
    op_id: str | None
    device_seq: int | None
    payload_hash: str | None
    reason: str
    message: str
    clock_flag: str | None = None


@dataclass(slots=True, frozen=True)
class StoredOp:
    op_id: str
    device_id: int
    device_seq: int
    payload_hash: str
    result: str
    state: str


def new_op_row(
    op: IncomingOp | Rejected, planner: Planner, state: str, reason: str, message: str
) -> dict[str, Any]:
    """The `ops` row for an op first seen in this batch; its payload is kept unless applied."""
    raw: Any
    if isinstance(op, Rejected):
        raw = op.raw if isinstance(op.raw, dict) else {}
        kind = raw.get("kind")
        kind, dossier_uuid = (kind[:40] if isinstance(kind, str) else "?",
                              canonical_uuid(raw.get("dossier_uuid")))
        prev_seq, created_at = (_int_or_none(raw.get("prev_seq")),
                                _time_or_none(raw.get("created_at")))
    else:
        raw, kind, dossier_uuid = JsonText(op.body), op.kind, op.dossier_uuid
        prev_seq, created_at = op.prev_seq, device_time(op.created_text)
    applied = state == APPLIED
    return {
        "op_id": op.op_id, "device_id": planner.device_id, "device_seq": op.device_seq,
        "kind": kind, "dossier_uuid": dossier_uuid, "prev_seq": prev_seq,
        "payload_hash": op.payload_hash, "state": state, "result": state,
        "reason": reason or None, "message": message or None,
        "payload": None if applied else raw, "device_created_at": created_at,
        "clock_flag": op.clock_flag, "batch_id": planner.batch_id, "received_at": planner.now,
        "resolved_at": planner.now if applied else None,
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
    if moment is None or moment.tzinfo is None:
        return None
    return device_time(value)  # type: ignore[arg-type]  # str, as fromisoformat took it
