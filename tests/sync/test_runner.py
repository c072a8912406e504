"""Background scheduling: backoff with jitter, a quick retry when the link returns, one run at a
time across threads and processes."""

from __future__ import annotations

import random
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from counter_app.domain.vntime import now_vn
from counter_app.sync.errors import FailureKind, SyncError
from counter_app.sync.report import SyncReport
from counter_app.sync.runner import BackoffPolicy, SyncRunner
from counter_app.sync.service import SyncOptions
from counter_devkit.counter_pc import CounterPC, assert_converged
from counter_devkit.netproxy import LinkProxy
from counter_devkit.server import ServerProcess
from tests.sync.faults import FaultTransport


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


def test_runner_retries_pokes_and_never_overlaps() -> None:
    running, overlaps, calls = [0], [0], []
    outcomes = [_error(FailureKind.OFFLINE)] * 3 + [None]

    def run() -> SyncReport:
        running[0] += 1
        overlaps[0] = max(overlaps[0], running[0])
        calls.append(time.monotonic())
        time.sleep(0.02)
        running[0] -= 1
        error = outcomes[len(calls) - 1] if len(calls) <= len(outcomes) else None
        if len(calls) == 2:
            raise RuntimeError("a bug")  # logged, treated as a failure, the thread goes on
        return _report(error)

    policy = BackoffPolicy(base_s=0.1, offline_cap_s=0.2, idle_s=60)
    runner = SyncRunner(run, policy=policy, rng=random.Random(2))
    runner.start()
    deadline = time.monotonic() + 5
    while runner.runs < 4 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(calls) == 4 and runner.failures == 0  # the fourth run succeeded
    idle = runner.seconds_to_next_run()
    assert idle is not None and idle > 50
    for _ in range(5):
        runner.poke()
    time.sleep(0.3)
    runner.stop()
    assert 5 <= len(calls) <= 7 and overlaps[0] == 1


def test_first_retry_within_ten_seconds_of_the_link_returning(
    sqlite_server: ServerProcess, pc: CounterPC
) -> None:
    pc.enrol(sqlite_server)
    link = LinkProxy(sqlite_server.port)
    pc.sync.options.server_url = link.url
    pc.receive(2)
    reports: list[SyncReport] = []
    runner = SyncRunner(lambda: pc.sync.sync_once("auto"), on_report=reports.append)
    link.set_up(False)
    runner.start()
    try:
        time.sleep(7.0)  # several failures: the backoff is at its offline cap now
        assert reports and all(r.error is not None for r in reports)
        assert {r.error.kind for r in reports if r.error} == {FailureKind.OFFLINE}
        link.set_up(True)
        back = time.monotonic()
        while not (reports and reports[-1].error is None) and time.monotonic() - back < 12:
            time.sleep(0.05)
        assert reports[-1].error is None
        assert time.monotonic() - back <= 10.0
    finally:
        runner.stop()
        link.close()
    assert_converged(sqlite_server, pc)


def test_two_threads_never_sync_at_once(sqlite_server: ServerProcess, pc: CounterPC) -> None:
    pc.enrol(sqlite_server)
    pc.receive(3)

    class Slow(FaultTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            time.sleep(0.5)
            return super().handle_request(request)

    pc.transport = Slow()
    results: list[SyncReport] = []
    threads = [threading.Thread(target=lambda: results.append(pc.sync.sync_once()))
               for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    kinds = sorted(str(r.error.kind) if r.error else "ok" for r in results)
    assert kinds == ["busy", "ok"]
    other = CounterPC(pc.data_dir, pc.unit, options=SyncOptions())  # a second window, same store
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from pathlib import Path; "
         "from counter_app.sync.lock import SyncLock; "
         "h = SyncLock(Path(sys.argv[1])).hold(); h.__enter__(); print('held', flush=True); "
         "time.sleep(3)", str(pc.data_dir)], stdout=subprocess.PIPE, text=True)
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
