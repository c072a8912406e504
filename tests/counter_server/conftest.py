"""Fixtures that run the REAL `counter-server` process (counter_devkit/server.py) per backend."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from counter_devkit.server import Databases, ServerProcess

ROOT = Path(__file__).resolve().parents[2]
BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
]


@pytest.fixture(scope="session")
def pg_databases() -> Iterator[Databases]:
    dbs = Databases()
    yield dbs
    dbs.drop_all()


@pytest.fixture(scope="session")
def new_db_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A factory: a fresh, empty database URL of the given backend."""

    def make(backend: str) -> str:
        if backend == "sqlite":
            return f"sqlite:///{tmp_path_factory.mktemp('sqlite') / 'server.sqlite3'}"
        dbs: Databases = request.getfixturevalue("pg_databases")
        return dbs.new()

    return make


@pytest.fixture(scope="session", params=BACKENDS)
def server(
    request: pytest.FixtureRequest, new_db_url: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServerProcess]:
    """The session's server for one backend; tests keep apart by using their own units."""
    proc = ServerProcess(new_db_url(request.param), tmp_path_factory.mktemp("log") / "server.log")
    proc.start()
    yield proc
    proc.stop()


@pytest.fixture(params=BACKENDS)
def fresh_server(
    request: pytest.FixtureRequest, new_db_url: Any, tmp_path: Path
) -> Iterator[ServerProcess]:
    """A server on its own empty database, for tests that restart it or read the whole feed."""
    proc = ServerProcess(new_db_url(request.param), tmp_path / "server.log")
    proc.start()
    yield proc
    proc.stop()


@pytest.fixture
def client(server: ServerProcess) -> Iterator[httpx.Client]:
    with server.client() as c:
        yield c
