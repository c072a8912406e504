"""The HTTP side of the sync: paths, headers, and what each request signs.

Every signed request carries the device's time and a fresh nonce, and the signature covers
both: a push signs its method, path, device id, time, nonce and the SHA-256 of its exact
compressed body (`push_headers`); a bodiless request (a pull) signs its method, path with the raw
query, device id, time and nonce (`signed_request_headers`). The server refuses a request whose
time is outside its window or whose nonce it has already seen, so a captured request cannot be
replayed (docs/sync.md). Replies that are not receipts are signed by the server over their exact
bytes (`SERVER_SIGNATURE_HEADER`). Enrolment is not signed but sends the device's time too, so
the server sees a wrong clock from the first contact.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from counter_protocol.signing import sign
from counter_protocol.timefmt import format_time

if TYPE_CHECKING:
    from counter_protocol.signing import Ed25519PrivateKey

# 2: pushes and pulls carry TIME_HEADER and NONCE_HEADER under the signature (replay window).
PROTOCOL_VERSION = 2

ENROL_PATH = "/sync/v1/enrol"
PUSH_PATH = "/sync/v1/batches"
CHANGES_PATH = "/sync/v1/changes"
HEALTH_PATH = "/health"

DEVICE_HEADER = "X-Counter-Device"
SIGNATURE_HEADER = "X-Counter-Signature"
TIME_HEADER = "X-Counter-Time"
NONCE_HEADER = "X-Counter-Nonce"
SERVER_SIGNATURE_HEADER = "X-Counter-Server-Signature"
BATCH_CONTENT_TYPE = "application/json"
BATCH_CONTENT_ENCODING = "zstd"
NONCE_BYTES = 16  # 128 random bits, URL-safe base64: 22 characters
MAX_NONCE_LENGTH = 64


def new_nonce() -> str:
    return secrets.token_urlsafe(NONCE_BYTES)


def request_signing_bytes(
    method: str, target: str, device_id: int | str, stamp: str, nonce: str
) -> bytes:
    """What a bodiless request signs: method, path with its raw query, device id, time, nonce."""
    return f"{method.upper()}\n{target}\n{device_id}\n{stamp}\n{nonce}".encode()


def push_signing_bytes(
    device_id: int | str, stamp: str, nonce: str, body: bytes, path: str = PUSH_PATH
) -> bytes:
    """What a POST with a body signs: as a bodiless POST to `path` (a push: PUSH_PATH), plus the
    SHA-256 of its exact body."""
    head = request_signing_bytes("POST", path, device_id, stamp, nonce)
    return head + b"\n" + hashlib.sha256(body).hexdigest().encode()


def signed_post_headers(
    path: str, device_id: int, key: Ed25519PrivateKey, body: bytes, now: datetime | None = None
) -> dict[str, str]:
    """Headers for a signed JSON POST other than a push (e.g. tracking-number claims)."""
    stamp, nonce = format_time(now or datetime.now(UTC)), new_nonce()
    return {
        DEVICE_HEADER: str(device_id),
        TIME_HEADER: stamp,
        NONCE_HEADER: nonce,
        SIGNATURE_HEADER: sign(key, push_signing_bytes(device_id, stamp, nonce, body, path)),
        "Content-Type": "application/json",
    }


def push_headers(
    device_id: int,
    key: Ed25519PrivateKey,
    body: bytes,
    now: datetime | None = None,
    nonce: str | None = None,
) -> dict[str, str]:
    """Headers for a push: who sends, when, a fresh nonce, and the signature over all of it."""
    stamp, nonce = format_time(now or datetime.now(UTC)), nonce or new_nonce()
    return {
        DEVICE_HEADER: str(device_id),
        TIME_HEADER: stamp,
        NONCE_HEADER: nonce,
        SIGNATURE_HEADER: sign(key, push_signing_bytes(device_id, stamp, nonce, body)),
        "Content-Type": BATCH_CONTENT_TYPE,
        "Content-Encoding": BATCH_CONTENT_ENCODING,
    }


def signed_request_headers(
    device_id: int,
    key: Ed25519PrivateKey,
    method: str,
    target: str,
    now: datetime | None = None,
    nonce: str | None = None,
) -> dict[str, str]:
    """Headers for a signed GET. `target` is the path plus the exact query string sent."""
    stamp, nonce = format_time(now or datetime.now(UTC)), nonce or new_nonce()
    signature = sign(key, request_signing_bytes(method, target, device_id, stamp, nonce))
    return {
        DEVICE_HEADER: str(device_id),
        TIME_HEADER: stamp,
        NONCE_HEADER: nonce,
        SIGNATURE_HEADER: signature,
    }


def time_header(now: datetime | None = None) -> dict[str, str]:
    """The device's time alone, for the unsigned enrolment request."""
    return {TIME_HEADER: format_time(now or datetime.now(UTC))}
