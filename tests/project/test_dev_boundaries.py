"""scripts/, bench/ and installer/ import what they share with the tests from counter_devkit.

bench/ is also covered by an import-linter contract; scripts/ and installer/ are loose files, not
packages, so import-linter cannot see them: their imports are read here.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LOOSE_FILES = sorted(
    p for folder in ("scripts", "bench", "installer") for p in (ROOT / folder).glob("*.py")
)


def imported_modules(source: str) -> set[str]:
    modules: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.add(node.module)
    return modules


def test_the_reader_finds_imports_anywhere_in_a_file() -> None:
    source = "import tests.a\ndef f():\n    from tests.b import c\n    import os\n"
    assert imported_modules(source) == {"tests.a", "tests.b", "os"}


@pytest.mark.parametrize("path", LOOSE_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_tool_outside_tests_imports_the_tests(path: Path) -> None:
    modules = imported_modules(path.read_text(encoding="utf-8"))
    assert not [m for m in modules if m == "tests" or m.startswith("tests.")]
