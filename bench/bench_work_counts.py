"""The province's monthly work counts over 1,000,000 dossiers from 100 counters, on PostgreSQL
(docs/performance.md#perf-work-counts).

A fresh database gets 100 units and devices and 1,000,000 dossiers (COPY), a year of them, each
with its creating event and, for most, the later events of their life (forwarded, result back,
returned, by post for some). The rollup `work_counts` is filled with the shared rule
(counter_protocol/workload.py) as the data is made, as ingest does op by op. Then, for the
busiest month:

- the product path: `counter_server.workload.month_table` (what the dashboard, its Excel download
  and `counter-server workload` read), and the Excel file built from it;
- the alternative the rollup replaces: the same counts computed in SQL from `dossiers` and
  `dossier_events` (checked equal to the rollup, so both are right);
- the raw limit in the same run: a bare `SELECT count(*)` over the dossiers and over the events.

`--months 1` puts every dossier in one month (the worst case for counting from the events).

Run: bash scripts/pg.sh start; nice -n 10 .venv/bin/python bench/bench_work_counts.py
     [--dossiers 1000000] [--counters 100] [--months 12] [--repeat 7]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import orjson
from sqlalchemy import Engine, create_engine, text

from bench.cluster import pg_database
from bench.common import machine
from counter_protocol.timefmt import VN_TZ
from counter_protocol.workload import Task, WorkEvent, WorkKey, month_span, tally
from counter_server.db import migrate
from counter_server.ingest.work_store import add_work
from counter_server.workload import month_table, unit_names, workbook_bytes

CLERKS = 5  # per counter
CHUNK = 50_000
EPOCH = datetime(2026, 1, 1, 8, tzinfo=VN_TZ)


def setup_units(engine: Engine, counters: int) -> None:
    now = datetime.now(VN_TZ)
    with engine.begin() as conn:
        for n in range(counters):
            unit = f"000.{n // 100:02d}.{n % 100:02d}.H27"
            conn.execute(
                text("INSERT INTO units (code, name, created_at) VALUES (:u, :name, :now)"),
                {"u": unit, "name": f"Trung tâm xã {n}", "now": now},
            )
            conn.execute(
                text(
                    "INSERT INTO devices (id, uuid, unit_code, slot, name, public_key, status, "
                    "app_version, enrolled_at, attested_seq, max_seq_received, dossier_count, "
                    "clock_flag_count) VALUES (:id, :uuid, :u, 0, :name, 'k', 'active', '0.1', "
                    ":now, 0, 0, 0, 0)"
                ),
                {
                    "id": n + 1,
                    "uuid": str(uuid.uuid4()),
                    "u": unit,
                    "name": f"Quầy {n}",
                    "now": now,
                },
            )


class Maker:
    """Dossiers and their events, as rows for COPY and as the facts the rule reads."""

    def __init__(self, counters: int, months: int, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.counters = counters
        self.span_s = (30 * months - 1) * 86400  # received within the first `months` months
        self.numbers: Counter[str] = Counter()

    def chunk(self, start: int, count: int) -> tuple[list[tuple], list[tuple], list[WorkEvent]]:
        dossiers, events, facts = [], [], []
        for i in range(start, start + count):
            self._one(i, dossiers, events, facts)
        return dossiers, events, facts

    def _one(
        self, i: int, dossiers: list[tuple], events: list[tuple], facts: list[WorkEvent]
    ) -> None:
        r = self.rng
        n = i % self.counters
        unit, device = f"000.{n // 100:02d}.{n % 100:02d}.H27", n + 1
        at = EPOCH + timedelta(seconds=r.randrange(self.span_s))
        clerk = f"nv{n}.{r.randrange(CLERKS)}"
        channel = 3 if r.random() < 0.15 else 1
        home = channel == 1 and r.random() < 0.05
        kind = r.choices(["received", "papers_asked", "refused"], [0.86, 0.08, 0.06])[0]
        status = {"received": 2, "papers_asked": 1, "refused": 3}[kind]
        key = f"{unit}-{at:%y%m%d}"
        self.numbers[key] += 1
        dossier_uuid = str(uuid.uuid4())
        event = {"event_seq": 1, "kind": kind, "at": at.isoformat(), "actor": clerk, "extra": {}}
        data = {"channel": channel, "procedure_code": "1.001193", "event": event}
        if home:
            data["at_home"] = True
        dossiers.append(
            _dossier_row(
                dossier_uuid,
                f"{key}-{self.numbers[key]:04d}",
                unit,
                device,
                status,
                at,
                data,
                channel,
                home,
            )
        )
        facts.append(WorkEvent(unit, clerk, at, kind, channel, home))
        later = self._later(kind, at, n)
        for seq, (step, when, actor, postal) in enumerate(later, start=2):
            extra = {"postal_number": postal} if postal else None
            events.append(_event_row(dossier_uuid, device, seq, step, when, actor, extra))
            facts.append(WorkEvent(unit, actor, when, step, channel, home, postal))

    def _later(
        self, kind: str, at: datetime, counter: int
    ) -> list[tuple[str, datetime, str, str | None]]:
        r = self.rng
        steps: list[tuple[str, datetime, str, str | None]] = []
        clerk = (
            f"nv{counter}.{r.randrange(CLERKS)}"  # a colleague at the same counter may return it
        )
        if kind == "papers_asked" and r.random() < 0.75:
            steps.append(("received", at + timedelta(days=r.randint(1, 5)), clerk, None))
        if (kind == "received" or steps) and r.random() < 0.7:
            back = at + timedelta(days=r.randint(3, 20))
            postal = f"EB{r.randrange(10**8):08d}5VN" if r.random() < 0.2 else None
            steps += [
                ("forwarded", at + timedelta(hours=6), clerk, None),
                ("result_received", back, clerk, None),
                ("returned", back + timedelta(days=r.randint(0, 5)), clerk, postal),
            ]
        return steps


def _dossier_row(
    u: str,
    code: str,
    unit: str,
    device: int,
    status: int,
    at: datetime,
    data: dict,
    channel: int,
    home: bool,
) -> tuple:
    return (u, code, unit, device, "1.001193", "2026.1", status, "received", "received",
            "Nguyễn Văn A", at, orjson.dumps(data).decode(), 1, 1, at, channel, home)  # fmt: skip


def _event_row(
    u: str, device: int, seq: int, kind: str, at: datetime, actor: str, extra: dict | None
) -> tuple:
    return (u, "device", device, seq, kind, at, actor, None, None, None,
            orjson.dumps(extra).decode() if extra else None, at)  # fmt: skip


DOSSIER_COLUMNS = (
    "uuid, code, unit_code, device_id, procedure_code, catalogue_version, status, sub_state, "
    "device_sub_state, applicant_name, received_at, data, last_device_seq, last_event_seq, "
    "updated_at, channel, at_home"
)
EVENT_COLUMNS = (
    "dossier_uuid, source, device_id, event_seq, kind, at, actor, from_status, to_status, note, "
    "extra, recorded_at"
)


def load(
    engine: Engine, total: int, counters: int, months: int
) -> tuple[float, Counter[WorkKey], int]:
    """COPY every dossier and event; returns the seconds, the rule's counts and the events."""
    maker, counts, n_events = Maker(counters, months), Counter[WorkKey](), 0
    started = time.perf_counter()
    raw = engine.raw_connection()
    try:
        with raw.cursor() as cur:
            for start in range(0, total, CHUNK):
                dossiers, events, facts = maker.chunk(start, min(CHUNK, total - start))
                _copy(cur, "dossiers", DOSSIER_COLUMNS, dossiers)
                _copy(cur, "dossier_events", EVENT_COLUMNS, events)
                counts += tally(facts)
                n_events += len(events)
        raw.commit()
    finally:
        raw.close()
    return time.perf_counter() - started, counts, n_events


