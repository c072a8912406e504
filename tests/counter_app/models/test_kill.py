"""A process killed with SIGKILL mid-save never loses, duplicates or half-writes a dossier."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from counter_protocol.codes import parse_code

ROOT = Path(__file__).resolve().parents[3]


def _run_and_kill(data_dir: Path, rng: random.Random) -> list[str]:
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.counter_app.models.writer_child", str(data_dir)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    printed = [child.stdout.readline().strip()]  # at least one commit happened
    time.sleep(rng.uniform(0.0, 0.4))
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    printed += [line.strip() for line in child.stdout if line.strip()]
    return printed


def _check_store(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    codes = [r[0] for r in conn.execute("select code from dossiers order by id")]
    assert len(codes) == len(set(codes))
    for table in ("dossier_components", "dossier_events"):
        orphans = conn.execute(
            f"select count(*) from dossiers d where not exists "
            f"(select 1 from {table} t where t.dossier_id = d.id)"
        ).fetchone()[0]
        assert orphans == 0, table
    assert conn.execute("select count(*) from outbox").fetchone()[0] == len(codes)
    counters = dict(conn.execute("select day, last_seq from code_counters").fetchall())
    for day, last in counters.items():
        assert last == max(parse_code(c).number for c in codes if f"-{day}-" in c)
    return codes


def test_sigkill_during_saves_loses_and_duplicates_nothing(data_dir: Path) -> None:
    rng = random.Random(7)
    acknowledged: list[str] = []
    for _ in range(3):
        acknowledged += _run_and_kill(data_dir, rng)
    codes = _check_store(data_dir / "counter.sqlite3")
    # Every code the child reported as committed is there, exactly once; nothing was reused.
    assert set(acknowledged) <= set(codes)
    by_day: dict[str, list[int]] = {}
    for code in codes:
        by_day.setdefault(code.split("-")[1], []).append(parse_code(code).number)
    for numbers in by_day.values():  # gap-free per day: no number lost or skipped by a kill
        assert numbers == list(range(1, len(numbers) + 1))


def test_killed_between_commit_and_print_the_dossier_is_intact_and_reprints(
    data_dir: Path, tmp_path: Path
) -> None:
    import zxingcpp
    from PIL import Image

    child = subprocess.Popen(
        [sys.executable, "-m", "tests.counter_app.models.commit_then_die_child", str(data_dir)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    code = child.stdout.readline().strip()
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    codes = _check_store(data_dir / "counter.sqlite3")
    assert codes == [code]
    out = tmp_path / "reprint.pdf"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "counter_app",
            "--data-dir",
            str(data_dir),
            "print",
            code,
            "--form",
            "01",
            "--out",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    subprocess.run(
        ["pdftoppm", "-r", "200", "-png", "-f", "1", "-l", "1", str(out), str(tmp_path / "p")],
        check=True,
    )
    decoded = {b.text for b in zxingcpp.read_barcodes(Image.open(next(tmp_path.glob("p*.png"))))}
    assert code in decoded
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "Đặng Văn Đức" in text
