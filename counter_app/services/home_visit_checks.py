"""The checks a home appointment's write makes inside its transaction: the clerk works here, the
procedure is in the catalogue, the clerk's time is free, the appointment is still booked."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.appointments import (
    HOLDS_TIME,
    AppointmentError,
    Slot,
    VisitStatus,
    first_conflict,
)
from counter_app.models.service_tables import HomeVisit
from counter_app.models.tables import Procedure
from counter_app.services.errors import NotFound
from counter_protocol.texts import QT_TRANSLATE_NOOP


def require_procedure(session: Session, code: str) -> None:
    found = session.scalar(select(Procedure.id).where(Procedure.code == code.strip()).limit(1))
    if found is None:
        raise AppointmentError(
            QT_TRANSLATE_NOOP(
                "messages",
                "Không có thủ tục mã {code} trong danh mục.",
            ),
            field="procedure_code",
            params={"code": code},
        )


def refuse_conflict(session: Session, clerk: str, slot: Slot) -> None:
    """Refused when another appointment that holds the clerk's time overlaps `slot`."""
    held = session.scalars(
        select(HomeVisit).where(
            HomeVisit.clerk == clerk,
            HomeVisit.status.in_([s.value for s in HOLDS_TIME]),
            HomeVisit.starts_at < slot.end,
            HomeVisit.ends_at > slot.start,
        )
    ).all()
    by_id = {v.id: v for v in held}
    clash = first_conflict(slot, [(v.id, Slot(v.starts_at, v.ends_at)) for v in held])
    if clash is not None:
        raise _conflict(clerk, by_id[clash], slot)


def _conflict(clerk: str, other: HomeVisit, slot: Slot) -> AppointmentError:
    return AppointmentError(
        QT_TRANSLATE_NOOP(
            "messages",
            "Cán bộ {clerk} đã có lịch hẹn số {id} ({starts_at}, {citizen_name}) "
            "trùng giờ với lịch {slot}.",
        ),
        field="start",
        code="appointment.conflict",
        advice=QT_TRANSLATE_NOOP("messages", "Chọn giờ khác hoặc giao cho cán bộ khác."),
        params={
            "clerk": clerk,
            "id": other.id,
            "starts_at": Slot(other.starts_at, other.ends_at).text(),
            "citizen_name": other.citizen_name,
            "slot": slot.text(),
        },
    )


def booked_visit(session: Session, visit_id: int) -> HomeVisit:
    """The appointment, for a change that only a booked one takes."""
    visit = session.get(HomeVisit, visit_id)
    if visit is None:
        raise NotFound(
            QT_TRANSLATE_NOOP(
                "messages",
                "Không có lịch hẹn số {visit_id}.",
            ),
            params={"visit_id": visit_id},
        )
    if visit.status != VisitStatus.BOOKED.value:
        raise AppointmentError(
            QT_TRANSLATE_NOOP(
                "messages",
                "Lịch hẹn số {visit_id} đã “{label}”, không thay đổi được.",
            ),
            advice=QT_TRANSLATE_NOOP("messages", "Đặt một lịch hẹn mới nếu cần."),
            params={"visit_id": visit_id, "label": VisitStatus(visit.status).label},
        )
    return visit
