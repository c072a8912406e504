"""Bulk inserts of many rows given as dicts keyed by column name, through the tables' own types.

Core's `conn.execute(insert(table), rows)` rebuilds every row's parameters (~9 µs a row); the
million-dossier demo store is some eight million rows. This compiles `insert(table)` once, runs
each column's own bind processor (zoned times, dates, booleans) and hands the driver each row's
values in the compiled statement's parameter order. Columns are always named, never positional by
hand: a row that lacks a column, or names one the table does not have, is refused.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Table, insert


def bulk_insert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert `rows` in the caller's transaction; every row names the same columns.

    A column left out must be one the database fills (NULL, an autoincrement id): leaving out a
    column with a Python-side default is refused, as Core would have filled it in.
    """
    if not rows:
        return
    names = list(rows[0])
    _check_columns(table, names)
    compiled = insert(table).compile(dialect=conn.dialect, column_keys=names)
    if not compiled.positional:  # SQLite's "?" style; the store is SQLite
        raise ValueError(f"bulk_insert needs a positional parameter style, not {conn.dialect}")
    order = list(compiled.positiontup or [])
    if sorted(order) != sorted(names):
        raise ValueError(f"{table.name}: the compiled insert does not bind {sorted(names)}")
    pick = itemgetter(*order)
    values_of = pick if len(order) > 1 else (lambda row: (pick(row),))
    converters = _converters(conn, compiled.binds, order)
    params = []
    for row in rows:
        if len(row) != len(order):  # with itemgetter's KeyError: exactly the same columns
            raise ValueError(f"{table.name}: every row must name the columns {names}")
        values = list(values_of(row))
        for index, convert in converters:
            values[index] = convert(values[index])
        params.append(tuple(values))
    conn.exec_driver_sql(compiled.string, params)


def _check_columns(table: Table, names: list[str]) -> None:
    unknown = sorted(set(names) - set(table.columns.keys()))
    defaulted = [c.key for c in table.columns if c.key not in names and c.default is not None]
    if unknown or defaulted:
        raise ValueError(
            f"{table.name}: unknown columns {unknown}, columns with a default left out {defaulted}"
        )


def _converters(
    conn: Connection, binds: dict[str, Any], order: list[str]
) -> list[tuple[int, Callable[[Any], Any]]]:
    """(position, bind processor) of each parameter whose type converts its value."""
    out = []
    for index, name in enumerate(order):
        processor = binds[name].type.bind_processor(conn.dialect)
        if processor is not None:
            out.append((index, processor))
    return out
