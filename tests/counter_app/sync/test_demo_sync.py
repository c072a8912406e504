"""A demo store made with `--with-outbox` syncs: the server ends with the counter's statuses."""

from __future__ import annotations

from pathlib import Path

from counter_devkit.counter_pc import CounterPC, assert_converged, server_dossiers
from counter_devkit.server import ServerProcess
from tests.counter_app.sync.test_cli import app


def test_a_demo_store_with_its_outbox_reaches_the_server_as_it_is(
    fresh_server: ServerProcess, tmp_path: Path
) -> None:
    data_dir = tmp_path / "demo"
    made = app(data_dir, "demo", "--dossiers", "150", "--seed", "3", "--with-outbox")
    assert made.returncode == 0, made.stderr
    pc = CounterPC(data_dir, CounterPC.unit_of(data_dir))
    try:
        events = dict(pc.sql("SELECT uuid, last_event_seq FROM dossiers"))
        assert pc.sql("SELECT count(*) FROM outbox")[0][0] == sum(events.values())
        pc.enrol(fresh_server)
        for _ in range(10):
            report = pc.sync.sync_once()
            assert report.error is None, report.error
            if report.status is not None and report.status.all_sent:
                break
        assert_converged(fresh_server, pc)  # every dossier once, every op applied, same status
        statuses = {r[2] for r in server_dossiers(fresh_server, pc.unit)}
        assert statuses == set(range(1, 11))
        remote = dict(
            fresh_server.rows(
                "SELECT CAST(uuid AS TEXT), last_event_seq FROM dossiers WHERE unit_code = :u",
                u=pc.unit,
            )
        )
        assert remote == events
    finally:
        pc.close()
