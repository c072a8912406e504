"""The measurements behind bench/bench_sync.py (each starts its own server on a fresh database)."""

from __future__ import annotations

import multiprocessing
import shutil
import sqlite3
import statistics
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import psycopg
import zstandard
from sqlalchemy import text
from sqlalchemy.engine import make_url

from bench.common import OUT, copy_store, pct
from counter_app.services.demo import DEMO_UNIT
from counter_app.services.store import Store
from counter_app.sync.client import Timeouts
from counter_app.sync.service import SyncOptions, SyncService
from counter_devkit.netproxy import LinkProxy
from counter_devkit.server import Databases as ServerDatabases
from counter_devkit.server import ServerProcess
from counter_protocol.batch import DEFAULT_BATCH_OPS, build_batch
from counter_protocol.transport import PUSH_PATH, push_headers

RATE_BPS, RTT_S = 20_000, 1.5


class Databases(ServerDatabases):
    def describe(self) -> str:
        with self._admin().connect() as conn:
            version = conn.execute(text("SHOW server_version")).scalar()
            fsync = conn.execute(text("SHOW fsync")).scalar()
        return f"{version}, fsync={fsync}, {make_url(self.server_url).render_as_string()}"


SERVER_WORKERS = [1]  # set by bench_sync.py --server-workers


@contextmanager
def running_server(dbs: Databases, folder: Path) -> Iterator[tuple[ServerProcess, str]]:
    url = dbs.new()
    folder.mkdir(parents=True, exist_ok=True)
    server = ServerProcess(
        url, folder / "server.log", extra_args=("--workers", str(SERVER_WORKERS[0]))
    )
    server.start()
    try:
        yield server, url
    finally:
        server.stop()


@dataclass
class Pushed:
    db_url: str
    counter_dir: Path
    sent: int
    dossiers: int
    quarantined: int
    batches: int
    bytes_sent: int
    elapsed: float
    window: int

    @property
    def dossiers_per_s(self) -> float:
        return self.dossiers / self.elapsed

    def text(self) -> str:
        return (
            f"1. Push: {self.sent:,} queued ops → {self.dossiers:,} dossiers stored at the "
            f"server in {self.elapsed:.1f} s = {self.dossiers_per_s:,.0f} dossiers/s "
            f"({self.batches} batches of ≤{DEFAULT_BATCH_OPS}, window {self.window}; "
            f"{self.quarantined:,} "
            "demo ops quarantined by the server: see the report)"
        )


def throughput(dbs: Databases, demo: Path, window: int) -> Pushed:
    work = OUT / "sync-push"
    copy_store(demo, work / "counter")
    with running_server(dbs, work) as (server, url):
        store = Store.open(work / "counter")
        try:
            sync = SyncService(store, options=SyncOptions(window=window))
            sync.enrol(server.base_url, server.enrol_code(DEMO_UNIT))
            started = time.perf_counter()
            report = sync.sync_once("bench")
            elapsed = time.perf_counter() - started
        finally:
            store.close()
        assert report.error is None, report.error.one_line()
        dossiers = int(server.scalar("SELECT count(*) FROM dossiers"))
    return Pushed(
        url,
        work / "counter",
        report.sent,
        dossiers,
        report.quarantined,
        report.batches,
        report.bytes_sent,
        elapsed,
        window,
    )


def server_only(dbs: Databases, demo: Path, connections: int = 2) -> str:
    """The server's own ceiling: the same batches, pre-built and signed, posted back to back."""
    work = OUT / "sync-server-only"
    copy_store(demo, work / "counter")
    with running_server(dbs, work) as (server, _url):
        store = Store.open(work / "counter")
        try:
            SyncService(store).enrol(server.base_url, server.enrol_code(DEMO_UNIT))
            bodies = _signed_bodies(store)
        finally:
            store.close()
        started = time.perf_counter()
        _post_all(server.base_url, bodies, connections)
        elapsed = time.perf_counter() - started
        dossiers = int(server.scalar("SELECT count(*) FROM dossiers"))
    return (
        f"   Server alone (same batches pre-built and signed, {connections} connections, no "
        f"counter work): {dossiers / elapsed:,.0f} dossiers/s."
    )


