"""A throwaway provincial deployment for benchmarks: PostgreSQL database, N instances, HAProxy."""

from __future__ import annotations

import datetime
import ipaddress
import os
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

import httpx
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from counter_devkit.fake_device import FakeDevice

ROOT = Path(__file__).resolve().parents[1]
HAPROXY_CFG = ROOT / "deploy" / "haproxy" / "counter-server.cfg"
SERVER_BIN = Path(sys.executable).parent / "counter-server"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def pg_database() -> Iterator[str]:
    """A fresh database on the cluster of scripts/pg.sh, dropped afterwards."""
    server = os.environ.get("COUNTER_TEST_PG_URL") or subprocess.run(
        ["bash", str(ROOT / "scripts" / "pg.sh")], capture_output=True, text=True, check=True,
    ).stdout.strip().splitlines()[-1]
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


def wait_for(url: str, verify: ssl.SSLContext | bool = True, limit: float = 60.0) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=1, verify=verify).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer within {limit:.0f} s")


def self_signed_pem(directory: Path) -> Path:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=2))
        .add_extension(x509.SubjectAlternativeName(
            [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .sign(key, hashes.SHA256())
    )
    pem = directory / "lb.pem"
    pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM) + key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    return pem


class Cluster:
    """`instances` counter-server processes on one database behind HAProxy with TLS."""

    def __init__(self, db_url: str, instances: int) -> None:
        self.db_url = db_url
        self.count = instances
        self.workdir = Path(tempfile.mkdtemp(prefix="counter-cluster-"))
        self.procs: list[subprocess.Popen[bytes]] = []
        self.ports: list[int] = []
        self.lb_port = free_port()
        self.tls = ssl.create_default_context()

    def __enter__(self) -> Cluster:
        for n in range(self.count):  # one after the other: the first one migrates the database
            port = free_port()
            log = (self.workdir / f"server-{n}.log").open("ab")
            self.procs.append(subprocess.Popen(
                [str(SERVER_BIN), "--db", self.db_url, "--host", "127.0.0.1", "--port",
                 str(port)], stdout=log, stderr=subprocess.STDOUT))
            self.ports.append(port)
            wait_for(f"http://127.0.0.1:{port}/health")
        self._start_haproxy()
        return self

    def _start_haproxy(self) -> None:
        cert = self_signed_pem(self.workdir)
        backends = [self.ports[0], self.ports[-1]]  # one instance: both lines name it
        env = os.environ | {
            "COUNTER_LB_BIND": f"127.0.0.1:{self.lb_port}", "COUNTER_LB_CERT": str(cert),
            "COUNTER_SERVER_1": f"127.0.0.1:{backends[0]}",
            "COUNTER_SERVER_2": f"127.0.0.1:{backends[1]}",
        }
        haproxy = shutil.which("haproxy") or "/usr/sbin/haproxy"
        log = (self.workdir / "haproxy.log").open("ab")
        self.procs.append(subprocess.Popen([haproxy, "-db", "-f", str(HAPROXY_CFG)], env=env,
                                           stdout=log, stderr=subprocess.STDOUT))
        self.tls = ssl.create_default_context(cafile=str(cert))
        wait_for(f"{self.base_url}/health", verify=self.tls)

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        for proc in reversed(self.procs):
            proc.terminate()
            proc.wait(timeout=30)
        shutil.rmtree(self.workdir, ignore_errors=True)

    @property
    def base_url(self) -> str:
        return f"https://127.0.0.1:{self.lb_port}"

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.base_url, verify=self.tls, timeout=120)

    def cli(self, *args: str) -> str:
        return subprocess.run([str(SERVER_BIN), "--db", self.db_url, *args], check=True,
                              capture_output=True, text=True).stdout.strip()

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
        codes = [self.cli("enrol-code", "--unit", d.unit_code) for d in devices]

        def enrol(pair: tuple[FakeDevice, str]) -> None:
            with self.client() as client:
                reply = pair[0].enrol(client, pair[1])
                if reply.status_code != 200:
                    raise RuntimeError(reply.text)

        with ThreadPoolExecutor(max_workers=16) as pool:
            list(pool.map(enrol, zip(devices, codes, strict=True)))
        return devices
