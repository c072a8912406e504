"""The PyInstaller bundle builds and its frozen program passes --smoke-test offscreen."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_frozen_bundle_passes_the_smoke_test(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "installer" / "build.py"), "--dist", str(tmp_path / "dist")],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "smoke-test: ok" in result.stdout
    assert "Mẫu 01 PDF" in result.stdout
