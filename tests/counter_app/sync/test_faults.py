"""Lost replies, duplicated, replayed and shuffled batches, a changed byte, a server restart,
clocks set years off: the final state is always the same, and nothing is lost or doubled."""

from __future__ import annotations

import random
import threading
import time
from datetime import timedelta
from pathlib import Path

import httpx
import pytest

from counter_app.domain.vntime import now_vn
from counter_app.services.clock import ClockSuspect
from counter_app.sync.errors import FailureKind
from counter_app.sync.service import SyncOptions
from counter_devkit.counter_pc import CounterPC, assert_converged, make_counter_dir, sync_unit
from counter_devkit.server import ServerProcess
from counter_protocol.statuses import Status
from counter_protocol.transport import PUSH_PATH
from tests.counter_app.sync.faults import FaultTransport
from tests.counter_app.sync.helpers import client_batches, with_events

SMALL = SyncOptions(batch_ops=4)


def _pc(store_template: Path, tmp_path: Path, server: ServerProcess, **kwargs: object) -> CounterPC:
    unit = sync_unit()
    pc = CounterPC(make_counter_dir(store_template, tmp_path / "pc", unit), unit, **kwargs)  # type: ignore[arg-type]
    pc.enrol(server)
    return pc


def test_every_reply_lost_then_a_clean_sync_converges(
    sqlite_server: ServerProcess, store_template: Path, tmp_path: Path
) -> None:
    faults = FaultTransport(lose_replies=1.0)
    pc = _pc(store_template, tmp_path, sqlite_server, options=SMALL, transport=faults)
    with_events(pc, 6)
    for _ in range(3):
        report = pc.sync.sync_once()
        assert report.error is not None and report.error.kind == FailureKind.OFFLINE
        assert report.status is not None and not report.status.all_sent
    assert faults.lost >= 3  # (a window of batches is in flight when a reply is lost)
    assert pc.states() == {"queued": 11}  # the server has ops the counter still calls pending
    assert sqlite_server.scalar("SELECT count(*) FROM dossiers WHERE unit_code = :u", u=pc.unit) > 0
    faults.lose_replies = 0.0
    report = pc.sync.sync_once()
    assert report.error is None and report.duplicates > 0
    assert_converged(sqlite_server, pc)
    pc.close()


def test_half_the_replies_lost_at_random(
    sqlite_server: ServerProcess, store_template: Path, tmp_path: Path
) -> None:
    faults = FaultTransport(lose_replies=0.5, seed=7)
    pc = _pc(store_template, tmp_path, sqlite_server, options=SMALL, transport=faults)
    for _ in range(4):
        with_events(pc, 3)
        pc.sync.sync_once()
    faults.lose_replies = 0.0
    assert pc.sync.sync_once().error is None
    assert faults.lost > 0
    assert_converged(sqlite_server, pc)
    pc.close()


def test_each_batch_delivered_twice_and_replayed_ten_times(
    sqlite_server: ServerProcess, store_template: Path, tmp_path: Path
) -> None:
    faults = FaultTransport(repeat=2)
    pc = _pc(store_template, tmp_path, sqlite_server, options=SMALL, transport=faults)
    with_events(pc, 5)
    report = pc.sync.sync_once()
    assert report.error is None
    assert report.duplicates == report.sent  # the counter only ever sees the second reply
    assert_converged(sqlite_server, pc)
    first = sqlite_server.rows("SELECT op_id, state, result FROM ops ORDER BY seq")
    with httpx.Client(base_url=sqlite_server.base_url, timeout=30) as client:
        for headers, body in faults.pushes * 10:
            reply = client.post(PUSH_PATH, content=body, headers=headers)
            assert reply.status_code == 200
            results = reply.json()["receipt"]["results"]
            assert {r["result"] for r in results} == {"duplicate"}
    assert sqlite_server.rows("SELECT op_id, state, result FROM ops ORDER BY seq") == first
    assert_converged(sqlite_server, pc)
    pc.close()


def test_shuffled_batches_end_in_the_same_state(
    sqlite_server: ServerProcess, store_template: Path, tmp_path: Path
) -> None:
    pc = _pc(store_template, tmp_path, sqlite_server)
    with_events(pc, 12)
    batches = client_batches(pc, 3)
    random.Random(3).shuffle(batches)
    held = 0
    with httpx.Client(base_url=sqlite_server.base_url, timeout=30) as client:
        for headers, body in batches:
            reply = client.post(PUSH_PATH, content=body, headers=headers)
            assert reply.status_code == 200, reply.text
            held += sum(r["result"] == "held" for r in reply.json()["receipt"]["results"])
    assert held > 0  # some events arrived before the op they follow
    report = pc.sync.sync_once()
    assert report.error is None and report.duplicates == report.sent
    assert_converged(sqlite_server, pc)
    pc.close()


