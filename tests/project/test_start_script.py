"""The README's start command on a machine without a screen: it says where the window is, how to
watch it and how to try the demo, and the window really is there to watch."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def headless_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    env.pop("QT_QPA_PLATFORM", None)
    env["COUNTER_APP_DATA"] = str(tmp_path / "store")
    return env


def test_headless_start_says_where_the_window_is_and_offers_the_demo(tmp_path: Path) -> None:
    done = subprocess.run(
        ["bash", "scripts/start.sh", "--smoke-test"],
        cwd=ROOT,
        env=headless_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert re.search(r"màn hình ảo :\d+ \(1366×768\)", out)
    assert re.search(r"VNC tới 127\.0\.0\.1:\d+", out)
    assert "import -window root" in out
    assert "bash scripts/start.sh --demo" in out and "Demo@2026" in out
    assert "smoke-test: ok" in out


def wait_for(check: object, deadline_s: float = 60.0) -> bool:
    """Poll a condition until it holds or the deadline passes (the app's start-up time varies)."""
    assert callable(check)
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        if check():
            return True
        time.sleep(0.2)
    return False


def rfb_banner(port: int) -> bytes:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2) as conn:
            return conn.recv(12)
    except OSError:
        return b""


def test_headless_window_can_be_watched_over_vnc_and_is_cleaned_up(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        ["bash", "scripts/start.sh"],
        cwd=ROOT,
        env=headless_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        assert proc.stdout is not None
        lines: list[str] = []
        for line in proc.stdout:
            lines.append(line)
            if "127.0.0.1:" in line:
                break
        port = int(re.findall(r"127\.0\.0\.1:(\d+)", "".join(lines))[0])
        display = re.findall(r"màn hình ảo (:\d+)", "".join(lines))[0]
        assert wait_for(lambda: rfb_banner(port).startswith(b"RFB "))
        shot = tmp_path / "shot.png"
        env = {**os.environ, "DISPLAY": display}

        def window_drawn() -> bool:
            subprocess.run(["import", "-window", "root", str(shot)], env=env, check=True)
            colours = subprocess.run(
                ["identify", "-format", "%k", str(shot)], capture_output=True, text=True
            ).stdout
            return int(colours or 0) > 16  # a black empty screen has one colour

        assert wait_for(window_drawn)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
    assert not Path(f"/tmp/.X11-unix/X{display[1:]}").exists()
