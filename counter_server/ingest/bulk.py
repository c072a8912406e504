"""Fast multi-row writes: COPY on PostgreSQL (≈3× executemany here), executemany elsewhere.

The rows were checked and planned in Python first, so COPY's lack of ON CONFLICT does not matter:
a unique key taken concurrently still fails the statement, and the ingest retries the batch.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import orjson
import psycopg
from sqlalchemy import JSON, Connection, FromClause, any_, cast, insert
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.elements import ColumnElement, KeyedColumnElement


def insert_rows(conn: Connection, table: FromClause, rows: Sequence[dict[str, Any]]) -> None:
    """Insert dict rows (all with the same keys) into `table`."""
    if not rows:
        return
    if conn.dialect.name != "postgresql":
        conn.execute(insert(table), list(rows))  # type: ignore[arg-type]
        return
    names = list(rows[0])
    json_at = [i for i, name in enumerate(names) if isinstance(table.c[name].type, JSON)]
    driver = conn.connection.driver_connection
    assert driver is not None
    statement = f"COPY {table.name} ({', '.join(names)}) FROM STDIN"  # type: ignore[attr-defined]
    try:
        with driver.cursor() as cursor, cursor.copy(statement) as copy:
            for row in rows:
                values = [row[name] for name in names]
                for i in json_at:
                    if values[i] is not None:
                        values[i] = orjson.dumps(values[i]).decode()
                copy.write_row(values)
    except psycopg.Error as exc:  # the driver was used directly: give callers SQLAlchemy's type
        raise DBAPIError.instance(statement, None, exc, psycopg.Error) from exc


def among(
    conn: Connection, column: KeyedColumnElement[Any], values: set[Any]
) -> ColumnElement[bool]:
    """`column IN values`, as one array parameter on PostgreSQL (one cached plan per query)."""
    if conn.dialect.name == "postgresql":
        return column == any_(cast(list(values), ARRAY(column.type)))
    return column.in_(values)
