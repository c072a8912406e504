"""Server capacity: counters served per core under a sustained mixed load, one and two instances.

Each simulated counter repeats a sync cycle as the app does: push one signed batch (new dossiers
and status changes of earlier ones), then pull one page of the changes feed. Load is closed-loop
and stepped (4, 8, 16… counters at once); at each step we record cycles per second and the p99
batch time. The capacity is the highest throughput whose p99 batch time stays ≤ 2 s. Requests go
through HAProxy with TLS (deploy/haproxy/counter-server.cfg) to one or two `counter-server`
instances sharing one PostgreSQL (docs/deployment.md sizes the province from these figures).

Everything shares this machine's cores: the load generator, HAProxy, the instances, PostgreSQL.

Run: .venv/bin/python bench/bench_server_capacity.py [--seconds 12] [--steps 4,8,16,32,64]
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx

from bench.cluster import Cluster, pg_database
from bench.common import machine, pct
from counter_devkit.fake_device import FakeDevice

CREATES, EVENTS = 4, 4  # per batch: a busy counter's few minutes of work
P99_LIMIT_S = 2.0
CYCLES_PER_COUNTER_PER_MIN = 1.0  # a busy counter at its peak hour (docs/deployment.md)


def cycle(client: httpx.Client, device: FakeDevice, cursor: int) -> tuple[float, int]:
    """One sync cycle; returns the push time (s) and the new cursor."""
    creates = [device.create_op() for _ in range(CREATES)]
    earlier = [u for u, d in device.dossiers.items() if d["status"] == 2][:EVENTS]
    ops = creates + [device.event_op(u, 4) for u in earlier]
    started = time.perf_counter()
    device.push(client, ops)
    elapsed = time.perf_counter() - started
    page = device.pull(client, cursor, 100)
    return elapsed, page.next_cursor


def run_step(
    cluster: Cluster, devices: list[FakeDevice], seconds: float
) -> tuple[float, list[float]]:
    stop = time.monotonic() + seconds
    times: list[float] = []
    lock = threading.Lock()

    def counter(device: FakeDevice) -> int:
        cursor, cycles = 0, 0
        with cluster.client() as client:
            while time.monotonic() < stop:
                took, cursor = cycle(client, device, cursor)
                with lock:
                    times.append(took)
                cycles += 1
        return cycles

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=len(devices)) as pool:
        total = sum(pool.map(counter, devices))
    return total / (time.monotonic() - started), times


def measure(instances: int, steps: list[int], seconds: float) -> tuple[float, int]:
    """Returns (best cycles/s within the p99 limit, counters at that step)."""
    with pg_database() as db_url, Cluster(db_url, instances) as cluster:
        devices = cluster.enrol_devices(max(steps))
        empty_size, _ = cluster.database_size()
        best = (0.0, 0)
        for n in steps:
            rate, times = run_step(cluster, devices[:n], seconds)
            p99 = pct(times, 99)
            ok = p99 <= P99_LIMIT_S
            print(
                f"  {instances} instance(s), {n:3d} counters at once: {rate:6.1f} cycles/s, "
                f"batch p50 {pct(times, 50) * 1000:6.0f} ms, p99 {p99 * 1000:6.0f} ms"
                f"{'' if ok else '  (over the 2 s limit)'}",
                flush=True,
            )
            if ok and rate > best[0]:
                best = (rate, n)
            if not ok:
                break
        size, dossiers = cluster.database_size()
        print(
            f"  PostgreSQL: {(size - empty_size) / max(1, dossiers):,.0f} bytes per stored "
            f"dossier ({dossiers:,} dossiers with their ops, events, changes and indexes)",
            flush=True,
        )
        return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=12.0, help="length of each step")
    parser.add_argument("--steps", default="4,8,16,32,64")
    args = parser.parse_args()
    steps = [int(s) for s in args.steps.split(",")]
    cores = os.cpu_count() or 1
    print(f"Server capacity — {machine()}")
    print(f"batch = {CREATES} new dossiers + {EVENTS} status changes, then one pull page")
    for instances in (1, 2):
        rate, n = measure(instances, steps, args.seconds)
        counters = rate * 60 / CYCLES_PER_COUNTER_PER_MIN
        print(
            f"{instances} instance(s): {rate:.1f} cycles/s with p99 ≤ 2 s (at {n} counters at "
            f"once) → {counters:,.0f} counters at {CYCLES_PER_COUNTER_PER_MIN:g} cycle/min, "
            f"{counters / cores:,.0f} per core of this {cores}-core machine",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
