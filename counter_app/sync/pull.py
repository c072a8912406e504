"""The pull loop: province changes page by page, and recovery when the server was restored.

Each page is applied with its cursor (seq and the server's id of that change) in one transaction.
Two signs tell that the server went back in time (restored from a backup), and both are acted on
without deleting anything here:
- the page says `reset` (the server no longer holds our cursor): pull again from 0 in a new
  feed generation, and queue every acknowledged op again;
- the first page says the server lacks an op it acknowledged in one of our latest receipts
  (`probes_missing`): queue every acknowledged op again.
The caller then pushes: the server answers "duplicate" for what it kept and applies what it lost.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy.orm import Session

from counter_app.models.sync_tables import STATE_ROW, SyncState
from counter_app.services.store import Store
from counter_app.sync import ledger
from counter_app.sync.client import SyncClient
from counter_app.sync.crash import AFTER_PULL_STORED, BEFORE_PULL, crash_point
from counter_app.sync.errors import FailureKind, SyncError
from counter_app.sync.identity import Enrolled
from counter_app.sync.pull_apply import apply_page, record_server_loss, start_over
from counter_app.sync.push import StopAsked, never
from counter_app.sync.report import SyncReport
from counter_protocol.errors import ProtocolError
from counter_protocol.feed import ChangesPage, parse_changes_page
from counter_protocol.receipt import ReceiptError
from counter_protocol.texts import QT_TRANSLATE_NOOP

Progress = Callable[[str, int, int], None]
# What IT reads after the server lost data it had confirmed (kept in sync_state, shown in the
# sync window in the person's language).
FEED_LOST = QT_TRANSLATE_NOOP(
    "messages",
    "Máy chủ tỉnh không còn thay đổi số {cursor} mà máy đã nhận (có thể máy chủ vừa được khôi "
    "phục từ bản sao lưu): máy nhận lại các thay đổi của tỉnh từ đầu và gửi lại {count} thao "
    "tác máy chủ đã xác nhận trước đây để máy chủ bổ sung phần bị mất. Dữ liệu trên máy được "
    "giữ nguyên.",
)
OPS_LOST = QT_TRANSLATE_NOOP(
    "messages",
    "Máy chủ tỉnh không còn {missing} thao tác đã xác nhận gần đây cho máy này (có thể máy chủ "
    "vừa được khôi phục từ bản sao lưu). Máy gửi lại {count} thao tác đã được xác nhận để máy "
    "chủ bổ sung phần bị mất. Dữ liệu trên máy được giữ nguyên.",
)
PROBED_RECEIPTS = 3  # more than the batches a push keeps in flight, whose commits may reorder


class Puller:
    """One pull pass. `run` returns how many acknowledged ops it queued again (push them)."""

    def __init__(
        self,
        store: Store,
        client: SyncClient,
        me: Enrolled,
        limit: int,
        clock: Callable[[], datetime],
        report: SyncReport,
        progress: Progress | None,
        stop_asked: StopAsked = never,
    ) -> None:
        self._store, self._client, self._me, self._limit = store, client, me, limit
        self._clock, self._report, self._progress = clock, report, progress
        self._stop_asked = stop_asked
        self._requeued = 0
        self._checked = False  # probes sent and answered (once a run is enough)

    def run(self) -> int:
        while True:
            cursor, cursor_id, probes = self._cursor()
            crash_point(BEFORE_PULL)
            body, signature = self._client.pull(
                self._me.device_id,
                self._me.key,
                cursor,
                self._limit,
                cursor_id=cursor_id,
                probes=probes,
            )
            page = verify_page(body, signature, self._me)
            if page.reset:
                self._start_over(cursor)
                continue
            with self._store.write() as session:
                result = apply_page(session, page, self._me, self._clock())
                loss = None if self._checked else self._check_server_holds(session, page)
            crash_point(AFTER_PULL_STORED)
            if loss is not None:
                self._requeued += loss[1]
                self._report.add_notice(*loss)
            self._report.add_page(len(page.changes), result)
            if self._progress is not None:
                done = self._report.pulled
                self._progress("pull", done, done + (1 if page.has_more else 0))
            if not page.has_more:
                return self._requeued
            if self._stop_asked():  # between pages: each page is stored with its cursor
                self._report.stopped = True
                return self._requeued

    def _cursor(self) -> tuple[int, str | None, list[str]]:
        with self._store.read() as session:
            state = session.get(SyncState, STATE_ROW)
            probes = [] if self._checked else ledger.recent_acknowledged(session, PROBED_RECEIPTS)
            if state is None:
                return 0, None, probes
            return state.pull_cursor, state.pull_cursor_id, probes

    def _start_over(self, cursor: int) -> None:
        if cursor == 0 or self._report.feed_reset:
            raise SyncError(
                FailureKind.BAD_REPLY,
                QT_TRANSLATE_NOOP(
                    "messages",
                    "Máy chủ tỉnh yêu cầu nhận lại dữ liệu từ đầu khi không có lý do (vị "
                    "trí {cursor}); chưa làm gì thêm. Dữ liệu trên máy được giữ nguyên.",
                ),
                params={"cursor": cursor},
            )
        now = self._clock()
        with self._store.write() as session:
            start_over(session, now)
            count = ledger.requeue_acknowledged(session)
            params: dict[str, object] = {"cursor": cursor, "count": count}
            record_server_loss(session, now, FEED_LOST.format(**params))
        self._checked = True  # everything acknowledged is queued again anyway
        self._requeued += count
        self._report.feed_reset = True
        self._report.add_notice(FEED_LOST, count, params)

    def _check_server_holds(
        self, session: Session, page: ChangesPage
    ) -> tuple[str, int, dict[str, object]] | None:
        """Queue acknowledged ops again if the server lacks one it acknowledged lately; the
        note for IT (template, how many were queued, values), or None if all is well."""
        self._checked = True
        missing = page.probes_missing
        if not missing:
            return None  # held, not asked, or a server from before probes
        count = ledger.requeue_acknowledged(session)
        params: dict[str, object] = {"missing": len(missing), "count": count}
        record_server_loss(session, self._clock(), OPS_LOST.format(**params))
        return OPS_LOST, count, params


def verify_page(body: bytes, signature: str | None, me: Enrolled) -> ChangesPage:
    try:
        return parse_changes_page(body, signature, me.server_public_key)
    except (ReceiptError, ProtocolError) as exc:
        raise SyncError(
            FailureKind.BAD_REPLY,
            QT_TRANSLATE_NOOP(
                "messages",
                "Dữ liệu tỉnh gửi về không kiểm tra được ({exc}); chưa áp dụng gì.",
            ),
            params={"exc": exc},
        ) from exc
