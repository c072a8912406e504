"""Pull: province status changes for the unit's dossiers, in server order, resumable by cursor."""

from __future__ import annotations

import httpx
import pytest

from counter_devkit.server import ServerProcess
from counter_protocol.feed import (
    CHANGE_DOSSIER_STATUS,
    ChangesPage,
    changes_target,
    parse_changes_page,
)
from counter_protocol.receipt import ReceiptError
from counter_protocol.transport import SERVER_SIGNATURE_HEADER, signed_request_headers


def status_changes(page: ChangesPage) -> list[tuple[str, int]]:
    return [
        (c.payload["dossier_code"], c.payload["to_status"])
        for c in page.changes
        if c.kind == CHANGE_DOSSIER_STATUS
    ]


def set_status(
    server: ServerProcess, client: httpx.Client, code: str, status: object, **extra: object
) -> httpx.Response:
    return client.post(
        f"/admin/v1/dossiers/{code}/status",
        headers=server.admin_headers(),
        json={"status": status, **extra},
    )


def test_admin_status_change_reaches_only_the_owning_unit(
    server: ServerProcess, client: httpx.Client
) -> None:
    device = server.device()
    other = server.device()
    create = device.create_op()
    device.push(client, [create, device.event_op(create["dossier_uuid"], 4)])
    start, other_start = (d.pull(client, 0, 5000).next_cursor for d in (device, other))
    reply = set_status(server, client, create["dossier_code"], 9, note="Đã có kết quả")
    assert reply.status_code == 200, reply.text
    assert (reply.json()["from_status"], reply.json()["to_status"]) == (4, 9)
    page = device.pull(client, start)
    assert status_changes(page) == [(create["dossier_code"], 9)]
    assert page.changes[0].payload["note"] == "Đã có kết quả"
    assert status_changes(other.pull(client, other_start)) == []
    assert (
        server.scalar("SELECT status FROM dossiers WHERE code = :c", c=create["dossier_code"]) == 9
    )


def test_pull_resumes_from_its_cursor(server: ServerProcess, client: httpx.Client) -> None:
    device = server.device()
    ops = [device.create_op() for _ in range(3)]
    device.push(client, ops)
    start = device.pull(client, 0, 5000).next_cursor
    for op in ops:
        assert set_status(server, client, op["dossier_code"], "PROCESSING").status_code == 200
    first = device.pull(client, start, limit=2)
    assert first.has_more and len(first.changes) == 2
    rest = device.pull(client, first.next_cursor, limit=2)
    assert not rest.has_more
    got = status_changes(first) + status_changes(rest)
    assert got == [(op["dossier_code"], 4) for op in ops]
    seqs = [c.seq for c in first.changes + rest.changes]
    assert seqs == sorted(seqs) and len(set(seqs)) == 3
    again = device.pull(client, rest.next_cursor)
    assert status_changes(again) == [] and again.next_cursor == rest.next_cursor


def test_device_events_after_a_province_change_continue_from_it(
    server: ServerProcess, client: httpx.Client
) -> None:
    device = server.device()
    create = device.create_op()
    device.push(client, [create])
    set_status(server, client, create["dossier_code"], 9)
    device.dossiers[create["dossier_uuid"]]["status"] = 9  # as the client applies the pull
    receipt = device.push(client, [device.event_op(create["dossier_uuid"], 10)])
    assert receipt.results[0].result == "applied"
    assert (
        server.scalar("SELECT status FROM dossiers WHERE code = :c", c=create["dossier_code"]) == 10
    )


def test_admin_refusals(server: ServerProcess, client: httpx.Client) -> None:
    device = server.device()
    create = device.create_op()
    device.push(client, [create])
    code = create["dossier_code"]
    no_token = client.post(f"/admin/v1/dossiers/{code}/status", json={"status": 9})
    assert no_token.status_code == 401
    wrong = client.post(
        f"/admin/v1/dossiers/{code}/status",
        json={"status": 9},
        headers={"Authorization": "Bearer nope"},
    )
    assert wrong.status_code == 401
    assert server.scalar("SELECT count(*) FROM audit_log WHERE event = 'admin_refused'") >= 2
    illegal = set_status(server, client, code, 1)
    assert illegal.status_code == 409 and "Không thể chuyển" in illegal.json()["message"]
    assert set_status(server, client, code, 11).status_code == 400
    assert set_status(server, client, code + "X", 9).status_code == 404


def test_cli_dossier_status(server: ServerProcess, client: httpx.Client) -> None:
    device = server.device()
    create = device.create_op()
    device.push(client, [create])
    start = device.pull(client, 0, 5000).next_cursor
    done = server.cli("dossier", "status", create["dossier_code"], "DONE", "--note", "Xong")
    assert "2 → 9" in done.stdout
    bad = server.cli("dossier", "status", create["dossier_code"], "NEW", check=False)
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1 and "Không thể chuyển" in bad.stderr
    assert status_changes(device.pull(client, start)) == [(create["dossier_code"], 9)]


def test_pull_reply_is_signed_and_the_request_must_be(
    server: ServerProcess, client: httpx.Client
) -> None:
    device = server.device()
    target = changes_target(0, 10)
    headers = signed_request_headers(device.device_id or 0, device.key, "GET", target)
    reply = client.get(target, headers=headers)
    with pytest.raises(ReceiptError):
        parse_changes_page(
            reply.content + b" ",
            reply.headers.get(SERVER_SIGNATURE_HEADER),
            device.server_key or "",
        )
    other_target = changes_target(5, 10)  # signature made for another query
    assert client.get(other_target, headers=headers).status_code == 401
