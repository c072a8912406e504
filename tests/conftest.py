"""Shared fixtures: a set-up counter store made once per session, copied for each test."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# Qt aborts the whole process without a platform; tests never need a real display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TEST_PASSWORD = "MatKhau@123"
UNIT = "000.00.00.H27"


def program(name: str) -> Path:
    """The console program `name` (counter-app, counter-server) installed beside the interpreter
    running the tests, wherever its environment lives: tests never spell out a venv path."""
    folder = Path(sys.executable).parent  # not resolved: a venv's python is a symlink
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"{name} is not installed beside {sys.executable} "
                            "(pip install -e '.[server,dev]')")


def make_set_up_store(data_dir: Path, slot: int = 0) -> None:
    from counter_app.app import build_services

    services = build_services(str(data_dir))
    try:
        services.setup.first_run(
            UNIT, "Quầy số 1", slot, "quantri", "Hoàng Văn Quản", TEST_PASSWORD
        )
        services.accounts.create_user("canbo", "Nguyễn Thị Hồng Nhung", "clerk", TEST_PASSWORD)
    finally:
        services.close()


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
