"""Ops the server applied in conflict with the province: one dossier_conflicts row each.

The server keeps such an op in the dossier's history but leaves the status where the province
put it (docs/sync.md#s20); the receipt says so with `flag` and gives the state the server keeps.
The op is acknowledged like any other applied op; the conflict row is what tells the clerk and
IT, and the dossier takes the server's state when this op is its latest (a later op of ours
will be answered in turn), so both ends end on the same status.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.models.tables import Dossier, OutboxOp, OutboxPayload
from counter_app.services.conflicts import SOURCE_RECEIPT, record_conflict
from counter_app.services.notes import Part
from counter_protocol import receipt as wire
from counter_protocol.lifecycle import status_of
from counter_protocol.ops import KIND_EVENT, decode_op
from counter_protocol.statuses import SubState
from counter_protocol.texts import QT_TRANSLATE_NOOP

DEFAULT_MESSAGE = QT_TRANSLATE_NOOP(
    "messages",
    "Máy chủ tỉnh đã lưu thao tác này nhưng không đổi trạng thái hồ sơ: tỉnh đã chuyển hồ sơ "
    "sang trạng thái khác trước đó.",
)
DOSSIER_PREFIX = QT_TRANSLATE_NOOP("messages", "Hồ sơ {code}:")


def record_receipt_conflicts(session: Session, results: list[wire.OpResult], now: datetime) -> int:
    """A conflict row for every result flagged `province_conflict`; returns how many."""
    flagged = [r for r in results if r.flag == wire.FLAG_PROVINCE_CONFLICT and r.op_id]
    for result in flagged:
        _record_one(session, result, now)
    return len(flagged)


def _record_one(session: Session, result: wire.OpResult, now: datetime) -> None:
    found = session.execute(
        select(Dossier, OutboxPayload.payload)
        .join(OutboxOp, OutboxOp.dossier_uuid == Dossier.uuid)
        .join(OutboxPayload, OutboxPayload.device_seq == OutboxOp.device_seq)
        .where(OutboxOp.op_id == result.op_id)
    ).first()
    if found is None:
        return  # not one of our ops (the receipt was verified, so this does not happen)
    dossier, payload = found
    op = decode_op(bytes(payload))
    event_seq = op.data.event_seq if op.kind == KIND_EVENT else None  # type: ignore[union-attr]
    # The server's own words, when it sent some, stay as it wrote them.
    note: list[Part] = [
        (DOSSIER_PREFIX, {"code": dossier.code}),
        (result.message or DEFAULT_MESSAGE, {}),
    ]
    record_conflict(session, dossier, source=SOURCE_RECEIPT, note=note, at=now, event_seq=event_seq)
    if dossier.last_op_seq == op.device_seq and result.sub_state in _SUB_STATES:
        server_state = SubState(result.sub_state)
        dossier.sub_state, dossier.status = str(server_state), int(status_of(server_state))


_SUB_STATES = frozenset(s.value for s in SubState)
