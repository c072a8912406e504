"""Lifecycle benchmarks (docs/performance.md):

(a) intake to the first printed form, for each of the three outcomes (received → Mẫu 01, papers
    asked for → Mẫu 02, refused → Mẫu 03): the intake's commit (dossier, event, outbox op, issued
    form) plus the print (its form_prints row and the PDF), median and p95 (target p50 ≤ 25 ms,
    p95 ≤ 50 ms);
(b) one state transition (event + outbox op, one commit) on an N-dossier store (default 1,000,000;
    target p95 ≤ 3 ms), a hand-over that also issues Mẫu 06 beside it, and a bare sqlite3
    insert-and-commit measured in the same run.

Run: .venv/bin/python bench/bench_lifecycle.py [--intakes 300] [--dossiers 1000000]
     [--transitions 1000] [--source DIR]   (DIR: an existing demo store to copy instead of
     building one with `counter-app demo`)
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_store import bare_sqlite
from bench.common import OUT, copy_store, demo_store, machine, summary

WARMUP = 20


def day_clock(per_day: int) -> Callable[[], datetime]:
    """A clock a second further on each call, `per_day` calls a simulated day: never near one
    slot's 999 codes a day."""
    from counter_app.domain.vntime import now_vn

    start, count = now_vn(), [0]

    def clock() -> datetime:
        count[0] += 1
        return start + timedelta(days=count[0] // per_day + 1, seconds=count[0])

    return clock


def outcome_requests() -> dict[str, tuple[Any, dict[str, str]]]:
    """The request and intake arguments of each outcome."""
    from counter_devkit.intake import intake

    complete = intake(clerk="canbo1")
    first, *rest = complete.components
    incomplete = replace(complete, components=(replace(first, provided=False), *rest))
    return {
        "received (Mẫu 01)": (complete, {}),
        "papers asked (Mẫu 02)": (incomplete, {"guidance": "Mang bản chính để đối chiếu"}),
        "refused (Mẫu 03)": (complete, {"refuse_reason": "Không thuộc thẩm quyền"}),
    }


def intake_to_print(intakes: int) -> None:
    from counter_app.app import build_services
    from counter_app.documents.slip import warm_up
    from counter_app.services.demo import ensure_demo_store
    from counter_app.services.forms import FormService

    folder = OUT / "lifecycle-intake"
    shutil.rmtree(folder, ignore_errors=True)
    services = build_services(str(folder))
    ensure_demo_store(services.store)
    warm_up()
    clock = day_clock(300)
    services.dossiers._clock = clock
    forms = FormService(services.store, clock)
    for name, (request, kwargs) in outcome_requests().items():
        totals, commits = [], []
        for i in range(intakes + WARMUP):
            t0 = time.perf_counter()
            result = services.dossiers.intake(request, **kwargs)
            t1 = time.perf_counter()
            assert result.form_id is not None
            pdf = forms.print_form(result.form_id, actor="canbo1").pdf
            t2 = time.perf_counter()
            assert pdf.startswith(b"%PDF")
            if i >= WARMUP:
                totals.append((t2 - t0) * 1000)
                commits.append((t1 - t0) * 1000)
        print(summary(f"intake to printed form, {name}", totals))
        print(summary("  of which the intake's commit", commits))
    services.close()


def transitions(store_dir: Path, count: int) -> None:
    """`count` dossiers received and not yet forwarded: time a financial-duty request (a step
    with no form) on half, forward (with Mẫu 06) on the other half."""
    from counter_app.app import build_services
    from counter_app.services.lifecycle import LifecycleService

    services = build_services(str(store_dir))
    codes = _received_codes(store_dir, 2 * (count + WARMUP))
    lifecycle = LifecycleService(services.store, services.calendar, day_clock(10**9))
    half = len(codes) // 2
    plain = _timed(codes[:half], lambda code: lifecycle.ask_financial(code, "canbo1", "Nộp thuế"))
    handed = _timed(
        codes[half:], lambda code: lifecycle.forward(code, "canbo1", received_by="Văn thư")
    )
    services.close()
    print(summary("  state transition (financial duty asked: event + outbox op)", plain))
    print(summary("  hand-over to the agency (event + outbox op + Mẫu 06)", handed))


def _received_codes(store_dir: Path, n: int) -> list[str]:
    import sqlite3

    conn = sqlite3.connect(store_dir / "counter.sqlite3")
    try:
        rows = conn.execute(
            "SELECT code FROM dossiers WHERE sub_state = 'received' ORDER BY random() LIMIT ?",
            (n,),
        ).fetchall()
    finally:
        conn.close()
    if len(rows) < n:
        raise SystemExit(f"only {len(rows)} received dossiers in {store_dir}, need {n}")
    return [r[0] for r in rows]


def _timed(codes: list[str], step: Callable[[str], object]) -> list[float]:
    times = []
    for i, code in enumerate(codes):
        started = time.perf_counter()
        step(code)
        if i >= WARMUP:
            times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--intakes", type=int, default=300)
    parser.add_argument("--dossiers", type=int, default=1_000_000)
    parser.add_argument("--transitions", type=int, default=1000)
    parser.add_argument("--source", type=Path, default=None)
    args = parser.parse_args()
    print(f"machine: {machine()}")
    intake_to_print(args.intakes)
    source = args.source or demo_store(args.dossiers)[0]
    print(summary("bare sqlite3 insert+commit (WAL, FULL)", bare_sqlite(OUT / "bare")))
    copy = copy_store(source, OUT / f"lifecycle-on-{args.dossiers}")
    print(f"{args.dossiers}-dossier store ({source}):")
    transitions(copy, args.transitions)


if __name__ == "__main__":
    main()
