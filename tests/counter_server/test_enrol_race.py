"""A one-time enrolment code enrols exactly one device, however many PCs send it at once."""

from __future__ import annotations

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import httpx

from counter_devkit.fake_device import FakeDevice
from counter_devkit.server import ServerProcess, unique_unit
from counter_protocol.transport import ENROL_PATH

CODES = 4
PCS_PER_CODE = 10


def test_concurrent_enrolments_with_one_code_enrol_one_device(server: ServerProcess) -> None:
    units = [unique_unit() for _ in range(CODES)]
    codes = {unit: server.enrol_code(unit) for unit in units}
    pcs = [FakeDevice(unit, slot) for unit in units for slot in range(PCS_PER_CODE)]
    start = threading.Barrier(len(pcs))

    def enrol(pc: FakeDevice) -> httpx.Response:
        with server.client() as client:
            body = pc.enrol_body(codes[pc.unit_code])
            start.wait()
            return client.post(ENROL_PATH, json=body)

    with ThreadPoolExecutor(max_workers=len(pcs)) as pool:
        replies = list(pool.map(enrol, pcs))

    assert all(reply.status_code < 500 for reply in replies), [r.text for r in replies]
    won = Counter(pc.unit_code for pc, r in zip(pcs, replies, strict=True) if r.status_code == 200)
    assert won == Counter(units), won  # exactly one enrolment per code
    for reply in (r for r in replies if r.status_code != 200):
        assert (reply.status_code, reply.json()["error"]) == (403, "code_used")
        assert "đã được dùng" in reply.json()["message"]
    for unit in units:
        active = server.rows(
            "SELECT id FROM devices WHERE unit_code = :u AND status = 'active'", u=unit
        )
        assert len(active) == 1
        used_by = server.rows("SELECT device_id FROM enrol_codes WHERE unit_code = :u", u=unit)
        assert used_by == [(active[0][0],)]


def test_a_pc_whose_reply_was_lost_is_answered_again_even_when_racing(
    server: ServerProcess,
) -> None:
    unit = unique_unit()
    code = server.enrol_code(unit)
    pc = FakeDevice(unit, 1)
    start = threading.Barrier(6)

    def enrol(_: int) -> httpx.Response:
        with server.client() as client:
            start.wait()
            return client.post(ENROL_PATH, json=pc.enrol_body(code))

    with ThreadPoolExecutor(max_workers=6) as pool:
        replies = list(pool.map(enrol, range(6)))
    assert [r.status_code for r in replies] == [200] * 6
    assert len({r.json()["device_id"] for r in replies}) == 1
    assert server.scalar("SELECT count(*) FROM devices WHERE unit_code = :u", u=unit) == 1
