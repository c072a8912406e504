"""Sync tests run the REAL server (tests/counter_server/conftest.py) and real counter stores."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from counter_devkit.counter_pc import CounterPC, make_counter_dir, sync_unit
from counter_devkit.server import ServerProcess, unused_port
from tests.counter_server.conftest import (  # noqa: F401  (fixtures re-exported for this folder)
    client,
    fresh_server,
    new_db_url,
    pg_databases,
    server,
)


@pytest.fixture(scope="session")
def sqlite_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """One SQLite-backed server for the many tests that do not depend on the backend."""
    folder = tmp_path_factory.mktemp("sync-server")
    proc = ServerProcess(f"sqlite:///{folder / 'server.sqlite3'}", folder / "server.log")
    proc.start()
    yield proc
    proc.stop()


@pytest.fixture
def counter_dir(store_template: Path, tmp_path: Path) -> Path:
    """A set-up counter store of its own unit (never enrolled)."""
    return make_counter_dir(store_template, tmp_path / "counter", sync_unit())


@pytest.fixture
def pc(counter_dir: Path) -> Iterator[CounterPC]:
    unit = CounterPC.unit_of(counter_dir)
    counter = CounterPC(counter_dir, unit)
    yield counter
    counter.close()


@pytest.fixture
def dead_port() -> Iterator[int]:
    """A port that refuses connections for the whole test (a server that is down)."""
    with unused_port() as port:
        yield port
