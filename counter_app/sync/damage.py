"""Re-hash every sendable op before a push: damaged bytes are stopped here, never sent.

The outbox row keeps `payload_hash`, the SHA-256 of the canonical bytes written with it. A disk
fault (or a hand at the file) can change `outbox_payloads` afterwards; sent as is, the server
would hold a wrong CCCD and a receipt would mark it acknowledged. An op whose bytes no longer
match is marked `damaged`; the later ops of its dossier build on it and are marked `blocked`.
Neither is ever sent; the rest of the queue goes. Restoring the store from a backup is the fix.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from counter_app.services.notes import Part, stored_note
from counter_app.services.outbox import BLOCKED, DAMAGED, HELD, QUEUED
from counter_protocol.encoding import sha256_hex
from counter_protocol.texts import QT_TRANSLATE_NOOP

_SENDABLE = (
    "SELECT o.op_id, o.device_seq, o.dossier_uuid, o.payload_hash, p.payload "
    "FROM outbox o JOIN outbox_payloads p ON p.device_seq = o.device_seq "
    "WHERE o.state IN (?, ?) ORDER BY o.device_seq"
)
_STOPPED = (
    "SELECT dossier_uuid, min(device_seq) FROM outbox WHERE state IN (?, ?) GROUP BY dossier_uuid"
)
_MARK = (
    "UPDATE outbox SET state = ?, last_error = ?, last_error_marked = ? "
    "WHERE op_id = ? AND state IN (?, ?)"
)
_CODE = "SELECT code FROM dossiers WHERE uuid = ?"


@dataclass(frozen=True)
class StoppedOp:
    op_id: str
    device_seq: int
    dossier_uuid: str
    state: str  # DAMAGED or BLOCKED
    cause_seq: int  # the damaged op itself, or the one a blocked op builds on


def find_damaged(session: Session) -> list[StoppedOp]:
    """Sendable ops whose bytes fail their hash, and sendable ops after a stopped one of the
    same dossier (this run's or an earlier run's). Reads only."""
    conn = session.connection()
    first_bad = {str(u): int(s) for u, s in conn.exec_driver_sql(_STOPPED, (DAMAGED, BLOCKED))}
    stopped: list[StoppedOp] = []
    rows = conn.exec_driver_sql(_SENDABLE, (QUEUED, HELD))
    for op_id, seq, dossier, expected, payload in rows:
        cause = first_bad.get(dossier)
        if cause is not None and cause < seq:
            stopped.append(StoppedOp(op_id, seq, dossier, BLOCKED, cause))
        elif sha256_hex(bytes(payload)) != expected:
            first_bad.setdefault(dossier, seq)
            stopped.append(StoppedOp(op_id, seq, dossier, DAMAGED, seq))
    return stopped


def stop(session: Session, ops: list[StoppedOp]) -> list[Part]:
    """Mark `ops` (in the caller's transaction); one note for IT per damaged op, as a marked
    template and its values (the op row keeps it formatted, in Vietnamese)."""
    conn = session.connection()
    notes: list[Part] = []
    for op in ops:
        code = conn.exec_driver_sql(_CODE, (op.dossier_uuid,)).scalar() or op.dossier_uuid
        note = (
            damaged_note(op.device_seq, str(code))
            if op.state == DAMAGED
            else blocked_note(op, str(code))
        )
        template, params = note
        reason = (template.format(**params), stored_note([note]))
        conn.exec_driver_sql(_MARK, (op.state, *reason, op.op_id, QUEUED, HELD))
        if op.state == DAMAGED:
            notes.append(note)
    return notes


DAMAGED_NOTE = QT_TRANSLATE_NOOP(
    "messages",
    "Thao tác #{seq} của hồ sơ {code} bị hỏng trên máy (dữ liệu đã lưu không khớp mã kiểm tra "
    "SHA-256): không gửi thao tác này và các thao tác sau của cùng hồ sơ. Báo bộ phận CNTT khôi "
    "phục kho từ bản sao lưu (counter-app backup list).",
)
BLOCKED_NOTE = QT_TRANSLATE_NOOP(
    "messages", "Không gửi: thao tác #{cause} trước đó của cùng hồ sơ {code} bị hỏng."
)


def damaged_note(device_seq: int, dossier_code: str) -> Part:
    return DAMAGED_NOTE, {"seq": device_seq, "code": dossier_code}


def blocked_note(op: StoppedOp, dossier_code: str) -> Part:
    return BLOCKED_NOTE, {"cause": op.cause_seq, "code": dossier_code}
