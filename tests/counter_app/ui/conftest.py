"""UI test fixtures: offscreen Qt, bundled fonts, a real set-up store and a task runner."""

from __future__ import annotations

import os

# Must happen before anything imports Qt: without a platform Qt aborts the whole process.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(scope="session", autouse=True)
def bundled_fonts(qapp) -> str | None:
    from counter_app.ui.fonts import load_fonts

    return load_fonts(qapp)


@pytest.fixture
def runner(services, qapp) -> Iterator[object]:
    """Torn down before `services` closes the store: no task outlives the test."""
    from counter_app.ui.tasks import TaskRunner

    task_runner = TaskRunner()
    yield task_runner
    task_runner.shutdown()
    qapp.processEvents()


@pytest.fixture
def blank_services(tmp_path: Path) -> Iterator[object]:
    """A store that has never been set up (first run)."""
    from counter_app.app import build_services

    built = build_services(str(tmp_path / "blank"))
    yield built
    built.close()


@pytest.fixture
def blank_runner(blank_services, qapp) -> Iterator[object]:
    from counter_app.ui.tasks import TaskRunner

    task_runner = TaskRunner()
    yield task_runner
    task_runner.shutdown()
    qapp.processEvents()


@pytest.fixture(autouse=True)
def no_remembered_window_sizes() -> Iterator[None]:
    """Each test opens windows as on a new machine: no size kept from an earlier test."""
    from counter_app.ui.window_fit import sizes_file

    sizes_file().unlink(missing_ok=True)
    yield
    sizes_file().unlink(missing_ok=True)
