"""HAProxy in front of counter-server instances, with the repository's own configuration file.

deploy/haproxy/counter-server.cfg takes its addresses from the environment, so tests and
benchmarks run the very file a province deploys: TLS with a throwaway certificate for 127.0.0.1.
"""

from __future__ import annotations

import datetime
import ipaddress
import os
import shutil
import ssl
import subprocess
import time
from pathlib import Path

import httpx
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from counter_devkit.server import ROOT, free_port
from counter_devkit.timing import HANG_S

HAPROXY_CFG = ROOT / "deploy" / "haproxy" / "counter-server.cfg"


def self_signed_pem(directory: Path) -> Path:
    """A certificate for 127.0.0.1 and its key in one PEM file, as HAProxy's `crt` wants."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=2))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    pem = directory / "lb.pem"
    pem.write_bytes(
        cert.public_bytes(serialization.Encoding.PEM)
        + key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return pem


def haproxy_bin() -> str:
    found = shutil.which("haproxy") or "/usr/sbin/haproxy"
    if not Path(found).exists():
        raise FileNotFoundError("haproxy is not installed: scripts/setup.sh installs it")
    return found


class LoadBalancer:
    """HAProxy started in the foreground on a free port, spreading over two backend ports."""

    def __init__(self, backend_ports: tuple[int, int], workdir: Path) -> None:
        self.backend_ports = backend_ports
        self.workdir = workdir
        self.port = free_port()
        self.cert = self_signed_pem(workdir)
        self.tls = ssl.create_default_context(cafile=str(self.cert))
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def start(self) -> None:
        env = os.environ | {
            "COUNTER_LB_BIND": f"127.0.0.1:{self.port}",
            "COUNTER_LB_CERT": str(self.cert),
            "COUNTER_SERVER_1": f"127.0.0.1:{self.backend_ports[0]}",
            "COUNTER_SERVER_2": f"127.0.0.1:{self.backend_ports[1]}",
        }
        with (self.workdir / "haproxy.log").open("ab") as log:
            self.proc = subprocess.Popen(
                [haproxy_bin(), "-db", "-f", str(HAPROXY_CFG)],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + HANG_S  # bounds a hang only
        while not self._healthy():
            if time.monotonic() > deadline:
                raise RuntimeError("HAProxy did not answer /health")
            time.sleep(0.05)

    def _healthy(self) -> bool:
        assert self.proc is not None
        if self.proc.poll() is not None:
            raise RuntimeError((self.workdir / "haproxy.log").read_text()[-3000:])
        try:
            with self.client() as client:
                return client.get("/health").status_code == 200
        except httpx.TransportError:
            return False

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.base_url, timeout=120, verify=self.tls)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=15)
