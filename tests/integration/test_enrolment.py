"""Enrolment with one-time codes, slot uniqueness, revocation and refusal of unknown devices."""

from __future__ import annotations

import httpx

from counter_app.sync import protocol
from tests.integration.conftest import ServerProcess, unique_unit
from tests.integration.fake_device import FakeDevice


def test_good_code_enrols_and_returns_the_server_key(
    server: ServerProcess, client: httpx.Client
) -> None:
    unit = unique_unit()
    code = server.cli("enrol-code", "--unit", unit).stdout.strip()
    device = FakeDevice(unit, 2)
    reply = device.enrol(client, code)
    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert body["unit_code"] == unit and body["slot"] == 2
    assert body["server_public_key"] == client.get("/health").json()["server_public_key"]
    stored = server.rows("SELECT unit_code, slot, status, public_key FROM devices WHERE id = :i",
                         i=body["device_id"])
    assert stored == [(unit, 2, "active", device.enrol_body(code)["public_key"])]


def test_a_code_works_only_once(server: ServerProcess, client: httpx.Client) -> None:
    unit = unique_unit()
    code = server.enrol_code(unit)
    assert FakeDevice(unit, 1).enrol(client, code).status_code == 200
    second = FakeDevice(unit, 2).enrol(client, code)
    assert second.status_code == 403
    assert second.json()["error"] == "code_used"
    assert "đã được dùng" in second.json()["message"]


def test_an_expired_or_unknown_code_is_refused(server: ServerProcess, client: httpx.Client) -> None:
    unit = unique_unit()
    expired = server.enrol_code(unit, ttl_minutes=0)
    reply = FakeDevice(unit, 1).enrol(client, expired)
    assert (reply.status_code, reply.json()["error"]) == (403, "code_expired")
    assert "hết hạn" in reply.json()["message"]
    reply = FakeDevice(unit, 1).enrol(client, "AAAA-BBBB")
    assert (reply.status_code, reply.json()["error"]) == (403, "bad_code")
    refusals = server.scalar("SELECT count(*) FROM audit_log WHERE event = 'enrol_refused'")
    assert refusals >= 2


def test_a_slot_clash_is_refused_and_the_code_stays_usable(
    server: ServerProcess, client: httpx.Client
) -> None:
    first = server.device(slot=3)
    code = server.enrol_code(first.unit_code)
    clash = FakeDevice(first.unit_code, 3)
    reply = clash.enrol(client, code)
    assert reply.status_code == 409
    assert reply.json()["error"] == "slot_taken"
    assert "slot" in reply.json()["message"] and "3" in reply.json()["message"]
    other_slot = FakeDevice(first.unit_code, 4)
    assert other_slot.enrol(client, code).status_code == 200


def test_the_same_slot_in_another_unit_is_fine(server: ServerProcess) -> None:
    server.device(slot=5)
    server.device(slot=5)


def test_a_bad_slot_or_key_is_refused(server: ServerProcess, client: httpx.Client) -> None:
    unit = unique_unit()
    code = server.enrol_code(unit)
    device = FakeDevice(unit, 1)
    reply = client.post(protocol.ENROL_PATH, json=device.enrol_body(code, slot=42))
    assert (reply.status_code, reply.json()["error"]) == (400, "bad_slot")
    reply = client.post(protocol.ENROL_PATH, json=device.enrol_body(code) | {"public_key": "eA=="})
    assert (reply.status_code, reply.json()["error"]) == (400, "bad_key")


def test_revoked_device_is_refused_and_logged(server: ServerProcess, client: httpx.Client) -> None:
    device = server.device()
    device.push(client, [device.create_op()])
    out = server.cli("revoke", str(device.device_id)).stdout
    assert f"máy số {device.device_id}" in out
    _, body = device.batch([device.create_op()])
    reply = device.post_body(client, body)
    assert (reply.status_code, reply.json()["error"]) == (403, "device_revoked")
    target = protocol.changes_target(0)
    headers = protocol.signed_request_headers(device.device_id or 0, device.key, "GET", target)
    assert client.get(target, headers=headers).status_code == 403
    logged = server.scalar(
        "SELECT count(*) FROM audit_log WHERE event = 'revoked_device' AND device_id = :d",
        d=device.device_id)
    assert logged == 2
    assert server.scalar("SELECT count(*) FROM dossiers WHERE device_id = :d",
                         d=device.device_id) == 1


def test_revocation_reaches_other_devices_through_pull(
    server: ServerProcess, client: httpx.Client
) -> None:
    keeper = server.device(slot=1)
    cursor = keeper.pull(client, 0, limit=5000)["next_cursor"]
    gone = server.device(unit=keeper.unit_code, slot=2)
    server.cli("revoke", str(gone.device_id))
    page = keeper.pull(client, cursor, limit=5000)
    revoked = [c for c in page["changes"] if c["kind"] == protocol.CHANGE_DEVICE_REVOKED]
    assert [c["payload"]["device_id"] for c in revoked] == [gone.device_id]


def test_unknown_device_is_refused_and_logged(server: ServerProcess, client: httpx.Client) -> None:
    stranger = FakeDevice(unique_unit(), 1)
    stranger.device_id = 999_999
    _, body = stranger.batch([stranger.create_op()])
    before = server.scalar("SELECT count(*) FROM audit_log WHERE event = 'unknown_device'")
    reply = stranger.post_body(client, body)
    assert (reply.status_code, reply.json()["error"]) == (403, "unknown_device")
    reply = client.post(protocol.PUSH_PATH, content=body)  # no headers at all
    assert reply.status_code == 403
    after = server.scalar("SELECT count(*) FROM audit_log WHERE event = 'unknown_device'")
    assert after == before + 2


def test_a_revoked_slot_can_be_taken_by_a_replacement(
    server: ServerProcess, client: httpx.Client
) -> None:
    old = server.device(slot=7)
    server.cli("revoke", str(old.device_id))
    replacement = FakeDevice(old.unit_code, 7)
    assert replacement.enrol(client, server.enrol_code(old.unit_code)).status_code == 200


def test_a_repeated_enrolment_from_the_same_pc_gets_the_same_answer(
    server: ServerProcess, client: httpx.Client
) -> None:
    """The PC was killed after the server enrolled it but before it stored the reply."""
    unit = unique_unit()
    code = server.enrol_code(unit)
    device = FakeDevice(unit, 5)
    first = device.enrol(client, code)
    again = device.enrol(client, code)
    assert first.status_code == again.status_code == 200, again.text
    assert again.json()["device_id"] == first.json()["device_id"]
    # Someone else with the used code is still refused.
    assert FakeDevice(unit, 6).enrol(client, code).json()["error"] == "code_used"
