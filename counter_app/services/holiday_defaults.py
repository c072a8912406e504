"""Default Vietnamese days off and make-up days (holidays 0.109), override CSV, assembly.

The defaults of the years the counter builds at every start (services/calendar.py, 2015–2040)
ship as a table computed from the library (resources/calendar/vietnam-holidays.json, written by
`scripts/holiday_table.py`; a test keeps it equal to the library's answer). Reading it takes a
millisecond; importing the library takes ~60 ms (its package loads every lunar and lunisolar
calendar it has) and computing the table ~40 ms, on the way to the first screen. Other years
ask the library.
"""

from __future__ import annotations

import csv
import importlib
import importlib.util
import io
import json
import re
import sys
import unicodedata
from collections.abc import Iterable
from datetime import date
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from counter_app.assets import get_asset
from counter_app.domain.calendar import WorkCalendar
from counter_app.domain.calendar_rules import CalendarError, CalendarRules
from counter_protocol.texts import QT_TRANSLATE_NOOP

HOLIDAY = "holiday"
WORKDAY = "workday"
OVERRIDE_KINDS = (HOLIDAY, WORKDAY)
OVERRIDE_HEADER = ("date", "kind", "name")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

Override = tuple[date, str, str]
DayTables = tuple[dict[date, str], dict[date, str]]  # days off, make-up workdays
SHIPPED_TABLE = ("calendar", "vietnam-holidays.json")

if TYPE_CHECKING:
    import holidays


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _vietnam_holidays(years: Iterable[int]) -> holidays.HolidayBase:
    # observed=True (the default) adds nghỉ bù days such as 2026-04-27. The same table as
    # holidays.country_holidays("VN", …), which would first import every country (below).
    vietnam: type[holidays.HolidayBase] = _vietnam_module().Vietnam
    return vietnam(years=list(years), language="vi", observed=True)


def _vietnam_module() -> ModuleType:
    """The library's Vietnam module alone: importing it the usual way runs the package
    `holidays.countries`, which imports all of its ~200 countries (0.3 s at every start)."""
    import holidays

    name = "holidays.countries.vietnam"
    module = sys.modules.get(name)
    if module is not None:
        return module
    spec = _spec_without_parent(name, Path(holidays.__file__).parent / "countries")
    if spec is None or spec.loader is None:  # no finder could: the usual, slower way
        return importlib.import_module(name)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _spec_without_parent(name: str, folder: Path) -> ModuleSpec | None:
    """Ask each finder for `name` inside `folder`: the file system's finder from source, the
    frozen bundle's finder (which has no source files) from its archive."""
    for finder in sys.meta_path:
        find_spec = getattr(finder, "find_spec", None)
        spec: ModuleSpec | None = find_spec(name, [str(folder)]) if find_spec else None
        if spec is not None:
            return spec
    return None


def default_days_off(year: int) -> dict[date, str]:
    """The library's public holidays, nghỉ bù and swapped days off for `year`, Vietnamese names."""
    table = _vietnam_holidays([year])
    return {day: _nfc(name) for day, name in sorted(table.items()) if day.year == year}


def default_makeup_workdays(year: int) -> dict[date, str]:
    """Weekend days worked to make up a swapped day off (holidays' `weekend_workdays`)."""
    # Neighbouring years too: a swap can cross New Year (2014-12-27 made up 2015-01-02).
    table = _vietnam_holidays([year - 1, year, year + 1])
    return {
        day: _makeup_name(day, table) for day in sorted(table.weekend_workdays) if day.year == year
    }


def _makeup_name(day: date, table: holidays.HolidayBase) -> str:
    """Name the make-up day after the day off it pays for (the library labels that one)."""
    marker = f"{day:%d/%m/%Y}"
    swapped = sorted(off for off, name in table.items() if marker in name)
    if swapped:
        return f"Ngày làm bù (cho ngày nghỉ {swapped[0]:%d/%m/%Y})"
    return "Ngày làm bù"


def build_calendar(
    rules: CalendarRules, year_range: Iterable[int], overrides: Iterable[Override]
) -> WorkCalendar:
    """Library defaults for every year in `year_range`, then the overrides, which win."""
    years = list(year_range)
    days_off, makeup = default_tables(years) if years else ({}, {})
    for day, kind, name in overrides:
        _apply_override(days_off, makeup, day, kind, name)
    return WorkCalendar(rules, days_off, makeup)


def default_tables(years: list[int]) -> DayTables:
    """`default_days_off` and `default_makeup_workdays` of every year in `years`: from the
    shipped table when it holds them all, else from the library."""
    shipped = shipped_tables(years)
    return shipped if shipped is not None else library_tables(years)


