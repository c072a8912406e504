"""Rules the test suite keeps so it runs the same anywhere: programs found beside the running
interpreter, never through a virtualenv path written into a test."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

from counter_devkit.programs import program

TESTS = Path(__file__).resolve().parents[1]
ROOT = TESTS.parent
VENV_DIR = "." + "venv"  # spelled in two pieces so this file does not match itself


def test_no_test_names_a_virtualenv_folder() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in sorted(TESTS.rglob("*"))
        if path.is_file()
        and path.suffix in {".py", ".toml", ".ini", ".cfg", ".txt"}
        and VENV_DIR in path.read_text(encoding="utf-8")
    ]
    assert offenders == [], f"use tests.conftest.program() instead of a venv path: {offenders}"


def test_every_console_program_is_found_beside_the_interpreter() -> None:
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "scripts"
    ]
    assert set(scripts) >= {"counter-app", "counter-server"}
    for name in scripts:
        assert program(name).parent == Path(sys.executable).parent
