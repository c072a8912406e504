"""A PC set up again in a revoked PC's slot numbers its dossiers above the codes already printed."""

from __future__ import annotations

from pathlib import Path

from counter_devkit.counter_pc import CounterPC, make_counter_dir, sync_unit
from counter_devkit.server import ServerProcess


def number(code: str) -> int:
    return int(code[-4:])


def quarantined(server: ServerProcess, unit: str) -> list[tuple[str, str]]:
    return [tuple(r) for r in server.rows(
        "SELECT o.reason, o.message FROM ops o JOIN devices d ON d.id = o.device_id "
        "WHERE d.unit_code = :u AND o.state = 'quarantined'", u=unit)]


def test_a_replacement_pc_numbers_above_the_revoked_one(
    server: ServerProcess, store_template: Path, tmp_path: Path
) -> None:
    unit = sync_unit()
    old = CounterPC(make_counter_dir(store_template, tmp_path / "a", unit, 0), unit)
    new = CounterPC(make_counter_dir(store_template, tmp_path / "b", unit, 0), unit)
    try:
        old.enrol(server)
        printed = old.receive(3)
        assert old.sync.sync_once().error is None
        server.cli("revoke", old.sql("SELECT server_device_id FROM devices WHERE is_self")[0][0])
        new.enrol(server)
        first = new.receive(1)[0]
        assert first[:-4] == printed[-1][:-4]  # the same unit, day and slot
        assert number(first) > number(printed[-1])
        assert new.sync.sync_once().error is None
        assert quarantined(server, unit) == []
        assert server.scalar("SELECT count(*) FROM dossiers WHERE unit_code = :u", u=unit) == 4
    finally:
        old.close()
        new.close()
