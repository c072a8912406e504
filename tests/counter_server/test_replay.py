"""Signed requests carry a time and a nonce: replays and requests from a wrong clock are refused."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx

from counter_devkit.server import ServerProcess
from counter_protocol.feed import changes_target
from counter_protocol.transport import (
    NONCE_HEADER,
    PUSH_PATH,
    TIME_HEADER,
    push_headers,
    signed_request_headers,
)

DAYS_400 = timedelta(days=400)


def _last_seen(server: ServerProcess, device_id: int | None) -> object:
    return server.scalar("SELECT last_seen_at FROM devices WHERE id = :d", d=device_id)


def test_a_captured_signed_pull_replayed_is_refused_and_not_seen(
    server: ServerProcess, client: httpx.Client
) -> None:
    device = server.device()
    target = changes_target(0, 10)
    assert device.device_id is not None
    captured = signed_request_headers(device.device_id, device.key, "GET", target)
    assert client.get(target, headers=captured).status_code == 200
    seen = _last_seen(server, device.device_id)
    replay = client.get(target, headers=captured)
    assert replay.status_code == 401
    assert replay.json()["error"] == "replayed_request"
    assert _last_seen(server, device.device_id) == seen


def test_a_nonce_reused_on_a_new_push_is_refused(
    server: ServerProcess, client: httpx.Client
) -> None:
    device = server.device()
    assert device.device_id is not None
    _, first = device.batch([device.create_op()])
    headers = push_headers(device.device_id, device.key, first, nonce="same-nonce-twice")
    assert client.post(PUSH_PATH, content=first, headers=headers).status_code == 200
    _, second = device.batch([device.create_op()])
    again = push_headers(device.device_id, device.key, second, nonce="same-nonce-twice")
    reply = client.post(PUSH_PATH, content=second, headers=again)
    assert reply.status_code == 401
    assert reply.json()["error"] == "replayed_request"


def test_a_pull_signed_400_days_ago_is_refused_with_the_clock_message(
    server: ServerProcess, client: httpx.Client
) -> None:
    device = server.device()
    assert device.device_id is not None
    target = changes_target(0, 10)
    then = datetime.now(UTC) - DAYS_400
    reply = client.get(
        target, headers=signed_request_headers(device.device_id, device.key, "GET", target, then)
    )
    assert reply.status_code == 409
    body = reply.json()
    assert body["error"] == "device_clock_wrong"
    assert "Đồng hồ của máy này chậm hơn giờ máy chủ tỉnh 400 ngày" in body["message"]
    assert "chỉnh lại ngày giờ" in body["message"]
    assert _last_seen(server, device.device_id) is None


def test_pushes_signed_in_2020_and_2036_are_refused(
    server: ServerProcess, client: httpx.Client
) -> None:
    device = server.device()
    assert device.device_id is not None
    for year, word in ((2020, "chậm"), (2036, "nhanh")):
        _, body = device.batch([device.create_op()])
        headers = push_headers(device.device_id, device.key, body, datetime(year, 6, 1, tzinfo=UTC))
        reply = client.post(PUSH_PATH, content=body, headers=headers)
        assert reply.status_code == 409, reply.text
        assert f"Đồng hồ của máy này {word} hơn" in reply.json()["message"]
    assert (
        server.scalar("SELECT count(*) FROM batches WHERE device_id = :d", d=device.device_id) == 0
    )


def test_a_request_without_time_or_nonce_is_refused_as_an_old_protocol(
    server: ServerProcess, client: httpx.Client
) -> None:
    device = server.device()
    assert device.device_id is not None
    target = changes_target(0, 10)
    headers = signed_request_headers(device.device_id, device.key, "GET", target)
    del headers[NONCE_HEADER]
    reply = client.get(target, headers=headers)
    assert reply.status_code == 426
    assert reply.json()["error"] == "protocol_outdated"
    headers = signed_request_headers(device.device_id, device.key, "GET", target)
    headers[TIME_HEADER] = "yesterday"
    assert client.get(target, headers=headers).status_code == 426


def test_the_skew_of_a_refused_clock_shows_in_stats(
    server: ServerProcess, client: httpx.Client
) -> None:
    device = server.device()
    device.clock_offset = -DAYS_400
    reply = device.post_body(client, device.batch([device.create_op()])[1])
    assert reply.status_code == 409
    skew = server.scalar("SELECT last_skew_s FROM devices WHERE id = :d", d=device.device_id)
    assert abs(skew + DAYS_400.total_seconds()) < 120
    line = next(
        ln for ln in server.cli("stats").stdout.splitlines() if ln.startswith(device.unit_code)
    )
    assert "−400 ngày" in line


def test_enrolment_records_the_skew_of_the_device_clock(
    server: ServerProcess, client: httpx.Client
) -> None:
    device = server.device(clock_offset=-DAYS_400)
    skew = server.scalar("SELECT last_skew_s FROM devices WHERE id = :d", d=device.device_id)
    assert skew is not None and abs(skew + DAYS_400.total_seconds()) < 120
