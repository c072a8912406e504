"""Shared fixtures: a set-up counter store made once per session, copied for each test."""

from __future__ import annotations

import gc
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from counter_devkit.programs import program  # noqa: F401  (tests use it as a fixture helper)
from counter_devkit.screens import offscreen_platform
from counter_devkit.stores import make_set_up_store

# Property tests: a bounded run by default (CI), many more examples in scripts/fuzz.sh.
settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "long",
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "20000")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Qt aborts the whole process without a platform; tests never need a real display. The screen is
# the smallest a counter has (1024×768), so a window that does not fit fails its test.
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = offscreen_platform(1024, 768)
# Remembered window sizes go to a scratch folder, never the developer's own settings.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="counter-test-config-")


@pytest.fixture(scope="session")
def store_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("store-template")
    make_set_up_store(folder)
    return folder


@pytest.fixture
def data_dir(store_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(store_template, target)
    return target


@pytest.fixture
def services(data_dir: Path) -> Iterator[object]:
    from counter_app.app import build_services

    built = build_services(str(data_dir))
    yield built
    built.close()


@pytest.fixture(autouse=True)
def garbage_collected_on_the_main_thread() -> Iterator[None]:
    """Once a task runner has switched automatic collection off (see ui/gui_garbage.py), the
    garbage of each test is collected here, on the main thread, never in a worker."""
    yield
    if not gc.isenabled():
        from counter_app.ui.gui_garbage import collect_by_thresholds

        collect_by_thresholds()
