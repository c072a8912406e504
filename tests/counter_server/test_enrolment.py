"""Enrolment with one-time codes, slot uniqueness, revocation, refusal of unknown devices, and
a revoked PC enrolling again under a new identity."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from counter_app.sync.errors import FailureKind, SyncError
from counter_devkit.counter_pc import CounterPC, make_counter_dir, sync_unit
from counter_devkit.fake_device import FakeDevice
from counter_devkit.server import ServerProcess, unique_unit
from counter_protocol.feed import CHANGE_DEVICE_REVOKED, changes_target
from counter_protocol.signing import Ed25519PrivateKey
from counter_protocol.transport import ENROL_PATH, PUSH_PATH, signed_request_headers


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
    stored = server.rows(
        "SELECT unit_code, slot, status, public_key FROM devices WHERE id = :i", i=body["device_id"]
    )
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
    expired = server.enrol_code(unit, ttl_minutes=1)
    server.execute("UPDATE enrol_codes SET expires_at = created_at WHERE unit_code = :u", u=unit)
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
    reply = client.post(ENROL_PATH, json=device.enrol_body(code, slot=42))
    assert (reply.status_code, reply.json()["error"]) == (400, "bad_slot")
    reply = client.post(ENROL_PATH, json=device.enrol_body(code) | {"public_key": "eA=="})
    assert (reply.status_code, reply.json()["error"]) == (400, "bad_key")


def test_revoked_device_is_refused_and_logged(server: ServerProcess, client: httpx.Client) -> None:
    device = server.device()
    device.push(client, [device.create_op()])
    out = server.cli("revoke", str(device.device_id)).stdout
    assert f"máy số {device.device_id}" in out
    _, body = device.batch([device.create_op()])
    reply = device.post_body(client, body)
    assert (reply.status_code, reply.json()["error"]) == (403, "device_revoked")
    target = changes_target(0)
    headers = signed_request_headers(device.device_id or 0, device.key, "GET", target)
    assert client.get(target, headers=headers).status_code == 403
    logged = server.scalar(  # like refusals share one row: count them by its repeat_count
        "SELECT sum(repeat_count) FROM audit_log WHERE event = 'revoked_device' AND device_id = :d",
        d=device.device_id,
    )
    assert logged == 2
    assert (
        server.scalar("SELECT count(*) FROM dossiers WHERE device_id = :d", d=device.device_id) == 1
    )


def test_revocation_reaches_other_devices_through_pull(
    server: ServerProcess, client: httpx.Client
) -> None:
    keeper = server.device(slot=1)
    cursor = keeper.pull(client, 0, limit=5000).next_cursor
    gone = server.device(unit=keeper.unit_code, slot=2)
    server.cli("revoke", str(gone.device_id))
    page = keeper.pull(client, cursor, limit=5000)
    revoked = [c for c in page.changes if c.kind == CHANGE_DEVICE_REVOKED]
    assert [c.payload["device_id"] for c in revoked] == [gone.device_id]


def test_unknown_device_is_refused_and_logged(server: ServerProcess, client: httpx.Client) -> None:
    stranger = FakeDevice(unique_unit(), 1)
    stranger.device_id = 999_999
    _, body = stranger.batch([stranger.create_op()])
    counted = "SELECT coalesce(sum(repeat_count), 0) FROM audit_log WHERE event = 'unknown_device'"
    before = server.scalar(counted)
    reply = stranger.post_body(client, body)
    assert (reply.status_code, reply.json()["error"]) == (403, "unknown_device")
    reply = client.post(PUSH_PATH, content=body)  # no headers at all
    assert reply.status_code == 403
    after = server.scalar(counted)
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


# -- a revoked PC enrols again (real counter store, real `counter_app.sync.enrol`) -----------


def _counter(store_template: Path, folder: Path, unit: str, slot: int) -> CounterPC:
    return CounterPC(make_counter_dir(store_template, folder, unit, slot), unit)


def _identity(pc: CounterPC) -> tuple[str, int, Ed25519PrivateKey]:
    """This PC's device uuid, server device id and private key, as stored now."""
    uuid, device_id, raw = pc.sql(
        "SELECT device_uuid, server_device_id, private_key FROM devices WHERE is_self"
    )[0]
    return uuid, int(device_id), Ed25519PrivateKey.from_private_bytes(bytes(raw))


def _refused_as_revoked(
    client: httpx.Client, device_id: int, key: Ed25519PrivateKey, unit: str
) -> bool:
    """Both a signed push and a signed pull by this device id and key get 403 device_revoked."""
    ghost = FakeDevice(unit, 0)
    ghost.key, ghost.device_id = key, device_id
    _, body = ghost.batch([ghost.create_op()])
    push = ghost.post_body(client, body)
    target = changes_target(0)
    pull = client.get(target, headers=signed_request_headers(device_id, key, "GET", target))
    return [(r.status_code, r.json()["error"]) for r in (push, pull)] == [
        (403, "device_revoked")
    ] * 2


