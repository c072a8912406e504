"""Malformed headers and query strings get a 4xx in the API's Vietnamese shape, never a 500."""

from __future__ import annotations

from urllib.parse import quote_from_bytes

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counter_devkit.server import ServerProcess
from counter_protocol.transport import (
    CHANGES_PATH,
    DEVICE_HEADER,
    ENROL_PATH,
    HEALTH_PATH,
    PUSH_PATH,
    SIGNATURE_HEADER,
    TIME_HEADER,
)

# A refusal: code and message, and the message's template and values when it has any.
REFUSAL_SHAPES = ({"error", "message"}, {"error", "message", "template", "params"})
ROUTES = [
    ("GET", HEALTH_PATH),
    ("POST", ENROL_PATH),
    ("POST", PUSH_PATH),
    ("GET", CHANGES_PATH),
    ("GET", "/dashboard"),
    ("GET", "/dashboard/login"),
    ("POST", "/dashboard/login"),
    ("POST", "/dashboard/logout"),
    ("POST", "/admin/v1/dossiers/000.00.01.H27-260101-0001/status"),
    ("POST", "/admin/v1/enrol-codes"),
    ("POST", "/admin/v1/devices/1/revoke"),
]
HEADERS = [
    DEVICE_HEADER,
    SIGNATURE_HEADER,
    TIME_HEADER,
    "Authorization",
    "Cookie",
    "Content-Type",
    "Sec-Fetch-Site",
    "X-Forwarded-Proto",
    "X-Forwarded-For",
    "Origin",
]
PARAMS = ["cursor", "limit", "cursor_id", "probe", "notice", "x"]
# Values a parser trips on: Unicode digits that str.isdigit() accepts and int() does not, huge
# and negative numbers, odd encodings, and the right prefixes with the wrong rest.
TRICKY = [
    "²",
    "¹",
    "١٢",
    "𝟙",
    "-1",
    "+1",
    " 7 ",
    "1e3",
    "0x10",
    "9" * 40,
    "",
    "Bearer ",
    "Bearer ²",
    "counter_dashboard=v2." + "a" * 64 + ".²." + "A" * 43,
    "%",
    "\u00ff",
    "a" * 5000,
]

# What h11 lets a client put in a header value: visible ASCII, spaces inside, bytes 0x80-0xFF.
header_value = st.one_of(
    st.sampled_from(TRICKY).map(lambda text: text.encode("utf-8")),
    st.binary(max_size=80).map(
        lambda raw: bytes(b for b in raw if b == 0x20 or 0x21 <= b <= 0x7E or b >= 0x80)
    ),
).map(lambda value: value.strip(b" "))  # h11 will not send leading or trailing blanks
query_value = st.one_of(
    st.sampled_from(TRICKY).map(lambda text: text.encode("utf-8")), st.binary(max_size=40)
)
query = st.lists(st.tuples(st.sampled_from(PARAMS), query_value), max_size=4).map(
    lambda pairs: "&".join(f"{name}={quote_from_bytes(value, safe='')}" for name, value in pairs)
)
headers = st.dictionaries(st.sampled_from(HEADERS), header_value, max_size=5)
body = st.sampled_from([b"", b"{}", b"token=abc", b"\xff\xfe", b'{"unit_code": "\xb2"}'])


def _send(
    server: ServerProcess, method: str, path: str, qs: str, fields: dict[str, bytes], content: bytes
) -> httpx.Response:
    url = f"{server.base_url}{path}" + (f"?{qs}" if qs else "")
    with httpx.Client(timeout=30) as client:
        return client.request(
            method, url, headers=list(fields.items()), content=content if method == "POST" else None
        )


def _assert_refusal_shape(reply: httpx.Response) -> None:
    assert reply.status_code < 500, (reply.status_code, reply.text[:500])
    if reply.status_code >= 400 and reply.headers.get("content-type") == "application/json":
        refusal = reply.json()
        assert set(refusal) in REFUSAL_SHAPES and refusal["message"].strip()
        if "template" in refusal:  # a message with values: its template gives it back
            assert refusal["template"].format(**refusal["params"]) == refusal["message"]
        assert "Traceback" not in reply.text


def test_unicode_digits_in_the_device_header_and_the_feed_query_are_refused(
    server: ServerProcess,
) -> None:
    push = _send(server, "POST", PUSH_PATH, "", {DEVICE_HEADER: b"\xb2"}, b"x")
    assert (push.status_code, push.json()["error"]) == (403, "unknown_device")
    pull = _send(server, "GET", CHANGES_PATH, "", {DEVICE_HEADER: b"\xb2"}, b"")
    assert (pull.status_code, pull.json()["error"]) == (403, "unknown_device")
    for qs in ("cursor=%C2%B2", "limit=%C2%B9", "cursor=%D9%A1"):
        reply = _send(server, "GET", CHANGES_PATH, qs, {}, b"")
        assert (reply.status_code, reply.json()["error"]) == (400, "bad_request"), qs
        assert "phải là số nguyên không âm" in reply.json()["message"]


def test_a_forwarded_address_longer_than_the_audit_column_is_no_500(server: ServerProcess) -> None:
    reply = _send(server, "POST", PUSH_PATH, "", {"X-Forwarded-For": b"f" * 300}, b"x")
    assert (reply.status_code, reply.json()["error"]) == (403, "unknown_device")


@pytest.mark.parametrize(("method", "path"), ROUTES, ids=[f"{m} {p}" for m, p in ROUTES])
def test_no_header_or_query_string_makes_a_route_fail(
    server: ServerProcess, method: str, path: str
) -> None:
    @settings(
        max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(qs=query, fields=headers, content=body)
    def never_a_5xx(qs: str, fields: dict[str, bytes], content: bytes) -> None:
        _assert_refusal_shape(_send(server, method, path, qs, fields, content))

    never_a_5xx()
