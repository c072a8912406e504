"""Home appointments and online-service help: the rules, without the store (docs/domain.md)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from counter_app.domain.calendar import WorkCalendar
from counter_protocol.errors import UserError
from counter_protocol.texts import QT_TRANSLATE_NOOP
from counter_protocol.timefmt import VN_TZ, to_vn

PORTAL_CODE_MAX = 60
LONGEST_VISIT = timedelta(hours=8)


class AppointmentError(UserError):
    """A home appointment or an online-help record the counter refuses."""

    default_code = "appointment.refused"


class VisitStatus(StrEnum):
    """Where a home appointment stands; a visit row is never deleted, only moved on."""

    BOOKED = "booked"  # đã hẹn
    DONE = "done"  # đã thực hiện
    ABSENT = "absent"  # người dân vắng nhà
    CANCELLED = "cancelled"  # đã hủy
    RESCHEDULED = "rescheduled"  # đã dời sang lịch hẹn khác

    @property
    def label(self) -> str:
        return _VISIT_LABELS[self]


_VISIT_LABELS = {
    VisitStatus.BOOKED: QT_TRANSLATE_NOOP("labels", "Đã hẹn"),
    VisitStatus.DONE: QT_TRANSLATE_NOOP("labels", "Đã thực hiện"),
    VisitStatus.ABSENT: QT_TRANSLATE_NOOP("labels", "Người dân vắng nhà"),
    VisitStatus.CANCELLED: QT_TRANSLATE_NOOP("labels", "Đã hủy"),
    VisitStatus.RESCHEDULED: QT_TRANSLATE_NOOP("labels", "Đã dời lịch"),
}
# A cancelled or moved appointment frees the clerk's time; one that happened kept it.
HOLDS_TIME = frozenset({VisitStatus.BOOKED, VisitStatus.DONE, VisitStatus.ABSENT})
OUTCOMES = frozenset({VisitStatus.DONE, VisitStatus.ABSENT, VisitStatus.CANCELLED})


class HelpKind(StrEnum):
    """The online public service the clerk helped with."""

    FULL = "full"  # dịch vụ công trực tuyến toàn trình
    PARTIAL = "partial"  # dịch vụ công trực tuyến một phần

    @property
    def label(self) -> str:
        if self is HelpKind.FULL:
            return QT_TRANSLATE_NOOP("labels", "Toàn trình")
        return QT_TRANSLATE_NOOP("labels", "Một phần")


@dataclass(frozen=True)
class Slot:
    """A time span in Vietnam time, start included, end excluded."""

    start: datetime
    end: datetime

    def overlaps(self, other: Slot) -> bool:
        return self.start < other.end and other.start < self.end

    def text(self) -> str:
        return f"{self.start:%d/%m/%Y %H:%M}–{self.end:%H:%M}"


def checked_slot(start: datetime, end: datetime, calendar: WorkCalendar) -> Slot:
    """The slot in Vietnam time if it lies inside one working session of a working day."""
    if start.tzinfo is None or end.tzinfo is None:
        raise ValueError("appointment times must carry their zone")
    slot = Slot(to_vn(start), to_vn(end))
    if slot.end <= slot.start:
        raise AppointmentError(
            QT_TRANSLATE_NOOP("messages", "Giờ kết thúc phải sau giờ bắt đầu."), field="end"
        )
    if slot.end - slot.start > LONGEST_VISIT:
        raise AppointmentError(
            QT_TRANSLATE_NOOP("messages", "Một lịch hẹn không dài quá 8 giờ."), field="end"
        )
    day = slot.start.date()
    sessions = calendar.sessions_on(day)
    if not sessions:
        raise AppointmentError(
            QT_TRANSLATE_NOOP("messages", "Ngày {day:%d/%m/%Y} không phải ngày làm việc của quầy."),
            field="start",
            params={"day": day},
        )
    same_day = slot.end.date() == day
    for session in sessions:
        if same_day and session.start <= slot.start.time() and slot.end.time() <= session.end:
            return slot
    hours = ", ".join(f"{s.start:%H:%M}–{s.end:%H:%M}" for s in sessions)
    raise AppointmentError(
        QT_TRANSLATE_NOOP(
            "messages", "Lịch hẹn {slot} không nằm trọn trong một buổi làm việc ({hours})."
        ),
        field="start",
        advice=QT_TRANSLATE_NOOP("messages", "Chọn giờ trong buổi làm việc của ngày đó."),
        params={"slot": slot.text(), "hours": hours},
    )


def first_conflict(slot: Slot, booked: Iterable[tuple[int, Slot]]) -> int | None:
    """The id of the first booked slot that overlaps `slot`, or None."""
    for visit_id, other in booked:
        if slot.overlaps(other):
            return visit_id
    return None


def check_portal_code(text: str) -> str:
    """The national portal's dossier code, loosely checked: its shape varies by province."""
    code = text.strip()
    if not code:
        raise AppointmentError(
            QT_TRANSLATE_NOOP("messages", "Chưa nhập mã hồ sơ trên Cổng dịch vụ công."),
            field="portal_code",
        )
    if len(code) > PORTAL_CODE_MAX:
        raise AppointmentError(
            QT_TRANSLATE_NOOP("messages", "Mã hồ sơ trên Cổng dài quá {limit} ký tự."),
            field="portal_code",
            params={"limit": PORTAL_CODE_MAX},
        )
    if any(ch.isspace() for ch in code):
        raise AppointmentError(
            QT_TRANSLATE_NOOP("messages", "Mã hồ sơ trên Cổng không được có khoảng trắng."),
            field="portal_code",
        )
    return code


def day_span(day: date, days: int = 1) -> tuple[datetime, datetime]:
    """[start, end) of `days` days from `day`, in Vietnam time."""
    start = datetime.combine(day, datetime.min.time(), tzinfo=VN_TZ)
    return start, start + timedelta(days=days)


def week_of(day: date) -> date:
    """The Monday of `day`'s week."""
    return day - timedelta(days=day.weekday())


def required_text(value: str, field: str, label: str) -> str:
    text = " ".join(value.split())
    if not text:
        raise AppointmentError(
            QT_TRANSLATE_NOOP(
                "messages",
                "Chưa nhập {label}.",
            ),
            field=field,
            params={"label": label},
        )
    return text
