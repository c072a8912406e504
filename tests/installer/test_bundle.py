"""The PyInstaller bundle builds and its frozen program passes --smoke-test offscreen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_frozen_bundle_passes_the_smoke_test(tmp_path: Path) -> None:
    # Its own PyInstaller cache: `--clean` empties the cache, which another build may be using.
    env = {**os.environ, "PYINSTALLER_CONFIG_DIR": str(tmp_path / "pyinstaller-cache")}
    result = subprocess.run(
        [sys.executable, str(ROOT / "installer" / "build.py"), "--dist", str(tmp_path / "dist")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        env=env,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "smoke-test: ok" in result.stdout
    assert "Mẫu 01 PDF" in result.stdout
