"""Run the REAL `counter-server` process over HTTP, on SQLite or on PostgreSQL.

PostgreSQL: COUNTER_TEST_PG_URL (a server URL; `Databases` creates fresh databases on it), else the
throwaway cluster of scripts/pg.sh is started.
"""

from __future__ import annotations

import itertools
import os
import socket
import subprocess
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from counter_devkit.fake_device import FakeDevice
from counter_devkit.programs import program
from counter_devkit.timing import HANG_S

ROOT = Path(__file__).resolve().parents[1]
PORT_ATTEMPTS = 5  # another program may take a free port before the server binds it
_units = itertools.count(1)
PORT_TAKEN = ("đang được chương trình khác dùng", "address already in use")


def unique_unit() -> str:
    """A unit code no other test of this session uses (tests share one server per backend)."""
    n = next(_units)
    return f"{n // 10000:03d}.{n // 100 % 100:02d}.{n % 100:02d}.H27"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def unused_port() -> Iterator[int]:
    """A port that refuses connections for the whole block: bound here, never listened on, so
    no other program (or test worker) can start serving on it meanwhile."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield int(sock.getsockname()[1])


def run_cli(db_url: str, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [str(program("counter-server")), "--db", db_url, *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
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
    server_bin: Path | None = None  # another installation's `counter-server`, if given
    env: dict[str, str] = field(default_factory=dict)  # added to the server's environment
    _started: bool = False

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        """Start and wait until THIS process answers. The first start moves to another free port
        if one was taken meanwhile (by another test worker); a restart keeps its address."""
        attempts = 1 if self._started else PORT_ATTEMPTS
        for _ in range(attempts):
            if self._launch():
                self._started = True
                return
            self.port = free_port()
        raise RuntimeError(f"no free port after {attempts} tries: {self._log_since(0)}")

    def _launch(self) -> bool:
        """True once the process answers /health with its own key; False if its port is taken."""
        mark = self.log_file.stat().st_size if self.log_file.exists() else 0
        with self.log_file.open("ab") as log:
            self.proc = subprocess.Popen(
                [
                    str(self.server_bin or program("counter-server")),
                    "--db",
                    self.db_url,
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(self.port),
                    *self.extra_args,
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                env={**os.environ, **self.env},
            )
        deadline = time.monotonic() + HANG_S
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                said = self._log_since(mark)
                if any(sign in said for sign in PORT_TAKEN):
                    return False
                raise RuntimeError(f"server exited: {said[-3000:]}")
            if self._answers_as_itself():
                return True
            time.sleep(0.1)
        raise RuntimeError(f"server did not become ready within {HANG_S:g} s")

    def _answers_as_itself(self) -> bool:
        """Another worker's server on a reused port answers with another key."""
        try:
            reply = httpx.get(f"{self.base_url}/health", timeout=5)
        except httpx.TransportError:
            return False
        if reply.status_code != 200:
            return False
        try:
            own = self.scalar("SELECT public_key FROM server_keys WHERE id = 1")
        except SQLAlchemyError:  # our database is not even set up: someone else answered
            return False
        return own is not None and reply.json().get("server_public_key") == own

    def _log_since(self, offset: int) -> str:
        with self.log_file.open("rb") as log:
            log.seek(offset)
            return log.read().decode(errors="replace")

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
        reply = httpx.post(
            f"{self.base_url}/admin/v1/enrol-codes",
            headers=self.admin_headers(),
            json={"unit_code": unit, "ttl_minutes": ttl_minutes},
            timeout=30,
        )
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
    done = subprocess.run(
        ["bash", str(ROOT / "scripts" / "pg.sh")],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
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
