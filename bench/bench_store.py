"""Store benchmarks (docs/performance.md#perf-store): `demo --dossiers 1000000` wall time and file
size; saving one dossier durably (median/p95 of 1,000 saves) on an empty store and on the 1M
store, beside a bare sqlite3 insert-and-commit measured in the same run.

Run: .venv/bin/python bench/bench_store.py [--dossiers 1000000]
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import OUT, copy_store, demo_store, machine, summary

SAVES, WARMUP = 1000, 50


def bare_sqlite(folder: Path) -> list[float]:
    """One-row INSERT + COMMIT, WAL, synchronous=FULL: the floor for a durable save here."""
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "bare.sqlite3"
    db.unlink(missing_ok=True)
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, code TEXT UNIQUE, payload TEXT)")
    times = []
    for i in range(SAVES + WARMUP):
        started = time.perf_counter()
        conn.execute("BEGIN")
        conn.execute("INSERT INTO t (code, payload) VALUES (?, ?)", (f"c{i}", "x" * 500))
        conn.execute("COMMIT")
        if i >= WARMUP:
            times.append((time.perf_counter() - started) * 1000)
    return times


def app_saves(data_dir: Path) -> list[float]:
    """DossierService.receive: dossier + applicant + components + event + outbox, one commit."""
    from counter_app.app import build_services
    from counter_app.domain.vntime import now_vn
    from counter_devkit.intake import intake

    services = build_services(str(data_dir))
    start = now_vn()
    count = [0]

    def clock() -> datetime:
        # 500 saves per simulated day, so the benchmark never hits one slot's 999-a-day limit.
        count[0] += 1
        return start + timedelta(days=count[0] // 500 + 1, seconds=count[0])

    services.dossiers._clock = clock
    request = intake(clerk="canbo1")
    times = []
    for i in range(SAVES + WARMUP):
        started = time.perf_counter()
        services.dossiers.receive(request)
        if i >= WARMUP:
            times.append((time.perf_counter() - started) * 1000)
    services.close()
    return times


def empty_store(folder: Path) -> Path:
    import shutil

    from counter_app.app import build_services
    from counter_app.services.demo import ensure_demo_store

    shutil.rmtree(folder, ignore_errors=True)
    services = build_services(str(folder))
    ensure_demo_store(services.store)
    services.close()
    return folder


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dossiers", type=int, default=1_000_000)
    args = parser.parse_args()
    print(f"machine: {machine()}")
    big, built = demo_store(args.dossiers)
    size = (big / "counter.sqlite3").stat().st_size / 1e6
    took = built if built is not None else float((big / "complete").read_text())
    print(f"demo --dossiers {args.dossiers}: {took:.1f} s wall, file {size:.0f} MB")
    print(summary("bare sqlite3 insert+commit (WAL, FULL)", bare_sqlite(OUT / "bare")))
    print(summary("save one dossier, empty store", app_saves(empty_store(OUT / "empty"))))
    copy = copy_store(big, OUT / f"save-on-{args.dossiers}")
    print(summary(f"save one dossier, {args.dossiers}-dossier store", app_saves(copy)))


if __name__ == "__main__":
    main()
