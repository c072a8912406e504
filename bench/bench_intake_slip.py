"""Intake to slip: commit one dossier and render its two-copy Mẫu 01 PDF (docs/performance.md),
median and p95 over 500 intakes (target p50 ≤ 25 ms, p95 ≤ 50 ms).

Run: .venv/bin/python bench/bench_intake_slip.py [--intakes 500]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import OUT, machine, summary

PROVINCE_PROCEDURE = "3.000333"  # cấp phiếu lý lịch tư pháp, received by the demo's centre


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--intakes", type=int, default=500)
    args = parser.parse_args()
    from counter_app.app import build_services
    from counter_app.documents.slip import warm_up
    from counter_app.domain.vntime import now_vn
    from counter_app.services.demo import ensure_demo_store
    from counter_devkit.intake import intake

    print(f"machine: {machine()}")
    folder = OUT / "intake-slip"
    shutil.rmtree(folder, ignore_errors=True)
    services = build_services(str(folder))
    ensure_demo_store(services.store)
    warm_up()
    start, count = now_vn(), [0]

    def clock() -> datetime:  # 400 intakes a simulated day: never near one slot's 999 a day
        count[0] += 1
        return start + timedelta(days=count[0] // 400 + 1, seconds=count[0])

    services.dossiers._clock = clock
    # The demo counter is the province's centre: it receives provincial procedures only.
    request = intake(procedure=PROVINCE_PROCEDURE, clerk="canbo1")
    totals, commits, renders = [], [], []
    for i in range(args.intakes + 20):
        t0 = time.perf_counter()
        code = services.dossiers.receive(request)
        t1 = time.perf_counter()
        pdf = services.slips.render_for(code)
        t2 = time.perf_counter()
        assert pdf.startswith(b"%PDF")
        if i >= 20:
            totals.append((t2 - t0) * 1000)
            commits.append((t1 - t0) * 1000)
            renders.append((t2 - t1) * 1000)
    services.close()
    print(summary("intake to slip (commit + two-copy Mẫu 01 PDF)", totals))
    print(summary("  of which commit", commits))
    print(summary("  of which slip data + render", renders))


if __name__ == "__main__":
    main()
