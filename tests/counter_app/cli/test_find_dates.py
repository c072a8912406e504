"""`counter-app find` shows times as people read them (dd/mm/yyyy HH:mm, Vietnam time, on a
machine in UTC) and, with --iso, in the sortable form scripts read."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from counter_protocol.timefmt import VN_TZ
from tests.counter_app.cli.test_cli import run


def stored_dossier(data_dir: Path) -> tuple[str, datetime, datetime]:
    code, received, due = (
        sqlite3.connect(data_dir / "counter.sqlite3")
        .execute("select code, received_at, due_at from dossiers order by id desc limit 1")
        .fetchone()
    )
    return code, in_vietnam(received), in_vietnam(due)


def in_vietnam(stored: str) -> datetime:
    """A stored time (zone-aware text) as a person in Vietnam reads it."""
    return datetime.fromisoformat(stored).astimezone(VN_TZ)


def test_find_prints_vietnamese_dates_and_iso_on_request(tmp_path: Path) -> None:
    assert run("demo", "--dossiers", "5", data_dir=tmp_path).returncode == 0
    code, received, due = stored_dossier(tmp_path)

    found = run("find", code, data_dir=tmp_path)
    assert found.returncode == 0, found.stderr
    fields = found.stdout.splitlines()[0].split("\t")
    assert fields[0] == code
    assert fields[6] == f"{received:%d/%m/%Y %H:%M}"
    assert fields[7] == f"hẹn {due:%d/%m/%Y %H:%M}"

    for_scripts = run("find", code, "--iso", data_dir=tmp_path).stdout.splitlines()[0]
    assert for_scripts.split("\t")[6:] == [
        f"{received:%Y-%m-%d %H:%M}",
        f"hẹn {due:%Y-%m-%d %H:%M}",
    ]
