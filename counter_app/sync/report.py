"""What one sync run did (counts, failure), its summary in Vietnamese, and its row in `sync_log`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.models.sync_tables import CLOCK_ROW, ClockReading, SyncLogEntry
from counter_app.services.notes import Part, formatted, stored_note
from counter_app.sync.errors import FailureKind, SyncError
from counter_app.sync.ledger import ReceiptCounts
from counter_app.sync.pull_apply import PageResult
from counter_app.sync.status import SyncStatus
from counter_protocol.texts import QT_TRANSLATE_NOOP


@dataclass
class SyncReport:
    trigger: str
    started_at: datetime
    finished_at: datetime | None = None
    server_url: str | None = None
    batches: int = 0
    bytes_sent: int = 0
    sent: int = 0
    acked: int = 0
    duplicates: int = 0
    conflicts: int = 0
    quarantined: int = 0
    held: int = 0
    released: int = 0
    pulled: int = 0
    pull_applied: int = 0
    pull_unchanged: int = 0
    pull_not_applied: int = 0
    # Dossiers where the province's change and this counter's did not fit (docs/sync.md#s20):
    # both kept, a dossier_conflicts row written for the clerk and IT.
    province_conflicts: int = 0
    error: SyncError | None = None
    status: SyncStatus | None = None
    changed_kinds: set[str] = field(default_factory=set)
    feed_reset: bool = False  # the server no longer held our pull cursor: pulled from 0 again
    requeued: int = 0  # acknowledged ops queued again because the server had lost some
    # For IT, in the summary and the log: each a marked template and its values (the sync
    # window shows it in the person's language, the log keeps it in Vietnamese).
    notice_parts: list[Part] = field(default_factory=list)
    to_send: int = 0  # ops sendable when the push began (the "of" in "120 of 500")
    stopped: bool = False  # a person stopped the run between batches (docs/sync.md#s22)

    @property
    def ok(self) -> bool:
        return self.error is None

    def add_receipt(self, counts: ReceiptCounts, sent: int, body_bytes: int) -> None:
        self.batches += 1
        self.bytes_sent += body_bytes
        self.sent += sent
        self.acked += counts.acked
        self.duplicates += counts.duplicates
        self.conflicts += counts.conflicts
        self.quarantined += counts.quarantined
        self.held += counts.held
        self.released += counts.released
        self.province_conflicts += counts.province_conflicts

    @property
    def notices(self) -> list[str]:
        """The notices in Vietnamese, as the log keeps them."""
        return [formatted([part]) for part in self.notice_parts]

    def add_notice(
        self, template: str, requeued: int = 0, params: dict[str, object] | None = None
    ) -> None:
        self.notice_parts.append((template, params or {}))
        self.requeued += requeued

    def add_page(self, changes: int, result: PageResult) -> None:
        self.pulled += changes
        self.pull_applied += result.applied
        self.pull_unchanged += result.unchanged + result.seen_before
        self.pull_not_applied += result.not_applied
        self.changed_kinds |= result.kinds
        self.province_conflicts += result.conflicts

    def push_line(self) -> str:
        return formatted([self.push_part()])

    def push_part(self) -> Part:
        size = f"{self.bytes_sent / 1024:.1f} KB" if self.bytes_sent else "0 KB"
        params: dict[str, object] = {
            "sent": self.sent, "batches": self.batches, "size": size, "acked": self.acked,
            "duplicates": self.duplicates, "conflicts": self.conflicts,
            "quarantined": self.quarantined, "held": self.held, "released": self.released,
        }  # fmt: skip
        if self.released:
            return QT_TRANSLATE_NOOP(
                "messages",
                "Gửi: {sent} thao tác trong {batches} lô ({size}); máy chủ xác nhận {acked}, "
                "trùng (đã có) {duplicates}, xung đột {conflicts}, cách ly {quarantined}, chờ "
                "thao tác trước {held}; {released} thao tác chờ trước đây nay đã được áp dụng.",
            ), params
        return QT_TRANSLATE_NOOP(
            "messages",
            "Gửi: {sent} thao tác trong {batches} lô ({size}); máy chủ xác nhận {acked}, "
            "trùng (đã có) {duplicates}, xung đột {conflicts}, cách ly {quarantined}, chờ "
            "thao tác trước {held}.",
        ), params

    def pull_line(self) -> str:
        return formatted([self.pull_part()])

    def pull_part(self) -> Part:
        params: dict[str, object] = {
            "pulled": self.pulled, "applied": self.pull_applied,
            "unchanged": self.pull_unchanged, "not_applied": self.pull_not_applied,
        }  # fmt: skip
        if self.pull_unchanged and self.pull_not_applied:
            template = QT_TRANSLATE_NOOP(
                "messages",
                "Nhận từ tỉnh: {pulled} thay đổi (áp dụng {applied}, đã có {unchanged}, "
                "không áp dụng được {not_applied}).",
            )
        elif self.pull_unchanged:
            template = QT_TRANSLATE_NOOP(
                "messages",
                "Nhận từ tỉnh: {pulled} thay đổi (áp dụng {applied}, đã có {unchanged}).",
            )
        elif self.pull_not_applied:
            template = QT_TRANSLATE_NOOP(
                "messages",
                "Nhận từ tỉnh: {pulled} thay đổi (áp dụng {applied}, không áp dụng được "
                "{not_applied}).",
            )
        else:
            template = QT_TRANSLATE_NOOP(
                "messages", "Nhận từ tỉnh: {pulled} thay đổi (áp dụng {applied})."
            )
        return template, params

    def stopped_line(self) -> str:
        return formatted([self.stopped_part()])

    def stopped_part(self) -> Part:
        left = max(self.to_send - self.sent, 0)
        return QT_TRANSLATE_NOOP(
            "messages",
            "Đã dừng theo yêu cầu sau khi gửi {sent}/{to_send} thao tác; {left} thao tác còn "
            "lại vẫn an toàn trên máy và sẽ được gửi ở lần đồng bộ sau.",
        ), {"sent": self.sent, "to_send": self.to_send, "left": left}

    def note_parts(self) -> list[Part]:
        """The run's note for its `sync_log` row but the failure: the stop, then the notices."""
        stopped = [self.stopped_part()] if self.stopped else []
        return [*stopped, *self.notice_parts]

    def summary_parts(self) -> list[Part]:
        """The lines of the summary but the status, as marked templates and their values (the
        sync window shows each in the clerk's language)."""
        parts = [*self.note_parts(), self.push_part(), self.pull_part()]
        if self.province_conflicts:
            parts.append(
                (
                    QT_TRANSLATE_NOOP(
                        "messages",
                        "Có {count} thay đổi không khớp giữa tỉnh và máy này: cả hai đều được "
                        "lưu, xem danh sách xung đột hồ sơ.",
                    ),
                    {"count": self.province_conflicts},
                )
            )
        return parts

    def summary_lines(self, now: datetime) -> list[str]:
        lines = [formatted([part]) for part in self.summary_parts()]
        if self.status is not None:
            lines.append(STATUS_LINE.format(status=self.status.text(now)))
        return lines


