"""Push: apply, duplicate, conflict, quarantine, hold-then-apply, replay, tamper, receipts."""

from __future__ import annotations

import random
from typing import Any

import httpx
import pytest

from counter_devkit.server import ServerProcess, unique_unit
from counter_protocol.batch import build_batch, new_batch_id
from counter_protocol.receipt import Receipt, ReceiptError, receipt_hash, verify_receipt
from counter_protocol.signing import generate_private_key, public_key_b64
from counter_protocol.transport import PUSH_PATH, push_headers


def results(receipt: Receipt) -> list[tuple[int | None, str, str | None]]:
    return [(r.device_seq, r.result, r.reason) for r in receipt.results]


def test_new_ops_are_applied(server: ServerProcess, client: httpx.Client) -> None:
    device = server.device()
    creates = [device.create_op() for _ in range(3)]
    event = device.event_op(creates[0]["dossier_uuid"], 4)
    receipt = device.push(client, [*creates, event])
    assert results(receipt) == [
        (1, "applied", None),
        (2, "applied", None),
        (3, "applied", None),
        (4, "applied", None),
    ]
    rows = server.rows(
        "SELECT code, status, last_device_seq FROM dossiers WHERE device_id = :d ORDER BY code",
        d=device.device_id,
    )
    assert rows == [
        (creates[0]["dossier_code"], 4, 4),
        (creates[1]["dossier_code"], 2, 2),
        (creates[2]["dossier_code"], 2, 3),
    ]
    event_row = server.rows(
        "SELECT event_seq, from_status, to_status FROM dossier_events WHERE dossier_uuid = :u",
        u=creates[0]["dossier_uuid"],
    )
    assert event_row == [(2, 2, 4)]


def test_a_resent_op_gets_its_first_result(server: ServerProcess, client: httpx.Client) -> None:
    device = server.device()
    create = device.create_op()
    later = device.event_op(create["dossier_uuid"], 4)
    device.push(client, [create])
    first = device.push(client, [later])
    again = device.push(client, [create, later])
    assert results(first) == [(2, "applied", None)]
    assert [(r.result, r.prior, r.state) for r in again.results] == [
        ("duplicate", "applied", "applied"),
        ("duplicate", "applied", "applied"),
    ]
    assert server.scalar("SELECT count(*) FROM ops WHERE device_id = :d", d=device.device_id) == 2


def test_same_op_id_with_other_content_is_a_conflict_not_applied(
    server: ServerProcess, client: httpx.Client
) -> None:
    device = server.device()
    create = device.create_op()
    device.push(client, [create])
    forked = {**create, "data": {**create["data"], "note": "sửa sau khi gửi"}}
    receipt = device.push(client, [forked])
    assert results(receipt) == [(1, "conflict", "hash_mismatch")]
    stored = server.scalar("SELECT data FROM dossiers WHERE uuid = :u", u=create["dossier_uuid"])
    note = (stored if isinstance(stored, dict) else __import__("json").loads(stored))["note"]
    assert note is None
    assert (
        server.scalar(
            "SELECT count(*) FROM audit_log WHERE event = 'op_conflict' AND device_id = :d",
            d=device.device_id,
        )
        == 1
    )


def test_a_reused_device_seq_is_a_conflict(server: ServerProcess, client: httpx.Client) -> None:
    device = server.device()
    device.push(client, [device.create_op()])
    clone = device.create_op()
    clone["device_seq"] = 1  # a restored backup numbering again from an old point
    receipt = device.push(client, [clone])
    assert results(receipt) == [(1, "conflict", "seq_reused")]
    assert (
        server.scalar("SELECT count(*) FROM dossiers WHERE uuid = :u", u=clone["dossier_uuid"]) == 0
    )


def bad_ops(device: Any) -> dict[str, dict[str, Any]]:
    unknown = device.create_op()
    unknown["kind"] = "dossier.delete"
    other_unit = device.create_op()
    other_unit["unit_code"] = "000.00.00.H30"
    other_unit["dossier_code"] = "000.00.00.H30" + other_unit["dossier_code"][13:]
    bad_status = device.create_op(status=42)
    naive = device.create_op()
    naive["created_at"] = "2026-11-26T10:00:00"
    return {
        "unknown_kind": unknown,
        "other_unit": other_unit,
        "bad_status": bad_status,
        "bad_time": naive,
    }


