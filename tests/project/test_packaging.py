"""pyproject's `server` extra is all the server needs: scripts/server-venv.sh installs only it."""

from __future__ import annotations

import ast
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
OWN = {"counter_app", "counter_server", "counter_protocol"}


def project() -> dict[str, object]:
    with (ROOT / "pyproject.toml").open("rb") as f:
        table: dict[str, object] = tomllib.load(f)["project"]
    return table


def requirements(entries: object) -> dict[str, Requirement]:
    assert isinstance(entries, list)
    return {canonicalize_name(r.name): r for r in map(Requirement, entries)}


def imported_distributions(package: str) -> set[str]:
    """The distributions whose modules `package` imports anywhere (lazily imported ones too)."""
    names: set[str] = set()
    for path in (ROOT / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    third_party = names - OWN - set(sys.stdlib_module_names)
    owners = packages_distributions()
    return {canonicalize_name(dist) for name in third_party for dist in owners[name]}


def test_the_server_extra_covers_every_import_of_the_server_and_the_protocol() -> None:
    server = requirements(project()["optional-dependencies"]["server"])  # type: ignore[index]
    for package in ("counter_server", "counter_protocol"):
        missing = imported_distributions(package) - server.keys()
        assert not missing, f"{package} imports {sorted(missing)}, not in the server extra"


def test_the_server_extra_bounds_a_shared_dependency_as_the_desktop_does() -> None:
    base = requirements(project()["dependencies"])
    server = requirements(project()["optional-dependencies"]["server"])  # type: ignore[index]
    for name in base.keys() & server.keys():
        assert base[name].specifier == server[name].specifier, name
    assert "pyside6-essentials" not in server and "fastapi" not in server