def _copy(cur: object, table: str, columns: str, rows: list[tuple]) -> None:
    with cur.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:  # type: ignore[attr-defined]
        for row in rows:
            copy.write_row(row)


def fill_rollup(engine: Engine, counts: Counter[WorkKey]) -> None:
    rows = [
        {"m": k.month, "u": k.unit_code, "c": k.clerk, "t": str(k.task), "n": n}
        for k, n in counts.items()
    ]
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO work_counts (month, unit_code, clerk, task, n) "
                "VALUES (:m, :u, :c, :t, :n)"
            ),
            rows,
        )
        conn.execute(text("ANALYZE"))


# The rule of counter_protocol/workload.py in SQL, over the month's creating and later events.
FROM_EVENTS = """
WITH work AS (
  SELECT d.unit_code, d.data->'event'->>'actor' AS clerk, d.data->'event'->>'kind' AS kind,
         d.channel, d.at_home, d.data->'event'->'extra'->>'postal_number' AS postal
  FROM dossiers d
  WHERE (d.data->'event'->>'at')::timestamptz >= :start
    AND (d.data->'event'->>'at')::timestamptz < :end
    AND d.data->'event'->>'kind' IN ('received', 'returned')
  UNION ALL
  SELECT d.unit_code, e.actor, e.kind, d.channel, d.at_home, e.extra->>'postal_number'
  FROM dossier_events e JOIN dossiers d ON d.uuid = e.dossier_uuid
  WHERE e.source = 'device' AND e.at >= :start AND e.at < :end
    AND e.kind IN ('received', 'returned')
)
SELECT unit_code, clerk,
  count(*) FILTER (WHERE kind = 'received') AS received,
  count(*) FILTER (WHERE kind = 'returned') AS returned,
  count(*) FILTER (WHERE (kind = 'received' AND channel = 3)
                      OR (kind = 'returned' AND coalesce(btrim(postal), '') <> '')) AS by_post,
  count(*) FILTER (WHERE kind = 'received' AND at_home) AS at_home
FROM work GROUP BY unit_code, clerk
"""


