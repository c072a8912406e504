"""The provincial dashboard rendered by a real browser (headless Chromium), as an admin sees it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import httpx

from tests.integration.conftest import ServerProcess

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync"]


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    assert path, "Chromium is installed by scripts/setup.sh"
    return path


def test_dashboard_renders_in_chromium(server: ServerProcess, client: httpx.Client,
                                       tmp_path: Path) -> None:
    device = server.device(name="Quầy số 2 Thạch Hà")
    device.push(client, [device.create_op() for _ in range(3)])
    url = f"{server.base_url}/dashboard"
    profile = ["--user-data-dir=" + str(tmp_path / "profile")]
    dom = subprocess.run([_chromium(), *CHROMIUM_FLAGS, *profile, "--dump-dom", url],
                         capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert device.unit_code in dom.stdout and "Quầy số 2 Thạch Hà" in dom.stdout
    shot = tmp_path / "dashboard.png"
    subprocess.run([_chromium(), *CHROMIUM_FLAGS, *profile, f"--screenshot={shot}",
                    "--window-size=1280,800", url], capture_output=True, timeout=120, check=True)
    assert shot.stat().st_size > 5_000  # a real rendered page, not an empty canvas
