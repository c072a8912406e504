"""Online-service help: a clerk helped a citizen submit on the national portal. The record is
counted in the books and monthly counts; it never makes a dossier of this counter. It goes to
the province as an `online_help.record` op, queued in the record's own transaction, so the
province counts it too (docs/decisions/0029-online-help-as-an-op.md)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.appointments import (
    AppointmentError,
    HelpKind,
    check_portal_code,
    day_span,
    required_text,
)
from counter_app.domain.phones import validate_phone
from counter_app.domain.vntime import now_vn
from counter_app.models.service_tables import OnlineHelp
from counter_app.models.tables import Device
from counter_app.services import outbox
from counter_app.services.errors import ServiceError
from counter_app.services.people import people_names, require_clerk
from counter_app.services.store import Store
from counter_protocol.ops import KIND_ONLINE_HELP, HelpData
from counter_protocol.texts import QT_TRANSLATE_NOOP
from counter_protocol.timefmt import to_vn


@dataclass(frozen=True)
class HelpInput:
    """What the clerk records after helping with an online submission."""

    portal_code: str  # the dossier code the national portal gave
    kind: HelpKind
    procedure_code: str
    citizen_name: str
    clerk: str
    phone: str | None = None
    helped_at: datetime | None = None  # now when not given
    note: str | None = None


@dataclass(frozen=True)
class HelpView:
    id: int
    portal_code: str
    kind: HelpKind
    procedure_code: str
    citizen_name: str
    phone: str | None
    clerk: str  # the username the record is kept under
    helped_at: datetime
    note: str | None
    clerk_name: str = ""  # the person's full name, where this store knows it

    @property
    def clerk_shown(self) -> str:
        return self.clerk_name or self.clerk


class OnlineHelpService:
    """Records of online-submission help, kept in this counter's store."""

    def __init__(self, store: Store, clock: Callable[[], datetime] = now_vn) -> None:
        self._store = store
        self._clock = clock

    def add(self, entry: HelpInput) -> int:
        """Store one help record and return its number; a portal code recorded before (by any
        clerk of this counter) is refused."""
        code = check_portal_code(entry.portal_code)
        fields = _checked_fields(entry)
        now = to_vn(self._clock())
        helped_at = to_vn(entry.helped_at) if entry.helped_at is not None else now
        with self._store.write() as session:
            require_clerk(session, entry.clerk)
            _refuse_duplicate(session, code)
            row = OnlineHelp(
                uuid=str(uuid.uuid4()),
                unit_code=_own_unit(session),
                portal_code=code,
                kind=HelpKind(entry.kind).value,
                clerk=entry.clerk,
                helped_at=helped_at,
                created_at=now,
                **fields,
            )
            session.add(row)
            session.flush()
            _queue(session, row)
            return row.id

    def day(self, day: date, clerk: str | None = None) -> list[HelpView]:
        """The day's records, by time, of one clerk or all."""
        return self.between(day, 1, clerk)

    def between(self, first: date, days: int, clerk: str | None = None) -> list[HelpView]:
        """The records of `days` days from `first` (a month's count asks for its days)."""
        start, end = day_span(first, days)
        query = select(OnlineHelp).where(OnlineHelp.helped_at >= start, OnlineHelp.helped_at < end)
        if clerk is not None:
            query = query.where(OnlineHelp.clerk == clerk)
        with self._store.read() as session:
            rows = list(session.scalars(query.order_by(OnlineHelp.helped_at, OnlineHelp.id)))
            names = people_names(session, (r.clerk for r in rows))
            return [_view(r, names) for r in rows]

    def counts(self, first: date, days: int) -> dict[HelpKind, int]:
        """How many helps of each kind in the period (every clerk)."""
        found = {kind: 0 for kind in HelpKind}
        for view in self.between(first, days):
            found[view.kind] += 1
        return found


def _checked_fields(entry: HelpInput) -> dict[str, str | None]:
    phone = (entry.phone or "").strip()
    return {
        "procedure_code": required_text(
            entry.procedure_code, "procedure_code", QT_TRANSLATE_NOOP("labels", "thủ tục")
        ),
        "citizen_name": required_text(
            entry.citizen_name, "citizen_name", QT_TRANSLATE_NOOP("labels", "họ tên người dân")
        ),
        "phone": validate_phone(phone).national if phone else None,
        "note": (entry.note or "").strip() or None,
    }


def _own_unit(session: Session) -> str:
    unit = session.scalar(select(Device.unit_code).where(Device.is_self.is_(True)))
    if unit is None:
        raise ServiceError(
            QT_TRANSLATE_NOOP(
                "messages", "Máy này chưa được thiết lập. Hãy chạy trình thiết lập lần đầu."
            )
        )
    return unit


def _queue(session: Session, row: OnlineHelp) -> None:
    """The record's op for the province: its uuid and the portal's code name it on the wire."""
    assert row.uuid is not None and row.unit_code is not None
    outbox.enqueue(
        session,
        kind=KIND_ONLINE_HELP,
        dossier_uuid=row.uuid,
        dossier_code=row.portal_code,
        unit_code=row.unit_code,
        prev_seq=None,
        created_at=row.created_at,
        data=HelpData(
            kind=HelpKind(row.kind).value,
            procedure_code=row.procedure_code,
            clerk=row.clerk,
            helped_at=to_vn(row.helped_at).isoformat(timespec="seconds"),
        ),
    )


def _refuse_duplicate(session: Session, code: str) -> None:
    earlier = session.scalar(select(OnlineHelp).where(OnlineHelp.portal_code == code))
    if earlier is not None:
        when = f"{to_vn(earlier.helped_at):%d/%m/%Y %H:%M}"
        raise AppointmentError(
            QT_TRANSLATE_NOOP(
                "messages",
                "Hồ sơ {code} trên Cổng đã được ghi nhận hỗ trợ (số {id}, cán bộ {clerk}, {when}).",
            ),
            field="portal_code",
            code="online_help.duplicate",
            params={"code": code, "id": earlier.id, "clerk": earlier.clerk, "when": when},
        )


def _view(r: OnlineHelp, names: dict[str, str]) -> HelpView:
    return HelpView(
        id=r.id,
        portal_code=r.portal_code,
        kind=HelpKind(r.kind),
        procedure_code=r.procedure_code,
        citizen_name=r.citizen_name,
        phone=r.phone,
        clerk=r.clerk,
        helped_at=r.helped_at,
        note=r.note,
        clerk_name=names.get(r.clerk, ""),
    )
