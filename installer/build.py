"""Build the one-folder bundle with PyInstaller, then smoke-test the frozen program.

Run: .venv/bin/python installer/build.py [--dist DIR]
A Windows build must run on Windows (PyInstaller does not cross-compile); this script is the same.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build(dist: Path, work: Path) -> Path:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(ROOT / "installer" / "counter_app.spec"),
        ],
        check=True,
        cwd=ROOT,
    )
    exe = dist / "counter-app" / ("counter-app.exe" if os.name == "nt" else "counter-app")
    if not exe.exists():
        raise SystemExit(f"build produced no {exe}")
    return exe


def smoke(exe: Path) -> str:
    with tempfile.TemporaryDirectory() as data:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        result = subprocess.run(
            [str(exe), "--data-dir", data, "--smoke-test"],
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
        )
    if result.returncode != 0:
        raise SystemExit(f"frozen smoke test failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dist", default=str(ROOT / "dist"))
    args = parser.parse_args()
    dist = Path(args.dist)
    exe = build(dist, dist.parent / "build-pyinstaller")
    print(smoke(exe))
    print(f"bundle: {exe.parent}")


if __name__ == "__main__":
    main()
