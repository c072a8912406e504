"""scripts/server-venv.sh: the provincial server installs and runs alone, without Qt."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from counter_devkit.server import ServerProcess

ROOT = Path(__file__).resolve().parents[2]

# Imports the server's modules and its app factory, then names every module of the desktop
# program (or Qt) that came along.
_LOADED = """
import sys
import counter_server.__main__, counter_server.app, counter_server.ingest
from counter_server.app import create_app
print(sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "counter_app")))
"""


@pytest.mark.slow
def test_the_server_venv_holds_the_server_without_qt_and_it_serves(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    made = subprocess.run(
        ["bash", str(ROOT / "scripts" / "server-venv.sh"), str(venv)],
        env={**os.environ, "PYTHON": sys.executable},
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert made.returncode == 0, made.stdout[-3000:] + made.stderr[-3000:]
    python = venv / "bin" / "python"

    # The server's own data folder (its default SQLite database) goes under tmp_path.
    env = {k: v for k, v in os.environ.items() if k != "COUNTER_SERVER_DB"}
    env["XDG_DATA_HOME"] = str(tmp_path / "data")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            args, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False
        )

    qt = run(str(python), "-c", "import PySide6")
    assert qt.returncode != 0 and "No module named 'PySide6'" in qt.stderr
    loaded = run(str(python), "-c", _LOADED)
    assert (loaded.returncode, loaded.stdout.strip()) == (0, "[]"), loaded.stderr
    helped = run(str(venv / "bin" / "counter-server"), "--help")
    assert helped.returncode == 0 and "enrol-code" in helped.stdout, helped.stderr
    listed = run(str(venv / "bin" / "counter-server"), "admin-tokens")  # the default database
    assert listed.returncode == 0, listed.stderr
    assert list((tmp_path / "data").rglob("*.sqlite3"))

    server = ServerProcess(
        f"sqlite:///{tmp_path / 'server.sqlite3'}",
        tmp_path / "server.log",
        server_bin=venv / "bin" / "counter-server",
    )
    server.start()
    try:
        health = httpx.get(f"{server.base_url}/health", timeout=10)
    finally:
        server.stop()
    assert health.status_code == 200 and health.json()["status"] == "ok"
