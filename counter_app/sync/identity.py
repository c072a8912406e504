"""This PC as the server knows it: device id, keys and server address, read from the store."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.models.tables import Device
from counter_app.services.errors import ServiceError
from counter_app.sync.errors import FailureKind, SyncError
from counter_app.sync.signing import Ed25519PrivateKey, load_public_key


@dataclass(frozen=True)
class Enrolled:
    """Everything a push or pull needs; only exists for an enrolled PC."""

    device_id: int
    unit_code: str
    slot: int
    server_url: str
    key: Ed25519PrivateKey
    server_public_key: str


def self_device(session: Session) -> Device:
    device = session.scalar(select(Device).where(Device.is_self.is_(True)))
    if device is None:
        raise ServiceError("Máy này chưa được thiết lập. Hãy chạy trình thiết lập lần đầu.")
    return device


def private_key_of(device: Device) -> Ed25519PrivateKey | None:
    if not device.private_key:
        return None
    return Ed25519PrivateKey.from_private_bytes(bytes(device.private_key))


def enrolled_identity(session: Session) -> Enrolled:
    """The enrolled identity, or SyncError(NOT_ENROLLED) for a PC that never enrolled."""
    device = self_device(session)
    key = private_key_of(device)
    if (device.server_device_id is None or key is None or not device.server_url
            or not device.server_public_key):
        raise SyncError(FailureKind.NOT_ENROLLED,
                        "Máy này chưa đăng ký với máy chủ tỉnh nên chưa gửi được hồ sơ.")
    load_public_key(device.server_public_key)  # a damaged key fails here, not mid-sync
    return Enrolled(int(device.server_device_id), device.unit_code, device.slot,
                    device.server_url, key, device.server_public_key)
