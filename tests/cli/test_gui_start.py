"""The real program started as a clerk starts it (offscreen): log-in shown before the store opens,
then sign-in and the dossier list, through the start-up hooks the benchmark uses."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _start(data_dir: Path, mode: str, timeout: float = 120) -> str:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COUNTER_APP_BENCH": mode}
    proc = subprocess.Popen([sys.executable, "-m", "counter_app", "--data-dir", str(data_dir)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("SHOWN"):
                return line.strip()
        raise AssertionError(proc.stderr.read() if proc.stderr else "no output")
    finally:
        proc.kill()
        proc.wait(timeout=timeout)


def test_login_window_then_dossier_list_on_a_demo_store(tmp_path: Path) -> None:
    demo = subprocess.run([sys.executable, "-m", "counter_app", "--data-dir", str(tmp_path),
                           "demo", "--dossiers", "300"], cwd=ROOT, capture_output=True, text=True)
    assert demo.returncode == 0, demo.stderr
    from counter_app.app import build_services
    from counter_devkit.intake import intake

    services = build_services(str(tmp_path))
    services.dossiers.receive(intake(clerk="canbo1"))  # today's list shows at least this one
    services.close()
    assert _start(tmp_path, "startup") == "SHOWN"
    line = _start(tmp_path, "open-list")
    assert line.startswith("SHOWN rows=")
    assert int(line.split("=")[1]) > 0