def from_events(engine: Engine, month: str) -> Counter[WorkKey]:
    start, end = month_span(month)
    found: Counter[WorkKey] = Counter()
    with engine.connect() as conn:
        for r in conn.execute(text(FROM_EVENTS), {"start": start, "end": end}):
            tasks = (Task.RECEIVED, Task.RETURNED, Task.BY_POST, Task.AT_HOME)
            for task, n in zip(tasks, r[2:], strict=True):
                if n:
                    found[WorkKey(month, r.unit_code, r.clerk, task)] = n
    return found


def timed(what: object, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = what()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def scalar(engine: Engine, sql: str) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text(sql)).scalar_one())


def busiest_month(counts: Counter[WorkKey]) -> str:
    per_month: Counter[str] = Counter()
    for key, n in counts.items():
        per_month[key.month] += n
    return per_month.most_common(1)[0][0]


def report(engine: Engine, counts: Counter[WorkKey], repeat: int) -> Iterator[str]:
    month = busiest_month(counts)
    mine = Counter(
        {k: n for k, n in counts.items() if k.month == month and k.task != Task.ONLINE_HELP}
    )
    yield f"month {month}: {sum(n for k, n in mine.items() if k.task == Task.RECEIVED):,} receipts"
    product, rows = timed(lambda: month_table(engine, month), repeat)
    names = unit_names(engine)
    excel, book = timed(lambda: workbook_bytes(rows, month, names), repeat)  # type: ignore[arg-type]
    slow, computed = timed(lambda: from_events(engine, month), max(1, repeat // 3))
    assert computed == mine, "the SQL over the events and the rollup disagree"
    n_rows = len(rows)  # type: ignore[arg-type]
    yield f"rollup read (month_table): {product * 1000:.1f} ms, {n_rows} rows (unit, clerk)"
    yield f"  + Excel of it: {excel * 1000:.1f} ms ({len(book):,} B)"  # type: ignore[arg-type]
    yield f"counted from the events in SQL (same figures): {slow * 1000:.0f} ms"
    d, _ = timed(lambda: scalar(engine, "SELECT count(*) FROM dossiers"), repeat)
    e, _ = timed(lambda: scalar(engine, "SELECT count(*) FROM dossier_events"), repeat)
    yield (
        f"raw limit: SELECT count(*) FROM dossiers {d * 1000:.0f} ms, "
        f"FROM dossier_events {e * 1000:.0f} ms"
    )
    per_batch = statistics.median(add_batch(engine, month) for _ in range(repeat))
    yield f"ingest's share: the rollup added to for a 1,000-op batch: {per_batch * 1000:.2f} ms"


def add_batch(engine: Engine, month: str) -> float:
    """Seconds to add what one batch of 1,000 receipts by one counter's clerks adds, inside an
    open transaction as ingest does (rolled back after)."""
    keys = [
        WorkKey(month, "000.00.00.H27", f"nv0.{i % CLERKS}", Task.RECEIVED) for i in range(1000)
    ]
    with engine.connect() as conn, conn.begin() as transaction:
        conn.execute(text("SELECT 1"))  # the transaction is open, as it is at ingest
        started = time.perf_counter()
        add_work(conn, keys)
        took = time.perf_counter() - started
        transaction.rollback()
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dossiers", type=int, default=1_000_000)
    parser.add_argument("--counters", type=int, default=100)
    parser.add_argument("--months", type=int, default=12)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    print(machine())
    with pg_database() as url:
        engine = create_engine(url)
        migrate(engine)
        setup_units(engine, args.counters)
        took, counts, n_events = load(engine, args.dossiers, args.counters, args.months)
        print(f"loaded {args.dossiers:,} dossiers and {n_events:,} events by COPY in {took:.1f} s")
        fill_rollup(engine, counts)
        for line in report(engine, counts, args.repeat):
            print(line, flush=True)
        engine.dispose()


if __name__ == "__main__":
    main()
