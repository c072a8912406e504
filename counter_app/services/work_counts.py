"""The monthly work counts of the counter's clerks (docs/domain.md#work-counts): the province's
rule (`counter_protocol.workload`) applied to groups of events counted in SQL.

Events are grouped by what the rule reads (month, clerk, kind, the dossier's channel, received at
a home visit, a postal item named) and counted by the store; the rule then says which tasks each
group counts for. The province applies the same rule to the same events, so its figure for a
month is the sum of its counters'. `WorkloadService` reads a whole month of the counter's own
unit; the report reads any period (services/reports.py).
"""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from counter_app.domain.reports import Period, WorkLine
from counter_app.models.service_tables import OnlineHelp
from counter_app.models.tables import Device, Dossier, DossierEvent, User
from counter_app.services.store import Store
from counter_protocol.workload import (
    RECEIVED_KIND,
    RETURNED_KIND,
    TASKS,
    Task,
    WorkKey,
    WorkRow,
    event_tasks,
    help_tasks,
    month_rows,
    month_span,
)

# An event's stored time is +07:00 text (decisions/0002): its first 7 characters are the month
# in Vietnam time, as `workload.month_of` says.
_MONTH_CHARS = 7


def work_lines(session: Session, unit_code: str, period: Period) -> list[WorkLine]:
    """One line per month and clerk with work in the period, by month then clerk."""
    counts: dict[tuple[str, str], dict[Task, int]] = {}
    for month, clerk, tasks, number in _event_groups(session, unit_code, period):
        line = counts.setdefault((month, clerk), dict.fromkeys(TASKS, 0))
        for task in tasks:
            line[task] += number
    for month, clerk, number in _help_groups(session, period):
        line = counts.setdefault((month, clerk), dict.fromkeys(TASKS, 0))
        for task in help_tasks():
            line[task] += number
    names = {u: n for u, n in session.execute(select(User.username, User.full_name))}
    return [
        WorkLine(month, unit_code, clerk, names.get(clerk, clerk), line)
        for (month, clerk), line in sorted(counts.items())
    ]


def _event_keys() -> tuple[Any, ...]:
    """What the rule reads of an event and its dossier: month, clerk, kind, channel, received at
    the citizen's home (0/1; what the create op tells the province), a postal item named (0/1)."""
    postal = func.json_extract(DossierEvent.data_json, "$.postal_number")
    return (
        func.substr(DossierEvent.at, 1, _MONTH_CHARS),
        DossierEvent.actor,
        DossierEvent.kind,
        Dossier.channel,
        case((Dossier.at_home.is_(True), 1), else_=0),
        case((func.trim(func.coalesce(postal, "")) != "", 1), else_=0),
    )


def _event_groups(
    session: Session, unit_code: str, period: Period
) -> list[tuple[str, str, frozenset[Task], int]]:
    keys = _event_keys()
    rows: list[Any] = list(
        session.execute(
            select(*keys, func.count())
            .join(Dossier, Dossier.id == DossierEvent.dossier_id)
            .where(
                Dossier.unit_code == unit_code,
                DossierEvent.origin == "counter",  # a status the province sets is no clerk's work
                DossierEvent.kind.in_((RECEIVED_KIND, RETURNED_KIND)),
                DossierEvent.at >= period.start,
                DossierEvent.at < period.end,
            )
            .group_by(*keys)
        ).all()
    )
    return [
        (month, actor, event_tasks(kind, channel, bool(home), "posted" if post else None), n)
        for month, actor, kind, channel, home, post, n in rows
    ]


def _help_groups(session: Session, period: Period) -> list[tuple[str, str, int]]:
    month = func.substr(OnlineHelp.helped_at, 1, _MONTH_CHARS)
    rows = session.execute(
        select(month, OnlineHelp.clerk, func.count())
        .where(OnlineHelp.helped_at >= period.start, OnlineHelp.helped_at < period.end)
        .group_by(month, OnlineHelp.clerk)
    ).all()
    return [(str(m), str(clerk), int(n)) for m, clerk, n in rows]


class WorkloadService:
    """This counter's monthly work counts (read-only): what the province's dashboard shows for
    the counter's unit and month, counted from the counter's own books."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def counts(self, month: str) -> Counter[WorkKey]:
        """Every non-zero count of `month` ("YYYY-MM", Vietnam time); ValueError for another
        text."""
        start, end = month_span(month)
        period = Period(start.date(), (end - timedelta(days=1)).date())
        with self._store.read() as session:
            unit = session.scalar(select(Device.unit_code).where(Device.is_self.is_(True))) or ""
            lines = work_lines(session, unit, period)
        return Counter(
            {
                WorkKey(line.month, line.unit_code, line.clerk, task): n
                for line in lines
                for task, n in line.counts.items()
                if n
            }
        )

    def month(self, month: str) -> list[WorkRow]:
        """The month's table: one row per unit and clerk, a count per task."""
        return month_rows(self.counts(month), month)
