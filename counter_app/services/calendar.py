"""The counter's working-day calendar: statutory defaults, the per-year override table, rules."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from counter_app.domain.calendar import DurationUnit, WorkCalendar
from counter_app.domain.calendar_rules import CalendarError, CalendarRules
from counter_app.domain.vntime import now_vn
from counter_app.models.tables import CalendarOverride
from counter_app.services.errors import ServiceError
from counter_app.services.holiday_defaults import build_calendar, parse_override_csv
from counter_app.services.settings import get_setting
from counter_app.services.store import Store
from counter_protocol.texts import QT_TRANSLATE_NOOP

FIRST_YEAR = 2015
LAST_YEAR = 2040


class CalendarService:
    """Builds the WorkCalendar once per process and rebuilds it after an override import."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._calendar: WorkCalendar | None = None

    def calendar(self) -> WorkCalendar:
        if self._calendar is None:
            self._calendar = self._build()
        return self._calendar

    def forget(self) -> None:
        """The working sessions changed: the next question rebuilds the calendar from them."""
        self._calendar = None

    def _build(self, years: range | None = None) -> WorkCalendar:
        rules, overrides = self._rules_and_overrides()
        if years is None:
            override_years = [d.year for d, _, _ in overrides]
            years = range(min([FIRST_YEAR, *override_years]), max([LAST_YEAR, *override_years]) + 1)
        return build_calendar(rules, years, overrides)

    def _rules_and_overrides(self) -> tuple[CalendarRules, list[tuple[date, str, str]]]:
        with self._store.read() as session:
            rules = CalendarRules.parse(
                get_setting(session, "calendar.sessions"),
                get_setting(session, "calendar.saturday"),
                get_setting(session, "calendar.weekdays"),
                get_setting(session, "calendar.hours_per_day"),
            )
            overrides = [
                (row.day, row.kind, row.name)
                for row in session.scalars(select(CalendarOverride).order_by(CalendarOverride.day))
            ]
        return rules, overrides

    def due(self, received: datetime, amount: Decimal, unit: str, cutoff: str | None) -> datetime:
        try:
            return self.calendar().due(received, amount, DurationUnit(unit), _parse_cutoff(cutoff))
        except CalendarError as exc:
            raise ServiceError(exc.template, advice=exc.advice_template, params=exc.params) from exc

    def import_overrides(self, csv_file: Path) -> int:
        """Load a `date,kind,name` CSV in one transaction; all lines or none. Returns the count."""
        try:
            text = csv_file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise ServiceError(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "Không đọc được tệp {csv_file}: {exc}",
                ),
                params={"csv_file": csv_file, "exc": exc},
            ) from exc
        try:
            rows = parse_override_csv(text)
        except CalendarError as exc:
            raise ServiceError(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "Tệp {csv_file_name} không hợp lệ: {exc}",
                ),
                params={"csv_file_name": csv_file.name, "exc": exc},
            ) from exc
        self.store_overrides(rows, source=csv_file.name)
        return len(rows)

    def store_overrides(self, rows: list[tuple[date, str, str]], source: str) -> None:
        with self._store.write() as session:
            for day, kind, name in rows:
                row = session.get(CalendarOverride, day)
                if row is None:
                    row = CalendarOverride(day=day)
                    session.add(row)
                row.kind, row.name, row.source, row.imported_at = kind, name, source, now_vn()
        self._calendar = None

    def year_table(self, year: int) -> list[tuple[date, str, str]]:
        if FIRST_YEAR <= year <= LAST_YEAR:
            return self.calendar().year_table(year)
        return self._build(range(year, year + 1)).year_table(year)


def _parse_cutoff(text: str | None) -> time | None:
    if not text:
        return None
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))
