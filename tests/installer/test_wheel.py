"""The built wheel, installed in a clean venv outside the source tree, prints a slip.

The wheel is built from a copy of the working tree (setuptools leaves stale files in an in-tree
build/ folder that would slip into later wheels). The venv has no system site-packages, so a file
the wheel forgets cannot be found anywhere else, and the program runs from a temporary folder so
the source tree cannot be imported by accident. The dependencies come from a wheelhouse kept in
pytest's cache: filled from the package registry the first time (or when the dependencies
change), installed offline after that.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOT_BUILD_INPUT = shutil.ignore_patterns(
    ".git",
    "." + "venv",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    ".*_cache",
    ".pgdata",
    "out",
    "*.sqlite3*",
)
SHIPPED_ASSETS = (
    "counter_app/resources/fonts/NotoSans-Regular.ttf",
    "counter_app/resources/fonts/NotoSans-Bold.ttf",
    "counter_app/resources/fonts/NotoSans-Italic.ttf",
    "counter_app/resources/fonts/OFL.txt",
    "counter_app/resources/catalogue/ha-tinh-sample.json",
    "counter_app/resources/calendar/vietnam-holidays.json",
    "counter_app/resources/translations/app_en.qm",
)


def _run(
    *cmd: str | Path, cwd: Path, env: dict[str, str] | None = None, timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(c) for c in cmd],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def _clean_env() -> dict[str, str]:
    """This environment without anything that would point Python back at the source tree."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP"}
    }
    return {**env, "PIP_DISABLE_PIP_VERSION_CHECK": "1", "QT_QPA_PLATFORM": "offscreen"}


def _build_wheel(tmp_path: Path) -> Path:
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=NOT_BUILD_INPUT)
    built = _run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        ".",
        "--no-deps",
        "--no-build-isolation",
        "-w",
        tmp_path / "dist",
        cwd=source,
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    (wheel,) = (tmp_path / "dist").glob("counter_app-*.whl")
    return wheel


def _install(wheel: Path, venv: Path, wheelhouse: Path, env: dict[str, str]) -> None:
    """A bare venv (no pip of its own: this pip installs into it, which saves seconds)."""
    made = _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=venv.parent, env=env)
    assert made.returncode == 0, made.stderr
    pip = (
        sys.executable,
        "-m",
        "pip",
        "--python",
        venv / "bin" / "python",
        "install",
        "-q",
        "--no-compile",
        "--no-index",
        "--find-links",
        wheelhouse,
        wheel,
    )
    if _run(*pip, cwd=venv.parent, env=env).returncode != 0:  # a new or changed dependency
        fetched = _run(
            sys.executable,
            "-m",
            "pip",
            "download",
            "-q",
            "--dest",
            wheelhouse,
            wheel,
            cwd=venv.parent,
            env=env,
        )
        assert fetched.returncode == 0, fetched.stderr[-3000:]
        (wheelhouse / wheel.name).unlink(missing_ok=True)  # the project itself is never cached
        installed = _run(*pip, cwd=venv.parent, env=env)
        assert installed.returncode == 0, installed.stderr[-3000:]


@pytest.mark.slow
def test_the_installed_wheel_prints_a_slip(tmp_path: Path, pytestconfig: pytest.Config) -> None:
    wheel = _build_wheel(tmp_path)
    names = zipfile.ZipFile(wheel).namelist()
    assert set(SHIPPED_ASSETS) <= set(names)
    assert not [n for n in names if n.startswith(("counter_devkit/", "tests/", "bench/"))]

    env, run_dir = _clean_env(), tmp_path / "elsewhere"
    run_dir.mkdir()
    venv = tmp_path / "venv"
    _install(wheel, venv, _wheelhouse(pytestconfig, tmp_path), env)

    where = _run(
        venv / "bin" / "python",
        "-c",
        "import importlib.util as u, sys, counter_app.assets as a; "
        "print(a.__file__); print(a.assets_root()); print(u.find_spec('counter_devkit')); "
        "print(*sys.path, sep='\\n')",
        cwd=run_dir,
        env=env,
    )
    assert where.returncode == 0, where.stderr
    module, assets, devkit, *path = where.stdout.splitlines()
    site = venv / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}"
    assert Path(module).is_relative_to(site) and Path(assets).is_relative_to(site)
    assert devkit == "None"
    assert not [p for p in path if p and Path(p).resolve().is_relative_to(ROOT)]

    smoke = _run(
        venv / "bin" / "counter-app",
        "--data-dir",
        tmp_path / "data",
        "--smoke-test",
        cwd=run_dir,
        env=env,
        timeout=180,
    )
    assert smoke.returncode == 0, smoke.stdout + smoke.stderr
    assert "smoke-test: ok" in smoke.stdout
    assert "Mẫu 01 PDF" in smoke.stdout and "Qt offscreen đọc 2 trang" in smoke.stdout


def _wheelhouse(pytestconfig: pytest.Config, tmp_path: Path) -> Path:
    """The dependency wheels, kept in pytest's cache between runs (a fresh folder without it)."""
    cache = getattr(pytestconfig, "cache", None)  # absent under -p no:cacheprovider
    return cache.mkdir("counter-app-wheelhouse") if cache is not None else tmp_path / "wheelhouse"
