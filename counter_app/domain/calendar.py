"""Working-day calendar: which days are worked, and appointment-date (hẹn trả) maths over a
counter's rules (`calendar_rules.py`) and its tables of days off and make-up days."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from enum import StrEnum

from counter_app.domain.calendar_rules import SATURDAY, CalendarError, CalendarRules, WorkSession
from counter_protocol.texts import QT_TRANSLATE_NOOP
from counter_protocol.timefmt import VN_TZ, to_vn

# A table with no working day in this many days is misconfigured; stop instead of looping.
SEARCH_LIMIT_DAYS = 400
_ONE_DAY = timedelta(days=1)
_MICRO_HOUR = Decimal("0.000001")


class DurationUnit(StrEnum):
    """How a procedure's processing time is counted (docs/domain.md#appointment)."""

    WORKING_DAYS = "working_days"
    WORKING_HOURS = "working_hours"
    HALF_DAYS = "half_days"
    CALENDAR_DAYS = "calendar_days"


def _hours_to_timedelta(hours: Decimal) -> timedelta:
    return timedelta(microseconds=int((hours * 3_600_000_000).to_integral_value()))


def _at(day: date, clock: time) -> datetime:
    return datetime.combine(day, clock, tzinfo=VN_TZ)


class WorkCalendar:
    """Answers "is this a working day" and "when is this due" for one counter's rules and tables."""

    def __init__(
        self,
        rules: CalendarRules,
        days_off: Mapping[date, str],
        makeup_workdays: Mapping[date, str],
    ) -> None:
        both = sorted(set(days_off) & set(makeup_workdays))
        if both:
            raise CalendarError(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "Ngày {day:%d/%m/%Y} vừa là ngày nghỉ vừa là ngày làm bù.",
                ),
                params={"day": both[0]},
            )
        self.rules = rules
        self._days_off = dict(days_off)
        self._makeup = dict(makeup_workdays)
        # The tables never change after construction, so per-day answers are kept: a long
        # deadline walks every day it skips, and the same days come up for every dossier.
        self._day_lengths: dict[date, timedelta] = {}
        self._openings: dict[date, datetime] = {}

    # --- days -------------------------------------------------------------------------------

    def is_working_day(self, day: date) -> bool:
        """Make-up workdays are worked even on a weekend; days off are not worked on a weekday."""
        if day in self._makeup:
            return True
        if day in self._days_off:
            return False
        return day.weekday() in self.rules.working_weekdays

    def sessions_on(self, day: date) -> tuple[WorkSession, ...]:
        """The day's sessions; a make-up day replaces a full weekday, so it gets weekday hours."""
        if not self.is_working_day(day):
            return ()
        regular_saturday = day.weekday() == SATURDAY and day not in self._makeup
        if regular_saturday and self.rules.saturday_sessions:
            return self.rules.saturday_sessions
        return self.rules.weekday_sessions

    def first_working_day_from(self, day: date) -> date:
        """`day` itself if worked, else the next working day."""
        for offset in range(SEARCH_LIMIT_DAYS):
            candidate = day + timedelta(days=offset)
            if self.is_working_day(candidate):
                return candidate
        raise _no_working_day(day)

    def working_days_between(self, start: date, end: date) -> int:
        """Working days d with start < d <= end; negative when end is before start."""
        if end < start:
            return -self.working_days_between(end, start)
        span = (end - start).days
        return sum(self.is_working_day(start + timedelta(days=n)) for n in range(1, span + 1))

    def year_table(self, year: int) -> list[tuple[date, str, str]]:
        """Days off ("holiday") and make-up days ("workday") of one year, in date order."""
        rows = [(day, "holiday", name) for day, name in self._days_off.items() if day.year == year]
        rows += [(day, "workday", name) for day, name in self._makeup.items() if day.year == year]
        return sorted(rows)

    # --- instants ---------------------------------------------------------------------------

    def next_working_instant(self, moment: datetime) -> datetime:
        """`moment` (in Vietnam time) if inside a session, else the start of the next session."""
        local = to_vn(moment)
        day = local.date()
        for _ in range(SEARCH_LIMIT_DAYS):
            for session in self.sessions_on(day):
                if local < _at(day, session.end):
                    return max(local, _at(day, session.start))
            day += _ONE_DAY
        raise _no_working_day(local.date())

    def last_working_instant(self, moment: datetime) -> datetime:
        """`moment` (in Vietnam time) if inside a session, else a minute before the latest
        session closed: the last moment the counter was open."""
        local = to_vn(moment)
        day = local.date()
        for _ in range(SEARCH_LIMIT_DAYS):
            for session in reversed(self.sessions_on(day)):
                if local >= _at(day, session.start):
                    return min(local, _at(day, session.end) - timedelta(minutes=1))
            day -= _ONE_DAY
        raise _no_working_day(local.date())

    def add_working_hours(self, start: datetime, hours: Decimal) -> datetime:
        """Walk `hours` of session time from `start`; an end exactly at a session close stays."""
        if hours < 0:
            raise CalendarError(QT_TRANSLATE_NOOP("messages", "Thời hạn giải quyết không được âm."))
        cursor = self.next_working_instant(start)
        remaining = _hours_to_timedelta(hours)
        while True:
            cursor, remaining = self._skip_whole_days(cursor, remaining)
            session_end = self._end_of_session_at(cursor)
            available = session_end - cursor
            if remaining <= available:
                return cursor + remaining
            remaining -= available
            cursor = self.next_working_instant(session_end)

    def _skip_whole_days(
        self, cursor: datetime, remaining: timedelta
    ) -> tuple[datetime, timedelta]:
        # A long deadline (30 working days) would otherwise walk every session one by one.
        while True:
            day = cursor.date()
            sessions = self.sessions_on(day)
            if not sessions or cursor != _at(day, sessions[0].start):
                return cursor, remaining
            day_length = self._day_length(day)
            if remaining <= day_length:  # the deadline falls on this day (its close included)
                return cursor, remaining
            remaining -= day_length
            cursor = self._next_day_opening(day)

    def _day_length(self, day: date) -> timedelta:
        length = self._day_lengths.get(day)
        if length is None:
            length = sum(
                (_at(day, s.end) - _at(day, s.start) for s in self.sessions_on(day)), timedelta()
            )
            self._day_lengths[day] = length
        return length

    def working_hours_between(self, start: datetime, end: datetime) -> Decimal:
        """Session time between two instants, in hours (0 when `end` is not after `start`):
        nights, weekends and days off do not count (docs/domain.md#deadlines)."""
        begin, finish = to_vn(start), to_vn(end)
        total = timedelta()
        day = begin.date()
        while day <= finish.date():
            for session in self.sessions_on(day):
                lo = max(begin, _at(day, session.start))
                hi = min(finish, _at(day, session.end))
                if hi > lo:
                    total += hi - lo
            day += _ONE_DAY
        hours = Decimal(int(total.total_seconds())) / Decimal(3600)
        return hours.quantize(_MICRO_HOUR)  # 3.6 ms: far below any deadline's resolution

    def closing_time(self, day: date) -> datetime:
        """End of the day's last session; the day must be a working day."""
        sessions = self.sessions_on(day)
        if not sessions:
            raise CalendarError(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "Ngày {day:%d/%m/%Y} không phải ngày làm việc.",
                ),
                params={"day": day},
            )
        return _at(day, sessions[-1].end)

    def due(
        self,
        received: datetime,
        amount: Decimal,
        unit: DurationUnit,
        cutoff: time | None = None,
    ) -> datetime:
        """The appointment instant for a dossier received at `received` (Vietnam time out).

        Amount 0 in any unit means "trong ngày": the close of the effective start day.
        """
        if amount < 0:
            raise CalendarError(QT_TRANSLATE_NOOP("messages", "Thời hạn giải quyết không được âm."))
        local = to_vn(received)
        start = self._effective_start(local, cutoff)
        if amount == 0:
            return self.closing_time(start.date())
        if unit is DurationUnit.CALENDAR_DAYS:
            return self._due_calendar_days(local, amount, cutoff)
        return self.add_working_hours(start, self._working_hours(amount, unit))

    # --- helpers ----------------------------------------------------------------------------

    def _working_hours(self, amount: Decimal, unit: DurationUnit) -> Decimal:
        if unit is DurationUnit.WORKING_DAYS:
            return amount * self.rules.hours_per_day
        if unit is DurationUnit.HALF_DAYS:
            return amount * self.rules.hours_per_day / 2
        return amount

    def _effective_start(self, received: datetime, cutoff: time | None) -> datetime:
        """Next working instant; at or after a same-day cut-off, the next working day's opening."""
        if _past_cutoff(received, cutoff):
            return self._next_day_opening(received.date())
        return self.next_working_instant(received)

    def _next_day_opening(self, day: date) -> datetime:
        """The first session's start on the first working day after `day`."""
        opening = self._openings.get(day)
        if opening is None:
            next_day = self.first_working_day_from(day + _ONE_DAY)
            opening = _at(next_day, self.sessions_on(next_day)[0].start)
            self._openings[day] = opening
        return opening

    def _due_calendar_days(
        self, received: datetime, amount: Decimal, cutoff: time | None
    ) -> datetime:
        """N calendar days after receipt (after the next opening past a cut-off), never off."""
        if amount != amount.to_integral_value():
            raise CalendarError(
                QT_TRANSLATE_NOOP(
                    "messages", "Thời hạn tính theo ngày lịch phải là số ngày nguyên."
                )
            )
        base = (
            self._next_day_opening(received.date()) if _past_cutoff(received, cutoff) else received
        )
        target = base + timedelta(days=int(amount))
        day = self.first_working_day_from(target.date())
        return self._clip_into_sessions(day, target.time())

    def _clip_into_sessions(self, day: date, clock: time) -> datetime:
        for session in self.sessions_on(day):
            if session.start <= clock <= session.end:
                return _at(day, clock)
        return self.closing_time(day)

    def _end_of_session_at(self, moment: datetime) -> datetime:
        for session in self.sessions_on(moment.date()):
            start, end = _at(moment.date(), session.start), _at(moment.date(), session.end)
            if start <= moment < end:
                return end
        raise CalendarError(
            QT_TRANSLATE_NOOP(
                "messages",
                "{moment:%H:%M %d/%m/%Y} không nằm trong giờ làm việc.",
            ),
            params={"moment": moment},
        )


def _past_cutoff(received: datetime, cutoff: time | None) -> bool:
    return cutoff is not None and received.time() >= cutoff


def _no_working_day(day: date) -> CalendarError:
    return CalendarError(
        QT_TRANSLATE_NOOP(
            "messages",
            "Không tìm thấy ngày làm việc nào trong {limit} ngày kể từ "
            "{day:%d/%m/%Y}; hãy kiểm tra bảng ngày nghỉ và lịch làm việc.",
        ),
        params={"limit": SEARCH_LIMIT_DAYS, "day": day},
    )
