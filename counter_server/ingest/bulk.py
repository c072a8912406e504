"""Fast multi-row writes: COPY on PostgreSQL (≈3× executemany here), executemany elsewhere.

The rows were checked and planned in Python first, so COPY's lack of ON CONFLICT does not matter:
a unique key taken concurrently still fails the statement, and the ingest retries the batch.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from operator import itemgetter
from typing import Any

import orjson
import psycopg
from sqlalchemy import JSON, Connection, DateTime, FromClause, any_, cast, insert
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.elements import ColumnElement, KeyedColumnElement

from counter_server.models import UtcDateTime


class JsonText(bytes):
    """A JSON column's value already encoded (as the device sent it): written as is."""


_PLAIN_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?(Z|[+-]\d\d:\d\d)")


def insert_rows(conn: Connection, table: FromClause, rows: Sequence[dict[str, Any]]) -> None:
    """Insert dict rows (all with the same keys) into `table`."""
    if not rows:
        return
    if conn.dialect.name != "postgresql":
        conn.execute(insert(table), [bindable(table, row) for row in rows])  # type: ignore[arg-type]
        return
    names = list(rows[0])
    json_at = [i for i, name in enumerate(names) if isinstance(table.c[name].type, JSON)]
    time_at = [i for i, name in enumerate(names) if _is_time(table.c[name].type)]
    values_of = itemgetter(*names)
    texts: dict[datetime, str] = {}  # `now` recurs in every row: format it once
    driver = conn.connection.driver_connection
    assert driver is not None
    statement = f"COPY {table.name} ({', '.join(names)}) FROM STDIN"  # type: ignore[attr-defined]
    try:
        with driver.cursor() as cursor, cursor.copy(statement) as copy:
            for row in rows:
                values = list(values_of(row))
                for i in json_at:
                    if isinstance(values[i], JsonText):
                        values[i] = values[i].decode()
                    elif values[i] is not None:
                        values[i] = orjson.dumps(values[i]).decode()
                for i in time_at:
                    if isinstance(values[i], datetime):  # device times came as checked text
                        values[i] = texts.get(values[i]) or _time_text(values[i], texts)
                copy.write_row(values)
    except psycopg.Error as exc:  # the driver was used directly: give callers SQLAlchemy's type
        raise DBAPIError.instance(statement, None, exc, psycopg.Error) from exc


def device_time(text: str) -> str | datetime:
    """A device time (already checked aware ISO) for a row: the received text itself when
    PostgreSQL reads it as is (formatting a datetime for COPY costs ~1 µs), else the datetime."""
    return text if _PLAIN_TIME.fullmatch(text) else datetime.fromisoformat(text)


def bindable(table: FromClause, row: dict[str, Any]) -> dict[str, Any]:
    """`row` for a SQLAlchemy insert: device-time text back to datetimes, JSON text parsed."""
    changed = {}
    for name, value in row.items():
        if isinstance(value, JsonText):
            changed[name] = orjson.loads(bytes(value))  # orjson takes no bytes subclass
        elif isinstance(value, str) and _is_time(table.c[name].type):
            changed[name] = datetime.fromisoformat(value)
    return {**row, **changed} if changed else row


def _is_time(column_type: object) -> bool:
    return isinstance(column_type, DateTime | UtcDateTime)


def _time_text(moment: datetime, texts: dict[datetime, str]) -> str:
    """ISO text for COPY: psycopg's datetime dumper costs ~5× more. Aware only, like UtcDateTime."""
    if moment.tzinfo is None:
        raise ValueError("only aware datetimes are stored")
    texts[moment] = text = moment.isoformat()
    return text


def among(
    conn: Connection, column: KeyedColumnElement[Any], values: set[Any]
) -> ColumnElement[bool]:
    """`column IN values`, as one array parameter on PostgreSQL (one cached plan per query)."""
    if conn.dialect.name == "postgresql":
        return column == any_(cast(list(values), ARRAY(column.type)))
    return column.in_(values)
