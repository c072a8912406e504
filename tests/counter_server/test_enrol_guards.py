"""Enrolment codes live 1 minute to 30 days; guessing them is throttled per client address; a
client repeating a refused request adds to one audit row instead of writing one row each."""

from __future__ import annotations

import itertools

import httpx
import pytest

from counter_devkit.fake_device import FakeDevice
from counter_devkit.server import ServerProcess, unique_unit
from counter_protocol.transport import ENROL_PATH, PUSH_PATH, push_headers
from counter_server.limits import ServeLimits

GUESSES = ServeLimits().enrol_guesses  # the session servers run with the default
_hosts = itertools.count(1)


def _address() -> str:
    """A client address of its own (the server trusts X-Forwarded-For from 127.0.0.1, as from
    the province's reverse proxy on the same machine)."""
    n = next(_hosts)
    return f"198.51.{n // 250}.{n % 250 + 1}"


def _enrol(client: httpx.Client, body: dict[str, object], address: str) -> httpx.Response:
    return client.post(ENROL_PATH, json=body, headers={"X-Forwarded-For": address})


@pytest.mark.parametrize("minutes", ["0", "-5", "1000000000", "43201"])
def test_the_cli_refuses_a_code_lifetime_outside_one_minute_to_thirty_days(
    server: ServerProcess, minutes: str
) -> None:
    unit = unique_unit()
    done = server.cli("enrol-code", "--unit", unit, "--ttl-minutes", minutes, check=False)
    assert done.returncode == 1 and done.stdout == ""
    assert "Thời hạn của mã đăng ký phải từ 1 phút đến 30 ngày" in done.stderr
    assert server.scalar("SELECT count(*) FROM enrol_codes WHERE unit_code = :u", u=unit) == 0


def test_the_admin_api_refuses_a_code_lifetime_out_of_bounds(
    server: ServerProcess, client: httpx.Client
) -> None:
    for minutes in (0, -5, 10**9, 2**62):
        reply = client.post(
            "/admin/v1/enrol-codes",
            headers=server.admin_headers(),
            json={"unit_code": unique_unit(), "ttl_minutes": minutes},
        )
        assert (reply.status_code, reply.json()["error"]) == (400, "bad_ttl"), minutes
        assert "từ 1 phút đến 30 ngày" in reply.json()["message"]
    for minutes in (1, 43200):
        assert server.enrol_code(unique_unit(), ttl_minutes=minutes)


def test_guessing_codes_is_throttled_per_address(
    server: ServerProcess, client: httpx.Client
) -> None:
    unit = unique_unit()
    code = server.enrol_code(unit)
    guesser, other = _address(), _address()
    pc = FakeDevice(unit, 1)
    for n in range(GUESSES):
        reply = _enrol(client, pc.enrol_body(f"ZZZZ-{n:04d}"), guesser)
        assert (reply.status_code, reply.json()["error"]) == (403, "bad_code")
    throttled = _enrol(client, pc.enrol_body("ZZZZ-9999"), guesser)
    assert (throttled.status_code, throttled.json()["error"]) == (429, "too_many_guesses")
    assert 1 <= int(throttled.headers["retry-after"]) <= 60
    assert "thử quá nhiều mã đăng ký không đúng" in throttled.json()["message"]
    # Even the right code is not looked at from there meanwhile: nothing to learn by guessing.
    assert _enrol(client, pc.enrol_body(code), guesser).status_code == 429
    assert server.scalar("SELECT count(*) FROM devices WHERE unit_code = :u", u=unit) == 0
    assert _enrol(client, pc.enrol_body(code), other).status_code == 200


def test_a_used_code_tried_again_is_no_guess(server: ServerProcess, client: httpx.Client) -> None:
    unit = unique_unit()
    code = server.enrol_code(unit)
    address = _address()
    assert _enrol(client, FakeDevice(unit, 1).enrol_body(code), address).status_code == 200
    for _ in range(GUESSES + 3):
        reply = _enrol(client, FakeDevice(unit, 2).enrol_body(code), address)
        assert (reply.status_code, reply.json()["error"]) == (403, "code_used")


def _audit_rows(server: ServerProcess, address: str) -> list[tuple[str, int, bool]]:
    rows = server.rows(
        "SELECT event, repeat_count, at, last_at FROM audit_log WHERE remote_addr = :a ORDER BY id",
        a=address,
    )
    return [(r[0], r[1], r[2] <= r[3]) for r in rows]


def test_repeated_refusals_share_one_audit_row(server: ServerProcess, client: httpx.Client) -> None:
    address = _address()
    stranger = FakeDevice(unique_unit(), 1)
    stranger.device_id = 999_998
    _, body = stranger.batch([stranger.create_op()])
    headers = push_headers(999_998, stranger.key, body) | {"X-Forwarded-For": address}
    for _ in range(30):
        assert client.post(PUSH_PATH, content=body, headers=headers).status_code == 403
    for _ in range(5):
        reply = client.post(
            "/admin/v1/enrol-codes",
            json={"unit_code": unique_unit()},
            headers={"Authorization": "Bearer sai", "X-Forwarded-For": address},
        )
        assert reply.status_code == 401
    for n in range(GUESSES + 3):
        _enrol(client, stranger.enrol_body(f"QQQQ-{n:04d}"), address)
    assert _audit_rows(server, address) == [
        ("unknown_device", 30, True),
        ("admin_refused", 5, True),
        ("enrol_refused", GUESSES, True),
        ("enrol_throttled", 3, True),
    ]