def _signed_bodies(store: Store) -> list[tuple[dict[str, str], bytes]]:
    from counter_app.sync import ledger
    from counter_app.sync.identity import enrolled_identity

    bodies = []
    with store.read() as session:
        me, after = enrolled_identity(session), 0
        while batch := ledger.next_batch(session, after, DEFAULT_BATCH_OPS, 10**9):
            body = build_batch(
                me.device_id,
                [op.payload for op in batch],
                app_version="bench",
                catalogue_version=None,
            )
            bodies.append((push_headers(me.device_id, me.key, body), body))
            after = batch[-1].device_seq
    return bodies


def _post_all(base_url: str, bodies: list[tuple[dict[str, str], bytes]], connections: int) -> None:
    queue = iter(bodies)
    lock = threading.Lock()

    def post() -> None:
        with httpx.Client(base_url=base_url, timeout=300) as client:
            while True:
                with lock:
                    item = next(queue, None)
                if item is None:
                    return
                reply = client.post(PUSH_PATH, content=item[1], headers=item[0])
                assert reply.status_code == 200, reply.text

    threads = [threading.Thread(target=post) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


@dataclass
class Limit:
    """COPY timings of the pushed rows: per round, "plain" (tables without foreign keys) and
    "fk" (exact copies WITH the foreign keys), each round writing dossiers then ops."""

    rounds: list[dict[str, tuple[int, float]]]  # {"plain"|"fk": (dossier rows, seconds)}
    orders: list[tuple[str, str]]

    def per_dossier(self, kind: str) -> float:
        """Median over rounds of the dossiers per second COPY reaches writing both tables."""
        return statistics.median(rows / seconds for rows, seconds in (r[kind] for r in self.rounds))

    def text(self, measured: float) -> str:
        plain, fk = self.per_dossier("plain"), self.per_dossier("fk")
        order = ", ".join("→".join(pair) for pair in self.orders)
        each = "; ".join(
            f"round {i + 1}: plain {r['plain'][0] / r['plain'][1]:,.0f}/s, "
            f"fk {r['fk'][0] / r['fk'][1]:,.0f}/s"
            for i, r in enumerate(self.rounds)
        )
        return (
            f"   HEADLINE: end to end = {measured / plain:.2f} of plain COPY "
            f"({measured:,.0f} vs {plain:,.0f} dossiers/s; target ≥ 0.33).\n"
            f"   Raw limits, same run, same rows (dossiers + ops rows per dossier), median of "
            f"{len(self.rounds)} rounds: plain COPY into tables without foreign keys "
            f"{plain:,.0f} dossiers/s; COPY into exact copies WITH foreign keys "
            f"{fk:,.0f} dossiers/s (end to end = {measured / fk:.2f} of it).\n"
            f"   Order per round (alternated so neither runs first after the push each "
            f"time): {order}; {each}."
        )


def copy_limit(dbs: Databases, db_url: str, rounds: int = 2) -> Limit:
    """COPY the rows the ingest wrote (dossiers, ops) into empty copies of their tables, timed,
    with and without the tables' foreign keys, alternating which goes first each round."""
    conninfo = make_url(db_url).set(drivername="postgresql").render_as_string(hide_password=False)
    results: list[dict[str, tuple[int, float]]] = []
    orders: list[tuple[str, str]] = []
    with psycopg.connect(conninfo) as conn:
        cur = conn.cursor()
        data = {table: _copy_out(cur, table) for table in ("dossiers", "ops")}
        keys = {table: _foreign_keys(cur, table) for table in data}
        for number in range(rounds):
            order = ("plain", "fk") if number % 2 == 0 else ("fk", "plain")
            orders.append(order)
            timed: dict[str, tuple[int, float]] = {}
            for kind in order:
                spans = [
                    _timed_copy(
                        conn,
                        table,
                        data[table],
                        keys[table] if kind == "fk" else [],
                        f"{kind}{number}",
                    )
                    for table in ("dossiers", "ops")
                ]
                timed[kind] = (spans[0][0], spans[0][1] + spans[1][1])
            results.append(timed)
    return Limit(results, orders)


def _copy_out(cur: psycopg.Cursor, table: str) -> bytes:
    data = bytearray()
    with cur.copy(f"COPY {table} TO STDOUT") as out:
        for chunk in out:
            data += chunk
    return bytes(data)


def _foreign_keys(cur: psycopg.Cursor, table: str) -> list[str]:
    cur.execute(
        "SELECT pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE conrelid = %s::regclass AND contype = 'f'",
        (table,),
    )
    return [str(row[0]) for row in cur.fetchall()]


def _timed_copy(
    conn: psycopg.Connection, table: str, data: bytes, foreign_keys: list[str], tag: str
) -> tuple[int, float]:
    cur = conn.cursor()
    target = f"raw_{table}_{tag}"
    cur.execute(f"CREATE TABLE {target} (LIKE {table} INCLUDING ALL)")
    for definition in foreign_keys:
        cur.execute(f"ALTER TABLE {target} ADD {definition}")
    conn.commit()
    started = time.perf_counter()
    with cur.copy(f"COPY {target} FROM STDIN") as copy:
        copy.write(data)
    conn.commit()
    seconds = time.perf_counter() - started
    count = cur.execute(f"SELECT count(*) FROM {target}").fetchone()
    return (int(count[0]) if count else 0, seconds)


def wire_bytes(demo: Path, pushed: Pushed) -> str:
    """Bytes per new dossier: as sent, plain JSON, zstd levels, a trained dictionary."""
    conn = sqlite3.connect(demo / "counter.sqlite3")
    payloads = [
        r[0] for r in conn.execute("SELECT payload FROM outbox_payloads ORDER BY device_seq")
    ]
    conn.close()
    receipts = _receipt_bytes(pushed.counter_dir)
    sample, test = payloads[:10_000], payloads[-20_000:]
    batches = [test[i : i + 500] for i in range(0, len(test), 500)]
    plain = sum(len(p) for p in test) / len(test)
    sizes = {level: _per_op(batches, zstandard.ZstdCompressor(level=level)) for level in (3, 9, 19)}
    trained = zstandard.train_dictionary(64 * 1024, sample)
    with_dict = _per_op(batches, zstandard.ZstdCompressor(level=3, dict_data=trained))
    return (
        f"2. Bytes per new dossier (create op with components and first event), 500-op "
        f"batches: as sent {pushed.bytes_sent / pushed.sent:.0f} B (zstd 3); plain JSON "
        f"{plain:.0f} B; zstd 9 {sizes[9]:.0f} B, 19 {sizes[19]:.0f} B; zstd 3 + 64 KB "
        f"dictionary trained on other ops {with_dict:.0f} B. HTTP headers add "
        f"~{400 / 500:.1f} B/op. Receipts (down): {receipts:.0f} B per op, uncompressed."
    )


def _per_op(batches: list[list[bytes]], compressor: zstandard.ZstdCompressor) -> float:
    total = sum(len(compressor.compress(b"[" + b",".join(batch) + b"]")) for batch in batches)
    return total / sum(len(batch) for batch in batches)


def _receipt_bytes(counter_dir: Path) -> float:
    conn = sqlite3.connect(counter_dir / "counter.sqlite3")
    size, ops = conn.execute(
        "SELECT sum(length(body)), sum(op_count) FROM sync_receipts"
    ).fetchone()
    conn.close()
    return float(size) / float(ops) if ops else 0.0


def slow_link(dbs: Databases, demo: Path, window: int) -> str:
    work = OUT / "sync-slow"
    copy_store(demo, work / "counter")
    with running_server(dbs, work) as (server, _url):
        proxy = LinkProxy(server.port, rate_bps=RATE_BPS, latency_s=RTT_S)
        store = Store.open(work / "counter")
        try:
            options = SyncOptions(
                window=window, server_url=proxy.url, timeouts=Timeouts(read=300.0)
            )
            sync = SyncService(store, options=options)
            sync.enrol(server.base_url, server.enrol_code(DEMO_UNIT))
            started = time.perf_counter()
            report = sync.sync_once("bench")
            elapsed = time.perf_counter() - started
        finally:
            store.close()
            proxy.close()
    outcome = "ok" if report.error is None else f"FAILED: {report.error.one_line()}"
    return (
        f"3. Backlog of {report.sent:,} ops over {RATE_BPS // 1000} kbit/s each way, "
        f"{RTT_S} s RTT: {elapsed / 60:.1f} min ({outcome}); {report.batches} batches; "
        f"{proxy.bytes_up / 1024:.0f} KiB up, {proxy.bytes_down / 1024:.0f} KiB down "
        f"(the link alone needs {(proxy.bytes_up * 8 / RATE_BPS) / 60:.1f} min for the "
        "upload)."
    )


# -- many counters at once --------------------------------------------------------------------


class TimingTransport(httpx.HTTPTransport):
    """Records how long each push takes, request sent to receipt read."""

    def __init__(self) -> None:
        super().__init__()
        self.push_seconds: list[float] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        started = time.perf_counter()
        reply = super().handle_request(request)
        if request.url.path == PUSH_PATH:
            content = reply.read()
            reply = httpx.Response(reply.status_code, headers=reply.headers, content=content)
            self.push_seconds.append(time.perf_counter() - started)
        return reply


DOSSIERS_EACH, BATCH_EACH, PROCESSES = 30, 10, 4


def _prepare(job: tuple[Path, Path, str, str, str]) -> None:
    from counter_devkit.counter_pc import CounterPC, make_counter_dir

    template, folder, unit, base_url, code = job
    pc = CounterPC(make_counter_dir(template, folder, unit), unit)
    try:
        pc.receive(DOSSIERS_EACH)
        pc.sync.enrol(base_url, code)
    finally:
        pc.close()


Outcome = tuple[str | None, list[float]]  # error (None if fine), seconds per push


def _sync_group(jobs: list[tuple[Path, str]], start_at: float) -> list[Outcome]:
    from counter_devkit.counter_pc import CounterPC

    results: list[Outcome] = []
    lock = threading.Lock()

    def one(folder: Path, unit: str) -> None:
        transport = TimingTransport()
        pc = CounterPC(folder, unit, options=SyncOptions(batch_ops=BATCH_EACH), transport=transport)
        try:
            time.sleep(max(0.0, start_at - time.time()))
            report = pc.sync.sync_once("bench")
            pending = sum(n for s, n in pc.states().items() if s != "acked")
            error = (
                report.error.one_line()
                if report.error
                else (f"{pending} ops not acked" if pending else None)
            )
        finally:
            pc.close()
        with lock:
            results.append((error, transport.push_seconds))

    threads = [threading.Thread(target=one, args=job) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def many_counters(dbs: Databases, count: int) -> str:
    from counter_devkit.counter_pc import sync_unit
    from counter_devkit.stores import make_set_up_store

    work = OUT / "sync-many"
    shutil.rmtree(work, ignore_errors=True)
    make_set_up_store(work / "template")
    context = multiprocessing.get_context("fork")
    with running_server(dbs, work) as (server, _url):
        units = [sync_unit() for _ in range(count)]
        jobs = [
            (work / "template", work / f"pc{i}", u, server.base_url, server.enrol_code(u))
            for i, u in enumerate(units)
        ]
        with context.Pool(2) as pool:
            pool.map(_prepare, jobs)
        groups = [
            [(work / f"pc{i}", units[i]) for i in range(g, count, PROCESSES)]
            for g in range(PROCESSES)
        ]
        start_at = time.time() + 3
        with context.Pool(PROCESSES) as pool:
            outcomes = pool.starmap(_sync_group, [(g, start_at) for g in groups])
        wall = time.time() - start_at
        stored = int(server.scalar("SELECT count(*) FROM dossiers"))
    return _many_text(count, [o for group in outcomes for o in group], wall, stored)


def _many_text(count: int, outcomes: list[Outcome], wall: float, stored: int) -> str:
    errors = [e for e, _ in outcomes if e]
    times = [t * 1000 for _, ts in outcomes for t in ts]
    first = f" (first: {errors[0]})" if errors else ""
    return (
        f"4. {count} counters syncing at once ({DOSSIERS_EACH} dossiers each, batches of "
        f"{BATCH_EACH}, {PROCESSES} client processes): {len(errors)} errors{first}; "
        f"{stored:,}/{count * DOSSIERS_EACH:,} dossiers stored; {len(times)} batches, per "
        f"batch median {statistics.median(times):.0f} ms, p95 {pct(times, 95):.0f} ms, "
        f"p99 {pct(times, 99):.0f} ms, max {max(times):.0f} ms; all done in {wall:.1f} s."
    )


__all__ = [
    "Databases",
    "copy_limit",
    "many_counters",
    "server_only",
    "slow_link",
    "throughput",
    "wire_bytes",
]
