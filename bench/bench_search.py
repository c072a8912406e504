"""Search on the 1,000,000-dossier demo store through SearchService.find (docs/performance.md),
the call the dossier list makes. Code and CCCD look-ups; unaccented name type-ahead (1–4 words,
the last a prefix, e.g. "le thi t") returning the first 50 rows newest first.

Run: .venv/bin/python bench/bench_search.py [--dossiers 1000000] [--queries 1000]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import demo_store, machine, summary


def samples(db: Path, count: int, rng: random.Random) -> tuple[list[str], list[str], list[str]]:
    conn = sqlite3.connect(db)
    top = conn.execute("select max(id) from dossiers").fetchone()[0]
    ids = [rng.randint(1, top) for _ in range(count)]
    rows = [
        conn.execute(
            "select code, id_number, search_name from dossiers where id = ?", (i,)
        ).fetchone()
        for i in ids
    ]
    codes = [r[0] for r in rows]
    cccds = [r[1] for r in rows]
    names = []
    for _, _, folded in rows:
        words = folded.split()
        k = rng.randint(1, min(4, len(words)))
        typed = words[:k]
        typed[-1] = typed[-1][: rng.randint(1, len(typed[-1]))]
        names.append(" ".join(typed))
    return codes, cccds, names


def timed(find, queries: list, warm: int = 50) -> tuple[list[float], list[int]]:
    for q in queries[:warm]:
        find(q)
    times, counts = [], []
    for q in queries:
        started = time.perf_counter()
        rows = find(q)
        times.append((time.perf_counter() - started) * 1000)
        counts.append(len(rows))
    return times, counts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dossiers", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=1000)
    args = parser.parse_args()
    from counter_app.app import build_services
    from counter_app.services.search import DossierQuery

    print(f"machine: {machine()}")
    folder, _ = demo_store(args.dossiers)
    codes, cccds, names = samples(folder / "counter.sqlite3", args.queries, random.Random(1))
    services = build_services(str(folder))
    search = services.search

    def find(text: str) -> list:
        return search.find(DossierQuery(text=text), limit=50)

    t, c = timed(find, codes)
    assert all(n >= 1 for n in c), "every sampled code must be found"
    print(summary("code look-up", t))
    t, c = timed(find, cccds)
    assert all(n >= 1 for n in c)
    print(summary("CCCD look-up", t))
    t, c = timed(find, names)
    print(summary("unaccented name, first 50 newest first", t))
    print(f"  e.g. {names[:6]}; rows returned median {sorted(c)[len(c) // 2]}")
    for fixed in ("nguyen", "nguyen van a", "le thi t", "dang duc", "n", "tran thi thu h"):
        t, _ = timed(find, [fixed] * 20, warm=2)
        print(summary(f"  fixed '{fixed}'", t))
    services.close()


if __name__ == "__main__":
    main()
