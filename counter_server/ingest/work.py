"""What an applied op adds to the province's monthly work counts (docs/domain.md#work-counts).

The rule is counter_protocol/workload.py, the one the counters' books apply; the keys found here
are added to `work_counts` in the transaction that writes the op, so a replayed or duplicate op,
never applied twice, is never counted twice either.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from counter_protocol.ops import EventData
from counter_protocol.workload import WorkKey, event_tasks, help_tasks, month_of
from counter_server.ingest.records import IncomingHelp


def event_work(unit_code: str, channel: int, at_home: bool, event: EventData) -> list[WorkKey]:
    """The counts one event of a dossier of `unit_code` makes (its actor's, in its month)."""
    tasks = event_tasks(event.kind, channel, at_home, _postal_number(event.extra))
    if not tasks:
        return []
    month = month_of(datetime.fromisoformat(event.at))
    return [WorkKey(month, unit_code, event.actor, task) for task in sorted(tasks)]


def help_work(op: IncomingHelp) -> list[WorkKey]:
    month = month_of(op.helped_at)
    return [WorkKey(month, op.unit_code, op.help.clerk, task) for task in sorted(help_tasks())]


def _postal_number(extra: dict[str, Any] | None) -> str | None:
    # A lifecycle event's extra was read as StepData already; an older kind's may be anything.
    value = (extra or {}).get("postal_number")
    return value if isinstance(value, str) else None


def help_row(op: IncomingHelp, device_id: int, now: datetime) -> dict[str, Any]:
    """The `online_help` row of an applied record."""
    return {
        "uuid": op.dossier_uuid,
        "portal_code": op.portal_code,
        "unit_code": op.unit_code,
        "device_id": device_id,
        "kind": op.help.kind,
        "procedure_code": op.help.procedure_code,
        "clerk": op.help.clerk,
        "helped_at": op.helped_at,
        "recorded_at": now,
    }
