"""First-run set-up of a counter: its unit, its name and numbering slot, the first administrator."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select

from counter_app.domain.text import nfc
from counter_app.domain.vntime import now_vn
from counter_app.models.tables import Device, Unit, User
from counter_app.services.accounts import check_new_password, hash_password
from counter_app.services.catalogue import ensure_catalogue
from counter_app.services.errors import ServiceError
from counter_app.services.store import Store
from counter_protocol.codes import CodeError, check_agency_code, check_slot


@dataclass(frozen=True)
class UnitChoice:
    code: str
    name: str
    level: str


@dataclass(frozen=True)
class CounterIdentity:
    device_uuid: str
    counter_name: str
    unit_code: str
    unit_name: str
    slot: int
    enrolled: bool
    server_url: str | None


class SetupService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def is_set_up(self) -> bool:
        with self._store.read() as session:
            return session.scalar(select(Device.id).where(Device.is_self.is_(True))) is not None

    def units(self) -> list[UnitChoice]:
        """Units a counter can belong to (one-stop centres of the catalogue, not agencies)."""
        ensure_catalogue(self._store)
        with self._store.read() as session:
            query = select(Unit).where(Unit.is_agency.is_(False)).order_by(Unit.code)
            rows = session.scalars(query)
            return [UnitChoice(u.code, u.name, u.level) for u in rows]

    def first_run(
        self,
        unit_code: str,
        counter_name: str,
        slot: int,
        admin_username: str,
        admin_full_name: str,
        password: str,
    ) -> CounterIdentity:
        """All of the set-up in one transaction; refuses to run twice."""
        try:
            check_agency_code(unit_code)
            check_slot(slot)
        except CodeError as exc:
            raise ServiceError(str(exc)) from exc
        check_new_password(password)
        if not counter_name.strip() or not admin_username.strip() or not admin_full_name.strip():
            raise ServiceError("Tên quầy, tên đăng nhập và họ tên quản trị không được để trống.")
        ensure_catalogue(self._store)
        with self._store.write() as session:
            if session.scalar(select(Device.id).where(Device.is_self.is_(True))) is not None:
                raise ServiceError("Máy này đã được thiết lập.")
            if session.scalar(select(Unit.id).where(Unit.code == unit_code)) is None:
                raise ServiceError(f"Đơn vị mã “{unit_code}” không có trong danh mục.")
            session.add(
                Device(
                    device_uuid=str(uuid.uuid4()),
                    name=nfc(counter_name.strip()),
                    unit_code=unit_code,
                    slot=slot,
                    is_self=True,
                    created_at=now_vn(),
                )
            )
            session.add(
                User(
                    username=admin_username.strip().lower(),
                    full_name=nfc(admin_full_name.strip()),
                    role="supervisor",
                    password_hash=hash_password(password),
                    failed_attempts=0,
                    active=True,
                    created_at=now_vn(),
                )
            )
        return self.identity()

    def identity(self) -> CounterIdentity:
        with self._store.read() as session:
            device = session.scalar(select(Device).where(Device.is_self.is_(True)))
            if device is None:
                raise ServiceError("Máy này chưa được thiết lập.")
            unit = session.scalar(select(Unit).where(Unit.code == device.unit_code))
            return CounterIdentity(
                device.device_uuid,
                device.name,
                device.unit_code,
                unit.name if unit else device.unit_code,
                device.slot,
                device.server_device_id is not None,
                device.server_url,
            )