def test_invalid_ops_are_quarantined_and_the_rest_go_on(
    server: ServerProcess, client: httpx.Client
) -> None:
    device = server.device()
    good = device.create_op()
    bad = bad_ops(device)
    good_too = device.create_op()
    follow = device.event_op(good["dossier_uuid"], 4)
    receipt = device.push(client, [good, *bad.values(), {"nonsense": True}, good_too, follow])
    got = [(r.result, r.reason) for r in receipt.results]
    assert got == [
        ("applied", None),
        *[("quarantined", reason) for reason in bad],
        ("quarantined", "malformed"),
        ("applied", None),
        ("applied", None),
    ]
    assert all(r.message for r in receipt.results if r.result == "quarantined")
    stored = server.rows(
        "SELECT reason FROM ops WHERE device_id = :d AND state = 'quarantined' ORDER BY device_seq",
        d=device.device_id,
    )
    assert [r[0] for r in stored] == list(bad)
    assert (
        server.scalar("SELECT count(*) FROM dossiers WHERE device_id = :d", d=device.device_id) == 2
    )


def test_an_event_breaking_the_status_rules_is_quarantined_with_its_followers(
    server: ServerProcess, client: httpx.Client
) -> None:
    device = server.device()
    create = device.create_op()
    done = device.event_op(create["dossier_uuid"], 9)
    illegal = device.event_op(create["dossier_uuid"], 1)  # DONE → NEW is not allowed
    after = device.event_op(create["dossier_uuid"], 10)
    receipt = device.push(client, [create, done, illegal, after])
    assert results(receipt)[2:] == [
        (3, "quarantined", "bad_transition"),
        (4, "quarantined", "after_quarantined"),
    ]
    assert "Không thể chuyển" in (receipt.results[2].message or "")
    assert (
        server.scalar("SELECT status FROM dossiers WHERE uuid = :u", u=create["dossier_uuid"]) == 9
    )


def test_two_ops_following_the_same_op_are_a_fork(
    server: ServerProcess, client: httpx.Client
) -> None:
    device = server.device()
    create = device.create_op()
    first = device.event_op(create["dossier_uuid"], 4)
    rival = dict(device.event_op(create["dossier_uuid"], 5), prev_seq=first["prev_seq"])
    receipt = device.push(client, [create, first, rival])
    assert results(receipt)[2] == (3, "quarantined", "fork")


def test_another_device_cannot_write_this_devices_dossier(
    server: ServerProcess, client: httpx.Client
) -> None:
    owner = server.device(slot=1)
    create = owner.create_op()
    owner.push(client, [create])
    intruder = server.device(unit=owner.unit_code, slot=2)
    intruder.push(client, [intruder.create_op(), intruder.create_op()])
    intruder.dossiers[create["dossier_uuid"]] = dict(owner.dossiers[create["dossier_uuid"]])
    receipt = intruder.push(client, [intruder.event_op(create["dossier_uuid"], 4)])
    assert results(receipt) == [(3, "quarantined", "other_device")]


@pytest.mark.parametrize("seed", [1, 2])
def test_shuffled_batches_are_held_then_applied_in_order(
    server: ServerProcess, client: httpx.Client, seed: int
) -> None:
    device = server.device()
    ops, expected = [], {}
    for _ in range(4):
        create = device.create_op()
        ops.append(create)
        for status in (4, 5, 4, 9, 10):
            ops.append(device.event_op(create["dossier_uuid"], status))
        expected[create["dossier_uuid"]] = (10, ops[-1]["device_seq"])
    batches = [ops[i : i + 3] for i in range(0, len(ops), 3)]
    random.Random(seed).shuffle(batches)
    seen: set[str] = set()
    for batch in batches:
        seen.update(r.result for r in device.push(client, batch).results)
    assert "held" in seen
    for dossier_uuid, (status, last_seq) in expected.items():
        row = server.rows(
            "SELECT status, last_device_seq FROM dossiers WHERE uuid = :u", u=dossier_uuid
        )
        assert row == [(status, last_seq)]
        events = server.rows(
            "SELECT event_seq, from_status, to_status FROM dossier_events "
            "WHERE dossier_uuid = :u ORDER BY id",
            u=dossier_uuid,
        )
        assert events == [(2, 2, 4), (3, 4, 5), (4, 5, 4), (5, 4, 9), (6, 9, 10)]
    assert (
        server.scalar(
            "SELECT count(*) FROM ops WHERE device_id = :d AND state <> 'applied'",
            d=device.device_id,
        )
        == 0
    )


