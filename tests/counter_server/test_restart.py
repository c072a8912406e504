"""A server restart in the middle of a device's sequence loses nothing and changes nothing."""

from __future__ import annotations

from counter_devkit.server import ServerProcess


def test_restart_mid_sequence_keeps_state(fresh_server: ServerProcess) -> None:
    server = fresh_server
    device = server.device()
    create = device.create_op()
    step1 = device.event_op(create["dossier_uuid"], 4)
    step2 = device.event_op(create["dossier_uuid"], 9)
    with server.client() as client:
        key_before = client.get("/health").json()["server_public_key"]
        first = device.push(client, [create, step2])
        cursor = device.pull(client, 0).next_cursor
    assert [r.result for r in first.results] == ["applied", "held"]
    server.restart()
    with server.client() as client:
        assert client.get("/health").json()["server_public_key"] == key_before
        replay = device.push(client, [create, step2])  # the receipt was "lost": resend
        assert [(r.result, r.prior) for r in replay.results] == [
            ("duplicate", "applied"),
            ("duplicate", "held"),
        ]
        after = device.push(client, [step1])
        assert [r.result for r in after.results] == ["applied", "applied"]
        assert device.pull(client, cursor).next_cursor >= cursor
    assert (
        server.scalar("SELECT status FROM dossiers WHERE uuid = :u", u=create["dossier_uuid"]) == 9
    )
    assert server.scalar("SELECT count(*) FROM ops") == 3


def test_restart_keeps_enrolment_and_revocation(fresh_server: ServerProcess) -> None:
    server = fresh_server
    kept, revoked = server.device(slot=1), server.device(slot=2)
    server.cli("revoke", str(revoked.device_id))
    server.restart()
    with server.client() as client:
        kept.push(client, [kept.create_op()])
        _, body = revoked.batch([revoked.create_op()])
        assert revoked.post_body(client, body).status_code == 403
