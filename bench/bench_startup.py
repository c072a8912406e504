"""Start-up benchmark, on the 1,000,000-dossier store, beside a bare PySide6 window started the
same way in the same run: from process start to the log-in window shown (target ≤ 2.0× the bare
window); from process start to the dossier list's first page shown after signing in with a demo
account, typed as soon as the log-in window is up (target ≤ 1.0 s); and peak memory of the app
after signing in and opening the dossier list on that store (target ≤ 250 MB). Offscreen Qt;
each variant is started 7 times, interleaved, medians compared.

The app is started through bench/startup_probe.py, which runs the program's own start-up steps
(counter_app.app, then counter_app.ui.main.FastStart) and prints when the window is shown; the
program itself carries no benchmark hooks. The project's modules are compiled to bytecode first,
as an installed program has them (pip compiles on install; a source checkout run with
PYTHONDONTWRITEBYTECODE=1 would compile them again at every start).

Run: .venv/bin/python bench/bench_startup.py [--dossiers 1000000] [--runs 15]
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import ROOT, demo_store, machine, pct

PROBE = ROOT / "bench" / "startup_probe.py"

BARE = (
    "import sys\n"
    "from PySide6.QtWidgets import QApplication, QLabel\n"
    "app = QApplication(sys.argv)\n"
    "w = QLabel('Đăng nhập'); w.show(); app.processEvents()\n"
    "print('SHOWN', flush=True)\n"
)


def timed_start(command: list[str], env: dict[str, str], wait_for: str = "SHOWN") -> float:
    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith(wait_for):
            break
    else:
        raise RuntimeError(f"{command} ended without printing {wait_for!r}")
    elapsed = time.perf_counter() - started
    proc.kill()
    proc.wait()
    return elapsed


def peak_rss_mb(command: list[str], env: dict[str, str]) -> float:
    result = subprocess.run(
        ["/usr/bin/time", "-v", *command],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    for line in result.stderr.splitlines():
        if "Maximum resident set size" in line:
            return int(line.split(":")[1]) / 1024
    raise RuntimeError(result.stderr[-2000:])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dossiers", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    folder, _ = demo_store(args.dossiers, "--no-forms")  # forms are other tables: no change here
    for package in ("counter_app", "counter_protocol", "resources", "bench"):
        compileall.compile_dir(ROOT / package, quiet=1)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    app_cmd = [sys.executable, str(PROBE), "--data-dir", str(folder), "--until", "login"]
    bare_cmd = [sys.executable, "-c", BARE]
    list_cmd = [sys.executable, str(PROBE), "--data-dir", str(folder), "--until", "list"]
    print(f"machine: {machine()}")
    bare, app, listed = [], [], []
    for _ in range(args.runs):  # interleaved, so all see the same machine load
        bare.append(timed_start(bare_cmd, env))
        app.append(timed_start(app_cmd, env))
        listed.append(timed_start(list_cmd, env, "SHOWN rows="))
    b, a, li = (statistics.median(x) for x in (bare, app, listed))
    print(f"bare PySide6 window shown: median {b * 1000:.0f} ms (min {min(bare) * 1000:.0f})")
    print(
        f"counter-app log-in window shown ({args.dossiers} dossiers): median {a * 1000:.0f} ms "
        f"(min {min(app) * 1000:.0f})"
    )
    print(f"ratio: {a / b:.2f}x (target <= 2.0x)")
    print(
        f"counter-app dossier list shown after log-in: median {li * 1000:.0f} ms, "
        f"p95 {pct(listed, 95) * 1000:.0f} ms (min {min(listed) * 1000:.0f}, "
        f"max {max(listed) * 1000:.0f}; target <= 1000 ms)"
    )
    print(f"bare window p95 {pct(bare, 95) * 1000:.0f} ms; log-in p95 {pct(app, 95) * 1000:.0f} ms")
    print(
        f"peak memory after opening the dossier list: {peak_rss_mb(list_cmd, env):.0f} MB "
        "(target <= 250 MB)"
    )


if __name__ == "__main__":
    main()
