"""Fixtures that run the REAL `counter-server` process over HTTP, on SQLite and on PostgreSQL.

PostgreSQL: COUNTER_TEST_PG_URL (a server URL; a fresh database is created on it per session),
else the throwaway cluster of scripts/pg.sh is started.
"""

from __future__ import annotations

import itertools
import os
import socket
import subprocess
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from tests.integration.fake_device import FakeDevice

ROOT = Path(__file__).resolve().parents[2]
SERVER_BIN = ROOT / ".venv" / "bin" / "counter-server"
BACKENDS = [pytest.param("sqlite", id="sqlite"),
            pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres)]
_units = itertools.count(1)


def unique_unit() -> str:
    """A unit code no other test of this session uses (tests share one server per backend)."""
    n = next(_units)
    return f"{n // 10000:03d}.{n // 100 % 100:02d}.{n % 100:02d}.H27"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def run_cli(db_url: str, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(SERVER_BIN), "--db", db_url, *args], capture_output=True,
                          text=True, timeout=120, check=False)
    if check and done.returncode != 0:
        raise AssertionError(f"counter-server {' '.join(args)} failed: {done.stderr}")
    return done


@dataclass
class ServerProcess:
    """One running `counter-server` on a database, with helpers for tests."""

    db_url: str
    log_file: Path
    port: int = field(default_factory=free_port)
    proc: subprocess.Popen[bytes] | None = None
    admin_token: str = ""
    _engine: Engine | None = None
    extra_args: tuple[str, ...] = ()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        log = self.log_file.open("ab")
        self.proc = subprocess.Popen(
            [str(SERVER_BIN), "--db", self.db_url, "--host", "127.0.0.1",
             "--port", str(self.port), *self.extra_args], stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self.log_file.read_text()[-3000:]}")
            try:
                if httpx.get(f"{self.base_url}/health", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        raise RuntimeError("server did not become ready within 60 s")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    def restart(self) -> None:
        self.stop()
        self.start()

    def cli(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return run_cli(self.db_url, *args, check=check)

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.base_url, timeout=60)

    def admin_headers(self) -> dict[str, str]:
        if not self.admin_token:
            self.admin_token = self.cli("admin-token", "--name", "tests").stdout.strip()
        return {"Authorization": f"Bearer {self.admin_token}"}

    def enrol_code(self, unit: str, ttl_minutes: int = 30) -> str:
        reply = httpx.post(f"{self.base_url}/admin/v1/enrol-codes", headers=self.admin_headers(),
                           json={"unit_code": unit, "ttl_minutes": ttl_minutes}, timeout=30)
        assert reply.status_code == 200, reply.text
        return str(reply.json()["code"])

    def device(self, unit: str | None = None, slot: int = 1, **kwargs: Any) -> FakeDevice:
        """A freshly enrolled fake device (a new unit unless one is given)."""
        device = FakeDevice(unit or unique_unit(), slot, **kwargs)
        with self.client() as client:
            reply = device.enrol(client, self.enrol_code(device.unit_code))
        assert reply.status_code == 200, reply.text
        return device

    @property
    def engine(self) -> Engine:
        """Direct database access, for assertions on what the server stored."""
        if self._engine is None:
            self._engine = create_engine(self.db_url)
        return self._engine

    def scalar(self, sql: str, **params: Any) -> Any:
        with self.engine.connect() as conn:
            return conn.execute(text(sql), params).scalar()

    def rows(self, sql: str, **params: Any) -> list[Any]:
        with self.engine.connect() as conn:
            return list(conn.execute(text(sql), params).all())

    def execute(self, sql: str, **params: Any) -> None:
        """Change the server's database behind its back (e.g. let a code expire now)."""
        with self.engine.begin() as conn:
            conn.execute(text(sql), params)


def _pg_server_url() -> str:
    url = os.environ.get("COUNTER_TEST_PG_URL")
    if url:
        return url
    done = subprocess.run(["bash", str(ROOT / "scripts" / "pg.sh")], capture_output=True,
                          text=True, timeout=600, check=True)
    return done.stdout.strip().splitlines()[-1]


class Databases:
    """Fresh PostgreSQL databases on the test cluster, dropped at the end of the session."""

    def __init__(self) -> None:
        self.server_url = make_url(_pg_server_url())
        self.created: list[str] = []

    def _admin(self) -> Engine:
        return create_engine(self.server_url, isolation_level="AUTOCOMMIT")

    def new(self) -> str:
        name = f"counter_it_{uuid.uuid4().hex[:12]}"
        admin = self._admin()
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        self.created.append(name)
        return self.server_url.set(database=name).render_as_string(hide_password=False)

    def drop_all(self) -> None:
        admin = self._admin()
        with admin.connect() as conn:
            for name in self.created:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def pg_databases() -> Iterator[Databases]:
    dbs = Databases()
    yield dbs
    dbs.drop_all()


@pytest.fixture(scope="session")
def new_db_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Any:
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
