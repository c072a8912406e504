"""Background sync without Qt: one worker thread, backoff with jitter, quick retry when offline.

While the link is down the runner retries every few seconds (at most `offline_cap_s`, jittered),
so the first retry lands within ~10 s of the link returning. Server trouble backs off
exponentially to `cap_s` (10 min), honouring Retry-After. Failures that need a person (revoked,
not enrolled) wait for `poke()`. Runs never overlap: one thread here, and SyncService's lock
keeps out other threads and processes.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from counter_app.sync.errors import FailureKind, SyncError
from counter_app.sync.report import SyncReport
from counter_protocol.texts import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

WAIT_FOR_PERSON = frozenset({FailureKind.REVOKED, FailureKind.NOT_ENROLLED})


@dataclass(frozen=True)
class BackoffPolicy:
    base_s: float = 2.0
    cap_s: float = 600.0
    offline_cap_s: float = 8.0
    idle_s: float = 300.0  # after a good run: pull province changes again this often
    busy_s: float = 5.0  # another run (CLI or window) holds the lock
    person_s: float = 1800.0  # refused for a reason a person must fix; look again now and then

    def delay(self, failures: int, error: SyncError | None, rng: random.Random) -> float | None:
        """Seconds until the next run; None: only when poked. `failures` counts this one."""
        if error is None:
            return self.idle_s
        if error.kind in WAIT_FOR_PERSON:
            return None
        if error.kind == FailureKind.BUSY:
            return rng.uniform(self.busy_s / 2, self.busy_s)
        if not error.retryable:
            return self.person_s
        cap = self.offline_cap_s if error.kind == FailureKind.OFFLINE else self.cap_s
        ceiling = min(cap, self.base_s * 2 ** max(0, failures - 1))
        delay = rng.uniform(ceiling / 2, ceiling)  # "equal jitter": spread, never near zero
        if error.retry_after is not None:
            delay = max(delay, min(error.retry_after, self.cap_s))
        return delay


class Clock(Protocol):
    """Where the runner reads the time and waits for it: seconds on a monotonic scale, and a
    wait that `wake` (a poke or a stop) cuts short. Tests pass a clock they move by hand."""

    def now(self) -> float: ...

    def wait(self, wake: threading.Event, seconds: float | None) -> bool: ...


class MonotonicClock:
    """The real clock: `time.monotonic`, and `Event.wait` for the pause."""

    def now(self) -> float:
        return time.monotonic()

    def wait(self, wake: threading.Event, seconds: float | None) -> bool:
        return wake.wait(seconds)


def _crashed(exc: BaseException) -> SyncError:
    return SyncError(
        FailureKind.SERVER,
        QT_TRANSLATE_NOOP(
            "messages",
            "Lỗi không mong đợi khi đồng bộ: {exc}",
        ),
        params={"exc": exc},
    )


class SyncRunner:
    """Calls `run()` (e.g. `lambda: service.sync_once("auto")`) on its own thread, on schedule."""

    def __init__(
        self,
        run: Callable[[], SyncReport],
        *,
        policy: BackoffPolicy | None = None,
        rng: random.Random | None = None,
        on_report: Callable[[SyncReport], None] | None = None,
        first_delay_s: float = 0.0,
        clock: Clock | None = None,
    ) -> None:
        self._run = run
        self._clock = clock or MonotonicClock()
        self.policy = policy or BackoffPolicy()
        self._rng = rng or random.Random()
        self._on_report = on_report
        self._wake = threading.Event()
        self._stopped = threading.Event()
        self._lock = threading.Lock()
        self._due: float | None = self._clock.now() + first_delay_s
        self._poked = False
        self._thread: threading.Thread | None = None
        self.failures = 0
        self.runs = 0
        self.last_report: SyncReport | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="counter-sync", daemon=True)
            self._thread.start()

    def stop(self, timeout_s: float = 30.0) -> None:
        """Stop after the current run (if any) ends; never interrupts a run mid-transaction."""
        self._stopped.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout_s)
            self._thread = None

    def poke(self) -> None:
        """Run as soon as possible (a dossier was saved, the network came back, a click)."""
        with self._lock:
            self._due, self._poked = self._clock.now(), True
        self._wake.set()

    def seconds_to_next_run(self) -> float | None:
        """None: waiting for a person (revoked, not enrolled) or a poke."""
        with self._lock:
            due = self._due
        return None if due is None else max(0.0, due - self._clock.now())

    def _loop(self) -> None:
        while not self._stopped.is_set():
            wait = self.seconds_to_next_run()
            if wait is None or wait > 0:
                self._clock.wait(self._wake, wait)
                self._wake.clear()
                continue  # woken or due: look at the schedule again
            with self._lock:
                self._poked = False
            self._schedule(self._run_once())

    def _run_once(self) -> SyncReport | SyncError:
        try:
            return self._run()
        except Exception as exc:  # a bug must not kill the thread: log, back off, go on
            log.exception("sync run failed")
            return _crashed(exc)

    def _schedule(self, outcome: SyncReport | SyncError) -> None:
        error = outcome if isinstance(outcome, SyncError) else outcome.error
        failures = self.failures
        if error is None:
            failures = 0
        elif error.kind != FailureKind.BUSY:  # someone else syncing is no failure of the link
            failures += 1
        delay = self.policy.delay(max(failures, 1), error, self._rng)
        with self._lock:
            if self._poked:  # poked during the run: what was saved meanwhile goes now
                delay = 0.0
            self._due = None if delay is None else self._clock.now() + delay
            self.failures = failures
            if isinstance(outcome, SyncReport):
                self.last_report = outcome
            self.runs += 1  # counted last: whoever sees the count sees the schedule it led to
        if isinstance(outcome, SyncReport) and self._on_report is not None:
            try:
                self._on_report(outcome)
            except Exception:
                log.exception("sync report callback failed")