def test_a_held_op_is_released_in_a_later_receipt(
    server: ServerProcess, client: httpx.Client
) -> None:
    device = server.device()
    create = device.create_op()
    step = device.event_op(create["dossier_uuid"], 4)
    step2 = device.event_op(create["dossier_uuid"], 9)
    assert results(device.push(client, [create, step2])) == [
        (1, "applied", None),
        (3, "held", "waiting_prev"),
    ]
    replay = device.push(client, [step2]).results[0]
    assert (replay.result, replay.prior, replay.state) == ("duplicate", "held", "held")
    assert results(device.push(client, [step])) == [
        (2, "applied", None),
        (3, "applied", "released"),
    ]
    replay = device.push(client, [step2]).results[0]
    assert (replay.prior, replay.state) == ("held", "applied")


def snapshot(server: ServerProcess, device_id: int) -> list[Any]:
    return [
        server.rows(
            "SELECT uuid, code, status, last_device_seq, last_event_seq FROM dossiers "
            "WHERE device_id = :d ORDER BY code",
            d=device_id,
        ),
        server.rows(
            "SELECT dossier_uuid, event_seq, to_status FROM dossier_events "
            "WHERE device_id = :d ORDER BY id",
            d=device_id,
        ),
        server.rows(
            "SELECT op_id, device_seq, state, result, payload_hash FROM ops "
            "WHERE device_id = :d ORDER BY seq",
            d=device_id,
        ),
    ]


def test_a_batch_replayed_ten_times_leaves_the_same_state(
    server: ServerProcess, client: httpx.Client
) -> None:
    device = server.device()
    ops = [device.create_op() for _ in range(5)]
    ops += [device.event_op(ops[0]["dossier_uuid"], 4), device.create_op(status=99)]
    batch_id, body = device.batch(ops)
    first = verify_receipt(
        device.post_body(client, body).content, device.server_key or "", batch_id=batch_id
    )
    before = snapshot(server, device.device_id or 0)
    for _ in range(10):
        again = verify_receipt(
            device.post_body(client, body).content, device.server_key or "", batch_id=batch_id
        )
        assert [(r.result, r.prior) for r in again.results] == [
            ("duplicate", r.result) for r in first.results
        ]
    assert snapshot(server, device.device_id or 0) == before
    assert server.scalar("SELECT count(*) FROM batches WHERE batch_id = :b", b=batch_id) == 11


