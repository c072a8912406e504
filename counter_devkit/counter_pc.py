"""A counter PC for sync runs: a set-up store in its own unit, its services and its SyncService."""

from __future__ import annotations

import itertools
import shutil
import sqlite3
import uuid
from collections import Counter
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx

from counter_app.app import build_services
from counter_app.domain.vntime import now_vn
from counter_app.services.dossiers import DossierService
from counter_app.services.lifecycle import LifecycleService
from counter_app.services.wiring import Services
from counter_app.sync.client import SyncClient
from counter_app.sync.service import SyncOptions, SyncService
from counter_app.sync.wiring import build_sync_service
from counter_devkit.intake import intake
from counter_devkit.lifecycle import step_to
from counter_devkit.server import ServerProcess
from counter_protocol.statuses import Status

NAMES = [
    "Nguyễn Thị Hồng Nhung",
    "Trần Văn Đức",
    "Lê Thị Thu Hà",
    "Phạm Quốc Đạt",
    "Hoàng Văn Quản",
    "Võ Thị Sáu",
    "Đặng Minh Châu",
    "Bùi Xuân Phái",
]


_units = itertools.count(1)


def sync_unit() -> str:
    """A unit code unique in this process and absent from the sample catalogue (…77.S27)."""
    n = next(_units)
    return f"{n // 100:03d}.{n % 100:02d}.77.S27"


def make_counter_dir(template: Path, target: Path, unit: str, slot: int = 0) -> Path:
    """A copy of the set-up template store, moved to `unit` with a fresh device uuid."""
    shutil.copytree(template, target, ignore=shutil.ignore_patterns("backups", "sync.lock"))
    conn = sqlite3.connect(target / "counter.sqlite3")
    with conn:
        conn.execute(
            "INSERT INTO units (code, name, level, is_agency, managing_body)"
            " VALUES (?, ?, 'commune', 0, ?)",
            (unit, f"Trung tâm xã thử nghiệm {unit}", f"Ủy ban nhân dân xã thử nghiệm {unit}"),
        )
        conn.execute(
            "UPDATE devices SET unit_code = ?, slot = ?, device_uuid = ? WHERE is_self",
            (unit, slot, str(uuid.uuid4())),
        )
    conn.close()
    return target


class CounterPC:
    """One counter: services on its store, a SyncService, helpers to make dossiers and look."""

    def __init__(
        self,
        data_dir: Path,
        unit: str,
        clock: Callable[[], datetime] = now_vn,
        options: SyncOptions | None = None,
        transport: httpx.BaseTransport | None = None,
        wire_clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.data_dir, self.unit = data_dir, unit
        # What stamps signed requests: this PC's clock unless a harness moves dossier time alone.
        self.wire_clock = wire_clock or clock
        self.services: Services = build_services(str(data_dir))
        self.clock = clock
        self.dossiers = DossierService(self.services.store, self.services.calendar.due, clock)
        self.lifecycle = LifecycleService(self.services.store, self.services.calendar, clock)
        self.options = options or SyncOptions()
        self.transport = transport
        self.sync: SyncService = build_sync_service(
            self.services.store, self.services.calendar, self.options, clock, self._client
        )
        self._n = 0

    def _client(self, url: str) -> SyncClient:
        return SyncClient(
            url,
            timeouts=self.options.timeouts,
            transport=self.transport,
            clock=self.wire_clock,
            allow_insecure_http=self.options.allow_insecure_http,
        )

    @staticmethod
    def unit_of(data_dir: Path) -> str:
        conn = sqlite3.connect(data_dir / "counter.sqlite3")
        try:
            return str(conn.execute("SELECT unit_code FROM devices WHERE is_self").fetchone()[0])
        finally:
            conn.close()

    def close(self) -> None:
        self.services.close()

    def enrol(self, server: ServerProcess) -> None:
        self.sync.enrol(server.base_url, server.enrol_code(self.unit))

    def receive(self, count: int = 1, *, clock_confirmed: bool = False) -> list[str]:
        codes = []
        for _ in range(count):
            name = NAMES[self._n % len(NAMES)]
            self._n += 1
            request = intake(name=name, id_number=f"042195{self._n:06d}")
            codes.append(self.dossiers.receive(request, clock_confirmed=clock_confirmed))
        return codes

    def move(self, code: str, status: Status) -> None:
        step_to(self.lifecycle, code, status, "canbo")

    def sql(self, query: str, *params: Any) -> list[tuple[Any, ...]]:
        conn = sqlite3.connect(self.data_dir / "counter.sqlite3")
        try:
            return list(conn.execute(query, params))
        finally:
            conn.close()

    def sql_write(self, query: str, *params: Any) -> None:
        conn = sqlite3.connect(self.data_dir / "counter.sqlite3")
        try:
            with conn:
                conn.execute(query, params)
        finally:
            conn.close()

    def states(self) -> Counter[str]:
        return Counter(dict(self.sql("SELECT state, count(*) FROM outbox GROUP BY state")))

    def dossier_uuids(self) -> set[str]:
        return {r[0] for r in self.sql("SELECT uuid FROM dossiers")}

    def status_of(self, code: str) -> int:
        return int(self.sql("SELECT status FROM dossiers WHERE code = ?", code)[0][0])


def server_dossiers(server: ServerProcess, unit: str) -> list[tuple[str, str, int]]:
    return [
        tuple(r)
        for r in server.rows(
            "SELECT CAST(uuid AS TEXT), code, status FROM dossiers "
            "WHERE unit_code = :u ORDER BY code",
            u=unit,
        )
    ]


def assert_converged(server: ServerProcess, pc: CounterPC) -> None:
    """Every committed dossier at the server exactly once; nothing pending; same op hashes."""
    rows = server_dossiers(server, pc.unit)
    uuids = [r[0] for r in rows]
    assert len(uuids) == len(set(uuids))
    assert set(uuids) == pc.dossier_uuids()
    states = pc.states()
    assert set(states) <= {"acked", "duplicate_acked"}, states
    assert pc.sql("SELECT count(*) FROM outbox WHERE receipt_id IS NULL")[0][0] == 0
    local = dict(pc.sql("SELECT op_id, payload_hash FROM outbox"))
    device_id = int(pc.sql("SELECT server_device_id FROM devices WHERE is_self")[0][0])
    remote = {
        str(r[0]): r[1]
        for r in server.rows(
            "SELECT op_id, payload_hash FROM ops WHERE device_id = :d", d=device_id
        )
    }
    assert remote == local
    applied = server.scalar(
        "SELECT count(*) FROM ops WHERE device_id = :d AND state = 'applied'", d=device_id
    )
    assert applied == len(local)
    local_status = dict(pc.sql("SELECT uuid, status FROM dossiers"))
    assert {r[0]: r[2] for r in rows} == local_status
