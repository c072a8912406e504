"""The HTTP side of the sync: paths, headers, and what each request signs.

A push signs its exact compressed body (`push_headers`); a bodiless request (a pull) signs its
method, path with the raw query, device id and time (`signed_request_headers`). Replies that
are not receipts are signed by the server over their exact bytes (`SERVER_SIGNATURE_HEADER`).
"""

from __future__ import annotations

from datetime import UTC, datetime

from counter_protocol.signing import Ed25519PrivateKey, sign
from counter_protocol.timefmt import format_time

PROTOCOL_VERSION = 1

ENROL_PATH = "/sync/v1/enrol"
PUSH_PATH = "/sync/v1/batches"
CHANGES_PATH = "/sync/v1/changes"
HEALTH_PATH = "/health"

DEVICE_HEADER = "X-Counter-Device"
SIGNATURE_HEADER = "X-Counter-Signature"
TIME_HEADER = "X-Counter-Time"
SERVER_SIGNATURE_HEADER = "X-Counter-Server-Signature"
BATCH_CONTENT_TYPE = "application/json"
BATCH_CONTENT_ENCODING = "zstd"


def push_headers(device_id: int, key: Ed25519PrivateKey, body: bytes) -> dict[str, str]:
    """Headers for a push: who sends, and their signature over the exact body bytes."""
    return {
        DEVICE_HEADER: str(device_id),
        SIGNATURE_HEADER: sign(key, body),
        "Content-Type": BATCH_CONTENT_TYPE,
        "Content-Encoding": BATCH_CONTENT_ENCODING,
    }


def request_signing_bytes(method: str, target: str, device_id: int | str, stamp: str) -> bytes:
    """What a bodiless request signs: method, path with its raw query, device id and time."""
    return f"{method.upper()}\n{target}\n{device_id}\n{stamp}".encode()


def signed_request_headers(
    device_id: int, key: Ed25519PrivateKey, method: str, target: str,
    now: datetime | None = None,
) -> dict[str, str]:
    """Headers for a signed GET. `target` is the path plus the exact query string sent."""
    stamp = format_time(now or datetime.now(UTC))
    signature = sign(key, request_signing_bytes(method, target, device_id, stamp))
    return {DEVICE_HEADER: str(device_id), TIME_HEADER: stamp, SIGNATURE_HEADER: signature}
