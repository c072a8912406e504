"""Sync benchmarks (docs/performance.md#perf-sync): the counter's sync against the real server on
PostgreSQL, over loopback.

0. The demo store (`counter-app demo --with-outbox`) is built FRESH every run, and its build
   time printed: nothing is read back from an earlier run's bench/out.
1. Push throughput: N queued demo dossiers pushed end to end, next to the raw limits measured
   in the same run on the same rows: plain COPY into tables without foreign keys (the headline
   ratio) and COPY into exact copies with them, in alternating order over several rounds; and
   the server's own ceiling (the same batches pre-built, posted without any counter work).
2. Bytes on the wire per new dossier (zstd; plain JSON beside it; a trained zstd dictionary tried).
3. A backlog over a simulated 20 kbit/s link (a throttling TCP proxy on 127.0.0.1, 1.5 s RTT).
4. Many counters syncing at once against one server: errors, p50/p95/p99 time per batch.

Run: .venv/bin/python bench/bench_sync.py [--dossiers 100000] [--backlog 10000] [--counters 200]
     [--copy-rounds 2]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_sync_parts import (
    Databases,
    copy_limit,
    many_counters,
    server_only,
    slow_link,
    throughput,
    wire_bytes,
)
from bench.common import OUT, build_demo, machine


class Demos:
    """Demo stores with n dossiers queued in their outbox, built fresh in this run (an earlier
    run's folder is deleted first, never reused) and timed; each size is built once per run."""

    def __init__(self) -> None:
        self.built: dict[int, Path] = {}

    def __call__(self, n: int) -> Path:
        if n not in self.built:
            folder = OUT / f"sync-demo-{n}"
            seconds = build_demo(folder, n, "--with-outbox", quiet=True)
            print(
                f"0. Demo build (fresh, timed, CLI subprocess): {n:,} dossiers with their "
                f"outbox in {seconds:.1f} s = {n / seconds:,.0f} dossiers/s.",
                flush=True,
            )
            self.built[n] = folder
        return self.built[n]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dossiers", type=int, default=100_000)
    parser.add_argument("--backlog", type=int, default=10_000)
    parser.add_argument("--counters", type=int, default=200)
    parser.add_argument("--window", type=int, default=2, help="batches in flight (default 2)")
    parser.add_argument("--skip-slow-link", action="store_true")
    parser.add_argument(
        "--server-workers",
        type=int,
        default=1,
        help="uvicorn worker processes of the server (production runs several)",
    )
    parser.add_argument("--only-throughput", action="store_true")
    parser.add_argument(
        "--copy-rounds",
        type=int,
        default=2,
        help="rounds of the two COPY limits, order alternating (default 2)",
    )
    args = parser.parse_args()
    import bench.bench_sync_parts as parts

    parts.SERVER_WORKERS[0] = args.server_workers
    dbs = Databases()
    print(f"Machine: {machine()}")
    print(f"PostgreSQL: {dbs.describe()}; server workers: {args.server_workers}")
    outbox_demo = Demos()
    try:
        pushed = throughput(dbs, outbox_demo(args.dossiers), args.window)
        print(pushed.text())
        limit = copy_limit(dbs, pushed.db_url, args.copy_rounds)
        print(limit.text(pushed.dossiers_per_s))
        if args.only_throughput:
            return 0
        print(server_only(dbs, outbox_demo(args.dossiers), args.window))
        print(wire_bytes(outbox_demo(args.dossiers), pushed))
        if not args.skip_slow_link:
            print(slow_link(dbs, outbox_demo(args.backlog), args.window))
        print(many_counters(dbs, args.counters))
    finally:
        dbs.drop_all()
    return 0


if __name__ == "__main__":
    started = time.perf_counter()
    code = main()
    print(f"(bench_sync took {time.perf_counter() - started:.0f} s)")
    sys.exit(code)
