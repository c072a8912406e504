"""Home appointments (hẹn giờ thực hiện TTHC tại nhà): book, list, move, cancel, record the
outcome and receive the dossier at the citizen's home (docs/domain.md#home-appointments)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.appointments import (
    OUTCOMES,
    AppointmentError,
    Slot,
    VisitStatus,
    checked_slot,
    day_span,
    required_text,
    week_of,
)
from counter_app.domain.kinds import Channel
from counter_app.domain.phones import validate_phone
from counter_app.domain.vntime import now_vn
from counter_app.models.service_tables import HomeVisit, HomeVisitEvent
from counter_app.models.tables import Dossier
from counter_app.services.calendar import CalendarService
from counter_app.services.dossiers import DossierService
from counter_app.services.dto import IntakeRequest
from counter_app.services.errors import NotFound
from counter_app.services.home_visit_checks import (
    booked_visit,
    refuse_conflict,
    require_procedure,
)
from counter_app.services.home_visit_views import VisitEventView, VisitView, visit_views
from counter_app.services.people import require_clerk
from counter_app.services.store import Store
from counter_protocol.texts import QT_TRANSLATE_NOOP
from counter_protocol.timefmt import to_vn

HOME_NOTE = "Tiếp nhận tại nhà người dân (lịch hẹn số {id})."


@dataclass(frozen=True)
class VisitRequest:
    """A home appointment to book: when, where, for what, with which clerk."""

    clerk: str  # username of the clerk who goes
    start: datetime
    end: datetime
    citizen_name: str
    phone: str
    address: str
    procedure_code: str
    area_code: str | None = None  # the province/commune unit code of the address
    note: str | None = None
    booked_by: str | None = None  # who typed it in; the clerk when not given


class HomeVisitService:
    """Home appointments of this counter's clerks, kept in this counter's store only."""

    def __init__(
        self,
        store: Store,
        calendar: CalendarService,
        dossiers: DossierService,
        clock: Callable[[], datetime] = now_vn,
    ) -> None:
        self._store = store
        self._calendar = calendar
        self._dossiers = dossiers
        self._clock = clock

    def book(self, request: VisitRequest) -> int:
        """Store a booked appointment and return its number; refused when the clerk already has
        one at an overlapping time (checked inside the write transaction, which SQLite takes
        IMMEDIATE, so two windows on this store cannot both book the same hour)."""
        slot = checked_slot(request.start, request.end, self._calendar.calendar())
        fields = _checked_fields(request)
        with self._store.write() as session:
            require_clerk(session, request.clerk)
            require_procedure(session, request.procedure_code)
            refuse_conflict(session, request.clerk, slot)
            visit = HomeVisit(
                clerk=request.clerk,
                starts_at=slot.start,
                ends_at=slot.end,
                **fields,
                status=VisitStatus.BOOKED.value,
                created_at=self._now(),
                created_by=request.booked_by or request.clerk,
            )
            session.add(visit)
            session.flush()
            _log(session, visit, self._now(), visit.created_by, "booked", request.note)
            return visit.id

    def reschedule(
        self,
        visit_id: int,
        start: datetime,
        end: datetime,
        actor: str,
        *,
        clerk: str | None = None,
        note: str | None = None,
    ) -> int:
        """Move a booked appointment: the old row becomes "rescheduled", a new row (pointing at
        it) is booked at the new time, for `clerk` or the same clerk. Returns the new number."""
        slot = checked_slot(start, end, self._calendar.calendar())
        with self._store.write() as session:
            old = booked_visit(session, visit_id)
            new_clerk = clerk or old.clerk
            require_clerk(session, new_clerk)
            old.status = VisitStatus.RESCHEDULED.value
            session.flush()  # the old slot no longer holds the clerk's time
            refuse_conflict(session, new_clerk, slot)
            new = _moved_copy(old, slot, new_clerk, actor, self._now())
            session.add(new)
            session.flush()
            _log(session, old, self._now(), actor, "rescheduled", f"Dời sang lịch hẹn số {new.id}")
            _log(session, new, self._now(), actor, "booked", note or f"Dời từ lịch hẹn số {old.id}")
            return new.id

    def record_outcome(
        self, visit_id: int, outcome: VisitStatus, actor: str, note: str | None = None
    ) -> None:
        """Done, citizen absent, or cancelled: the one outcome of a booked appointment."""
        if outcome not in OUTCOMES:
            raise AppointmentError(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "“{outcome}” không phải kết quả của một lịch hẹn.",
                ),
                params={"outcome": outcome.label},
            )
        note = (note or "").strip() or None
        with self._store.write() as session:
            visit = booked_visit(session, visit_id)
            visit.status = outcome.value
            visit.note = note or visit.note
            _log(session, visit, self._now(), actor, outcome.value, note)

    def receive_at_home(
        self, visit_id: int, request: IntakeRequest, *, clock_confirmed: bool = False
    ) -> str:
        """Receive the citizen's dossier at the home through the normal intake and link it.

        The dossier goes on the wire as channel 1 (trực tiếp: handed to a clerk in person) with
        `at_home` set; the home is also recorded on the appointment and in the dossier's note.
        The intake and the link are two transactions: when the link failed after the intake, a
        retry links the dossier already received (found by its note) instead of receiving it
        twice. Returns its code."""
        self._check_receivable(visit_id, request.clerk)
        code = self._received_before(visit_id)
        if code is None:
            code = self._dossiers.receive(
                _home_request(request, visit_id), clock_confirmed=clock_confirmed
            )
        with self._store.write() as session:
            row = booked_visit(session, visit_id)
            row.status = VisitStatus.DONE.value
            row.dossier_code = code
            _log(session, row, self._now(), request.clerk, "received", f"Hồ sơ {code}")
        return code

    def _check_receivable(self, visit_id: int, clerk: str) -> None:
        visit = self.get(visit_id)
        if visit.status is not VisitStatus.BOOKED:
            raise AppointmentError(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "Lịch hẹn số {visit_id} đang ở trạng thái “{status}”: chỉ tiếp nhận "
                    "được hồ sơ của lịch hẹn đang chờ thực hiện.",
                ),
                params={"visit_id": visit_id, "status": visit.status.label},
            )
        if clerk != visit.clerk:
            raise AppointmentError(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "Lịch hẹn số {visit_id} giao cho cán bộ {clerk}; hồ sơ phải do cán bộ "
                    "đó tiếp nhận.",
                ),
                field="clerk",
                params={"visit_id": visit_id, "clerk": visit.clerk},
            )

    def _received_before(self, visit_id: int) -> str | None:
        mark = HOME_NOTE.format(id=visit_id)
        with self._store.read() as session:
            return session.scalar(
                select(Dossier.code).where(Dossier.note.startswith(mark, autoescape=True)).limit(1)
            )

    def get(self, visit_id: int) -> VisitView:
        with self._store.read() as session:
            rows = visit_views(session, select(HomeVisit).where(HomeVisit.id == visit_id))
        if not rows:
            raise NotFound(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "Không có lịch hẹn số {visit_id}.",
                ),
                params={"visit_id": visit_id},
            )
        return rows[0]

    def day(self, day: date, clerk: str | None = None) -> list[VisitView]:
        """The day's appointments (every status), by start time, of one clerk or all."""
        return self._between(*day_span(day), clerk)

    def week(self, day: date, clerk: str | None = None) -> list[VisitView]:
        """The appointments of `day`'s week, Monday to Sunday."""
        return self._between(*day_span(week_of(day), 7), clerk)

    def history(self, visit_id: int) -> list[VisitEventView]:
        with self._store.read() as session:
            events = session.scalars(
                select(HomeVisitEvent)
                .where(HomeVisitEvent.visit_id == visit_id)
                .order_by(HomeVisitEvent.id)
            )
            return [VisitEventView(e.at, e.actor, e.kind, e.note) for e in events]

    def _between(self, start: datetime, end: datetime, clerk: str | None) -> list[VisitView]:
        query = select(HomeVisit).where(HomeVisit.starts_at >= start, HomeVisit.starts_at < end)
        if clerk is not None:
            query = query.where(HomeVisit.clerk == clerk)
        with self._store.read() as session:
            return visit_views(session, query.order_by(HomeVisit.starts_at, HomeVisit.id))

    def _now(self) -> datetime:
        return to_vn(self._clock())


