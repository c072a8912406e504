"""Background scheduling: backoff with jitter, a quick retry when the link returns, one run at a
time across threads and processes."""

from __future__ import annotations

import itertools
import random
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from counter_app.domain.vntime import now_vn
from counter_app.sync.errors import FailureKind, SyncError
from counter_app.sync.report import SyncReport
from counter_app.sync.runner import BackoffPolicy, SyncRunner
from counter_app.sync.service import SyncOptions
from counter_devkit.counter_pc import CounterPC, assert_converged
from counter_devkit.netproxy import LinkProxy
from counter_devkit.server import ServerProcess
from counter_devkit.timing import HANG_S, JUST_PAST, FakeClock, wait_until
from tests.counter_app.sync.faults import FaultTransport


def _error(kind: FailureKind, retry_after: float | None = None) -> SyncError:
    return SyncError(kind, "x", retry_after=retry_after)


def test_backoff_policy() -> None:
    policy, rng = BackoffPolicy(), random.Random(1)
    offline = [policy.delay(n, _error(FailureKind.OFFLINE), rng) for n in range(1, 40)]
    assert all(d is not None and 0.5 <= d <= 8.0 for d in offline)
    assert max(offline[5:]) <= 8.0 and min(offline[5:]) >= 4.0  # capped, never hammering
    server = [policy.delay(n, _error(FailureKind.SERVER), rng) for n in range(1, 40)]
    assert server[0] is not None and server[0] <= 2.0
    assert all(d is not None and 300 <= d <= 600 for d in server[12:])
    assert len({round(d or 0, 3) for d in server[12:]}) > 20  # jitter spreads the fleet
    assert policy.delay(1, _error(FailureKind.SERVER, retry_after=120), rng) == 120
    assert policy.delay(1, _error(FailureKind.SERVER, retry_after=10**6), rng) == 600
    assert policy.delay(3, _error(FailureKind.REVOKED), rng) is None
    assert policy.delay(3, _error(FailureKind.NOT_ENROLLED), rng) is None
    assert policy.delay(3, _error(FailureKind.CONFLICT), rng) == policy.person_s
    assert policy.delay(1, None, rng) == policy.idle_s


def _report(error: SyncError | None = None) -> SyncReport:
    return SyncReport("auto", now_vn(), error=error)


def _has_run(runner: SyncRunner, runs: int) -> Callable[[], bool]:
    return lambda: runner.runs == runs


def _pause(runner: SyncRunner) -> float:
    """Seconds until the runner's next run by its (frozen) clock; a pause, not a wait."""
    pause = runner.seconds_to_next_run()
    assert pause is not None
    return pause


def test_runner_retries_pokes_and_never_overlaps() -> None:
    clock, in_run, release = FakeClock(), threading.Event(), threading.Event()
    running, overlaps, calls = [0], [0], []
    outcomes = [_error(FailureKind.OFFLINE)] * 3 + [None]
    release.set()

    def run() -> SyncReport:
        running[0] += 1
        overlaps[0] = max(overlaps[0], running[0])
        calls.append(clock.now())
        in_run.set()
        release.wait(HANG_S)
        running[0] -= 1
        error = outcomes[len(calls) - 1] if len(calls) <= len(outcomes) else None
        if len(calls) == 2:
            raise RuntimeError("a bug")  # logged, treated as a failure, the thread goes on
        return _report(error)

    runner = SyncRunner(run, rng=random.Random(2), clock=clock)
    idle = runner.policy.idle_s
    runner.start()
    try:
        pauses = []
        for runs in (1, 2, 3):  # offline, crashed, offline: each failure waits longer
            wait_until(_has_run(runner, runs), f"run {runs}")
            pauses.append(_pause(runner))
            clock.advance(pauses[-1] + JUST_PAST)
        wait_until(_has_run(runner, 4), "the fourth run")
        assert runner.failures == 0 and runner.seconds_to_next_run() == pytest.approx(idle)
        assert 1.0 <= pauses[0] <= 2.0 and 2.0 <= pauses[1] <= 4.0 and 4.0 <= pauses[2] <= 8.0
        assert [b - a for a, b in itertools.pairwise(calls)] == pytest.approx(pauses, abs=1e-5)
        clock.advance(10.0)
        runner.poke()  # a dossier was saved: it goes now, not at the idle pull
        wait_until(_has_run(runner, 5), "the poked run")
        assert runner.seconds_to_next_run() == pytest.approx(idle)
        in_run.clear()
        release.clear()
        runner.poke()
        assert in_run.wait(HANG_S)  # the sixth run is under way…
        for _ in range(3):
            runner.poke()  # …and more is saved meanwhile
        release.set()
        wait_until(_has_run(runner, 7), "one more run for what was saved meanwhile")
        assert runner.seconds_to_next_run() == pytest.approx(idle)  # then quiet again
    finally:
        release.set()
        runner.stop()
    assert len(calls) == 7 and overlaps[0] == 1


