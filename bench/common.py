"""Shared helpers for the benchmarks: machine description, percentiles, the cached demo stores."""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{platform.system()} {platform.release()}, {os.cpu_count()} cores ({cpu}), "
        f"{mem:.0f} GiB, Python {platform.python_version()}"
    )


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def summary(name: str, values_ms: list[float]) -> str:
    median = statistics.median(values_ms)
    return (
        f"{name}: median {median:.3f} ms, p95 {pct(values_ms, 95):.3f} ms, "
        f"p99 {pct(values_ms, 99):.3f} ms, max {max(values_ms):.3f} ms (n={len(values_ms)})"
    )


def build_demo(folder: Path, n: int, *extra: str, quiet: bool = False) -> float:
    """`counter-app demo --dossiers n` into a fresh `folder` (an earlier one is deleted), as a
    CLI subprocess; returns the seconds it took."""
    shutil.rmtree(folder, ignore_errors=True)
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "counter_app",
            "--data-dir",
            str(folder),
            "demo",
            "--dossiers",
            str(n),
            *extra,
        ],
        check=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL if quiet else None,
    )
    return time.perf_counter() - started


def demo_store(n: int, *extra: str) -> tuple[Path, float | None]:
    """A demo store of n dossiers under bench/out, built once (returns path, build seconds);
    `extra` are more `counter-app demo` options ("--no-forms": the folder says so)."""
    folder = OUT / "-".join([f"demo-{n}", *(e.strip("-") for e in extra)])
    marker = folder / "complete"
    if marker.exists():
        return folder, None
    elapsed = build_demo(folder, n, *extra)
    marker.write_text(f"{elapsed:.1f}\n")
    return folder, elapsed


def copy_store(source: Path, target: Path) -> Path:
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("backups"))
    os.sync()  # a fresh copy's first checkpoint would otherwise flush it inside the timed loop
    return target
