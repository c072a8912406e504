"""200 counters syncing at the same moment: every op lands exactly once, no request fails."""

from __future__ import annotations

import random
import threading
from concurrent.futures import ThreadPoolExecutor

import httpx

from counter_devkit.fake_device import FakeDevice
from counter_devkit.server import ServerProcess, unique_unit

COUNTERS = 200
SLOTS_PER_UNIT = 10
BATCHES = 3
CREATES_PER_BATCH = 10


def enrol_all(server: ServerProcess) -> list[FakeDevice]:
    units = [unique_unit() for _ in range(COUNTERS // SLOTS_PER_UNIT)]
    devices = [
        FakeDevice(unit, slot, seed=n)
        for n, (unit, slot) in enumerate((u, s) for u in units for s in range(SLOTS_PER_UNIT))
    ]

    def enrol(device: FakeDevice) -> None:
        with server.client() as client:
            reply = device.enrol(client, server.enrol_code(device.unit_code))
            assert reply.status_code == 200, reply.text

    server.admin_headers()  # make the token once, before the threads
    with ThreadPoolExecutor(max_workers=50) as pool:
        list(pool.map(enrol, devices))
    return devices


def sync_one(server: ServerProcess, device: FakeDevice, start: threading.Barrier) -> list[str]:
    """Push batches (the last two in reverse order, so some ops are held) and pull once."""
    batches = []
    for _ in range(BATCHES):
        creates = [device.create_op() for _ in range(CREATES_PER_BATCH)]
        events = [device.event_op(op["dossier_uuid"], 4) for op in creates[:5]]
        batches.append(creates + events)
    batches[1], batches[2] = batches[2], batches[1]
    outcomes: list[str] = []
    with httpx.Client(base_url=server.base_url, timeout=120) as client:
        start.wait()
        for ops in batches:
            outcomes += [r.result for r in device.push(client, ops).results]
        device.pull(client, 0, 100)
        outcomes += [r.result for r in device.push(client, random.sample(batches[0], 3)).results]
    return outcomes


def test_two_hundred_counters_at_once(server: ServerProcess) -> None:
    devices = enrol_all(server)
    start = threading.Barrier(COUNTERS)
    with ThreadPoolExecutor(max_workers=COUNTERS) as pool:
        futures = [pool.submit(sync_one, server, d, start) for d in devices]
        outcomes = [f.result(timeout=600) for f in futures]
    assert all(set(o) <= {"applied", "held", "duplicate"} for o in outcomes)
    ids = [d.device_id for d in devices]
    per_op = BATCHES * CREATES_PER_BATCH * 1.5
    applied = server.scalar(
        "SELECT count(*) FROM ops WHERE state = 'applied' AND device_id IN ("
        + ",".join(str(i) for i in ids)
        + ")"
    )
    assert applied == COUNTERS * per_op
    dossiers = server.scalar(
        "SELECT sum(dossier_count) FROM devices WHERE id IN (" + ",".join(str(i) for i in ids) + ")"
    )
    assert dossiers == COUNTERS * BATCHES * CREATES_PER_BATCH
