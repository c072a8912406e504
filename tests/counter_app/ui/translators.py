"""Compile a shipped .ts with the project's lrelease and install it on the test application."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

TRANSLATIONS = Path(__file__).resolve().parents[3] / "resources" / "translations"
LRELEASE = Path(sys.executable).parent / "pyside6-lrelease"


def compile_ts(name: str, out_dir: Path) -> Path:
    qm = out_dir / f"{Path(name).stem}.qm"
    subprocess.run([str(LRELEASE), "-silent", str(TRANSLATIONS / name), "-qm", str(qm)], check=True)
    return qm


@contextmanager
def installed(qm: Path) -> Iterator[QTranslator]:
    """`qm` installed on the application for the `with` block, then removed again."""
    app = QCoreApplication.instance()
    assert app is not None
    translator = QTranslator()
    assert translator.load(str(qm)), qm
    app.installTranslator(translator)
    try:
        yield translator
    finally:
        app.removeTranslator(translator)
