"""Column types: aware datetimes stored as ISO text in Vietnam time, so text order is time order."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from counter_protocol.timefmt import to_vn


class VnDateTime(TypeDecorator[datetime]):
    """An aware datetime kept as `YYYY-MM-DDTHH:MM:SS+07:00`.

    Every value is converted to Vietnam time before it is stored, so all rows share one offset and
    comparing or sorting the text compares the instants (Vietnam has no daylight saving).
    """

    impl = String(25)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"expected datetime, got {type(value).__name__}")
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored: give the zone")
        return to_vn(value).isoformat(timespec="seconds")

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return datetime.fromisoformat(value)


class IsoDate(TypeDecorator[date]):
    """A calendar date kept as `YYYY-MM-DD`."""

    impl = String(10)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        return None if value is None else value.isoformat()

    def process_result_value(self, value: Any, dialect: Dialect) -> date | None:
        return None if value is None else date.fromisoformat(value)
