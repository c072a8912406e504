"""SyncService: enrol, push the outbox, pull province changes, and say honestly where things stand.

Order never depends on a wall clock: ops go in device_seq order, changes are applied in server
order. The clock only stamps what is shown (and `sent_at`, from which the server measures skew).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

from counter_app import __version__
from counter_app.domain.vntime import now_vn
from counter_app.models.sync_tables import STATE_ROW, SyncState
from counter_app.services.clock import record_reading
from counter_app.services.store import Store
from counter_app.sync import views
from counter_app.sync.claims import claim_imported
from counter_app.sync.client import SyncClient, Timeouts
from counter_app.sync.enrol import ClientFactory, EnrolResult, enrol
from counter_app.sync.errors import FailureKind, SyncError
from counter_app.sync.identity import Enrolled, enrolled_identity, self_device
from counter_app.sync.lock import SyncLock
from counter_app.sync.pull import Puller
from counter_app.sync.pull_apply import mark_revoked
from counter_app.sync.push import Pusher, PushSettings, StopAsked, never
from counter_app.sync.report import SyncReport, write_log
from counter_app.sync.status import SyncStatus, compute_status
from counter_protocol.batch import DEFAULT_BATCH_OPS
from counter_protocol.feed import DEFAULT_CHANGES_LIMIT

Progress = Callable[[str, int, int], None]  # phase ("push" | "pull"), done, total
Clock = Callable[[], datetime]


class Steps(NamedTuple):
    """What a run tells as it goes, and asks between its steps."""

    progress: Progress | None
    stop_asked: StopAsked


@dataclass
class SyncOptions:
    batch_ops: int = DEFAULT_BATCH_OPS
    batch_bytes: int = 2 * 1024 * 1024  # uncompressed op JSON per batch (~80 KB on the wire)
    pull_limit: int = DEFAULT_CHANGES_LIMIT
    window: int = 2  # batches in flight at once (the server works while the next one travels)
    timeouts: Timeouts = field(default_factory=Timeouts)
    lock_wait_s: float = 0.0
    server_url: str | None = None  # use this address instead of the enrolled one (this run)
    allow_insecure_http: bool = False  # plain http:// beyond this machine (a lab, never a post)


@dataclass(frozen=True)
class Enrolment:
    server_url: str | None
    device_id: str | None  # None: never enrolled
    unit_code: str
    slot: int
    counter_name: str
    enrolled_at: datetime | None


class SyncService:
    """One per store. `sync_once` is safe to call from any thread: runs are single-flight."""

    def __init__(
        self,
        store: Store,
        *,
        clock: Clock = now_vn,
        options: SyncOptions | None = None,
        client_factory: ClientFactory | None = None,
        app_version: str = __version__,
        on_reference_data: Callable[[set[str]], None] | None = None,
    ) -> None:
        self._store = store
        self._clock = clock
        self.options = options or SyncOptions()
        self._client_factory = client_factory or self._default_client
        self._app_version = app_version
        self._on_reference_data = on_reference_data
        self._lock = SyncLock(store.paths.data_dir)
        o = self.options
        self._push_settings = PushSettings(
            o.batch_ops, o.batch_ops, o.batch_bytes, o.window, app_version
        )

    def _default_client(self, url: str) -> SyncClient:
        return SyncClient(
            url,
            timeouts=self.options.timeouts,
            clock=self._clock,
            allow_insecure_http=self.options.allow_insecure_http,
        )

    # -- public API ---------------------------------------------------------------------------

    def status(self) -> SyncStatus:
        with self._store.read() as session:
            return compute_status(session)

    def problems(self, limit: int = 200) -> list[views.OpProblem]:
        with self._store.read() as session:
            return views.op_problems(session, limit)

    def recent_runs(self, limit: int = 30) -> list[views.RunRow]:
        with self._store.read() as session:
            return views.recent_runs(session, limit)

    def recent_updates(self, limit: int = 50) -> list[views.UpdateRow]:
        with self._store.read() as session:
            return views.recent_updates(session, limit)

    def enrolment(self) -> Enrolment:
        """Where this PC stands with the server (for the window's header)."""
        with self._store.read() as session:
            device = self_device(session)
            return Enrolment(
                device.server_url,
                device.server_device_id,
                device.unit_code,
                device.slot,
                device.name,
                device.enrolled_at,
            )

    def enrol(self, server_url: str, code: str) -> EnrolResult:
        """Register this PC; SyncError (refused, offline…) or ServiceError (bad input)."""
        with self._lock.hold(self.options.lock_wait_s):
            return enrol(
                self._store,
                self._client_factory,
                server_url,
                code,
                self._app_version,
                self._clock(),
            )

    def sync_once(
        self,
        trigger: str = "manual",
        progress: Progress | None = None,
        stop_asked: StopAsked = never,
    ) -> SyncReport:
        """Push everything sendable, then pull every page. Never raises SyncError: see `.error`.
        `stop_asked` is looked at between batches and pages; a stopped run says so in
        `.stopped` and leaves the rest for the next run (docs/sync.md#s22).

        Waits for the store's start-up check first, and raises its StoreCorrupt: nothing is sent
        from, or pulled into, a damaged store (docs/decisions/0035-startup-check.md)."""
        self._store.require_sound()
        report = SyncReport(trigger, self._clock())
        try:
            with self._lock.hold(self.options.lock_wait_s):
                try:
                    self._run(report, Steps(progress, stop_asked))
                finally:
                    report.finished_at = self._clock()
                    self._finish(report)
        except SyncError as exc:  # BUSY: someone else's run is the one that counts; not logged
            report.error = exc
            report.finished_at = self._clock()
        report.status = self.status()
        return report

    # -- one run ------------------------------------------------------------------------------

    def _run(self, report: SyncReport, steps: Steps) -> None:
        try:
            with self._store.read() as session:
                me = enrolled_identity(session)
                state = session.get(SyncState, STATE_ROW)
                if state is not None and state.revoked_at is not None:
                    raise SyncError(FailureKind.REVOKED, state.revoked_message or "")
            url = self.options.server_url or me.server_url
            report.server_url = url
            with self._client_factory(url) as client:
                self._push(client, me, report, steps)
                report.stopped = report.stopped or steps.stop_asked()  # before the pull
                if report.stopped:
                    return
                claim_imported(self._store, client, me, report)
                if self._pull(client, me, report, steps) and not report.stopped:
                    self._push(client, me, report, steps)  # what a restored server lost
        except SyncError as exc:
            report.error = exc

    def _finish(self, report: SyncReport) -> None:
        error = report.error
        with self._store.write() as session:
            if error is not None and error.kind == FailureKind.REVOKED:
                mark_revoked(session, report.finished_at or self._clock(), error.message)
            if error is not None and error.kind == FailureKind.CLOCK and error.server_time:
                record_reading(session, error.server_time, self._clock(), "refusal")
            write_log(session, report)
        if report.changed_kinds and self._on_reference_data is not None:
            self._on_reference_data(set(report.changed_kinds))

    # -- push ---------------------------------------------------------------------------------

    def _push(self, client: SyncClient, me: Enrolled, report: SyncReport, steps: Steps) -> None:
        settings, clock = self._push_settings, self._clock
        Pusher(self._store, client, me, settings, clock, report, *steps).run()

    # -- pull ---------------------------------------------------------------------------------

    def _pull(self, client: SyncClient, me: Enrolled, report: SyncReport, steps: Steps) -> int:
        """Pull every page; how many acknowledged ops were queued again (the server lost some)."""
        limit = self.options.pull_limit
        return Puller(self._store, client, me, limit, self._clock, report, *steps).run()


__all__ = ["EnrolResult", "Progress", "SyncOptions", "SyncReport", "SyncService"]
