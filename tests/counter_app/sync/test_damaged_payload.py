"""A queued op whose stored bytes were damaged is never sent: it is stopped with its dossier's
later ops, the rest of the queue goes, and the report and the status name it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from counter_devkit.counter_pc import CounterPC
from counter_devkit.server import ServerProcess
from counter_protocol.statuses import Status
from tests.counter_app.sync.test_cli import app


def flip_a_digit_of_the_cccd(db_file: Path, device_seq: int) -> None:
    """What a disk fault (or someone at the file) does: the payload trigger is dropped, one digit
    of the stored CCCD changes, the trigger is put back as it was."""
    conn = sqlite3.connect(db_file, isolation_level=None)
    trigger = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'outbox_payloads_frozen'"
    ).fetchone()[0]
    payload = conn.execute(
        "SELECT payload FROM outbox_payloads WHERE device_seq = ?", (device_seq,)
    ).fetchone()[0]
    assert b"042195" in payload
    damaged = payload.replace(b"042195", b"042196", 1)
    conn.execute("DROP TRIGGER outbox_payloads_frozen")
    conn.execute(
        "UPDATE outbox_payloads SET payload = ? WHERE device_seq = ?", (damaged, device_seq)
    )
    conn.execute(trigger)
    conn.close()


def test_a_damaged_queued_op_is_not_sent_and_the_rest_of_the_queue_goes(
    sqlite_server: ServerProcess, pc: CounterPC
) -> None:
    pc.enrol(sqlite_server)
    codes = pc.receive(3)
    pc.move(codes[1], Status.PROCESSING)  # a later op of the damaged dossier
    ((bad_seq, bad_op),) = pc.sql(
        "SELECT o.device_seq, o.op_id FROM outbox o JOIN dossiers d "
        "ON d.uuid = o.dossier_uuid WHERE d.code = ? "
        "ORDER BY o.device_seq LIMIT 1",
        codes[1],
    )
    flip_a_digit_of_the_cccd(pc.data_dir / "counter.sqlite3", bad_seq)

    done = app(pc.data_dir, "sync")

    assert (
        sqlite_server.scalar("SELECT count(*) FROM ops WHERE CAST(op_id AS TEXT) = :o", o=bad_op)
        == 0
    )
    on_server = {
        r[0]
        for r in sqlite_server.rows("SELECT code FROM dossiers WHERE unit_code = :u", u=pc.unit)
    }
    assert on_server == {codes[0], codes[2]}
    assert pc.states() == {"acked": 2, "damaged": 1, "blocked": 1}
    assert "Đã gửi hết" not in done.stdout
    assert f"#{bad_seq}" in done.stdout and codes[1] in done.stdout
    assert "bị hỏng" in done.stdout
    assert "Đã gửi hết" not in pc.sync.status().text(pc.clock())
    problems = {p.device_seq: p for p in pc.sync.problems()}
    assert problems[bad_seq].state_label == "Dữ liệu hỏng"
    again = app(pc.data_dir, "sync")  # stays stopped, run after run; nothing more is sent
    assert (
        sqlite_server.scalar("SELECT count(*) FROM ops WHERE CAST(op_id AS TEXT) = :o", o=bad_op)
        == 0
    )
    assert pc.states() == {"acked": 2, "damaged": 1, "blocked": 1}
    assert "Đã gửi hết" not in again.stdout
