"""Every kind of query the dossier list can issue, on the 1,000,000-dossier demo store, through
SearchService.find (the call the list makes, a page of 100), beside a bare SQLite point query
on the same file in the same run (docs/performance.md#perf-screens, docs/decisions/0031).

Kinds: a whole code, its date-and-number part, the number alone today, a phone's first or last
7 digits, CCCD; name type-ahead (1–4 words, any word cut short); the hard names (a pair of
common words that never meet, names found only when every word is a prefix); every status with
no text; overdue and due soon; today's list on a busy day, on a quiet morning (fewer than a
page) and before anyone came (none); and random mixes of text, status, due filter and scope
as the list's controls make them. "Today" is the day the store's newest dossier came in.

Run: nice -n 10 .venv/bin/python bench/bench_search.py [--dossiers 1000000] [--queries 1000]
The store is built once under bench/out with `counter-app demo --no-forms` (forms do not change
the search: their rows are in other tables).
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import demo_store, machine, summary

PAGE = 100
HARD_NAMES = [
    *("nguyen le", "tran nguyen", "le nguyen", "pham tran", "hoang le", "vu dang"),
    *("nguyen pham", "tran le", "do bui", "ng van an", "th thi h", "nguyen le van"),
]


def sampled_rows(conn: sqlite3.Connection, count: int, rng: random.Random) -> list[tuple]:
    top = conn.execute("select max(id) from dossiers").fetchone()[0]
    ask = "select code, id_number, phone, search_name from dossiers where id = ?"
    return [conn.execute(ask, (rng.randint(1, top),)).fetchone() for _ in range(count)]


def type_ahead(folded: str, rng: random.Random) -> str:
    """What a clerk has typed so far: 1–4 words, the last (and sometimes another) cut short."""
    words = folded.split()[: rng.randint(1, 4)]
    words[-1] = words[-1][: rng.randint(1, len(words[-1]))]
    if len(words) > 1 and rng.random() < 0.2:
        i = rng.randrange(len(words) - 1)
        words[i] = words[i][: rng.randint(1, len(words[i]))]
    return " ".join(words)


def text_sets(conn: sqlite3.Connection, n: int, rng: random.Random) -> dict[str, list[str]]:
    rows = sampled_rows(conn, n, rng)
    today = conn.execute("select max(code) from dossiers").fetchone()[0]
    day = today.rsplit("-", 2)[1]
    todays = [c for (c,) in conn.execute(
        "select code from dossiers where substr(code, -11) >= ? and substr(code, -11) < ?",
        (f"{day}-", f"{day}.")
    )]  # fmt: skip
    return {
        "code": [r[0] for r in rows],
        "code date-and-number (261204-0001)": [r[0][-11:] for r in rows],
        "unit + date-and-number (H27-261204-0001)": [r[0][-15:] for r in rows],
        "number alone, today (1 / 0001)": [str(int(rng.choice(todays)[-4:])) for _ in rows],
        "CCCD": [r[1] for r in rows],
        "phone, first 7 digits": [r[2][:7] for r in rows],
        "phone, last 7 digits": [r[2][-7:] for r in rows],
        "name type-ahead, 1–4 words": [type_ahead(r[3], rng) for r in rows],
        "hard names (no match / all-prefix fallback)": [rng.choice(HARD_NAMES) for _ in rows],
    }


def timed(find: Callable[[Any], Any], queries: list, warm: int = 30) -> tuple[list, list]:
    """Wall and CPU milliseconds of each query (CPU: this thread's, which runs SQLite too; the
    wall time also holds the waits for the two cores other work shares)."""
    for query in queries[:warm]:
        find(query)
    wall, cpu = [], []
    for query in queries:
        started, cpu_started = time.perf_counter(), time.thread_time()
        find(query)
        cpu.append((time.thread_time() - cpu_started) * 1000)
        wall.append((time.perf_counter() - started) * 1000)
    return wall, cpu


def filter_sets(conn: sqlite3.Connection, now: datetime, rng: random.Random, n: int) -> dict:
    from counter_app.services.search import DossierQuery, DueFilter

    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    thirtieth = conn.execute(
        "select received_at from dossiers order by id desc limit 1 offset 29"
    ).fetchone()[0]
    quiet = datetime.fromisoformat(thirtieth)
    return {
        "status filter, no text (each of 1–10)": [
            DossierQuery(statuses=(rng.randint(1, 10),)) for _ in range(n)
        ],
        "status 'returned', no text": [DossierQuery(statuses=(10,))] * max(n // 10, 20),
        "due filter (overdue / due soon), no text": [
            DossierQuery(due=rng.choice([DueFilter.OVERDUE, DueFilter.SOON])) for _ in range(n)
        ],
        "today's list, a whole day": [DossierQuery(received_since=midnight)] * max(n // 10, 20),
        "today's list, quiet morning (< a page)": [DossierQuery(received_since=quiet)]
        * max(n // 10, 20),
        "today's list, nothing yet (the next day)": [
            DossierQuery(received_since=midnight + timedelta(days=1))
        ]
        * max(n // 10, 20),
        "all dossiers, no filter": [DossierQuery()] * max(n // 10, 20),
    }


def mixes(texts: dict[str, list[str]], now: datetime, rng: random.Random, n: int) -> list:
    """The list's controls in any combination: any text, any status, any due, either scope."""
    from counter_app.services.search import DossierQuery, DueFilter

    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    pool = [t for values in texts.values() for t in values] + [""] * 50
    return [
        DossierQuery(
            text=rng.choice(pool),
            statuses=(rng.randint(1, 10),) if rng.random() < 0.6 else (),
            due=rng.choice(list(DueFilter)),
            received_since=midnight if rng.random() < 0.2 else None,
        )
        for _ in range(n)
    ]