def shipped_tables(years: list[int], path: Path | None = None) -> DayTables | None:
    """The shipped table's days of `years`, or None if it does not cover them (or is unreadable:
    the library then answers, as it always could)."""
    try:
        data = json.loads((path or get_asset(*SHIPPED_TABLE)).read_text(encoding="utf-8"))
        first, last = int(data["first_year"]), int(data["last_year"])
        if min(years) < first or max(years) > last:
            return None
        wanted = set(years)
        return _days_of(data["days_off"], wanted), _days_of(data["makeup"], wanted)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _days_of(rows: list[list[str]], years: set[int]) -> dict[date, str]:
    days = {date.fromisoformat(day): name for day, name in rows}
    return {day: name for day, name in days.items() if day.year in years}


def shipped_table_data(first_year: int, last_year: int) -> dict[str, object]:
    """What `scripts/holiday_table.py` writes: the library's tables for the years, as JSON data."""
    days_off, makeup = library_tables(list(range(first_year, last_year + 1)))
    return {
        "source": "holidays 0.109, Vietnam (observed), Vietnamese names",
        "first_year": first_year,
        "last_year": last_year,
        "days_off": [[day.isoformat(), name] for day, name in sorted(days_off.items())],
        "makeup": [[day.isoformat(), name] for day, name in sorted(makeup.items())],
    }


def library_tables(years: list[int]) -> DayTables:
    """The library's days off and make-up days of every year in `years`, from one table of it
    (a tenth of the time of a table per year)."""
    table = _vietnam_holidays(range(min(years) - 1, max(years) + 2))
    wanted = set(years)
    days_off = {day: _nfc(name) for day, name in sorted(table.items()) if day.year in wanted}
    worked = sorted(day for day in table.weekend_workdays if day.year in wanted)
    makeup = {day: _makeup_name(day, table) for day in worked}
    return days_off, makeup


def _apply_override(
    days_off: dict[date, str], makeup: dict[date, str], day: date, kind: str, name: str
) -> None:
    if kind == HOLIDAY:
        makeup.pop(day, None)
        days_off[day] = name
    elif kind == WORKDAY:
        days_off.pop(day, None)
        makeup[day] = name
    else:
        raise CalendarError(
            QT_TRANSLATE_NOOP(
                "messages",
                "Loại ngày không hợp lệ: “{kind}” (chỉ nhận holiday hoặc workday).",
            ),
            params={"kind": kind},
        )


def parse_override_csv(text: str) -> list[Override]:
    """Read `date,kind,name` lines (header first). All or nothing: any bad line raises.

    The error lists every bad line as "Dòng N: …". A date repeated with the same kind keeps
    the later name; a date repeated with another kind is an error.
    """
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    errors: list[str] = []
    if not rows or tuple(cell.strip().lower() for cell in rows[0]) != OVERRIDE_HEADER:
        errors.append("Dòng 1: dòng tiêu đề phải là “date,kind,name”.")
    parsed: dict[date, tuple[int, str, str]] = {}
    for line_number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue  # blank line
        problem = _read_override_row(row, line_number, parsed)
        if problem:
            errors.append(f"Dòng {line_number}: {problem}")
    if errors:
        raise CalendarError(  # untranslated: read by `counter-app calendar import` only
            "Tệp ngày nghỉ/làm bù có lỗi, chưa nhập dòng nào:\n" + "\n".join(errors)
        )
    return [(day, kind, name) for day, (_, kind, name) in parsed.items()]


def _read_override_row(
    row: list[str], line_number: int, parsed: dict[date, tuple[int, str, str]]
) -> str | None:
    """Store one good row in `parsed`; return the Vietnamese problem for a bad one."""
    if len(row) != 3:
        return f"cần đúng 3 cột date,kind,name, dòng này có {len(row)} cột."
    date_text, kind_text, name_text = (cell.strip() for cell in row)
    day = _parse_iso_date(date_text)
    if day is None:
        return f"ngày “{date_text}” không hợp lệ (cần dạng YYYY-MM-DD, ví dụ 2026-02-16)."
    kind = kind_text.lower()
    if kind not in OVERRIDE_KINDS:
        return f"loại “{kind_text}” không hợp lệ (chỉ nhận holiday hoặc workday)."
    if not name_text:
        return "thiếu tên ngày (cột name)."
    earlier = parsed.get(day)
    if earlier is not None and earlier[1] != kind:
        return f"ngày {day:%d/%m/%Y} đã khai báo là “{earlier[1]}” ở dòng {earlier[0]}."
    parsed[day] = (line_number, kind, _nfc(name_text))
    return None


def _parse_iso_date(text: str) -> date | None:
    if not _ISO_DATE.match(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None
