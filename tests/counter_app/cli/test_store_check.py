"""A damaged store is noticed at start: the smoke test fails, writes are refused, and
`counter-app backup restore` brings back the newest good copy, keeping the damaged file aside."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from counter_devkit.intake import overwrite_table_pages
from tests.counter_app.cli.test_failures import EXIT_STORE, app, one_error_line

HOLIDAYS_CSV = "date,kind,name\n2026-12-24,holiday,Ngày nghỉ thêm\n"


@pytest.fixture
def backed_up(tmp_path: Path) -> Path:
    """A demo store of 30 dossiers with one backup taken while it was sound."""
    data_dir = tmp_path / "data"
    made = app(data_dir, "demo", "--dossiers", "30")
    assert made.returncode == 0, made.stderr
    taken = app(data_dir, "backup", "create")
    assert taken.returncode == 0, taken.stderr
    return data_dir


def damage(data_dir: Path) -> None:
    overwrite_table_pages(data_dir / "counter.sqlite3", ("dossiers", "applicants"))


def test_the_smoke_test_fails_on_a_damaged_store_naming_the_backup(backed_up: Path) -> None:
    assert app(backed_up, "--smoke-test").returncode == 0
    damage(backed_up)
    result = app(backed_up, "--smoke-test")
    line = one_error_line(result)
    assert result.returncode == EXIT_STORE
    assert line.startswith("Lỗi: Kho dữ liệu") and "bị hỏng" in line
    newest = sorted((backed_up / "backups").glob("counter-*.sqlite3"))[-1]
    assert newest.name in line and "counter-app backup restore" in line


def test_writes_are_refused_on_a_damaged_store(backed_up: Path, tmp_path: Path) -> None:
    damage(backed_up)
    csv = tmp_path / "holidays.csv"
    csv.write_text(HOLIDAYS_CSV, encoding="utf-8")
    result = app(backed_up, "calendar", "import", str(csv))
    assert result.returncode == EXIT_STORE
    assert "bị hỏng" in one_error_line(result)
    conn = sqlite3.connect(backed_up / "counter.sqlite3")
    assert (
        conn.execute("SELECT count(*) FROM calendar_overrides WHERE day = '2026-12-24'").fetchone()[
            0
        ]
        == 0
    )
    conn.close()


def test_backup_restore_brings_back_a_working_store_and_keeps_the_damaged_file(
    backed_up: Path,
) -> None:
    damage(backed_up)
    damaged_bytes = (backed_up / "counter.sqlite3").read_bytes()
    listed = app(backed_up, "backup", "list")
    assert listed.returncode == 0, listed.stderr
    newest = sorted((backed_up / "backups").glob("counter-*.sqlite3"))[-1]
    assert newest.name in listed.stdout and "tốt" in listed.stdout
    restored = app(backed_up, "backup", "restore", str(newest))
    assert restored.returncode == 0, restored.stderr
    kept = list((backed_up / "damaged").glob("counter-*.sqlite3"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged_bytes
    assert str(kept[0]) in restored.stdout
    assert app(backed_up, "--smoke-test").returncode == 0
    found = app(backed_up, "find", "Nguyễn")
    assert found.returncode == 0, found.stderr


def test_a_damaged_backup_is_not_restored(backed_up: Path) -> None:
    newest = sorted((backed_up / "backups").glob("counter-*.sqlite3"))[-1]
    damage_copy = newest.with_name("counter-19990101T000000Z.sqlite3")
    damage_copy.write_bytes(newest.read_bytes())
    overwrite_table_pages(damage_copy, ("dossiers",))
    before = (backed_up / "counter.sqlite3").read_bytes()
    result = app(backed_up, "backup", "restore", str(damage_copy))
    assert result.returncode == EXIT_STORE and "bị hỏng" in one_error_line(result)
    assert (backed_up / "counter.sqlite3").read_bytes() == before


def test_the_full_check_is_recorded_when_sound_and_refuses_when_damaged(backed_up: Path) -> None:
    sound = app(backed_up, "backup", "check")
    assert sound.returncode == 0, sound.stderr
    assert "không lỗi" in sound.stdout
    conn = sqlite3.connect(backed_up / "counter.sqlite3")
    assert conn.execute("SELECT kind, ok FROM store_checks").fetchall() == [("full", 1)]
    conn.close()
    damage(backed_up)
    damaged = app(backed_up, "backup", "check")
    assert damaged.returncode == EXIT_STORE and "bị hỏng" in one_error_line(damaged)
