"""The program's fast start, run as a process (offscreen) through the start-up probe the benchmark
uses: log-in shown before the store opens, then sign-in with a demo account and the dossier list."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PROBE = ROOT / "bench" / "startup_probe.py"


def _start(data_dir: Path, until: str, timeout: float = 120) -> str:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen(
        [sys.executable, str(PROBE), "--data-dir", str(data_dir), "--until", until],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        lines = []
        for line in proc.stdout:
            lines.append(line.strip())
            if line.startswith("SHOWN") and (until == "login" or "rows=" in line):
                return line.strip()
        raise AssertionError(proc.stderr.read() if proc.stderr else "\n".join(lines))
    finally:
        proc.kill()
        proc.wait(timeout=timeout)


def test_login_window_then_dossier_list_on_a_demo_store(tmp_path: Path) -> None:
    demo = subprocess.run(
        [
            sys.executable,
            "-m",
            "counter_app",
            "--data-dir",
            str(tmp_path),
            "demo",
            "--dossiers",
            "300",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert demo.returncode == 0, demo.stderr
    from counter_app.app import build_services
    from counter_app.services.dto import IntakeRequest
    from counter_app.services.search import DossierQuery

    services = build_services(str(tmp_path))
    # Today's list shows at least one: a procedure this (provincial) centre may receive.
    (row,) = services.search.find(DossierQuery(statuses=(10,)), limit=1)
    detail = services.details.get(row.code)
    components = tuple(replace(c, provided=True) for c in detail.components)
    request = IntakeRequest(detail.procedure_code, detail.applicant, components, "canbo1")
    services.dossiers.receive(replace(request, fees=detail.fees), clock_confirmed=True)
    services.close()
    assert _start(tmp_path, "login") == "SHOWN"
    line = _start(tmp_path, "list")
    assert line.startswith("SHOWN rows=")
    assert int(line.split("=")[1]) > 0
