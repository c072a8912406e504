"""Two `counter-server` instances on one PostgreSQL behind the real HAProxy configuration.

The province grows past one machine by running N stateless instances behind a load balancer
(deploy/haproxy/counter-server.cfg, docs/deployment.md). These tests run that deployment for real:
TLS at HAProxy, round-robin over two instances, one instance killed with SIGKILL while counters
push, and check that the guarantees still hold: every op stored exactly once, every batch answered
by a receipt the counter verifies, held ops settled whichever instance receives the missing
predecessor, and a one-time enrolment code used once even when the requests race across instances.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from counter_devkit.balancer import LoadBalancer
from counter_devkit.fake_device import FakeDevice
from counter_devkit.server import ServerProcess, unique_unit
from counter_protocol.receipt import verify_receipt

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

RETRYABLE_STATUS = {502, 503, 504}


@dataclass
class Deployment:
    """Two instances on one database and the balancer in front of them."""

    instances: list[ServerProcess]
    balancer: LoadBalancer

    def client(self) -> httpx.Client:
        return self.balancer.client()


@pytest.fixture
def cluster(new_db_url: Any, tmp_path: Path) -> Iterator[Deployment]:
    db_url = new_db_url("postgresql")
    instances = [ServerProcess(db_url, tmp_path / f"server-{n}.log") for n in (1, 2)]
    for instance in instances:  # one after the other: the first one migrates the database
        instance.start()
    balancer = LoadBalancer((instances[0].port, instances[1].port), tmp_path)
    balancer.start()
    yield Deployment(instances, balancer)
    balancer.stop()
    for instance in instances:
        instance.stop()


def enrol(balancer: Deployment, device: FakeDevice) -> None:
    code = balancer.instances[0].enrol_code(device.unit_code)
    with balancer.client() as client:
        reply = device.enrol(client, code)
    assert reply.status_code == 200, reply.text


def push_until_receipt(
    client: httpx.Client, device: FakeDevice, ops: list[dict[str, Any]]
) -> list[str]:
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
        receipt = verify_receipt(
            reply.content, device.server_key, batch_id=batch_id, device_id=device.device_id
        )
        return [r.result for r in receipt.results]
    raise AssertionError("no receipt after 200 attempts")


def counter_session(
    balancer: Deployment, device: FakeDevice, batches: int, started: threading.Event
) -> list[str]:
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
    cluster: Deployment,
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
    assert (
        survivor.scalar(
            "SELECT count(*) FROM ops o JOIN devices d ON d.id = o.device_id "
            "WHERE d.unit_code = :u",
            u=unit,
        )
        == sent
    )
    assert (
        survivor.scalar(
            "SELECT count(*) FROM ops o JOIN devices d ON d.id = o.device_id "
            "WHERE d.unit_code = :u AND o.state <> 'applied'",
            u=unit,
        )
        == 0
    )
    stored = dict(survivor.rows("SELECT code, status FROM dossiers WHERE unit_code = :u", u=unit))
    expected = {d["code"]: d["status"] for device in devices for d in device.dossiers.values()}
    assert stored == expected


def test_held_op_is_settled_by_the_other_instance(cluster: Deployment) -> None:
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


def test_one_time_code_enrols_one_device_across_instances(cluster: Deployment) -> None:
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
    assert (
        cluster.instances[1].scalar(
            "SELECT count(*) FROM devices WHERE unit_code = :u AND revoked_at IS NULL", u=unit
        )
        == 1
    )
