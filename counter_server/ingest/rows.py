"""The `ops` row of an op first seen in a batch, whatever became of it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from counter_protocol.receipt import APPLIED
from counter_protocol.timefmt import within_wire_range
from counter_server.ingest.bulk import JsonText, device_time
from counter_server.ingest.explain import canonical_uuid
from counter_server.ingest.records import DossierState, IncomingHelp, IncomingOp, Rejected


@dataclass(frozen=True, slots=True)
class BatchInfo:
    """What every row of one batch (or of one release of held ops) records alike."""

    device_id: int
    batch_id: str
    now: datetime


def new_op_row(
    op: IncomingOp | IncomingHelp | Rejected,
    batch: BatchInfo,
    state: str,
    reason: str,
    message: str,
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


def dossier_row(op: IncomingOp, device_id: int, now: datetime) -> dict[str, Any]:
    data = op.create
    assert data is not None
    return {
        "uuid": op.dossier_uuid,
        "code": op.dossier_code,
        "unit_code": op.unit_code,
        "device_id": device_id,
        "procedure_code": data.procedure_code,
        "catalogue_version": data.catalogue_version,
        "status": data.status,
        "applicant_name": data.applicant.full_name,
        "received_at": device_time(data.received_at),
        "due_at": device_time(data.due_at) if data.due_at else None,
        "data": JsonText(op.data_json),
        "channel": data.channel,
        "at_home": data.received_at_home,
        "last_device_seq": op.device_seq,
        "last_event_seq": data.event.event_seq,
        "updated_at": now,
    }


def update_row(state: DossierState, now: datetime) -> dict[str, Any]:
    return {
        "b_uuid": state.uuid,
        "status": state.status,
        "sub_state": state.sub_state,
        "device_sub_state": state.device_sub_state,
        "due_at": state.due_at,
        "last_device_seq": state.last_device_seq,
        "last_event_seq": state.last_event_seq,
        "updated_at": now,
    }


def event_row(
    op: IncomingOp, device_id: int, now: datetime, conflict: str | None
) -> dict[str, Any]:
    event = op.event
    return {
        "dossier_uuid": op.dossier_uuid,
        "source": "device",
        "device_id": device_id,
        "event_seq": event.event_seq,
        "kind": event.kind,
        "at": datetime.fromisoformat(event.at),
        "actor": event.actor,
        "from_status": event.from_status,
        "to_status": event.to_status,
        "note": event.note,
        "extra": event.extra or None,
        "recorded_at": now,
        "conflict": conflict,
    }
