"""The shipped table of Vietnam's default days off (resources/calendar/vietnam-holidays.json):
the library's own answer, read instead of the library on the way to the first screen."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.services.calendar import FIRST_YEAR, LAST_YEAR
from counter_app.services.holiday_defaults import (
    default_tables,
    library_tables,
    shipped_tables,
)

ROOT = Path(__file__).resolve().parents[3]


def test_the_shipped_table_is_what_the_pinned_library_says() -> None:
    """Fails after the library's pin moves: run scripts/holiday_table.py and read the diff."""
    check = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "holiday_table.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stdout + check.stderr


@given(
    first=st.integers(FIRST_YEAR, LAST_YEAR),
    span=st.integers(0, 4),
)
def test_any_years_inside_the_table_read_as_the_library_computes_them(first: int, span: int):
    years = list(range(first, min(first + span, LAST_YEAR) + 1))
    assert shipped_tables(years) == library_tables(years)


def test_years_outside_the_table_are_asked_of_the_library() -> None:
    assert shipped_tables([LAST_YEAR, LAST_YEAR + 1]) is None
    assert shipped_tables([FIRST_YEAR - 1]) is None
    days_off, _ = default_tables([LAST_YEAR + 1])
    assert any(day.month == 9 and day.day == 2 for day in days_off)  # Quốc khánh, from the library


@pytest.mark.parametrize("content", ["", "{", '{"first_year": 2015}', "[1, 2]"])
def test_an_unreadable_table_leaves_the_answer_to_the_library(tmp_path: Path, content: str):
    broken = tmp_path / "vietnam-holidays.json"
    broken.write_text(content, encoding="utf-8")
    assert shipped_tables([2026], path=broken) is None
    assert shipped_tables([2026], path=tmp_path / "missing.json") is None


def test_the_working_calendar_of_a_start_loads_no_holiday_library(data_dir: Path) -> None:
    probe = (
        "import sys\n"
        "from counter_app.app import build_services\n"
        "services = build_services(sys.argv[1])\n"
        "calendar = services.calendar.calendar()\n"
        "services.close()\n"
        "print(calendar.is_working_day(__import__('datetime').date(2026, 2, 17)))\n"
        "print(' '.join(m for m in sys.modules if m == 'holidays' or m.startswith('holidays.')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, str(data_dir)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out == ["False", ""]  # 17/02/2026 is in Tết; nothing of the library was imported
