"""A throwaway provincial deployment for benchmarks: PostgreSQL database, N instances, HAProxy."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from counter_devkit.balancer import LoadBalancer
from counter_devkit.fake_device import FakeDevice
from counter_devkit.server import ROOT, ServerProcess


@contextmanager
def pg_database() -> Iterator[str]:
    """A fresh database on the cluster of scripts/pg.sh, dropped afterwards."""
    server = (
        os.environ.get("COUNTER_TEST_PG_URL")
        or subprocess.run(
            ["bash", str(ROOT / "scripts" / "pg.sh")],
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    name = f"counter_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(make_url(server), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


class Cluster:
    """`instances` counter-server processes on one database behind HAProxy with TLS."""

    def __init__(self, db_url: str, instances: int) -> None:
        self.db_url = db_url
        self.workdir = Path(tempfile.mkdtemp(prefix="counter-cluster-"))
        self.servers = [
            ServerProcess(db_url, self.workdir / f"server-{n}.log") for n in range(instances)
        ]
        self.balancer: LoadBalancer | None = None

    def __enter__(self) -> Cluster:
        for server in self.servers:  # one after the other: the first one migrates the database
            server.start()
        ports = (self.servers[0].port, self.servers[-1].port)  # one instance: both lines name it
        self.balancer = LoadBalancer(ports, self.workdir)
        self.balancer.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self.balancer is not None:
            self.balancer.stop()
        for server in self.servers:
            server.stop()
        shutil.rmtree(self.workdir, ignore_errors=True)

    def client(self) -> httpx.Client:
        assert self.balancer is not None
        return self.balancer.client()

    def database_size(self) -> tuple[int, int]:
        """(bytes of the whole database, dossiers stored)."""
        engine = create_engine(self.db_url)
        with engine.connect() as conn:
            conn.execute(text("CHECKPOINT"))
            size = conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one()
            count = conn.execute(text("SELECT count(*) FROM dossiers")).scalar_one()
        engine.dispose()
        return int(size), int(count)

    def enrol_devices(self, n: int) -> list[FakeDevice]:
        """n counters, ten to a unit (slots 0–9), enrolled through the balancer."""
        units = [f"{900 + k // 100:03d}.{k % 100:02d}.00.H27" for k in range((n + 9) // 10)]
        devices = [FakeDevice(units[k // 10], k % 10, seed=k + 1) for k in range(n)]
        codes = [self.servers[0].enrol_code(d.unit_code) for d in devices]

        def enrol(pair: tuple[FakeDevice, str]) -> None:
            with self.client() as client:
                reply = pair[0].enrol(client, pair[1])
                if reply.status_code != 200:
                    raise RuntimeError(reply.text)

        with ThreadPoolExecutor(max_workers=16) as pool:
            list(pool.map(enrol, zip(devices, codes, strict=True)))
        return devices
