"""A counter's working week as configured: its sessions, working weekdays and hours per day,
read from the settings' text form, and the error every calendar problem raises."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, time
from decimal import Decimal, InvalidOperation
from itertools import pairwise

from counter_protocol.errors import UserError
from counter_protocol.texts import QT_TRANSLATE_NOOP

SATURDAY = 5
_SESSION_TEXT = re.compile(r"^(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})$")
_WEEKDAY_ITEM = re.compile(r"^([1-7])(?:\s*-\s*([1-7]))?$")


class CalendarError(UserError):
    """A calendar configuration or computation problem; the message is Vietnamese, for the user."""

    default_code = "calendar.invalid"


@dataclass(frozen=True)
class WorkSession:
    """One opening period of a working day, e.g. 07:00–11:30."""

    start: time
    end: time

    def __post_init__(self) -> None:
        if self.start >= self.end:
            raise CalendarError(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "Buổi làm việc không hợp lệ: {start:%H:%M}-{end:%H:%M} "
                    "(giờ bắt đầu phải trước giờ kết thúc).",
                ),
                params={"start": self.start, "end": self.end},
            )


def _default_weekday_sessions() -> tuple[WorkSession, ...]:
    return (WorkSession(time(7, 0), time(11, 30)), WorkSession(time(13, 30), time(17, 0)))


@dataclass(frozen=True)
class CalendarRules:
    """A counter's working week. Weekdays count Monday as 0 (Python's `date.weekday()`)."""

    weekday_sessions: tuple[WorkSession, ...] = field(default_factory=_default_weekday_sessions)
    working_weekdays: frozenset[int] = frozenset({0, 1, 2, 3, 4})
    saturday_sessions: tuple[WorkSession, ...] = ()
    hours_per_day: Decimal = Decimal(8)

    def __post_init__(self) -> None:
        if not self.weekday_sessions:
            raise CalendarError(
                QT_TRANSLATE_NOOP("messages", "Chưa khai báo buổi làm việc nào trong ngày.")
            )
        _check_session_order(self.weekday_sessions)
        _check_session_order(self.saturday_sessions)
        if not self.working_weekdays or not self.working_weekdays <= set(range(7)):
            raise CalendarError(
                QT_TRANSLATE_NOOP("messages", "Danh sách ngày làm việc trong tuần không hợp lệ.")
            )
        if self.hours_per_day <= 0:
            raise CalendarError(
                QT_TRANSLATE_NOOP("messages", "Số giờ của một ngày làm việc phải lớn hơn 0.")
            )

    @classmethod
    def parse(
        cls,
        sessions: str = "07:00-11:30,13:30-17:00",
        saturday: str = "",
        weekdays: str = "1-5",
        hours_per_day: str = "8",
    ) -> CalendarRules:
        """Read the config text form. `weekdays` numbers Monday (thứ Hai) as 1 and Sunday as 7.

        A non-empty `saturday` schedule puts Saturday in the working week.
        """
        working = _parse_weekdays(weekdays)
        saturday_sessions = _parse_sessions(saturday) if saturday.strip() else ()
        if saturday_sessions:
            working |= {SATURDAY}
        return cls(
            weekday_sessions=_parse_sessions(sessions),
            working_weekdays=frozenset(working),
            saturday_sessions=saturday_sessions,
            hours_per_day=_parse_hours(hours_per_day),
        )


@dataclass(frozen=True)
class DayOff:
    """A named non-working date (holiday, nghỉ bù, swapped day)."""

    day: date
    name: str


def _check_session_order(sessions: tuple[WorkSession, ...]) -> None:
    for earlier, later in pairwise(sessions):
        if later.start < earlier.end:
            raise CalendarError(
                QT_TRANSLATE_NOOP(
                    "messages", "Các buổi làm việc phải theo thứ tự và không chồng lên nhau."
                )
            )


def _parse_sessions(text: str) -> tuple[WorkSession, ...]:
    items = [item.strip() for item in text.split(",")]
    return tuple(_parse_session(item, text) for item in items)


def _parse_session(item: str, whole: str) -> WorkSession:
    match = _SESSION_TEXT.match(item)
    bad = CalendarError(
        QT_TRANSLATE_NOOP(
            "messages", "Giờ làm việc không hợp lệ: “{text}” (cần dạng 07:00-11:30,13:30-17:00)."
        ),
        params={"text": whole},
    )
    if match is None:
        raise bad
    h1, m1, h2, m2 = (int(part) for part in match.groups())
    try:
        start, end = time(h1, m1), time(h2, m2)
    except ValueError as error:  # hour or minute out of range
        raise bad from error
    return WorkSession(start, end)


def _parse_weekdays(text: str) -> set[int]:
    days: set[int] = set()
    for item in text.split(","):
        match = _WEEKDAY_ITEM.match(item.strip())
        if match is None:
            raise CalendarError(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "Ngày làm việc trong tuần không hợp lệ: “{text}” "
                    "(cần dạng 1-5; thứ Hai là 1, Chủ nhật là 7).",
                ),
                params={"text": text},
            )
        first = int(match.group(1))
        last = int(match.group(2) or first)
        if last < first:
            raise CalendarError(
                QT_TRANSLATE_NOOP("messages", "Khoảng ngày trong tuần bị ngược: “{text}”."),
                params={"text": item.strip()},
            )
        days |= {iso - 1 for iso in range(first, last + 1)}
    return days


def _parse_hours(text: str) -> Decimal:
    try:
        hours = Decimal(text.strip().replace(",", "."))
    except InvalidOperation as error:
        raise _bad_hours(text) from error
    if not hours.is_finite() or hours <= 0:
        raise _bad_hours(text)
    return hours


def _bad_hours(text: str) -> CalendarError:
    return CalendarError(
        QT_TRANSLATE_NOOP("messages", "Số giờ của một ngày làm việc không hợp lệ: “{text}”."),
        params={"text": text},
    )
