"""bulk_insert: rows named by column, values through the columns' own types, mistakes refused."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime

import pytest

from counter_app.models.base import Base
from counter_app.models.bulk import bulk_insert
from counter_app.models.tables import Applicant, CalendarOverride, SearchTerm

APPLICANTS = Base.metadata.tables[Applicant.__tablename__]
OVERRIDES = Base.metadata.tables[CalendarOverride.__tablename__]
TERMS = Base.metadata.tables[SearchTerm.__tablename__]


def applicant(n: int, **changes: object) -> dict[str, object]:
    row: dict[str, object] = {
        "id": n,
        "kind": 1,
        "full_name": f"Người {n}",
        "id_number": None,
        "old_id_number": None,
        "birth_date": date(1990, 1, n),
        "sex": None,
        "phone": None,
        "email": None,
        "address": None,
    }
    return {**row, **changes}


def rows_of(services, sql: str) -> list[tuple]:
    return list(sqlite3.connect(services.store.paths.db_file).execute(sql))


def test_columns_are_matched_by_name_and_values_pass_their_types(services) -> None:
    shuffled = dict(reversed(list(applicant(2).items())))  # key order does not matter
    overrides = [
        {
            "day": date(2026, 4, 27),
            "kind": "holiday",
            "name": "Nghỉ bù",
            "source": "t",
            "imported_at": datetime(2026, 1, 1, 1, 30, tzinfo=UTC),
        }
    ]
    with services.store.write() as session:
        bulk_insert(session.connection(), APPLICANTS, [applicant(1), shuffled])
        bulk_insert(session.connection(), OVERRIDES, overrides)
        bulk_insert(session.connection(), TERMS, [{"term": "nguyen"}])
        bulk_insert(session.connection(), TERMS, [])
    assert rows_of(services, "select id, full_name, birth_date from applicants order by id") == [
        (1, "Người 1", "1990-01-01"),
        (2, "Người 2", "1990-01-02"),
    ]
    assert rows_of(services, "select day, imported_at from calendar_overrides") == [
        ("2026-04-27", "2026-01-01T08:30:00+07:00")
    ]  # an aware instant, kept in Vietnam time
    assert rows_of(services, "select term from search_terms") == [("nguyen",)]


@pytest.mark.parametrize(
    "rows",
    [
        [
            {k: v for k, v in applicant(1).items() if k != "kind"}
        ],  # a column with a default left out
        [applicant(1, colour="đỏ")],  # not a column
        [applicant(1), {k: v for k, v in applicant(2).items() if k != "sex"}],  # rows differ
    ],
    ids=["defaulted-column-missing", "unknown-column", "rows-differ"],
)
def test_rows_that_do_not_name_the_columns_are_refused(services, rows) -> None:
    with pytest.raises((ValueError, KeyError)), services.store.write() as session:
        bulk_insert(session.connection(), APPLICANTS, rows)
    assert rows_of(services, "select count(*) from applicants") == [(0,)]


def test_a_naive_time_is_refused_like_any_write(services) -> None:
    row = {
        "day": date(2026, 1, 2),
        "kind": "holiday",
        "name": "x",
        "source": "t",
        "imported_at": datetime(2026, 1, 1, 8, 0),
    }
    with pytest.raises(ValueError, match="naive"), services.store.write() as session:
        bulk_insert(session.connection(), OVERRIDES, [row])
