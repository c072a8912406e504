"""Enrolment: make this PC's key pair, register it with a one-time code, store the server's reply.

The key pair is stored before the request, so a retry after a crash presents the same key. The
server's reply (device id, its public key) is stored in one transaction, after checking that it
enrolled us in our own unit and slot.

A PC the server revoked enrols again under a new identity (device uuid and key pair): the server
never takes a revoked uuid or key back. The outbox is untouched, so everything not yet
acknowledged is sent under the new device id (device_seq is numbered per device on the server).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.models.sync_tables import STATE_ROW, SyncState
from counter_app.models.tables import Device
from counter_app.services.codes import own_first_numbers, raise_counters
from counter_app.services.errors import ServiceError
from counter_app.services.store import Store
from counter_app.sync.client import SyncClient
from counter_app.sync.crash import WHILE_ENROLLING, crash_point
from counter_app.sync.errors import FailureKind, SyncError
from counter_app.sync.identity import (
    enrolled_identity,
    private_key_of,
    retire_identity,
    self_device,
)
from counter_app.sync.pull_apply import mark_revoked
from counter_protocol.enrol import EnrolReply, EnrolRequest
from counter_protocol.signing import (
    SignatureError,
    generate_private_key,
    load_public_key,
    private_key_bytes,
    public_key_b64,
)
from counter_protocol.texts import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    pass

ClientFactory = Callable[[str], SyncClient]
# The server's refusal of a uuid that belongs to a device it revoked (counter_server/devices.py).
UUID_REVOKED = "device_uuid_revoked"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class EnrolResult:
    device_id: int
    unit_code: str
    slot: int
    server_url: str


def normalise_url(text: str) -> str:
    url = text.strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ServiceError(
            QT_TRANSLATE_NOOP(
                "messages",
                "Địa chỉ máy chủ “{text}” không hợp lệ (ví dụ: https://dongbo.hatinh.gov.vn).",
            ),
            field="server_url",
            params={"text": text},
        )
    return url


def _prepare(store: Store, app_version: str, code: str, *, retire: bool = False) -> EnrolRequest:
    """Keep (or make) the key pair, and build the request; refuses a PC enrolled and not revoked.

    A revoked PC (or one the server just refused because its uuid was revoked: `retire`) first
    gets a new identity; the old one is kept as a non-self row.
    """
    with store.write() as session:
        device = self_device(session)
        if retire or (device.server_device_id is not None and _known_revoked(session)):
            old = retire_identity(session)
            log.info(
                "Enrolling again after revocation: device uuid %s (server device %s at "
                "%s) replaced by %s",
                old.device_uuid,
                old.server_device_id,
                old.server_url,
                device.device_uuid,
            )
        elif device.server_device_id is not None:
            raise ServiceError(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "Máy này đã đăng ký với máy chủ {server_url} (máy số {server_device_id}).",
                ),
                params={
                    "server_url": device.server_url,
                    "server_device_id": device.server_device_id,
                },
            )
        key = private_key_of(device)
        if key is None:
            key = generate_private_key()
            device.private_key, device.public_key = private_key_bytes(key), public_key_b64(key)
        return EnrolRequest(
            code=code.strip(),
            public_key=public_key_b64(key),
            device_uuid=device.device_uuid,
            device_name=device.name,
            slot=device.slot,
            app_version=app_version,
            unit_code=device.unit_code,
            slot_first_numbers=own_first_numbers(session, device.unit_code, device.slot),
            earlier_device_ids=_earlier_device_ids(session),
        )


def _earlier_device_ids(session: Session) -> list[int]:
    """The server device ids of this PC's retired identities (its own earlier numbers)."""
    ids = session.scalars(
        select(Device.server_device_id).where(
            Device.is_self.is_(False), Device.server_device_id.is_not(None)
        )
    )
    return sorted(int(i) for i in ids if i is not None and i.isdigit())


def _known_revoked(session: Session) -> bool:
    state = session.get(SyncState, STATE_ROW)
    return state is not None and state.revoked_at is not None


def _learn_revocation(store: Store, client_factory: ClientFactory, now: datetime) -> None:
    """An enrolled PC asks its server whether it was revoked (a recovered PC may not know yet).

    A signed request that the server refuses as revoked is recorded like a sync would; any other
    failure (offline, unknown device) is raised as it is.
    """
    with store.read() as session:
        if self_device(session).server_device_id is None or _known_revoked(session):
            return
        me = enrolled_identity(session)
        state = session.get(SyncState, STATE_ROW)
        cursor = state.pull_cursor if state is not None else 0
    try:
        with client_factory(me.server_url) as client:
            client.pull(me.device_id, me.key, cursor, 1)  # stamped by the client's clock
    except SyncError as exc:
        if exc.kind != FailureKind.REVOKED:
            raise
        with store.write() as session:
            mark_revoked(session, now, exc.message)


def enrol(
    store: Store,
    client_factory: ClientFactory,
    server_url: str,
    code: str,
    app_version: str,
    now: datetime,
) -> EnrolResult:
    url = normalise_url(server_url)
    if not code.strip():
        raise ServiceError(
            QT_TRANSLATE_NOOP("messages", "Nhập mã đăng ký máy do bộ phận CNTT cấp."), field="code"
        )
    _learn_revocation(store, client_factory, now)
    request = _prepare(store, app_version, code)
    with client_factory(url) as client:
        try:
            reply = client.enrol(request)
        except SyncError as exc:
            if exc.server_code != UUID_REVOKED:
                raise
            # Revoked after an enrolment whose reply never got stored here: new identity, once.
            request = _prepare(store, app_version, code, retire=True)
            reply = client.enrol(request)
    crash_point(WHILE_ENROLLING)
    return _store_reply(store, url, request, reply, now)


def _store_reply(
    store: Store,
    url: str,
    request: EnrolRequest,
    reply: EnrolReply,
    now: datetime,
) -> EnrolResult:
    try:
        load_public_key(reply.server_public_key)
    except SignatureError as exc:
        raise SyncError(
            FailureKind.BAD_REPLY,
            QT_TRANSLATE_NOOP("messages", "Khoá công khai máy chủ gửi về không hợp lệ."),
        ) from exc
    with store.write() as session:
        device = self_device(session)
        if reply.unit_code != device.unit_code or reply.slot != request.slot:
            raise ServiceError(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "Mã đăng ký dành cho đơn vị {unit_code}, máy số {slot}, nhưng máy này "
                    "thuộc đơn vị {own_unit}, máy số {own_slot}. Chưa lưu gì; báo bộ phận "
                    "CNTT thu hồi máy số {device_id} trên máy chủ và cấp mã đúng đơn vị.",
                ),
                params={
                    "unit_code": reply.unit_code,
                    "slot": reply.slot,
                    "own_unit": device.unit_code,
                    "own_slot": device.slot,
                    "device_id": reply.device_id,
                },
            )
        # Above what an earlier PC of this slot issued: those slips are already printed.
        raise_counters(session, device.unit_code, device.slot, reply.slot_high_water)
        device.server_url, device.server_device_id = url, str(reply.device_id)
        device.server_public_key, device.enrolled_at = reply.server_public_key, now
        state = session.get(SyncState, STATE_ROW)
        if state is not None:  # enrolled afresh: a revocation of the old identity is history
            state.revoked_at = state.revoked_message = None
    return EnrolResult(reply.device_id, reply.unit_code, reply.slot, url)