STATUS_LINE = QT_TRANSLATE_NOOP("messages", "Tình trạng: {status}.")


# A link that stays down would add a row every few seconds: repeat failures extend one row.
_COALESCED = frozenset({FailureKind.OFFLINE, FailureKind.TIMEOUT, FailureKind.SERVER})


def write_log(session: Session, report: SyncReport) -> None:
    """One `sync_log` row per run; a repeat of the same network failure extends the last row."""
    error = report.error
    finished = report.finished_at or report.started_at
    stopped = [report.stopped_line()] if report.stopped else []
    message = " ".join([*stopped, *report.notices, *([error.one_line()] if error else [])]) or None
    if error is not None and error.kind in _COALESCED and report.sent == 0 and not report.notices:
        last = session.scalar(select(SyncLogEntry).order_by(SyncLogEntry.id.desc()).limit(1))
        if last is not None and last.error_kind == error.kind.value and last.sent == 0:
            last.finished_at, last.message = finished, error.one_line()
            last.message_marked = stored_note(error_parts(error))
            return
    session.add(
        SyncLogEntry(
            started_at=report.started_at,
            finished_at=finished,
            trigger=report.trigger,
            outcome="ok" if error is None else "error",
            batches=report.batches,
            bytes_sent=report.bytes_sent,
            sent=report.sent,
            acked=report.acked,
            duplicates=report.duplicates,
            conflicts=report.conflicts,
            quarantined=report.quarantined,
            held=report.held,
            pulled=report.pulled,
            error_kind=error.kind.value if error else None,
            message=message,
            message_marked=stored_note([*report.note_parts(), *error_parts(error)]),
            server_finished_at=server_time_at(session, report.started_at, finished),
        )
    )


def error_parts(error: SyncError | None) -> list[Part]:
    """A failure as `one_line()` gives it, message then advice, as marked templates."""
    if error is None:
        return []
    advice = [(error.advice_template, dict(error.params))] if error.advice_template else []
    return [(error.template, dict(error.params)), *advice]


def server_time_at(session: Session, started: datetime, finished: datetime) -> datetime | None:
    """The server's time at `finished`, from a clock reading taken during this run (or None)."""
    reading = session.get(ClockReading, CLOCK_ROW)
    if reading is None or reading.local_time < started.replace(microsecond=0):  # kept to 1 s
        return None
    return finished + timedelta(seconds=reading.skew_s)
