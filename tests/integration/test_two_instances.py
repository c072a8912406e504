"""Two `counter-server` instances on one PostgreSQL behind the real HAProxy configuration.

The province grows past one machine by running N stateless instances behind a load balancer
(deploy/haproxy/counter-server.cfg, docs/deployment.md). These tests run that deployment for real:
TLS at HAProxy, round-robin over two instances, one instance killed with SIGKILL while counters
push, and check that the guarantees still hold: every op stored exactly once, every batch answered
by a receipt the counter verifies, held ops settled whichever instance receives the missing
predecessor, and a one-time enrolment code used once even when the requests race across instances.
"""

from __future__ import annotations

import datetime
import ipaddress
import os
import shutil
import signal
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.integration.conftest import ROOT, ServerProcess, free_port, unique_unit
from tests.integration.fake_device import FakeDevice

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

HAPROXY_CFG = ROOT / "deploy" / "haproxy" / "counter-server.cfg"
RETRYABLE_STATUS = {502, 503, 504}


def self_signed_pem(directory: Path) -> Path:
    """A certificate for 127.0.0.1 and its key in one PEM file, as HAProxy's `crt` wants."""
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


@dataclass
class LoadBalancer:
    """HAProxy started in the foreground with the repository's configuration file."""

    instances: list[ServerProcess]
    workdir: Path
    port: int = 0
    proc: subprocess.Popen[bytes] | None = None
    cert: Path | None = None

    @property
    def base_url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.port = free_port()
        self.cert = self_signed_pem(self.workdir)
        env = os.environ | {
            "COUNTER_LB_BIND": f"127.0.0.1:{self.port}", "COUNTER_LB_CERT": str(self.cert),
            "COUNTER_SERVER_1": f"127.0.0.1:{self.instances[0].port}",
            "COUNTER_SERVER_2": f"127.0.0.1:{self.instances[1].port}",
        }
        log = (self.workdir / "haproxy.log").open("ab")
        self.proc = subprocess.Popen(
            [haproxy_bin(), "-db", "-f", str(HAPROXY_CFG)], env=env, stdout=log,
            stderr=subprocess.STDOUT)
        wait_until(self._healthy, what="HAProxy to answer /health")

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
        return httpx.Client(base_url=self.base_url, timeout=60,
                            verify=ssl.create_default_context(cafile=str(self.cert)))

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=15)


def haproxy_bin() -> str:
    found = shutil.which("haproxy") or "/usr/sbin/haproxy"
    if not Path(found).exists():
        pytest.fail("haproxy is not installed: scripts/setup.sh installs it")
    return found


def wait_until(condition: Any, *, what: str, limit: float = 60.0) -> None:
    """Polls a condition; the limit only bounds a hang, it decides nothing."""
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


@pytest.fixture
def cluster(new_db_url: Any, tmp_path: Path) -> Iterator[LoadBalancer]:
    db_url = new_db_url("postgresql")
    instances = [ServerProcess(db_url, tmp_path / f"server-{n}.log") for n in (1, 2)]
    for instance in instances:  # one after the other: the first one migrates the database
        instance.start()
    balancer = LoadBalancer(instances, tmp_path)
    balancer.start()
    yield balancer
    balancer.stop()
    for instance in instances:
        instance.stop()


def enrol(balancer: LoadBalancer, device: FakeDevice) -> None:
    code = balancer.instances[0].enrol_code(device.unit_code)
    with balancer.client() as client:
        reply = device.enrol(client, code)
    assert reply.status_code == 200, reply.text


def push_until_receipt(client: httpx.Client, device: FakeDevice,
                       ops: list[dict[str, Any]]) -> list[str]:
    """Sends one batch as a counter does: the same bytes again until a verified receipt."""
    batch_id, body = device.batch(ops)
    for _attempt in range(200):
        try:
            reply = device.post_body(client, body)
        except httpx.TransportError:
            continue  # the instance died under the request: send the same batch again
        if reply.status_code in RETRYABLE_STATUS:
            continue
        assert reply.status_code == 200, reply.text
        assert device.server_key is not None
        from counter_app.sync import protocol

        receipt = protocol.verify_receipt(reply.content, device.server_key, batch_id=batch_id,
                                          device_id=device.device_id)
        return [r["result"] for r in receipt["results"]]
    raise AssertionError("no receipt after 200 attempts")


