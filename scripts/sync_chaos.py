"""Kill -9 the counter's sync at random labelled points, N times (default 1,000), against the
real server; after each kill a clean sync must leave every committed dossier at the server exactly
once, nothing pending, and every province change applied once. CI runs 50 of these
(tests/counter_app/sync/test_chaos.py); this is the long run.

Run: .venv/bin/python scripts/sync_chaos.py [--runs 1000] [--seed N] [--postgres]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from counter_app.domain.vntime import now_vn
from counter_app.sync.service import SyncOptions
from counter_devkit.chaos import ChaosState, chaos_run
from counter_devkit.counter_pc import CounterPC, make_counter_dir, sync_unit
from counter_devkit.server import Databases, ServerProcess
from counter_devkit.stores import make_set_up_store


def main() -> int:
    parser = argparse.ArgumentParser(description="kill -9 chaos runs for the counter's sync")
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--postgres", action="store_true", help="server on PostgreSQL (pg.sh)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="sync-chaos-"))
    dbs = Databases() if args.postgres else None
    db_url = dbs.new() if dbs else f"sqlite:///{work / 'server.sqlite3'}"
    server = ServerProcess(db_url, work / "server.log")
    server.start()
    print(f"seed {args.seed}, server {db_url.split('@')[-1]}, work folder {work}", flush=True)
    try:
        return _runs(server, work, args.runs, args.seed)
    finally:
        server.stop()
        if dbs is not None:
            dbs.drop_all()


RUNS_PER_DAY = 100  # a slot may number 999 dossiers a day: the counter's clock moves on


def _runs(server: ServerProcess, work: Path, runs: int, seed: int) -> int:
    make_set_up_store(work / "template")
    unit = sync_unit()
    day = [0]
    first_day = now_vn() - timedelta(days=runs // RUNS_PER_DAY + 1)
    pc = CounterPC(
        make_counter_dir(work / "template", work / "pc", unit),
        unit,
        clock=lambda: first_day + timedelta(days=day[0], seconds=time.time() % 3600),
        options=SyncOptions(batch_ops=3, pull_limit=2),
        wire_clock=now_vn,
    )
    # Dossier time runs days behind the server on purpose: intake must not stop to ask.
    pc.sql_write(
        "INSERT INTO settings (key, value) VALUES ('clock.max_skew_minutes', ?)", str(10**7)
    )
    pc.enrol(server)
    rng, state, started = random.Random(seed), ChaosState(), time.perf_counter()
    try:
        for index in range(runs):
            day[0] = index // RUNS_PER_DAY
            try:
                chaos_run(server, pc, state, rng)
            except AssertionError as exc:
                print(f"FAILED at run {index + 1} (seed {seed}): {exc}", flush=True)
                return 1
            if (index + 1) % 50 == 0:
                print(
                    f"{index + 1} runs, {sum(state.kills.values())} killed, "
                    f"{time.perf_counter() - started:.0f} s",
                    flush=True,
                )
    finally:
        pc.close()
    dossiers = pc.sql("SELECT count(*) FROM dossiers")[0][0]
    print(
        f"OK: {state.runs} runs, {sum(state.kills.values())} kills "
        f"({dict(sorted(state.kills.items()))}), {dossiers} dossiers, all converged."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