def raw_point_queries(db: Path, n: int, rng: random.Random) -> tuple[list, list]:
    """The floor: a bare indexed point query by primary key, Python's sqlite3, same file."""
    conn = sqlite3.connect(db)
    top = conn.execute("select max(id) from dossiers").fetchone()[0]
    ask = "select code, search_name, status, due_at from dossiers where id = ?"
    ids = [rng.randint(1, top) for _ in range(n)]
    times = timed(lambda i: conn.execute(ask, (i,)).fetchone(), ids)
    conn.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dossiers", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=1000)
    args = parser.parse_args()
    from counter_app.app import build_services
    from counter_app.services.search import DossierQuery, SearchService

    print(f"machine: {machine()}, SQLite {sqlite3.sqlite_version}")
    folder, built = demo_store(args.dossiers, "--no-forms")
    print(f"store: {folder} ({f'built in {built:.0f} s' if built else 'cached'})")
    rng = random.Random(1)
    opened = time.perf_counter()
    services = build_services(str(folder))  # applies any pending migration first
    print(f"opened (and migrated) in {time.perf_counter() - opened:.1f} s")
    conn = sqlite3.connect(folder / "counter.sqlite3")
    texts = text_sets(conn, args.queries, rng)
    # The list's "today" is the day the store's newest dossier came in, whenever this runs:
    # a store built at night or last week still has a busy today and today's numbers.
    newest = conn.execute("select max(received_at) from dossiers").fetchone()[0]
    now = datetime.fromisoformat(newest)
    filters = filter_sets(conn, now, rng, args.queries)
    conn.close()
    search = SearchService(services.store, services.calendar, clock=lambda: now)
    report(lambda t: search.find(DossierQuery(text=t), limit=PAGE), texts)
    report(lambda q: search.find(q, limit=PAGE), filters)
    report(lambda q: search.find(q, limit=PAGE), {"mixed": mixes(texts, now, rng, args.queries)})
    named_cases(lambda q: search.find(q, limit=PAGE), slow_before(texts, filters))
    wall, cpu = raw_point_queries(folder / "counter.sqlite3", args.queries, rng)
    print(summary("raw SQLite point query by id (floor), wall", wall))
    print(summary("    CPU", cpu))
    services.close()


def slow_before(texts: dict[str, list[str]], filters: dict[str, list]) -> dict[str, Any]:
    """The queries the list was slow on, or found nothing with, before docs/decisions/0031."""
    from counter_app.services.search import DossierQuery

    return {
        "'nguyen le' (no such name)": DossierQuery(text="nguyen le"),
        "'tran nguyen' (all-prefix fallback)": DossierQuery(text="tran nguyen"),
        "status 'returned', no text": DossierQuery(statuses=(10,)),
        "today's list, quiet morning": filters["today's list, quiet morning (< a page)"][0],
        "'find 261204-0001'-style tail": DossierQuery(text=texts["code"][0][-11:]),
        "'find 0912'-style number today": DossierQuery(text="0912"),
    }


def named_cases(find: Callable[[Any], list], cases: dict[str, Any], runs: int = 50) -> None:
    """The cases the issue measured one by one: rows found, then the times of `runs` runs."""
    for name, query in cases.items():
        rows = len(find(query))
        wall, cpu = timed(find, [query] * runs, warm=3)
        print(summary(f"{name} ({rows} rows), wall", wall))
        print(summary("    CPU", cpu))


def report(find: Callable[[Any], list], sets: dict[str, list]) -> None:
    for kind, queries in sets.items():
        wall, cpu = timed(find, queries)
        print(summary(f"{kind}, wall", wall))
        print(summary("    CPU", cpu))
        worst = sorted(zip(wall, map(_short, queries), strict=True), reverse=True)[:2]
        print("    slowest: " + "; ".join(f"{t:.1f} ms {q}" for t, q in worst))


def _short(query: Any) -> str:
    if isinstance(query, str):
        return repr(query)
    fields = ("text", "statuses", "due", "received_since")
    return " ".join(f"{f}={getattr(query, f)!s}" for f in fields if getattr(query, f))


if __name__ == "__main__":
    main()
