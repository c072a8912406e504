"""The security and audit log: refused requests, enrolments, revocations, admin actions."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, update

from counter_server.db import write_transaction
from counter_server.models import AuditEntry
from counter_server.throttle import address_key

# Like refusals within this long of the first share one row (a count and the last time), so a
# client repeating a refused request cannot flood the log: one row per kind per window.
GROUP_WINDOW = timedelta(minutes=10)


def record(
    conn: Connection,
    event: str,
    *,
    device_id: int | None = None,
    remote_addr: str | None = None,
    **detail: Any,
) -> None:
    """Add an entry inside the caller's transaction."""
    conn.execute(
        insert(AuditEntry),
        [
            {
                "at": datetime.now(UTC),
                "event": event,
                "device_id": device_id,
                "remote_addr": _column(remote_addr),
                "detail": detail,
            }
        ],
    )


def record_now(
    engine: Engine,
    event: str,
    *,
    device_id: int | None = None,
    remote_addr: str | None = None,
    **detail: Any,
) -> None:
    """Add an entry in its own transaction (an accepted log-in or log-out: never repeated
    fast enough to flood the log, unlike refusals, which go through record_refusal)."""
    with write_transaction(engine) as conn:
        record(conn, event, device_id=device_id, remote_addr=remote_addr, **detail)


def record_refusal(
    engine: Engine,
    event: str,
    *,
    remote_addr: str | None,
    device_id: int | None = None,
    group: str = "",
    **detail: Any,
) -> None:
    """Log a refused request in its own transaction (the request's own work is rolled back).

    Refusals of the same event, client address (IPv6: its /64), device and `group` (a reason
    the server chose, never text the client sent) within GROUP_WINDOW of the first are counted
    on its row: `repeat_count` and `last_at`; its `detail` is the first one's."""
    now = datetime.now(UTC)
    key = _group_key(event, remote_addr, device_id, group)
    t = AuditEntry.__table__.c
    with write_transaction(engine) as conn:
        row_id = conn.execute(
            select(t.id)
            .where(t.group_key == key, t.at > now - GROUP_WINDOW)
            .order_by(t.id.desc())
            .limit(1)
        ).scalar()
        if row_id is not None:
            conn.execute(
                update(AuditEntry)
                .where(t.id == row_id)
                .values(repeat_count=t.repeat_count + 1, last_at=now)
            )
            return
        conn.execute(
            insert(AuditEntry),
            [
                {
                    "at": now,
                    "last_at": now,
                    "event": event,
                    "device_id": device_id,
                    "remote_addr": _column(remote_addr),
                    "detail": detail,
                    "repeat_count": 1,
                    "group_key": key,
                }
            ],
        )


def _column(remote_addr: str | None) -> str | None:
    """What fits `audit_log.remote_addr`: a proxy's X-Forwarded-For can name anything."""
    return None if remote_addr is None else remote_addr[:64]


def _group_key(event: str, remote_addr: str | None, device_id: int | None, group: str) -> str:
    parts = f"{event}\n{address_key(remote_addr)}\n{device_id}\n{group}"
    return hashlib.sha256(parts.encode("utf-8", "replace")).hexdigest()
