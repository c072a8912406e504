"""The security and audit log: refused requests, enrolments, revocations, admin actions."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, insert

from counter_server.db import write_transaction
from counter_server.models import AuditEntry


def record(
    conn: Connection, event: str, *, device_id: int | None = None,
    remote_addr: str | None = None, **detail: Any,
) -> None:
    """Add an entry inside the caller's transaction."""
    conn.execute(insert(AuditEntry), [{
        "at": datetime.now(UTC), "event": event, "device_id": device_id,
        "remote_addr": remote_addr, "detail": detail,
    }])


def record_now(
    engine: Engine, event: str, *, device_id: int | None = None,
    remote_addr: str | None = None, **detail: Any,
) -> None:
    """Add an entry in its own transaction (for refusals, whose own work is rolled back)."""
    with write_transaction(engine) as conn:
        record(conn, event, device_id=device_id, remote_addr=remote_addr, **detail)
