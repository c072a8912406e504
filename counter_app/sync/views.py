"""Read-only views of the sync for people: ops in trouble, recent runs, province changes.

Plain frozen rows (never ORM objects), so the window can show them from any thread.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.models.service_tables import OnlineHelp
from counter_app.models.sync_tables import ProvinceUpdate, SyncLogEntry
from counter_app.models.tables import Dossier, OutboxOp
from counter_app.services.notes import read_note
from counter_app.services.outbox import BLOCKED, CONFLICT, DAMAGED, HELD, QUARANTINED
from counter_protocol.texts import QT_TRANSLATE_NOOP, Marked, marked_from_plain

# The labels and advice stay Vietnamese in the rows; the sync window translates them (0034).
STATE_LABELS: dict[str, str] = {
    CONFLICT: QT_TRANSLATE_NOOP("labels", "Xung đột"),
    QUARANTINED: QT_TRANSLATE_NOOP("labels", "Bị cách ly"),
    HELD: QT_TRANSLATE_NOOP("labels", "Chờ thao tác trước"),
    DAMAGED: QT_TRANSLATE_NOOP("labels", "Dữ liệu hỏng"),
    BLOCKED: QT_TRANSLATE_NOOP("labels", "Chờ thao tác hỏng"),
}
# What the clerk (or IT) does about each kind of problem.
STATE_ADVICE: dict[str, str] = {
    CONFLICT: QT_TRANSLATE_NOOP(
        "messages",
        "Máy chủ đã có bản khác của thao tác này; không gửi lại được. Báo bộ phận CNTT "
        "(có thể máy đã bị khôi phục từ bản sao lưu cũ).",
    ),
    QUARANTINED: QT_TRANSLATE_NOOP(
        "messages",
        "Máy chủ không nhận thao tác này vì lý do ghi bên cạnh; hồ sơ trên máy vẫn "
        "còn nguyên. Báo bộ phận CNTT để xử lý trên hệ thống tỉnh.",
    ),
    HELD: QT_TRANSLATE_NOOP(
        "messages",
        "Máy chủ đang chờ thao tác trước của cùng hồ sơ; máy sẽ tự gửi lại, không cần làm gì.",
    ),
    DAMAGED: QT_TRANSLATE_NOOP(
        "messages",
        "Dữ liệu của thao tác này trên máy đã bị hỏng nên không được gửi. Báo bộ phận CNTT "
        "khôi phục kho từ bản sao lưu (counter-app backup list).",
    ),
    BLOCKED: QT_TRANSLATE_NOOP(
        "messages",
        "Không gửi vì một thao tác trước của cùng hồ sơ bị hỏng; báo bộ phận CNTT.",
    ),
}
# How a run was started, shown in the runs' table (the row keeps the Vietnamese label).
TRIGGER_LABELS = {
    "auto": QT_TRANSLATE_NOOP("labels", "tự động"),
    "manual": QT_TRANSLATE_NOOP("labels", "bấm tay"),
    "cli": QT_TRANSLATE_NOOP("labels", "lệnh"),
    "chaos": QT_TRANSLATE_NOOP("labels", "thử nghiệm"),
}


@dataclass(frozen=True)
class OpProblem:
    device_seq: int
    dossier_code: str
    kind: str
    state: str
    state_label: str
    reason: str
    advice: str
    created_at: datetime
    attempts: int
    note: tuple[Marked, ...] | None = None  # `reason` before formatting (ops since revision 0018)


@dataclass(frozen=True)
class RunRow:
    started_at: datetime
    finished_at: datetime
    trigger: str
    ok: bool
    sent: int
    acked: int
    duplicates: int
    conflicts: int
    quarantined: int
    held: int
    pulled: int
    message: str | None  # in Vietnamese, as written
    # The same before formatting, its pieces joined by a space (rows written since revision 0017).
    note: tuple[Marked, ...] | None = None


@dataclass(frozen=True)
class UpdateRow:
    change_seq: int
    kind: str
    subject: str
    result: str
    message: str | None  # in Vietnamese, as written
    applied_at: datetime
    note: Marked | None = None  # the same before formatting (rows written since revision 0016)


def op_problems(session: Session, limit: int = 200) -> list[OpProblem]:
    """Ops the server did not take (conflict, quarantined) or holds, and ops never sent because
    their stored bytes were damaged (or build on such an op), oldest first."""
    code = func.coalesce(Dossier.code, OnlineHelp.portal_code)  # a help record has no dossier
    rows = session.execute(
        select(OutboxOp, code)
        .join(Dossier, Dossier.uuid == OutboxOp.dossier_uuid, isouter=True)
        .join(OnlineHelp, OnlineHelp.uuid == OutboxOp.dossier_uuid, isouter=True)
        .where(OutboxOp.state.in_(tuple(STATE_LABELS)))
        .order_by(OutboxOp.device_seq)
        .limit(limit)
    ).all()
    return [
        OpProblem(
            op.device_seq,
            code or "?",
            op.kind,
            op.state,
            STATE_LABELS[op.state],
            op.last_error or "",
            STATE_ADVICE[op.state],
            op.created_at,
            op.attempts,
            read_note(op.last_error_marked),
        )
        for op, code in rows
    ]


def recent_runs(session: Session, limit: int = 30) -> list[RunRow]:
    rows = session.scalars(select(SyncLogEntry).order_by(SyncLogEntry.id.desc()).limit(limit))
    return [
        RunRow(
            r.started_at,
            r.finished_at,
            TRIGGER_LABELS.get(r.trigger, r.trigger),
            r.outcome == "ok",
            r.sent,
            r.acked,
            r.duplicates,
            r.conflicts,
            r.quarantined,
            r.held,
            r.pulled,
            r.message,
            read_note(r.message_marked),
        )
        for r in rows
    ]


def recent_updates(session: Session, limit: int = 50) -> list[UpdateRow]:
    """The latest province changes, newest first (those not applied are worth a look)."""
    rows = session.scalars(  # a feed started over after a server restore: newest generation
        select(ProvinceUpdate)
        .order_by(ProvinceUpdate.feed_generation.desc(), ProvinceUpdate.change_seq.desc())
        .limit(limit)
    )
    return [
        UpdateRow(r.change_seq, r.kind, r.subject, r.result, r.message, r.applied_at, _note(r))
        for r in rows
    ]


def _note(row: ProvinceUpdate) -> Marked | None:
    if not row.message_marked:
        return None
    try:
        return marked_from_plain(json.loads(row.message_marked))
    except ValueError:  # not JSON: the row's Vietnamese is shown instead
        return None
