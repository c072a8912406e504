"""A PC set up again in a revoked PC's slot numbers its dossiers above the codes already printed."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from counter_app.sync.errors import SyncError
from counter_devkit.counter_pc import CounterPC, make_counter_dir, sync_unit
from counter_devkit.programs import program
from counter_devkit.server import ServerProcess


def number(code: str) -> int:
    return int(code[-4:])


def quarantined(server: ServerProcess, unit: str) -> list[tuple[str, str]]:
    return [
        tuple(r)
        for r in server.rows(
            "SELECT o.reason, o.message FROM ops o JOIN devices d ON d.id = o.device_id "
            "WHERE d.unit_code = :u AND o.state = 'quarantined'",
            u=unit,
        )
    ]


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


def test_a_pc_that_already_printed_codes_of_a_used_slot_day_is_refused(
    server: ServerProcess, store_template: Path, tmp_path: Path
) -> None:
    unit = sync_unit()
    old = CounterPC(make_counter_dir(store_template, tmp_path / "a", unit, 0), unit)
    offline = CounterPC(make_counter_dir(store_template, tmp_path / "b", unit, 0), unit)
    try:
        old.enrol(server)
        old.receive(2)
        assert old.sync.sync_once().error is None
        server.cli("revoke", old.sql("SELECT server_device_id FROM devices WHERE is_self")[0][0])
        offline.receive(1)  # set up without the server: numbered 0001 again, slip printed
        with pytest.raises(SyncError) as refused:
            offline.enrol(server)
        assert refused.value.server_code == "slot_numbers_clash"
        assert "số thứ tự máy 0" in refused.value.message and "trùng mã" in refused.value.message
        assert offline.sql("SELECT server_device_id FROM devices WHERE is_self")[0][0] is None
        assert quarantined(server, unit) == []
    finally:
        old.close()
        offline.close()


def app(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(program("counter-app")), "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_pc_set_up_offline_numbers_above_the_signed_slot_file(
    server: ServerProcess, store_template: Path, tmp_path: Path
) -> None:
    unit = sync_unit()
    old = CounterPC(make_counter_dir(store_template, tmp_path / "a", unit, 0), unit)
    new_dir = make_counter_dir(store_template, tmp_path / "b", unit, 0)
    try:
        old.enrol(server)
        printed = old.receive(3)
        assert old.sync.sync_once().error is None
        server.cli("revoke", old.sql("SELECT server_device_id FROM devices WHERE is_self")[0][0])
    finally:
        old.close()
    made = server.cli("slot-file", "--unit", unit, "--slot", "0")
    server_key = made.stderr.rsplit(": ", 1)[1].strip()
    good, tampered = tmp_path / "slot0.json", tmp_path / "slot0-sua.json"
    good.write_text(made.stdout, encoding="utf-8")
    document = json.loads(made.stdout)
    document["body"]["days"][-1]["last_seq"] = 1  # someone "fixes" the marks by hand
    tampered.write_text(json.dumps(document), encoding="utf-8")

    refused = app(new_dir, "slot", "import", str(tampered), "--server-key", server_key)
    assert refused.returncode == 2
    assert refused.stderr.startswith(
        "Lỗi: Tệp số thứ tự hồ sơ của slot không hợp lệ hoặc đã bị sửa"
    )
    no_key = app(new_dir, "slot", "import", str(good))
    assert no_key.returncode == 2 and "--server-key" in no_key.stderr
    loaded = app(new_dir, "slot", "import", str(good), "--server-key", server_key)
    assert loaded.returncode == 0, loaded.stderr
    assert f"mã tiếp theo từ số {number(printed[-1]) + 1:04d}" in loaded.stdout

    new = CounterPC(new_dir, unit)
    try:
        first = new.receive(1)[0]  # still offline: numbered above the slips already printed
        assert first[:-4] == printed[-1][:-4] and number(first) == number(printed[-1]) + 1
        new.enrol(server)
        assert new.sync.sync_once().error is None
        assert quarantined(server, unit) == []
    finally:
        new.close()
