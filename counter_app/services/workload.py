"""This counter's monthly work counts: what the post office is paid by, per clerk, unit and task
(docs/domain.md#work-counts). The rule is counter_protocol/workload.py, the one the province
applies to the same events and records as they arrive, so a month's figures at the province are
the sum of its counters' figures."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

import orjson
from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.models.service_tables import OnlineHelp
from counter_app.models.tables import Device, Dossier, DossierEvent
from counter_app.services.store import Store
from counter_protocol.workload import (
    RECEIVED_KIND,
    RETURNED_KIND,
    WorkEvent,
    WorkHelp,
    WorkKey,
    WorkRow,
    month_rows,
    month_span,
    tally,
)


class WorkloadService:
    """Read-only counts over this counter's store."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def counts(self, month: str) -> Counter[WorkKey]:
        """Every count of `month` ("YYYY-MM", Vietnam time); ValueError for another text."""
        start, end = month_span(month)
        with self._store.read() as session:
            return tally(_events(session, start, end), _helps(session, start, end))

    def month(self, month: str) -> list[WorkRow]:
        """The month's table: one row per unit and clerk, a count per task."""
        return month_rows(self.counts(month), month)


def _events(session: Session, start: datetime, end: datetime) -> list[WorkEvent]:
    """The counter's own receipts and returns in the span (a province change is no clerk's
    work), with the facts of their dossier the rule reads."""
    query = (
        select(
            Dossier.unit_code,
            Dossier.channel,
            Dossier.at_home,
            DossierEvent.kind,
            DossierEvent.actor,
            DossierEvent.at,
            DossierEvent.data_json,
        )
        .join(Dossier, Dossier.id == DossierEvent.dossier_id)
        .where(
            DossierEvent.origin == "counter",
            DossierEvent.kind.in_([RECEIVED_KIND, RETURNED_KIND]),
            DossierEvent.at >= start,
            DossierEvent.at < end,
        )
    )
    return [
        WorkEvent(r.unit_code, r.actor, r.at, r.kind, r.channel, r.at_home, _postal(r.data_json))
        for r in session.execute(query)
    ]


def _helps(session: Session, start: datetime, end: datetime) -> list[WorkHelp]:
    own_unit = session.scalar(select(Device.unit_code).where(Device.is_self.is_(True))) or ""
    query = select(OnlineHelp.unit_code, OnlineHelp.clerk, OnlineHelp.helped_at).where(
        OnlineHelp.helped_at >= start, OnlineHelp.helped_at < end
    )
    return [WorkHelp(r.unit_code or own_unit, r.clerk, r.helped_at) for r in session.execute(query)]


def _postal(data_json: str | None) -> str | None:
    value = orjson.loads(data_json).get("postal_number") if data_json else None
    return value if isinstance(value, str) else None
