"""The pull feed: what the province sends down, in server order (`changes.seq`), per unit.

Writers take `lock_changes` first, so sequence numbers are handed out in commit order and a reader
that has seen seq N will never later find an N-1 committed behind its back.

Each change also gets a random id. A counter sends back the seq it reached and the id it saw
there; if this database no longer holds that pair (it was restored from a backup, and the seq
was handed out again or not reached yet), the page says `reset` instead of serving changes the
counter would skip. An id kept in the database is the only thing that can tell: any "epoch"
stored here would be restored along with everything else. A counter may also probe a few ops
the server acknowledged to it lately; the page names those this database does not hold. See
counter_protocol/feed.py.
"""

from __future__ import annotations

import secrets
import uuid
from datetime import UTC, datetime

import msgspec
from msgspec import Struct
from sqlalchemy import Connection, insert, or_, select

from counter_protocol.feed import MAX_PROBES, Change, ChangesPage, is_change_id
from counter_protocol.timefmt import format_time
from counter_server.db import lock_changes
from counter_server.errors import Refused
from counter_server.models import ChangeRow, OpRow


def new_change_id() -> str:
    """32 hex digits (protocol.is_change_id): 128 random bits, never reused by chance."""
    return secrets.token_hex(16)


def add_change(conn: Connection, kind: str, unit_code: str | None, payload: Struct) -> int:
    """Append one change (for `unit_code`, or for every unit if None); return its seq.
    `payload` is the struct of its kind (counter_protocol/feed.py)."""
    lock_changes(conn)
    result = conn.execute(
        insert(ChangeRow).returning(ChangeRow.__table__.c.seq),
        [
            {
                "kind": kind,
                "unit_code": unit_code,
                "payload": msgspec.to_builtins(payload),
                "change_id": new_change_id(),
                "created_at": datetime.now(UTC),
            }
        ],
    )
    return int(result.scalar_one())


def parse_cursor_id(value: str | None) -> str | None:
    """The `cursor_id` query parameter: absent (an older counter, or cursor 0) or a change id."""
    if value is None or is_change_id(value):
        return value
    raise Refused("bad_request", "Tham số “cursor_id” phải là mã thay đổi (32 chữ số hex).")


def parse_probes(value: str | None) -> list[str]:
    """The `probe` query parameter: up to MAX_PROBES comma-separated op ids (UUIDs)."""
    if not value:
        return []
    parts = value.split(",")
    try:
        if len(parts) > MAX_PROBES:
            raise ValueError
        return [str(uuid.UUID(part)) for part in parts]
    except ValueError as exc:
        raise Refused(
            "bad_request",
            "Tham số “probe” phải là tối đa {count} mã thao tác (UUID), cách nhau bởi dấu phẩy.",
            params={"count": MAX_PROBES},
        ) from exc


def read_page(
    conn: Connection,
    unit_code: str,
    cursor: int,
    limit: int,
    cursor_id: str | None = None,
    probe: str | None = None,
) -> ChangesPage:
    """Changes after `cursor` meant for `unit_code` (or for all), oldest first; or a reset page
    if the feed no longer holds the change the counter reached (see the module doc).
    `cursor_id` and `probe` are the raw query parameters (Refused if malformed)."""
    cursor_id, probes = parse_cursor_id(cursor_id), parse_probes(probe)
    t = ChangeRow.__table__.c
    at_cursor = None
    if cursor > 0:
        at_cursor = conn.execute(select(t.change_id).where(t.seq == cursor)).scalar()
        if at_cursor is None or (cursor_id is not None and cursor_id != at_cursor):
            return _probed(conn, probes, _reset_page())
    rows = conn.execute(
        select(t.seq, t.change_id, t.kind, t.unit_code, t.payload, t.created_at)
        .where(t.seq > cursor, or_(t.unit_code.is_(None), t.unit_code == unit_code))
        .order_by(t.seq)
        .limit(limit + 1)
    ).all()
    more = len(rows) > limit
    changes = [
        Change(
            seq=r.seq,
            id=r.change_id,
            kind=r.kind,
            unit_code=r.unit_code,
            created_at=format_time(r.created_at),
            payload=r.payload,
        )
        for r in rows[:limit]
    ]
    last = changes[-1] if changes else None
    page = ChangesPage(
        changes=changes,
        next_cursor=last.seq if last else cursor,
        next_cursor_id=last.id if last else at_cursor,
        has_more=more,
        server_time=format_time(datetime.now(UTC)),
    )
    return _probed(conn, probes, page)


def _reset_page() -> ChangesPage:
    # has_more stays false: a counter from before `reset` ignores the flag, and asking again
    # with the same cursor would only loop.
    return ChangesPage(
        changes=[],
        next_cursor=0,
        next_cursor_id=None,
        has_more=False,
        reset=True,
        server_time=format_time(datetime.now(UTC)),
    )


def _probed(conn: Connection, probes: list[str], page: ChangesPage) -> ChangesPage:
    """Name the probed ops this database does not hold (only if the counter asked)."""
    if probes:
        o = OpRow.__table__.c
        held = {str(i) for i in conn.execute(select(o.op_id).where(o.op_id.in_(probes))).scalars()}
        page.probes_missing = [p for p in probes if p not in held]
    return page
