"""This PC as the server knows it (device id, keys, server address); a new one after revocation."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.models.tables import Device
from counter_app.services.errors import ServiceError
from counter_app.sync.errors import FailureKind, SyncError
from counter_protocol.signing import load_public_key, private_key_from_bytes
from counter_protocol.texts import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from counter_protocol.signing import Ed25519PrivateKey


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
        raise ServiceError(
            QT_TRANSLATE_NOOP(
                "messages", "Máy này chưa được thiết lập. Hãy chạy trình thiết lập lần đầu."
            )
        )
    return device


def private_key_of(device: Device) -> Ed25519PrivateKey | None:
    if not device.private_key:
        return None
    return private_key_from_bytes(bytes(device.private_key))


def enrolled_identity(session: Session) -> Enrolled:
    """The enrolled identity, or SyncError(NOT_ENROLLED) for a PC that never enrolled."""
    device = self_device(session)
    key = private_key_of(device)
    if (
        device.server_device_id is None
        or key is None
        or not device.server_url
        or not device.server_public_key
    ):
        raise SyncError(
            FailureKind.NOT_ENROLLED,
            QT_TRANSLATE_NOOP(
                "messages", "Máy này chưa đăng ký với máy chủ tỉnh nên chưa gửi được hồ sơ."
            ),
        )
    load_public_key(device.server_public_key)  # a damaged key fails here, not mid-sync
    return Enrolled(
        int(device.server_device_id),
        device.unit_code,
        device.slot,
        device.server_url,
        key,
        device.server_public_key,
    )


@dataclass(frozen=True)
class Retired:
    """An identity this PC gave up (the server revoked it); kept as a non-self `devices` row."""

    device_uuid: str
    server_device_id: str | None
    public_key: str | None
    server_url: str | None


def retire_identity(session: Session) -> Retired:
    """Give this PC a new device uuid and no key pair (enrolment makes one) and no enrolment.

    The old uuid, public key and server device id stay in a `devices` row with `is_self` false,
    so the dossiers made under them (which carry the old uuid) can still be traced. The old
    private key is dropped: the server will never accept it again.
    """
    device = self_device(session)
    old = Retired(device.device_uuid, device.server_device_id, device.public_key, device.server_url)
    archived = Device(
        device_uuid=old.device_uuid,
        name=device.name,
        unit_code=device.unit_code,
        slot=device.slot,
        is_self=False,
        created_at=device.created_at,
        server_url=old.server_url,
        server_device_id=old.server_device_id,
        server_public_key=device.server_public_key,
        private_key=None,
        public_key=old.public_key,
        enrolled_at=device.enrolled_at,
    )
    device.device_uuid = str(uuid.uuid4())
    device.private_key = device.public_key = None
    device.server_url = device.server_device_id = device.server_public_key = None
    device.enrolled_at = None
    session.flush()  # the uuid is unique: free it before the archived row takes it
    session.add(archived)
    session.flush()
    return old
