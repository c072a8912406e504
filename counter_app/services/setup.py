"""First-run set-up of a counter: its unit, its name and numbering slot, the first administrator."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.roles import FIRST_ACCOUNT_ROLE, role_name
from counter_app.domain.text import nfc
from counter_app.domain.vntime import now_vn
from counter_app.models.tables import Device, Unit, User
from counter_app.services.accounts import check_new_account, check_new_password
from counter_app.services.admin_log import CONSOLE, AdminAction, record
from counter_app.services.errors import ServiceError
from counter_app.services.passwords import hash_password
from counter_app.services.store import Store
from counter_protocol.codes import CodeError, check_agency_code, check_slot
from counter_protocol.texts import QT_TRANSLATE_NOOP


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
        from counter_app.services.catalogue import ensure_catalogue  # first run only

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
            raise ServiceError(exc.template, advice=exc.advice_template, params=exc.params) from exc
        check_new_password(password)
        if not counter_name.strip() or not admin_username.strip() or not admin_full_name.strip():
            raise ServiceError(
                QT_TRANSLATE_NOOP(
                    "messages", "Tên quầy, tên đăng nhập và họ tên quản trị không được để trống."
                )
            )
        # The same rules as any later account: "@console" or "quản trị" are not user names.
        check_new_account(admin_username.strip().lower(), admin_full_name, "it")
        from counter_app.services.catalogue import ensure_catalogue  # first run only

        ensure_catalogue(self._store)
        with self._store.write() as session:
            if session.scalar(select(Device.id).where(Device.is_self.is_(True))) is not None:
                raise ServiceError(QT_TRANSLATE_NOOP("messages", "Máy này đã được thiết lập."))
            if session.scalar(select(Unit.id).where(Unit.code == unit_code)) is None:
                raise ServiceError(
                    QT_TRANSLATE_NOOP(
                        "messages",
                        "Đơn vị mã “{unit_code}” không có trong danh mục.",
                    ),
                    params={"unit_code": unit_code},
                )
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
            _add_first_account(session, admin_username.strip().lower(), admin_full_name, password)
        return self.identity()

    def identity(self) -> CounterIdentity:
        with self._store.read() as session:
            device = session.scalar(select(Device).where(Device.is_self.is_(True)))
            if device is None:
                raise ServiceError(QT_TRANSLATE_NOOP("messages", "Máy này chưa được thiết lập."))
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


def _add_first_account(session: Session, username: str, full_name: str, password: str) -> None:
    """The administrator who creates every other account (domain.roles.FIRST_ACCOUNT_ROLE)."""
    now = now_vn()
    session.add(
        User(
            username=username,
            full_name=nfc(full_name.strip()),
            role=FIRST_ACCOUNT_ROLE,
            password_hash=hash_password(password),
            failed_attempts=0,
            active=True,
            created_at=now,
        )
    )
    detail = f"{nfc(full_name.strip())}, vai trò {role_name(FIRST_ACCOUNT_ROLE)} (thiết lập máy)"
    record(session, now, CONSOLE, AdminAction.CREATED, username, detail)
