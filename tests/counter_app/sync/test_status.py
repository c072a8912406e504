"""The status never says “sent” while anything is unacknowledged (Odoo #179505's lesson)."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

from counter_app.domain.vntime import now_vn
from counter_app.sync import ledger
from counter_app.sync.identity import enrolled_identity
from counter_app.sync.status import SyncStatus
from counter_devkit.counter_pc import CounterPC, make_counter_dir, sync_unit
from counter_devkit.server import ServerProcess
from counter_protocol.statuses import Status
from tests.counter_app.sync.helpers import queue_refused_step

SENT = "Đã gửi hết"


def honest(pc: CounterPC) -> SyncStatus:
    """The status, checked against the outbox and receipts read straight from the file."""
    status = pc.sync.status()
    rows = pc.sql(
        "SELECT o.state, r.id FROM outbox o LEFT JOIN sync_receipts r ON r.id = o.receipt_id"
    )
    everything_acked = all(
        state in ("acked", "duplicate_acked") and receipt is not None for state, receipt in rows
    )
    assert status.all_sent == everything_acked
    assert (SENT in status.text(now_vn())) == everything_acked
    return status


def push_only(pc: CounterPC, seqs: set[int]) -> None:
    """Send just these ops through the client's own send path (as a reordering network would)."""
    from counter_app.sync.push import Built, Pusher
    from counter_app.sync.report import SyncReport
    from counter_protocol.batch import build_batch, new_batch_id

    with pc.services.store.read() as session:
        me = enrolled_identity(session)
        batch = [op for op in ledger.next_batch(session, 0, 1000, 10**9) if op.device_seq in seqs]
    batch_id = new_batch_id()
    body = build_batch(
        me.device_id,
        [op.payload for op in batch],
        app_version="0.1.0",
        catalogue_version=None,
        batch_id=batch_id,
    )
    with pc._client(me.server_url) as client:
        pusher = Pusher(
            pc.services.store,
            client,
            me,
            pc.sync._push_settings,
            now_vn,
            SyncReport("test", now_vn()),
            None,
        )
        pusher._send(Built(batch, batch_id, body))


def test_pending_held_and_acknowledged(sqlite_server: ServerProcess, pc: CounterPC) -> None:
    assert honest(pc).all_sent  # an empty outbox has nothing unsent
    code = pc.receive(1)[0]
    pc.move(code, Status.PROCESSING)
    status = honest(pc)
    assert status.text(now_vn()).startswith("Chưa đăng ký với máy chủ tỉnh · 1 hồ sơ chờ gửi")
    pc.enrol(sqlite_server)
    sqlite_server.stop()
    try:
        failed = pc.sync.sync_once()
        assert failed.error is not None and not honest(pc).all_sent
        assert honest(pc).last_error is not None
    finally:
        sqlite_server.start()
    push_only(pc, {2})  # the event goes first: the server holds it
    status = honest(pc)
    assert pc.states() == {"queued": 1, "held": 1} and status.held == 1
    assert "1 hồ sơ chờ gửi" in status.text(now_vn())
    report = pc.sync.sync_once()
    assert report.error is None and report.released == 1
    assert pc.states() == {"acked": 2} and honest(pc).all_sent


def test_conflict_and_quarantine_are_errors_not_sent(
    sqlite_server: ServerProcess, store_template: Path, tmp_path: Path
) -> None:
    unit = sync_unit()
    folder = make_counter_dir(store_template, tmp_path / "pc", unit)
    pc = CounterPC(folder, unit)
    pc.enrol(sqlite_server)
    first = pc.receive(2)
    assert pc.sync.sync_once().error is None
    pc.close()
    shutil.copytree(folder, tmp_path / "backup")  # a backup taken now
    pc = CounterPC(folder, unit)
    pc.receive(1)
    assert pc.sync.sync_once().error is None
    queue_refused_step(pc, first[0])  # refused at the server: the result is not back
    report = pc.sync.sync_once()
    assert report.quarantined == 1 and report.error is None
    status = honest(pc)
    assert status.errors == 1 and "1 lỗi" in status.text(now_vn())
    assert (
        "bad_transition"
        in pc.sql("SELECT last_error FROM outbox WHERE state = 'quarantined'")[0][0]
    )
    pc.close()
    shutil.rmtree(folder)
    shutil.copytree(tmp_path / "backup", folder)  # the PC is restored from the old backup
    pc = CounterPC(folder, unit)
    pc.receive(1)  # reuses a device_seq the server already has from another op
    report = pc.sync.sync_once()
    assert report.conflicts == 1
    assert (
        honest(pc).errors == 1
        and "seq_reused" in pc.sql("SELECT last_error FROM outbox WHERE state = 'conflict'")[0][0]
    )
    pc.close()


def test_an_ack_without_a_stored_receipt_is_not_sent(
    sqlite_server: ServerProcess, pc: CounterPC
) -> None:
    pc.enrol(sqlite_server)
    pc.receive(2)
    assert pc.sync.sync_once().error is None and honest(pc).all_sent
    pc.sql_write("UPDATE outbox SET receipt_id = NULL WHERE device_seq = 1")
    status = honest(pc)
    assert status.unconfirmed == 1 and "1 hồ sơ chờ gửi" in status.text(now_vn())


def test_the_oldest_pending_age(store_template: Path, tmp_path: Path) -> None:
    unit = sync_unit()
    pc = CounterPC(
        make_counter_dir(store_template, tmp_path / "pc", unit),
        unit,
        clock=lambda: now_vn() - timedelta(hours=5, minutes=10),
    )
    pc.receive(3)
    assert "3 hồ sơ chờ gửi, cũ nhất 5 giờ" in honest(pc).text(now_vn())
    ages = [_oldest_text(timedelta(minutes=m)) for m in (-30, 59, 61, 47 * 60, 49 * 60)]
    assert ages == [
        "1 hồ sơ chờ gửi, cũ nhất 0 phút",  # a clock set back: never a negative age
        "1 hồ sơ chờ gửi, cũ nhất 59 phút",
        "1 hồ sơ chờ gửi, cũ nhất 1 giờ",
        "1 hồ sơ chờ gửi, cũ nhất 47 giờ",
        "1 hồ sơ chờ gửi, cũ nhất 2 ngày",
    ]
    pc.close()


def _oldest_text(age: timedelta) -> str:
    now = now_vn()
    status = SyncStatus(
        enrolled=True, server_url=None, revoked=False, pending_ops=1, pending_dossiers=1,
        oldest_pending_at=now - age, held=0, errors=0, unconfirmed=0, not_applied_updates=0,
        last_success_at=None, last_success_clock_wrong=False, last_error=None,
    )  # fmt: skip
    return status.text(now)
