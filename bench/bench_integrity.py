"""The cost of the store's integrity checks and of re-hashing queued ops before a push.

1. The start-up check (`Store.quick_check`: PRAGMA quick_check of the dossier and outbox tables)
   and a full `PRAGMA integrity_check` (what `counter-app backup check` runs) on the demo store,
   each timed twice (the first run reads the file from disk, the second from the OS cache).
2. The pre-push re-hash (`counter_app.sync.damage.find_damaged`) per queued op, next to a bare
   hashlib.sha256 of the same bytes in the same run.

Run: .venv/bin/python bench/bench_integrity.py [--dossiers 1000000] [--ops 5000]
"""

from __future__ import annotations

import argparse
import hashlib
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import ROOT, demo_store, machine
from counter_app.models import integrity
from counter_app.services.store import Store
from counter_app.sync import damage


def timed(action: object) -> float:
    started = time.perf_counter()
    action()  # type: ignore[operator]
    return time.perf_counter() - started


def store_checks(folder: Path) -> list[str]:
    db = folder / "counter.sqlite3"
    size_mb = db.stat().st_size / 2**20
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    count = conn.execute("SELECT count(*) FROM dossiers").fetchone()[0]
    lines = [f"store: {count} dossiers, {size_mb:.0f} MiB"]
    quick = [
        timed(lambda: integrity.problems(conn, "quick_check", integrity.START_TABLES))
        for _ in range(2)
    ]
    lines.append(
        f"start-up check (quick_check of {len(integrity.START_TABLES)} tables): "
        f"first {quick[0]:.2f} s, again {quick[1]:.2f} s"
    )
    whole = timed(lambda: integrity.problems(conn, "quick_check", None))
    lines.append(f"quick_check of the whole file: {whole:.2f} s")
    full = [timed(lambda: integrity.problems(conn, "integrity_check", None)) for _ in range(2)]
    lines.append(f"full integrity_check: first {full[0]:.2f} s, again {full[1]:.2f} s")
    conn.close()
    opened = timed(lambda: Store.open(folder, check=False).close())
    started = timed(lambda: Store.open(folder).close())  # the check starts, then is cancelled
    sound = timed(lambda: _open_and_wait(folder))
    lines.append(
        f"Store.open: {opened:.2f} s without the check, {started:.2f} s with the check "
        f"started on its thread; open + wait for its result (the first write): "
        f"{sound:.2f} s"
    )
    return lines


def _open_and_wait(folder: Path) -> None:
    store = Store.open(folder)
    try:
        store.require_sound()
    finally:
        store.close()


def rehash(ops: int) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "counter_app",
                "--data-dir",
                tmp,
                "demo",
                "--dossiers",
                str(ops),
                "--with-outbox",
            ],
            check=True,
            cwd=ROOT,
            capture_output=True,
        )
        store = Store.open(Path(tmp))
        try:
            with store.read() as session:
                payloads = [
                    bytes(p)
                    for (p,) in session.connection().exec_driver_sql(
                        "SELECT payload FROM outbox_payloads"
                    )
                ]
                queued = len(payloads)
                scans = [timed(lambda: damage.find_damaged(session)) for _ in range(3)]
            raw = min(
                timed(lambda: [hashlib.sha256(p).hexdigest() for p in payloads]) for _ in range(3)
            )
        finally:
            store.close()
    mean = sum(map(len, payloads)) / max(1, queued)
    return [
        f"pre-push re-hash of {queued} queued ops (mean payload {mean:.0f} B): "
        f"{min(scans) / queued * 1e6:.1f} µs/op (read + hash + compare), bare sha256 of the "
        f"same bytes {raw / queued * 1e6:.2f} µs/op"
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dossiers", type=int, default=1_000_000)
    parser.add_argument("--ops", type=int, default=5000)
    args = parser.parse_args()
    print(machine())
    folder, built = demo_store(args.dossiers)
    if built is not None:
        print(f"built the {args.dossiers}-dossier demo store in {built:.0f} s")
    for line in [*store_checks(folder), *rehash(args.ops)]:
        print(line)


if __name__ == "__main__":
    main()