def _checked_fields(request: VisitRequest) -> dict[str, str | None]:
    area = (request.area_code or "").strip() or None
    if area is not None and (len(area) > 40 or any(ch.isspace() for ch in area)):
        raise AppointmentError(
            QT_TRANSLATE_NOOP(
                "messages",
                "Mã đơn vị hành chính “{area}” không hợp lệ.",
            ),
            field="area_code",
            params={"area": area},
        )
    return {
        "citizen_name": required_text(
            request.citizen_name, "citizen_name", QT_TRANSLATE_NOOP("labels", "họ tên người dân")
        ),
        "phone": validate_phone(request.phone).national,
        "address": required_text(
            request.address, "address", QT_TRANSLATE_NOOP("labels", "địa chỉ")
        ),
        "area_code": area,
        "procedure_code": required_text(
            request.procedure_code, "procedure_code", QT_TRANSLATE_NOOP("labels", "thủ tục")
        ),
        "note": (request.note or "").strip() or None,
    }


def _moved_copy(old: HomeVisit, slot: Slot, clerk: str, actor: str, now: datetime) -> HomeVisit:
    return HomeVisit(
        clerk=clerk,
        starts_at=slot.start,
        ends_at=slot.end,
        citizen_name=old.citizen_name,
        phone=old.phone,
        address=old.address,
        area_code=old.area_code,
        procedure_code=old.procedure_code,
        status=VisitStatus.BOOKED.value,
        note=old.note,
        replaces_id=old.id,
        created_at=now,
        created_by=actor,
    )


def _log(
    session: Session, visit: HomeVisit, at: datetime, actor: str, kind: str, note: str | None
) -> None:
    session.add(HomeVisitEvent(visit_id=visit.id, at=at, actor=actor, kind=kind, note=note))


def _home_request(request: IntakeRequest, visit_id: int) -> IntakeRequest:
    """Channel 1 on the wire, marked received at home (`CreateData.at_home`, which the work
    counts read); the note says so too, for people and for a retry's look-up."""
    mark = HOME_NOTE.format(id=visit_id)
    note = f"{mark} {request.note}" if request.note else mark
    return replace(request, channel=Channel.COUNTER, note=note, at_home=True)