def counter_session(balancer: LoadBalancer, device: FakeDevice, batches: int,
                    started: threading.Event) -> list[str]:
    results: list[str] = []
    with balancer.client() as client:
        for n in range(batches):
            creates = [device.create_op() for _ in range(8)]
            events = [device.event_op(op["dossier_uuid"], 4) for op in creates[:4]]
            results += push_until_receipt(client, device, creates + events)
            if n == 1:
                started.set()
    return results


def test_one_instance_killed_mid_push_loses_and_duplicates_nothing(
    cluster: LoadBalancer,
) -> None:
    unit = unique_unit()
    devices = [FakeDevice(unit, slot, seed=slot) for slot in range(6)]
    for device in devices:
        enrol(cluster, device)
    victim = cluster.instances[0]
    started = threading.Event()
    with ThreadPoolExecutor(max_workers=len(devices)) as pool:
        futures = [pool.submit(counter_session, cluster, d, 12, started) for d in devices]
        assert started.wait(120), "no counter got two batches through"
        assert victim.proc is not None
        os.kill(victim.proc.pid, signal.SIGKILL)
        victim.proc.wait()
        victim.proc = None
        results = [f.result(timeout=600) for f in futures]
    victim.start()  # back in rotation: nothing it missed is lost either

    assert all(r in {"applied", "duplicate"} for rs in results for r in rs), results
    survivor = cluster.instances[1]
    sent = sum(d.seq for d in devices)
    assert survivor.scalar("SELECT count(*) FROM ops o JOIN devices d ON d.id = o.device_id "
                           "WHERE d.unit_code = :u", u=unit) == sent
    assert survivor.scalar("SELECT count(*) FROM ops o JOIN devices d ON d.id = o.device_id "
                           "WHERE d.unit_code = :u AND o.state <> 'applied'", u=unit) == 0
    stored = dict(survivor.rows("SELECT code, status FROM dossiers WHERE unit_code = :u", u=unit))
    expected = {d["code"]: d["status"] for device in devices for d in device.dossiers.values()}
    assert stored == expected


def test_held_op_is_settled_by_the_other_instance(cluster: LoadBalancer) -> None:
    device = FakeDevice(unique_unit(), 1)
    enrol(cluster, device)
    create = device.create_op()
    event = device.event_op(create["dossier_uuid"], 4)
    with cluster.client() as client:  # round robin: the two batches reach different instances
        assert push_until_receipt(client, device, [event]) == ["held"]
        # The receipt also reports the held event, now applied behind its create.
        assert push_until_receipt(client, device, [create]) == ["applied", "applied"]
    survivor = cluster.instances[1]
    code = create["dossier_code"]
    assert survivor.scalar("SELECT status FROM dossiers WHERE code = :c", c=code) == 4
    assert survivor.scalar("SELECT state FROM ops WHERE op_id = :o", o=event["op_id"]) == "applied"


def test_one_time_code_enrols_one_device_across_instances(cluster: LoadBalancer) -> None:
    unit = unique_unit()
    code = cluster.instances[0].enrol_code(unit)
    devices = [FakeDevice(unit, slot, seed=slot) for slot in range(10)]
    barrier = threading.Barrier(len(devices))

    def attempt(device: FakeDevice) -> int:
        with cluster.client() as client:
            barrier.wait()
            return device.enrol(client, code).status_code

    with ThreadPoolExecutor(max_workers=len(devices)) as pool:
        statuses = list(pool.map(attempt, devices))
    assert statuses.count(200) == 1, statuses
    assert all(400 <= s < 500 for s in statuses if s != 200), statuses
    assert cluster.instances[1].scalar(
        "SELECT count(*) FROM devices WHERE unit_code = :u AND revoked_at IS NULL", u=unit) == 1