def test_first_retry_within_ten_seconds_of_the_link_returning(
    sqlite_server: ServerProcess, pc: CounterPC
) -> None:
    pc.enrol(sqlite_server)
    link = LinkProxy(sqlite_server.port)
    pc.sync.options.server_url = link.url
    pc.receive(2)
    clock = FakeClock()
    runner = SyncRunner(lambda: pc.sync.sync_once("auto"), clock=clock)
    link.set_up(False)
    runner.start()
    try:
        pauses = []
        for runs in range(1, 7):  # by the fourth failure the backoff is at its offline cap
            wait_until(_has_run(runner, runs), f"offline run {runs}")
            report = runner.last_report
            assert report is not None and report.error is not None
            assert report.error.kind == FailureKind.OFFLINE
            pauses.append(_pause(runner))
            if runs < 6:
                clock.advance(pauses[-1] + JUST_PAST)
        assert max(pauses) <= 10.0, pauses
        assert min(pauses[3:]) >= runner.policy.offline_cap_s / 2  # capped, yet not hammering
        link.set_up(True)  # the link returns while the runner waits out the last pause
        clock.advance(pauses[-1] + JUST_PAST)
        wait_until(_has_run(runner, 7), "the retry after the link returned")
        assert runner.last_report is not None and runner.last_report.error is None
    finally:
        runner.stop()
        link.close()
    assert_converged(sqlite_server, pc)


def test_two_threads_never_sync_at_once(sqlite_server: ServerProcess, pc: CounterPC) -> None:
    pc.enrol(sqlite_server)
    pc.receive(3)
    talking, release = threading.Event(), threading.Event()

    class Held(FaultTransport):
        """Holds the first request until the test lets it go: the first sync is mid-run."""

        def handle_request(self, request: httpx.Request) -> httpx.Response:
            if not talking.is_set():
                talking.set()
                release.wait(HANG_S)
            return super().handle_request(request)

    pc.transport = Held()
    first: list[SyncReport] = []
    thread = threading.Thread(target=lambda: first.append(pc.sync.sync_once()))
    thread.start()
    try:
        assert talking.wait(HANG_S)  # the first sync holds the lock and is talking to the server
        second = pc.sync.sync_once()
    finally:
        release.set()
        thread.join(HANG_S)
    assert second.error is not None and second.error.kind == FailureKind.BUSY
    assert first and first[0].error is None
    other = CounterPC(pc.data_dir, pc.unit, options=SyncOptions())  # a second window, same store
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; "
            "from counter_app.sync.lock import SyncLock; "
            "h = SyncLock(Path(sys.argv[1])).hold(); h.__enter__(); print('held', flush=True); "
            "sys.stdin.readline()",
            str(pc.data_dir),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )  # holds until killed
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        busy = other.sync.sync_once()
        assert busy.error is not None and busy.error.kind == FailureKind.BUSY
    finally:
        holder.kill()
        holder.wait()
    assert other.sync.sync_once().error is None  # the OS freed the dead holder's lock
    other.close()
    assert_converged(sqlite_server, pc)


def test_lock_file_lives_in_the_data_folder(pc: CounterPC) -> None:
    pc.sync.sync_once()
    assert (Path(pc.data_dir) / "sync.lock").exists()
