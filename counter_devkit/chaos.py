"""Kill -9 a syncing counter at a labelled point, sync cleanly, check the invariants; repeat.

Shared by tests/counter_app/sync/test_chaos.py (50 runs in CI) and scripts/sync_chaos.py (1,000
runs). The killed sync runs in a forked child that installs a KillAtPoint injector (the real
process dies by SIGKILL at the point); the clean sync and the checks run in the parent.
"""

from __future__ import annotations

import os
import random
import signal
from collections import Counter
from dataclasses import dataclass, field

import httpx

from counter_app.sync import crash
from counter_devkit.counter_pc import CounterPC, assert_converged
from counter_devkit.faults import KillAtPoint
from counter_devkit.lifecycle_steps import take_step
from counter_devkit.server import ServerProcess
from counter_protocol.lifecycle import Action
from counter_protocol.statuses import Status, SubState

POINTS = (
    crash.BEFORE_SEND,
    crash.AFTER_SERVER_COMMIT,
    crash.WHILE_STORING_RECEIPT,
    crash.AFTER_RECEIPT_STORED,
    crash.BEFORE_PULL,
    crash.WHILE_APPLYING_PULL,
    crash.AFTER_PULL_STORED,
)


@dataclass
class ChaosState:
    """Which dossiers the clerk moves and which the province moves (never both: see README)."""

    clerk: list[str] = field(default_factory=list)
    province: list[str] = field(default_factory=list)
    province_done: list[str] = field(default_factory=list)
    kills: Counter[str] = field(default_factory=Counter)
    runs: int = 0


def killed_sync(pc: CounterPC, label: str, nth: int) -> bool:
    """Run one sync in a forked child that kills itself at `label` (nth time); True if it died."""
    pc.services.store.engine.dispose()  # no SQLite connection may cross the fork
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns
        status = 0
        try:
            crash.install_fault_injector(KillAtPoint(label, nth))
            child = CounterPC(pc.data_dir, pc.unit, options=pc.options)
            child.sync.sync_once("chaos")
        except BaseException:
            status = 1
        finally:
            os._exit(status)
    _, status = os.waitpid(pid, 0)
    if os.WIFEXITED(status) and os.WEXITSTATUS(status) != 0:
        raise AssertionError(f"the sync child failed without being killed (at {label}:{nth})")
    return os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL


# The clerk's dossiers walk their lifecycle: forwarded, received by the agency, perhaps a
# supplement round, the result back, returned (counter_protocol/lifecycle.py).
NEXT_STEP: dict[SubState, tuple[Action, ...]] = {
    SubState.RECEIVED: (Action.FORWARD,),
    SubState.IN_TRANSIT: (Action.AGENCY_RECEIVED,),
    SubState.AT_AGENCY: (Action.ASK_SUPPLEMENT, Action.RESULT_RECEIVED),
    SubState.SUPPLEMENT: (Action.SUPPLEMENT_RECEIVED,),
    SubState.RESULT_AT_COUNTER: (Action.RETURN,),
}


def clerk_work(pc: CounterPC, state: ChaosState, rng: random.Random) -> None:
    """New dossiers, lifecycle steps, some results returned (after the province's DONE)."""
    for code in pc.receive(rng.randint(1, 4)):
        (state.clerk if rng.random() < 0.5 else state.province).append(code)
    for code in rng.sample(state.clerk, min(len(state.clerk), rng.randint(0, 3))):
        sub_state = SubState(pc.sql("SELECT sub_state FROM dossiers WHERE code = ?", code)[0][0])
        if sub_state not in NEXT_STEP:
            state.clerk.remove(code)  # returned: its life is over
            continue
        take_step(pc, code, rng.choice(NEXT_STEP[sub_state]))
    for code in list(state.province_done):
        if pc.status_of(code) == Status.DONE and rng.random() < 0.5:
            pc.services.returns.return_result(
                code, "Nguyễn Văn Nhận", "042195000001", "canbo", True
            )
            state.province_done.remove(code)


def province_work(
    server: ServerProcess, state: ChaosState, rng: random.Random, at_least: int = 0
) -> None:
    """Mark some province-side dossiers that the server holds as DONE (a pull change each)."""
    stored = {r[0] for r in server.rows("SELECT code FROM dossiers WHERE status = 2")}
    ready = [c for c in state.province if c in stored]
    with httpx.Client(base_url=server.base_url, timeout=30) as client:
        for code in rng.sample(ready, min(len(ready), rng.randint(at_least, 2))):
            reply = client.post(
                f"/admin/v1/dossiers/{code}/status",
                headers=server.admin_headers(),
                json={"status": 9},
            )
            assert reply.status_code == 200, reply.text
            state.province.remove(code)
            state.province_done.append(code)


def chaos_run(server: ServerProcess, pc: CounterPC, state: ChaosState, rng: random.Random) -> None:
    """One run: work, a killed sync, a clean sync, the invariants."""
    clerk_work(pc, state, rng)
    label = rng.choice(POINTS)
    province_work(server, state, rng, at_least=int(label == crash.WHILE_APPLYING_PULL))
    nth = rng.randint(1, _reachable(pc, label))
    if killed_sync(pc, label, nth):
        state.kills[label] += 1
    state.runs += 1
    report = pc.sync.sync_once("clean")
    assert report.error is None, report.error.one_line()
    assert report.status is not None and report.status.all_sent
    assert_converged(server, pc)
    assert_same_sub_states(server, pc)
    assert_province_once(server, pc)


def assert_same_sub_states(server: ServerProcess, pc: CounterPC) -> None:
    """The server's merged lifecycle state of every dossier is the counter's."""
    remote = {
        r[0]: r[1]
        for r in server.rows("SELECT code, sub_state FROM dossiers WHERE unit_code = :u", u=pc.unit)
    }
    assert remote == dict(pc.sql("SELECT code, sub_state FROM dossiers"))


def _reachable(pc: CounterPC, label: str) -> int:
    """How many times the coming sync passes `label` (so the kill lands inside the run)."""
    if label in (crash.BEFORE_PULL, crash.WHILE_APPLYING_PULL, crash.AFTER_PULL_STORED):
        return 1
    sendable = int(pc.sql("SELECT count(*) FROM outbox WHERE state IN ('queued', 'held')")[0][0])
    return max(1, -(-sendable // pc.options.batch_ops))


def assert_province_once(server: ServerProcess, pc: CounterPC) -> None:
    """Every province change for this unit applied exactly once, and the cursor at its end."""
    seqs = [
        r[0]
        for r in server.rows(
            "SELECT seq FROM changes WHERE unit_code = :u OR unit_code IS NULL ORDER BY seq",
            u=pc.unit,
        )
    ]
    applied = [r[0] for r in pc.sql("SELECT change_seq FROM province_updates ORDER BY 1")]
    assert applied == seqs
    events = pc.sql("SELECT count(*) FROM dossier_events WHERE origin = 'province'")[0][0]
    status_changes = server.scalar(
        "SELECT count(*) FROM changes WHERE unit_code = :u AND kind = 'dossier.status'", u=pc.unit
    )
    assert events == status_changes
    assert pc.sql("SELECT pull_cursor FROM sync_state")[0][0] == (seqs[-1] if seqs else 0)