@pytest.mark.parametrize("learned_by_sync", [True, False], ids=["synced", "offline"])
def test_a_revoked_pc_enrols_again_and_sends_what_it_queued(
    server: ServerProcess,
    client: httpx.Client,
    store_template: Path,
    tmp_path: Path,
    learned_by_sync: bool,
) -> None:
    """Revoked, then recovered: a new code gives it a new identity in its own slot; the dossiers
    received since go up under the new device id; the old id stays refused."""
    unit = sync_unit()  # a unit the counter's sample data does not hold
    pc = _counter(store_template, tmp_path / "pc", unit, slot=4)
    pc.enrol(server)
    before = pc.receive(2)
    assert pc.sync.sync_once().error is None
    old_uuid, old_id, old_key = _identity(pc)
    server.cli("revoke", str(old_id))
    queued = pc.receive(3)
    if learned_by_sync:  # else the PC was away: enrolment itself asks the server
        assert pc.sync.sync_once().error.kind == FailureKind.REVOKED  # type: ignore[union-attr]
    assert pc.states() == {"acked": 2, "queued": 3}

    done = pc.sync.enrol(server.base_url, server.enrol_code(unit))
    new_uuid, new_id, new_key = _identity(pc)
    assert (done.device_id, done.slot) == (new_id, 4) and new_id != old_id
    assert new_uuid != old_uuid and new_key.public_key() != old_key.public_key()
    assert pc.sql(
        "SELECT device_uuid, server_device_id, is_self, private_key FROM devices WHERE NOT is_self"
    ) == [(old_uuid, str(old_id), 0, None)]
    assert pc.sql("SELECT revoked_at FROM sync_state") == [(None,)]
    assert not pc.sync.status().revoked

    report = pc.sync.sync_once()
    assert report.error is None, report.error
    assert pc.states() == {"acked": 5}
    rows = server.rows(
        "SELECT code, device_id FROM dossiers WHERE unit_code = :u ORDER BY code", u=unit
    )
    assert sorted(rows) == sorted([(c, old_id) for c in before] + [(c, new_id) for c in queued])
    seqs = server.rows(
        "SELECT device_seq, state FROM ops WHERE device_id = :d ORDER BY 1", d=new_id
    )
    assert seqs == [(3, "applied"), (4, "applied"), (5, "applied")]  # the outbox numbering goes on
    devices = server.rows(
        "SELECT id, CAST(uuid AS TEXT), slot, status FROM devices WHERE unit_code = :u ORDER BY id",
        u=unit,
    )
    assert devices == [(old_id, old_uuid, 4, "revoked"), (new_id, new_uuid, 4, "active")]
    assert _refused_as_revoked(client, old_id, old_key, unit)
    pc.close()


def test_a_revoked_uuid_is_refused_with_its_own_code_and_the_code_stays_unused(
    server: ServerProcess, client: httpx.Client
) -> None:
    old = server.device(slot=6)
    server.cli("revoke", str(old.device_id))
    code = server.enrol_code(old.unit_code)
    again = FakeDevice(old.unit_code, 6)
    again.uuid = old.uuid
    reply = again.enrol(client, code)
    assert (reply.status_code, reply.json()["error"]) == (409, "device_uuid_revoked")
    assert f"máy số {old.device_id}" in reply.json()["message"]
    live = server.device(unit=old.unit_code, slot=7)
    still_active = FakeDevice(old.unit_code, 8)
    still_active.uuid = live.uuid
    assert still_active.enrol(client, code).json()["error"] == "already_enrolled"
    assert FakeDevice(old.unit_code, 6).enrol(client, code).status_code == 200


def test_a_pc_whose_enrolment_reply_was_lost_then_revoked_enrols_again(
    server: ServerProcess, store_template: Path, tmp_path: Path
) -> None:
    """The server enrolled it, the PC never stored the reply, IT revoked the silent device."""
    unit = sync_unit()  # a unit the counter's sample data does not hold
    pc = _counter(store_template, tmp_path / "pc", unit, slot=2)
    pc.enrol(server)
    lost_uuid, lost_id, _ = _identity(pc)
    pc.sql_write(
        "UPDATE devices SET server_device_id = NULL, server_url = NULL, "
        "server_public_key = NULL, enrolled_at = NULL WHERE is_self"
    )
    server.cli("revoke", str(lost_id))
    pc.receive(1)
    done = pc.sync.enrol(server.base_url, server.enrol_code(unit))
    assert done.device_id != lost_id
    assert pc.sql("SELECT device_uuid FROM devices WHERE NOT is_self") == [(lost_uuid,)]
    refused = server.rows("SELECT detail FROM audit_log WHERE event = 'enrol_refused'")
    assert any("device_uuid_revoked" in str(row[0]) for row in refused)
    assert pc.sync.sync_once().error is None and pc.states() == {"acked": 1}
    pc.close()


def test_a_revoked_pc_whose_slot_was_taken_meanwhile_is_told_so(
    server: ServerProcess, store_template: Path, tmp_path: Path
) -> None:
    unit = sync_unit()  # a unit the counter's sample data does not hold
    pc = _counter(store_template, tmp_path / "pc", unit, slot=3)
    pc.enrol(server)
    _, old_id, _ = _identity(pc)
    server.cli("revoke", str(old_id))
    replacement = server.device(unit=unit, slot=3)
    with pytest.raises(SyncError) as refused:
        pc.sync.enrol(server.base_url, server.enrol_code(unit))
    assert (
        refused.value.server_code == "slot_taken"
        and str(replacement.device_id) in refused.value.message
    )
    assert pc.sync.status().revoked and not pc.sync.status().enrolled
    pc.close()
