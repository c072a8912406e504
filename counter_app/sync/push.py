"""One push pass: batches in device_seq order, a small window of them in flight at once.

While the server works on batch k, batch k+1 is already built and on its way, so the counter's
own work (reading, compressing, storing receipts) hides behind the server's. Each batch still
stands alone: its receipt is verified and stored with its op states in one transaction. An op
that reaches the server before the op it follows is held there; held ops are sent once more at
the end of the pass, when their predecessors have arrived, and come back applied.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from counter_app.models.tables import OutboxOp
from counter_app.services.catalogue import current_version
from counter_app.services.outbox import HELD
from counter_app.services.store import Store
from counter_app.sync import damage, ledger
from counter_app.sync.client import SyncClient
from counter_app.sync.crash import AFTER_RECEIPT_STORED, BEFORE_SEND, crash_point
from counter_app.sync.errors import FailureKind, SyncError
from counter_app.sync.identity import Enrolled
from counter_app.sync.report import SyncReport
from counter_protocol import receipt as wire
from counter_protocol.batch import build_batch, new_batch_id
from counter_protocol.encoding import decode_json_object
from counter_protocol.errors import ProtocolError
from counter_protocol.texts import QT_TRANSLATE_NOOP

MIN_BATCH_OPS = 10
Progress = Callable[[str, int, int], None]
StopAsked = Callable[[], bool]  # a person asked to stop: no new batch is started


def never() -> bool:
    return False


@dataclass
class PushSettings:
    batch_ops: int  # adapted: halved after a timeout or a "too large", doubled back on success
    max_batch_ops: int
    batch_bytes: int
    window: int
    app_version: str


@dataclass(frozen=True)
class Built:
    batch: list[ledger.PendingOp]
    batch_id: str
    body: bytes


Sent = tuple[Built, ledger.ReceiptCounts]


class Pusher:
    def __init__(
        self,
        store: Store,
        client: SyncClient,
        me: Enrolled,
        settings: PushSettings,
        clock: Callable[[], datetime],
        report: SyncReport,
        progress: Progress | None,
        stop_asked: StopAsked = never,
    ) -> None:
        self._store, self._client, self._me = store, client, me
        self.settings, self._clock = settings, clock
        self._report, self._progress = report, progress
        self._stop_asked = stop_asked
        self._total = 0

    def run(self) -> None:
        self._stop_damaged()
        self._total = self._count(ledger.SENDABLE)
        self._report.to_send += self._total
        self._pass()
        if self._count((HELD,)) and not self._report.stopped:
            self._pass(only_held=True)

    def _stop_damaged(self) -> None:
        """Re-hash the queue first (reading only); damaged ops and their dossier's later ops
        are marked and never sent, so the status can never say everything was sent."""
        with self._store.read() as session:
            found = damage.find_damaged(session)
        if found:
            with self._store.write() as session:
                for template, params in damage.stop(session, found):
                    self._report.add_notice(template, params=params)

    def _pass(self, only_held: bool = False) -> None:
        while True:
            try:
                self._pipeline(only_held)
                return
            except SyncError as exc:
                if exc.kind != FailureKind.TOO_LARGE or self.settings.batch_ops <= MIN_BATCH_OPS:
                    raise
                self.settings.batch_ops = max(MIN_BATCH_OPS, self.settings.batch_ops // 2)

    def _pipeline(self, only_held: bool) -> None:
        after = 0
        inflight: deque[Future[Sent]] = deque()
        with ThreadPoolExecutor(max(1, self.settings.window), "counter-push") as pool:
            try:
                while not self._stopping() and (built := self._build(after, only_held)):
                    inflight.append(pool.submit(self._send, built))
                    after = built.batch[-1].device_seq
                    while len(inflight) >= self.settings.window:
                        self._collect(inflight.popleft())
                while inflight:
                    self._collect(inflight.popleft())
            except BaseException:
                for future in inflight:  # let batches already sent store their receipts
                    future.exception()
                raise

    def _stopping(self) -> bool:
        """Asked between batches only: a batch on its way still has its receipt stored, so
        what was sent stays sent and the rest waits in the outbox (docs/sync.md#s22)."""
        if self._stop_asked():
            self._report.stopped = True
        return self._report.stopped

    def _build(self, after: int, only_held: bool) -> Built | None:
        s = self.settings
        with self._store.read() as session:
            batch = ledger.next_batch(session, after, s.batch_ops, s.batch_bytes, only_held)
            if not batch:
                return None
            head, catalogue = ledger.head_seq(session), current_version(session)
        batch_id = new_batch_id()
        body = build_batch(
            self._me.device_id,
            [op.payload for op in batch],
            app_version=s.app_version,
            catalogue_version=catalogue,
            head_seq=head,
            batch_id=batch_id,
            sent_at=self._clock(),
        )
        return Built(batch, batch_id, body)

    def _send(self, built: Built) -> Sent:
        """Worker thread: send one batch, verify its receipt, store it with the op states."""
        crash_point(BEFORE_SEND)
        try:
            raw = self._client.push(self._me.device_id, self._me.key, built.body)
            receipt, signature = verify_receipt(raw, self._me, built.batch_id)
        except SyncError as exc:
            if exc.kind in (FailureKind.TIMEOUT, FailureKind.TOO_LARGE):
                self.settings.batch_ops = max(MIN_BATCH_OPS, len(built.batch) // 2)
            with self._store.write() as session:
                ledger.record_failure(session, built.batch, [(exc.template, dict(exc.params))])
            raise
        with self._store.write() as session:
            counts = ledger.store_receipt(
                session, receipt, raw, signature, built.batch, self._clock()
            )
        crash_point(AFTER_RECEIPT_STORED)
        return built, counts

    def _collect(self, future: Future[Sent]) -> None:
        built, counts = future.result()
        self._report.add_receipt(counts, len(built.batch), len(built.body))
        s = self.settings
        s.batch_ops = min(s.max_batch_ops, s.batch_ops * 2)
        if self._progress is not None:
            self._progress("push", self._report.sent, self._total)

    def _count(self, states: tuple[str, ...]) -> int:
        with self._store.read() as session:
            return (
                session.scalar(
                    select(func.count()).select_from(OutboxOp).where(OutboxOp.state.in_(states))
                )
                or 0
            )


def verify_receipt(raw: bytes, me: Enrolled, batch_id: str) -> tuple[wire.Receipt, str]:
    """The receipt, checked (hash, server signature, batch, device) before anything is marked."""
    try:
        signed = decode_json_object(raw)  # parsed once: receipts are ~100 B per op
        receipt = wire.verify_receipt(
            signed, me.server_public_key, batch_id=batch_id, device_id=me.device_id
        )
        signature = signed["signature"]
    except (wire.ReceiptError, ProtocolError) as exc:
        raise SyncError(
            FailureKind.BAD_REPLY,
            QT_TRANSLATE_NOOP(
                "messages",
                "Biên nhận của máy chủ không kiểm tra được ({exc}); chưa đánh dấu gì, "
                "lô sẽ được gửi lại.",
            ),
            params={"exc": exc},
        ) from exc
    return receipt, str(signature)
