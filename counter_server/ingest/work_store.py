"""The province's monthly work counts at ingest: read the portal codes already helped with, add
an applied batch's counts to the `work_counts` rollup (docs/domain.md#work-counts)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from sqlalchemy import Connection, select
from sqlalchemy.dialects import postgresql, sqlite

from counter_protocol.workload import WorkKey
from counter_server.ingest.bulk import among
from counter_server.models import OnlineHelpRow, WorkCount


def load_help_codes(conn: Connection, codes: set[str]) -> dict[str, str]:
    """Portal code → record uuid of the records already held for these codes."""
    t = OnlineHelpRow.__table__.c
    query = select(t.portal_code, t.uuid).where(among(conn, t.portal_code, codes))
    return {row.portal_code: str(row.uuid) for row in conn.execute(query)}


def add_work(conn: Connection, keys: Iterable[WorkKey]) -> None:
    """Add one to each key's count (a key may recur). Rows are written in key order, so two
    batches adding to the same rows wait for each other instead of deadlocking."""
    counts = Counter(keys)
    if not counts:
        return
    rows = [
        {"month": k.month, "unit_code": k.unit_code, "clerk": k.clerk, "task": str(k.task), "n": n}
        for k, n in sorted(counts.items())
    ]
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(WorkCount)
    statement = statement.on_conflict_do_update(
        index_elements=["month", "unit_code", "clerk", "task"],
        set_={"n": WorkCount.__table__.c.n + statement.excluded.n},
    )
    conn.execute(statement, rows)
