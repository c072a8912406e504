"""Emit a Qt signal from Python: a plain `signal.emit(*args)`, kept so ui/ call sites stay put.

The counter runs on Python 3.12 only (`requires-python` in pyproject.toml). There PySide6 6.12.0's
emit is safe: on 3.11 it dropped a reference to `True` per emit and aborted the interpreter, but
3.12 made `True` immortal. New code may call `signal.emit(...)` directly.
"""

from __future__ import annotations

from typing import Any


def emit(signal: Any, *args: Any) -> None:
    """`signal.emit(*args)`."""
    signal.emit(*args)
