"""The monthly work counts of the counter's clerks (docs/domain.md#work-counts): the province's
rule (`counter_protocol.workload`) applied to groups of events counted in SQL.

Events are grouped by what the rule reads (month, clerk, kind, the dossier's channel, received at
a home visit, a postal item named) and counted by the store; the rule then says which tasks each
group counts for. The province applies the same rule to the same events, so its figure for a
month is the sum of its counters'.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from counter_app.domain.reports import Period, WorkLine
from counter_app.models.service_tables import HomeVisit, OnlineHelp
from counter_app.models.tables import Dossier, DossierEvent, User
from counter_protocol.workload import (
    RECEIVED_KIND,
    RETURNED_KIND,
    TASKS,
    Task,
    event_tasks,
    help_tasks,
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
    a home visit (0/1), a postal item named (0/1)."""
    postal = func.json_extract(DossierEvent.data_json, "$.postal_number")
    at_home = Dossier.code.in_(
        select(HomeVisit.dossier_code).where(HomeVisit.dossier_code.is_not(None))
    )
    return (
        func.substr(DossierEvent.at, 1, _MONTH_CHARS),
        DossierEvent.actor,
        DossierEvent.kind,
        Dossier.channel,
        case((at_home, 1), else_=0),
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
