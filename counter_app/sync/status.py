"""The honest sync status, computed from the outbox and the stored server receipts only.

"Đã gửi hết" appears only when every outbox op is acknowledged by a stored, verified receipt.
Anything else is pending (queued or held), an error (conflict, quarantined,
damaged bytes and the ops blocked behind them), or unconfirmed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.models.sync_tables import STATE_ROW, ProvinceUpdate, SyncLogEntry, SyncState
from counter_app.models.tables import Device, OutboxOp
from counter_app.services.outbox import BLOCKED, CONFLICT, DAMAGED, HELD, QUARANTINED, QUEUED
from counter_app.sync.ledger import DONE_STATES
from counter_protocol.texts import QT_TRANSLATE_NOOP
from counter_protocol.timefmt import format_vn, to_vn

ERROR_STATES = (CONFLICT, QUARANTINED, DAMAGED, BLOCKED)


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    server_url: str | None
    revoked: bool
    pending_ops: int  # queued + held + any state this version does not know
    pending_dossiers: int
    oldest_pending_at: datetime | None  # this PC's clock when the op was made: display only
    held: int
    errors: int  # conflict, quarantined, damaged and blocked ops
    unconfirmed: int  # marked acknowledged but without a stored receipt (never expected)
    not_applied_updates: int
    last_success_at: datetime | None  # the server's time of the latest good run, if it said
    last_success_clock_wrong: bool  # this PC's clock was off then (its own time was not shown)
    last_error: str | None  # the latest run's failure, if it failed

    @property
    def all_sent(self) -> bool:
        return self.pending_ops == 0 and self.errors == 0 and self.unconfirmed == 0

    def text(self, now: datetime) -> str:
        """One line for the CLI, e.g. “12 hồ sơ chờ gửi, cũ nhất 3 giờ”."""
        return " · ".join(template.format(**params) for template, params in self.parts(now))

    def parts(self, now: datetime) -> list[tuple[str, dict[str, object]]]:
        """The pieces of `text` as marked templates and their values: the status bar shows
        each in the clerk's language (decision 0034)."""
        parts: list[tuple[str, dict[str, object]]] = []
        if self.revoked:
            parts.append((QT_TRANSLATE_NOOP("messages", "Máy đã bị thu hồi quyền đồng bộ"), {}))
        elif not self.enrolled:
            parts.append((QT_TRANSLATE_NOOP("messages", "Chưa đăng ký với máy chủ tỉnh"), {}))
        if self.all_sent:
            parts.append((QT_TRANSLATE_NOOP("messages", "Đã gửi hết"), {}))
        if self.pending_ops or self.unconfirmed:
            parts.append(self._pending_part(now))
        if self.errors:
            parts.append((QT_TRANSLATE_NOOP("messages", "{count} lỗi"), {"count": self.errors}))
        if self.last_success_at is not None:
            when: dict[str, object] = {"when": format_vn(self.last_success_at)}
            if self.last_success_clock_wrong:
                parts.append(
                    (
                        QT_TRANSLATE_NOOP(
                            "messages", "lần cuối {when} (giờ máy chủ; đồng hồ máy lúc đó sai)"
                        ),
                        when,
                    )
                )
            else:
                parts.append((QT_TRANSLATE_NOOP("messages", "lần cuối {when}"), when))
        return parts

    def _pending_part(self, now: datetime) -> tuple[str, dict[str, object]]:
        count = self.pending_dossiers + self.unconfirmed
        if self.oldest_pending_at is None:
            return QT_TRANSLATE_NOOP("messages", "{count} hồ sơ chờ gửi"), {"count": count}
        minutes = max(0, int((now - self.oldest_pending_at).total_seconds() // 60))
        if minutes < 60:
            template = QT_TRANSLATE_NOOP("messages", "{count} hồ sơ chờ gửi, cũ nhất {age} phút")
        elif minutes < 48 * 60:
            template = QT_TRANSLATE_NOOP("messages", "{count} hồ sơ chờ gửi, cũ nhất {age} giờ")
            minutes //= 60
        else:
            template = QT_TRANSLATE_NOOP("messages", "{count} hồ sơ chờ gửi, cũ nhất {age} ngày")
            minutes //= 24 * 60
        return template, {"count": count, "age": minutes}


def compute_status(session: Session) -> SyncStatus:
    by_state = _open_states(session)
    pending_states = [s for s in by_state if s not in ERROR_STATES]
    dossiers, oldest = _pending_detail(session, pending_states)
    device = session.scalar(select(Device).where(Device.is_self.is_(True)))
    state = session.get(SyncState, STATE_ROW)
    last_at, clock_wrong = _last_success(session)
    return SyncStatus(
        enrolled=device is not None and device.server_device_id is not None,
        server_url=device.server_url if device is not None else None,
        revoked=state is not None and state.revoked_at is not None,
        pending_ops=sum(by_state[s] for s in pending_states),
        pending_dossiers=dossiers,
        oldest_pending_at=oldest,
        held=by_state.get(HELD, 0),
        errors=sum(by_state.get(s, 0) for s in ERROR_STATES),
        unconfirmed=_unconfirmed(session),
        not_applied_updates=session.scalar(
            select(func.count())
            .select_from(ProvinceUpdate)
            .where(ProvinceUpdate.result == "not_applied")
        )
        or 0,
        last_success_at=last_at,
        last_success_clock_wrong=clock_wrong,
        last_error=_last_error(session),
    )


# A run's own time and the server's may differ by the request's travel and the reading's age.
WRONG_CLOCK_MARGIN = timedelta(minutes=10)


def _last_success(session: Session) -> tuple[datetime | None, bool]:
    """The latest good run (by order, not by its time: a clock once ahead must not stick), shown
    at the server's time of it when the run heard one."""
    row = session.scalar(
        select(SyncLogEntry)
        .where(SyncLogEntry.outcome == "ok")
        .order_by(SyncLogEntry.id.desc())
        .limit(1)
    )
    if row is None:
        return None, False
    server = row.server_finished_at
    wrong = server is not None and abs(server - row.finished_at) > WRONG_CLOCK_MARGIN
    return server or row.finished_at, wrong


def _open_states(session: Session) -> dict[str, int]:
    """Counts of every state except the two acknowledged ones, unknown states included.

    Three ranges of the (state, device_seq) index around "acked" and "duplicate_acked": the
    work grows with what is open, not with the (never pruned) acknowledged history.
    """
    low, high = sorted(DONE_STATES)
    state = OutboxOp.state
    counts: dict[str, int] = {}
    for outside in (state < low, (state > low) & (state < high), state > high):
        rows = session.execute(select(state, func.count()).where(outside).group_by(state))
        counts.update({name: count for name, count in rows})
    return counts


def _pending_detail(session: Session, states: list[str]) -> tuple[int, datetime | None]:
    if not states:
        return 0, None
    count, oldest = session.execute(
        select(
            func.count(func.distinct(OutboxOp.dossier_uuid)), func.min(OutboxOp.created_at)
        ).where(OutboxOp.state.in_(states))
    ).one()
    return int(count or 0), to_vn(oldest) if oldest is not None else None


def _unconfirmed(session: Session) -> int:
    """Acknowledged ops without a receipt id: must be zero; counted as pending if not."""
    return (
        session.scalar(
            select(func.count())
            .select_from(OutboxOp)
            .where(OutboxOp.state.in_(DONE_STATES), OutboxOp.receipt_id.is_(None))
        )
        or 0
    )


def _last_error(session: Session) -> str | None:
    last = session.scalar(select(SyncLogEntry).order_by(SyncLogEntry.id.desc()).limit(1))
    return last.message if last is not None and last.outcome != "ok" else None


__all__ = ["QUEUED", "SyncStatus", "compute_status"]