def test_a_changed_byte_rejects_the_whole_batch_and_a_retry_goes_through(
    sqlite_server: ServerProcess, store_template: Path, tmp_path: Path
) -> None:
    faults = FaultTransport(tamper=1, seed=11)
    pc = _pc(store_template, tmp_path, sqlite_server, transport=faults)
    pc.receive(5)
    report = pc.sync.sync_once()
    assert report.error is not None and report.error.kind == FailureKind.TAMPERED
    assert "bị thay đổi" in report.error.message and report.error.retryable
    assert (
        sqlite_server.scalar("SELECT count(*) FROM dossiers WHERE unit_code = :u", u=pc.unit) == 0
    )
    assert pc.states() == {"queued": 5}
    assert {r[0] for r in pc.sql("SELECT attempts FROM outbox")} == {1}
    assert sqlite_server.scalar("SELECT count(*) FROM audit_log WHERE event = 'bad_signature'") >= 1
    status = pc.sync.status()
    assert status.last_error is not None and not status.all_sent
    assert pc.sync.sync_once().error is None
    assert_converged(sqlite_server, pc)
    pc.close()


def test_server_restart_mid_sync(
    fresh_server: ServerProcess, store_template: Path, tmp_path: Path
) -> None:
    """The server is stopped (and once killed -9, mid-transaction) while batches are flowing."""
    pc = _pc(store_template, tmp_path, fresh_server, options=SyncOptions(batch_ops=5))
    for hard in (False, True):
        with_events(pc, 120)
        outcome: list[object] = []
        receipts = pc.sql("SELECT count(*) FROM sync_receipts")[0][0]
        worker = threading.Thread(target=lambda out=outcome: out.append(pc.sync.sync_once()))
        worker.start()
        while pc.sql("SELECT count(*) FROM sync_receipts")[0][0] == receipts and worker.is_alive():
            time.sleep(0.005)
        if hard:
            assert fresh_server.proc is not None
            fresh_server.proc.kill()
            fresh_server.proc.wait()
            fresh_server.start()
        else:
            fresh_server.restart()
        worker.join(120)
        assert outcome
        for _ in range(5):
            if pc.sync.sync_once().error is None:
                break
        assert_converged(fresh_server, pc)
    pc.close()


def test_clock_years_back_or_ahead_loses_nothing_and_the_server_flags_it(
    sqlite_server: ServerProcess, store_template: Path, tmp_path: Path
) -> None:
    offset = [timedelta(0)]
    pc = _pc(store_template, tmp_path, sqlite_server, clock=lambda: now_vn() + offset[0])
    first = pc.receive(2)
    assert pc.sync.sync_once().error is None  # a sync with a right clock attests the time
    offset[0] = -timedelta(days=3 * 365)
    with pytest.raises(ClockSuspect):  # behind what is stored: intake asks first
        pc.receive(1)
    back = pc.receive(2, clock_confirmed=True)
    pc.move(first[0], Status.PROCESSING)
    refused = pc.sync.sync_once().error
    assert refused is not None and refused.kind == FailureKind.CLOCK  # kept here, not lost
    device = _device_id(pc)
    assert sqlite_server.scalar("SELECT last_skew_s FROM devices WHERE id = :d", d=device) < -9e7
    offset[0] = timedelta(days=4 * 365)
    ahead = pc.receive(2, clock_confirmed=True)  # the server said the clock was off
    pc.move(back[0], Status.PROCESSING)
    pc.move(first[0], Status.DONE)
    refused = pc.sync.sync_once().error
    assert refused is not None and refused.kind == FailureKind.CLOCK
    assert sqlite_server.scalar("SELECT last_skew_s FROM devices WHERE id = :d", d=device) > 1e8
    offset[0] = timedelta(0)  # the clock is fixed: everything goes up, flagged
    assert pc.sync.sync_once().error is None
    flags = dict(
        sqlite_server.rows(
            "SELECT clock_flag, count(*) FROM ops WHERE device_id = :d GROUP BY clock_flag",
            d=device,
        )
    )
    assert flags.get("behind", 0) >= 3 and flags.get("ahead", 0) >= 4
    assert len(first + back + ahead) == 6
    assert_converged(sqlite_server, pc)
    pc.close()


def _device_id(pc: CounterPC) -> int:
    return int(pc.sql("SELECT server_device_id FROM devices WHERE is_self")[0][0])
