"""Find the project's console programs beside the running interpreter, wherever its venv lives."""

from __future__ import annotations

import sys
from pathlib import Path


def program(name: str) -> Path:
    """The console program `name` (counter-app, counter-server) installed beside the interpreter
    running the tests, wherever its environment lives: tests never spell out a venv path."""
    folder = Path(sys.executable).parent  # not resolved: a venv's python is a symlink
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(
        f"{name} is not installed beside {sys.executable} (pip install -e '.[server,dev]')"
    )
