"""One Python version policy: the interpreter, requires-python, ruff, mypy and setup.sh agree."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

from packaging.specifiers import SpecifierSet

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
RUNNING = f"{sys.version_info.major}.{sys.version_info.minor}"


def test_the_running_interpreter_is_the_declared_python() -> None:
    declared = SpecifierSet(PYPROJECT["project"]["requires-python"])
    assert f"{RUNNING}.{sys.version_info.micro}" in declared, (RUNNING, str(declared))


def test_requires_python_allows_one_minor_version_only() -> None:
    declared = SpecifierSet(PYPROJECT["project"]["requires-python"])
    allowed = [f"3.{minor}.0" for minor in range(8, 20) if f"3.{minor}.0" in declared]
    assert allowed == [f"{RUNNING}.0"]


def test_the_linters_check_for_the_declared_python() -> None:
    tools = PYPROJECT["tool"]
    assert tools["ruff"]["target-version"] == "py" + RUNNING.replace(".", "")
    assert tools["mypy"]["python_version"] == RUNNING


def test_setup_picks_the_declared_python() -> None:
    script = (ROOT / "scripts" / "setup.sh").read_text(encoding="utf-8")
    required = re.search(r"^REQUIRED_PYTHON=(\S+)$", script, re.MULTILINE)
    assert required is not None and required.group(1) == RUNNING
    major, minor = RUNNING.split(".")
    assert f"sys.version_info[:2] != ({major}, {minor})" in script