def test_one_changed_byte_rejects_the_whole_batch(
    server: ServerProcess, client: httpx.Client
) -> None:
    device = server.device()
    _, body = device.batch([device.create_op() for _ in range(3)])
    headers = push_headers(device.device_id or 0, device.key, body)
    tampered = bytearray(body)
    tampered[len(tampered) // 2] ^= 0x01
    reply = client.post(PUSH_PATH, content=bytes(tampered), headers=headers)
    assert (reply.status_code, reply.json()["error"]) == (401, "bad_signature")
    assert server.scalar("SELECT count(*) FROM ops WHERE device_id = :d", d=device.device_id) == 0
    logged = server.rows(
        "SELECT detail FROM audit_log WHERE event = 'bad_signature' AND device_id = :d",
        d=device.device_id,
    )
    assert len(logged) == 1
    assert device.post_body(client, body).status_code == 200  # the untouched bytes still go


def test_a_signature_by_another_key_is_refused(server: ServerProcess, client: httpx.Client) -> None:
    device = server.device()
    _, body = device.batch([device.create_op()])
    headers = push_headers(device.device_id or 0, generate_private_key(), body)
    assert client.post(PUSH_PATH, content=body, headers=headers).status_code == 401


def test_receipt_hash_and_signature_verify(server: ServerProcess, client: httpx.Client) -> None:
    device = server.device()
    batch_id, body = device.batch([device.create_op(), device.create_op()])
    raw = device.post_body(client, body).json()
    key = device.server_key or ""
    receipt = verify_receipt(raw, key, batch_id=batch_id, device_id=device.device_id)
    assert receipt.receipt_hash == receipt_hash(receipt.results)
    forged = {
        **raw,
        "receipt": {
            **raw["receipt"],
            "results": [
                {**raw["receipt"]["results"][0], "result": "conflict"},
                raw["receipt"]["results"][1],
            ],
        },
    }
    with pytest.raises(ReceiptError, match="hash"):
        verify_receipt(forged, key)
    rehashed = {
        **forged,
        "receipt": {
            **forged["receipt"],
            "receipt_hash": receipt_hash(forged["receipt"]["results"]),
        },
    }
    with pytest.raises(ReceiptError, match="signature"):
        verify_receipt(rehashed, key)
    with pytest.raises(ReceiptError):
        verify_receipt(raw, public_key_b64(generate_private_key()))
    with pytest.raises(ReceiptError, match="another batch"):
        verify_receipt(raw, key, batch_id=new_batch_id())


def test_a_malformed_envelope_is_refused_whole(server: ServerProcess, client: httpx.Client) -> None:
    device = server.device()
    not_zstd = b'{"ops": []}'
    headers = push_headers(device.device_id or 0, device.key, not_zstd)
    reply = client.post(PUSH_PATH, content=not_zstd, headers=headers)
    assert (reply.status_code, reply.json()["error"]) == (400, "bad_batch")
    wrong_id = build_batch(
        (device.device_id or 0) + 1, [], app_version="0.1.0", catalogue_version=None
    )
    headers = push_headers(device.device_id or 0, device.key, wrong_id)
    assert client.post(PUSH_PATH, content=wrong_id, headers=headers).status_code == 400
    future = build_batch(
        device.device_id or 0, [], app_version="9.0", catalogue_version=None, schema_version=99
    )
    headers = push_headers(device.device_id or 0, device.key, future)
    reply = client.post(PUSH_PATH, content=future, headers=headers)
    assert (reply.status_code, reply.json()["error"]) == (409, "schema_unsupported")


def test_a_dossier_code_cannot_be_reused_by_another_dossier(
    server: ServerProcess, client: httpx.Client
) -> None:
    device = server.device()
    first = device.create_op()
    copy = device.create_op()
    copy["dossier_code"] = first["dossier_code"]
    receipt = device.push(client, [first, copy])
    assert results(receipt) == [(1, "applied", None), (2, "quarantined", "code_taken")]


def test_the_unit_code_check_covers_the_dossier_code(
    server: ServerProcess, client: httpx.Client
) -> None:
    device = server.device()
    sneaky = device.create_op()
    sneaky["dossier_code"] = unique_unit() + sneaky["dossier_code"][13:]
    assert results(device.push(client, [sneaky])) == [(1, "quarantined", "other_unit")]


def test_a_pc_enrolled_again_after_revocation_carries_on_its_dossiers(
    server: ServerProcess, client: httpx.Client
) -> None:
    from counter_devkit.fake_device import FakeDevice

    old = server.device(slot=3)
    create = old.create_op()
    old.push(client, [create])
    server.cli("revoke", str(old.device_id), "--reason", "máy bị thu hồi nhầm")
    again = FakeDevice(old.unit_code, slot=3)  # the same PC, new identity, same outbox numbering
    assert again.enrol(client, server.enrol_code(old.unit_code)).status_code == 200
    again.seq, again.dossiers = old.seq, {k: dict(v) for k, v in old.dossiers.items()}
    assert results(again.push(client, [again.event_op(create["dossier_uuid"], 4)])) == [
        (2, "applied", None)
    ]
    assert server.rows(
        "SELECT status, device_id FROM dossiers WHERE uuid = :u", u=create["dossier_uuid"]
    ) == [(4, old.device_id)]
    other_pc = server.device(unit=old.unit_code, slot=4)  # a live PC of the unit: still refused
    other_pc.seq, other_pc.dossiers = again.seq, {k: dict(v) for k, v in again.dossiers.items()}
    assert results(other_pc.push(client, [other_pc.event_op(create["dossier_uuid"], 9)])) == [
        (3, "quarantined", "other_device")
    ]
