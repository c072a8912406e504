"""The pull feed: what the province sends down, in server order (`changes.seq`), per unit.

Writers take `lock_changes` first, so sequence numbers are handed out in commit order and a reader
that has seen seq N will never later find an N-1 committed behind its back.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, insert, or_, select

from counter_app.sync.protocol import Change, ChangesPage, format_time
from counter_server.db import lock_changes
from counter_server.models import ChangeRow


def add_change(
    conn: Connection, kind: str, unit_code: str | None, payload: dict[str, Any]
) -> int:
    """Append one change (for `unit_code`, or for every unit if None); return its seq."""
    lock_changes(conn)
    result = conn.execute(
        insert(ChangeRow).returning(ChangeRow.__table__.c.seq),
        [{"kind": kind, "unit_code": unit_code, "payload": payload,
          "created_at": datetime.now(UTC)}],
    )
    return int(result.scalar_one())


def read_page(conn: Connection, unit_code: str, cursor: int, limit: int) -> ChangesPage:
    """Changes after `cursor` meant for `unit_code` (or for all), oldest first."""
    t = ChangeRow.__table__.c
    rows = conn.execute(
        select(t.seq, t.kind, t.unit_code, t.payload, t.created_at)
        .where(t.seq > cursor, or_(t.unit_code.is_(None), t.unit_code == unit_code))
        .order_by(t.seq)
        .limit(limit + 1)
    ).all()
    more = len(rows) > limit
    changes: list[Change] = [
        {"seq": r.seq, "kind": r.kind, "unit_code": r.unit_code,
         "created_at": format_time(r.created_at), "payload": r.payload}
        for r in rows[:limit]
    ]
    return {"changes": changes, "next_cursor": changes[-1]["seq"] if changes else cursor,
            "has_more": more, "server_time": format_time(datetime.now(UTC))}
