"""Who is calling: a device proves itself by signing; failures are refused and audit-logged."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import Engine

from counter_protocol.encoding import sha256_hex
from counter_protocol.signing import SignatureError, verify
from counter_protocol.transport import DEVICE_HEADER, SIGNATURE_HEADER
from counter_server import audit
from counter_server.devices import ACTIVE, DeviceInfo, load_device
from counter_server.errors import Refused
from counter_server.replay import outdated

UNKNOWN = (
    "Máy này chưa được đăng ký với máy chủ tỉnh (hoặc số máy không đúng). "
    "Liên hệ bộ phận CNTT để đăng ký."
)
REVOKED = "Máy này đã bị thu hồi quyền đồng bộ. Liên hệ bộ phận CNTT."
BAD_SIGNATURE = (
    "Chữ ký của dữ liệu gửi lên không hợp lệ: dữ liệu có thể đã bị thay đổi trên "
    "đường truyền. Toàn bộ lô bị từ chối."
)


def authenticate(
    engine: Engine,
    headers: Mapping[str, str],
    signed: bytes | None,
    remote: str | None,
    what: str,
    audit_body: bytes | None = None,
) -> DeviceInfo:
    """The active device whose key signed `signed`; Refused (403/401) and logged otherwise.

    `signed` is None when the request lacks what protocol 2 signs (time, nonce): a known device
    is then told to update its software (426)."""
    raw_id = (headers.get(DEVICE_HEADER) or "").strip()
    # isascii: str.isdigit() also accepts "²" and other digits int() refuses.
    device_id = int(raw_id) if raw_id.isascii() and raw_id.isdigit() and len(raw_id) < 10 else None
    with engine.connect() as conn:
        device = load_device(conn, device_id) if device_id is not None else None
    if device is None:
        audit.record_refusal(
            engine, "unknown_device", remote_addr=remote, claimed=raw_id[:40], request=what
        )
        raise Refused("unknown_device", UNKNOWN, 403)
    if device.status != ACTIVE:
        audit.record_refusal(
            engine, "revoked_device", device_id=device.id, remote_addr=remote, request=what
        )
        raise Refused("device_revoked", REVOKED, 403)
    if signed is None:
        raise outdated()
    try:
        verify(device.public_key, signed, headers.get(SIGNATURE_HEADER) or "")
    except SignatureError as exc:
        body = signed if audit_body is None else audit_body
        audit.record_refusal(
            engine,
            "bad_signature",
            device_id=device.id,
            remote_addr=remote,
            group=str(exc)[:60],
            request=what,
            reason=str(exc),
            body_sha256=sha256_hex(body),
            body_bytes=len(body),
        )
        raise Refused("bad_signature", BAD_SIGNATURE, 401) from exc
    return device
