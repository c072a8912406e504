"""Ops held too long for a predecessor that never came are applied without it, or quarantined.

docs/sync.md#s10: a held op must not wait forever (the counter that sent it may have lost the op
before it, or been replaced). After `hold_limit` (24 h unless COUNTER_SERVER_HOLD_HOURS says
otherwise; 0 turns it off) the op is applied over the gap if the dossier can take it, with a
flag and a message for IT, or else quarantined. The sweep runs in the server every few minutes
and from `counter-server release-held`; a batch of the same device releases its own overdue ops.
"""

from __future__ import annotations

import asyncio
import logging
import os
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine

from counter_protocol.receipt import APPLIED, QUARANTINED
from counter_server import audit
from counter_server.db import write_transaction
from counter_server.ingest.plan import Planner
from counter_server.ingest.store import devices_with_overdue, load_overdue, write_plan

log = logging.getLogger(__name__)
DEFAULT_HOLD_HOURS = 24.0
HOLD_HOURS_ENV = "COUNTER_SERVER_HOLD_HOURS"


def hold_limit() -> timedelta | None:
    """How long a held op waits (None: for ever), from the environment; 24 h by default."""
    text = os.environ.get(HOLD_HOURS_ENV, "").strip()
    try:
        hours = float(text) if text else DEFAULT_HOLD_HOURS
    except ValueError:
        log.warning(
            "%s=%r is not a number of hours; using %g", HOLD_HOURS_ENV, text, DEFAULT_HOLD_HOURS
        )
        hours = DEFAULT_HOLD_HOURS
    return timedelta(hours=hours) if hours > 0 else None


@dataclass
class Released:
    applied: int = 0
    quarantined: int = 0

    def add(self, other: Released) -> None:
        self.applied += other.applied
        self.quarantined += other.quarantined


def release_overdue(
    engine: Engine, limit: timedelta | None = None, now: datetime | None = None
) -> Released:
    """Settle every op held longer than `limit`, one device per transaction."""
    limit = limit if limit is not None else hold_limit()
    total = Released()
    if limit is None:
        return total
    now = now or datetime.now(UTC)
    with engine.connect() as conn:
        devices = devices_with_overdue(conn, now - limit)
    for device_id, unit_code in devices:
        total.add(_release_device(engine, device_id, unit_code, limit, now))
    return total


def _release_device(
    engine: Engine, device_id: int, unit_code: str, limit: timedelta, now: datetime
) -> Released:
    with write_transaction(engine) as conn:
        known = load_overdue(conn, device_id, unit_code, now - limit)
        plan = Planner(device_id, str(uuid.uuid4()), known, now, hold_limit=limit).run([])
        write_plan(conn, plan)
        done = Released(
            applied=sum(r.result == APPLIED for r in plan.released),
            quarantined=sum(r.result == QUARANTINED for r in plan.released),
        )
        if plan.released:
            audit.record(
                conn,
                "held_released",
                device_id=device_id,
                applied=done.applied,
                quarantined=done.quarantined,
                ops=[r.device_seq for r in plan.released][:100],
            )
    return done


SWEEP_SECONDS_ENV = "COUNTER_SERVER_SWEEP_SECONDS"
DEFAULT_SWEEP_SECONDS = 600.0


def sweep_interval() -> float:
    """Seconds between two sweeps in a serving process (10 minutes unless the env says)."""
    try:
        return max(0.1, float(os.environ.get(SWEEP_SECONDS_ENV, "") or DEFAULT_SWEEP_SECONDS))
    except ValueError:
        return DEFAULT_SWEEP_SECONDS


async def sweep_forever(engine: Engine) -> None:
    """Run `release_overdue` every `sweep_interval()` seconds, off the event loop, until
    cancelled. A failed sweep is logged and tried again next time."""
    interval = sweep_interval()
    while True:
        await asyncio.sleep(interval)
        try:
            done = await asyncio.to_thread(release_overdue, engine)
        except Exception:  # the database may be down for a while; the server keeps serving
            log.exception("held-op sweep failed")
            continue
        if done.applied or done.quarantined:
            log.warning(
                "held ops past their limit: %d applied over a gap, %d quarantined",
                done.applied,
                done.quarantined,
            )
