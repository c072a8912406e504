"""A counter whose clock the test moves, with intake and lifecycle services on a real store."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from counter_app.services.dossiers import DossierService
from counter_app.services.dto import ComponentInput, IntakeRequest
from counter_app.services.lifecycle import LifecycleService
from counter_app.services.returns import ReturnService
from counter_devkit.intake import intake
from counter_protocol.timefmt import VN_TZ

TWO_WORKING_DAYS = "1.004845"  # a procedure decided in 2 working days (sample catalogue)
CLERK, SUPERVISOR = "canbo", "quantri"


def vn(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=VN_TZ)


class MovableClock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def set(self, moment: datetime) -> None:
        self.now = moment

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass
class Counter:
    """The services a clerk uses, on one store, at the time `clock` says."""

    db: Path
    clock: MovableClock
    dossiers: DossierService
    lifecycle: LifecycleService
    returns: ReturnService

    def rows(self, query: str, *params: Any) -> list[tuple[Any, ...]]:
        conn = sqlite3.connect(self.db)
        try:
            return list(conn.execute(query, params))
        finally:
            conn.close()

    def rows_write(self, query: str, *params: Any) -> None:
        conn = sqlite3.connect(self.db)
        try:
            with conn:
                conn.execute(query, params)
        finally:
            conn.close()

    def dossier(self, code: str, *columns: str) -> tuple[Any, ...]:
        return self.rows(f"select {', '.join(columns)} from dossiers where code = ?", code)[0]

    def counts(self) -> dict[str, int]:
        tables = ("dossiers", "dossier_events", "outbox", "issued_forms", "logbook_counters")
        return {t: self.rows(f"select count(*) from {t}")[0][0] for t in tables}

    def events(self, code: str) -> list[tuple[str, dict[str, Any]]]:
        rows = self.rows(
            "select e.kind, e.data_json from dossier_events e join dossiers d "
            "on d.id = e.dossier_id where d.code = ? order by e.seq",
            code,
        )
        return [(kind, json.loads(data) if data else {}) for kind, data in rows]

    def ops(self, code: str) -> list[bytes]:
        return [
            bytes(r[0])
            for r in self.rows(
                "select p.payload from outbox o join outbox_payloads p using (device_seq) "
                "join dossiers d on d.uuid = o.dossier_uuid where d.code = ? order by o.device_seq",
                code,
            )
        ]


def make_counter(services: Any, data_dir: Path, start: datetime) -> Counter:
    clock = MovableClock(start)
    store, calendar = services.store, services.calendar
    return Counter(
        data_dir / "counter.sqlite3",
        clock,
        DossierService(store, calendar.due, clock),
        LifecycleService(store, calendar, clock),
        ReturnService(store, clock),
    )


def request(*missing: str, clerk: str = CLERK, optional_missing: bool = False) -> IntakeRequest:
    """A two-working-day procedure's intake; the named papers not in hand."""
    base = intake(procedure=TWO_WORKING_DAYS, clerk=clerk)
    papers = [
        ComponentInput("Tờ khai theo mẫu", 1, 0, "Tờ khai theo mẫu" not in missing),
        ComponentInput("Bản sao giấy khai sinh", 0, 1, "Bản sao giấy khai sinh" not in missing),
        ComponentInput("Giấy xác nhận (nếu có)", 1, 0, not optional_missing, required=False),
    ]
    return replace(base, components=tuple(papers))


def all_in_hand() -> tuple[ComponentInput, ...]:
    return request().components
