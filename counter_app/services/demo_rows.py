"""Row building and bulk writing for demo dossiers (see services/demo.py)."""

from __future__ import annotations

import hashlib
import json
import random
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.text import fold
from counter_app.models.tables import CatalogueVersion, Procedure
from counter_app.services import outbox
from counter_app.services.calendar import CalendarService
from counter_app.services.demo_people import PersonFactory
from counter_app.services.dto import ApplicantInput, ComponentInput, IntakeRequest
from counter_app.services.intake import create_op_data
from counter_app.services.store import Store
from counter_protocol.encoding import canonical_json

# Status paths: the events a dossier went through to reach its status.
PATHS: dict[int, tuple[tuple[str, int | None, int], ...]] = {
    1: (("registered", None, 1),),
    2: (("received", None, 2),),
    3: (("refused", None, 3),),
    4: (("received", None, 2), ("forwarded", 2, 4)),
    5: (("received", None, 2), ("forwarded", 2, 4), ("supplement_requested", 4, 5)),
    6: (("received", None, 2), ("forwarded", 2, 4), ("financial_obligation", 4, 6)),
    7: (("received", None, 2), ("withdrawn", 2, 7)),
    8: (("received", None, 2), ("forwarded", 2, 4), ("stopped", 4, 8)),
    9: (("received", None, 2), ("forwarded", 2, 4), ("result_ready", 4, 9)),
    10: (("received", None, 2), ("forwarded", 2, 4), ("result_ready", 4, 9),
         ("returned", 9, 10)),
}
OLD_WEIGHTS = {10: 80, 9: 4, 3: 2, 7: 3, 8: 2, 5: 2, 6: 1, 4: 4, 2: 1, 1: 1}
RECENT_WEIGHTS = {2: 25, 4: 30, 5: 8, 6: 4, 9: 12, 10: 15, 1: 2, 3: 2, 7: 1, 8: 1}
SUB_STATE = {1: "draft", 2: "received", 3: "refused", 4: "at_agency", 5: "supplement",
             6: "financial", 7: "withdrawn", 8: "stopped", 9: "result_at_counter",
             10: "returned"}


@dataclass(frozen=True)
class ProcedureRef:
    id: int
    code: str
    version: str
    amount: Decimal
    unit: str
    cutoff: str | None
    components: tuple[tuple[str, int, int], ...]


def load_procedures(session: Session) -> list[ProcedureRef]:
    rows = session.execute(
        select(Procedure, CatalogueVersion.version)
        .join(CatalogueVersion, CatalogueVersion.id == Procedure.catalogue_version_id)
        .where(CatalogueVersion.is_current.is_(True))
    ).all()
    return [
        ProcedureRef(p.id, p.code, version, Decimal(p.processing_amount), p.processing_unit,
                     p.cutoff, tuple((c["name"], c["originals"], c["copies"])
                                     for c in json.loads(p.components_json)))
        for p, version in rows
    ]


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


class DemoWriter:
    """Builds rows for chunks of demo dossiers and inserts them with executemany."""

    def __init__(
        self, store: Store, unit_code: str, device_uuid: str, calendar: CalendarService,
        rng: random.Random, users: list[str], with_outbox: bool,
    ) -> None:
        self._store, self._unit, self._device = store, unit_code, device_uuid
        self._calendar, self._rng, self._users = calendar, rng, users
        self._with_outbox = with_outbox
        self._people = PersonFactory(rng)
        self._counters: dict[tuple[str, int], int] = {}
        self._ids = self._next_ids()

    def _next_ids(self) -> dict[str, int]:
        conn = self._store.engine.raw_connection()
        try:
            tables = ("dossiers", "applicants", "dossier_components", "dossier_events")
            ids = {t: (conn.execute(f"SELECT max(id) FROM {t}").fetchone()[0] or 0) + 1
                   for t in tables}
            seq = conn.execute("SELECT max(device_seq) FROM outbox").fetchone()[0] or 0
            ids["outbox"] = seq + 1
            for day, slot, last in conn.execute(
                "SELECT day, slot, last_seq FROM code_counters WHERE agency_code = ?",
                (self._unit,),
            ):
                self._counters[(day, slot)] = last
            return ids
        finally:
            conn.close()

    def _code(self, received: datetime) -> str:
        day = f"{received:%y%m%d}"
        # Demo dossiers are numbered as if by counters in slots 1–9, leaving slot 0 (this PC).
        for _ in range(9):
            slot = self._rng.randint(1, 9)
            last = self._counters.get((day, slot), 0)
            if last < 999:
                self._counters[(day, slot)] = last + 1
                return f"{self._unit}-{day}-{slot * 1000 + last + 1:04d}"
        raise RuntimeError(f"too many demo dossiers on {day}")

    def write_chunk(
        self, moments: list[datetime], procs: list[ProcedureRef], now: datetime
    ) -> None:
        rows: dict[str, list[tuple[Any, ...]]] = {
            k: [] for k in ("applicants", "dossiers", "components", "events", "outbox",
                            "outbox_payloads")
        }
        for received in moments:
            self._build_one(received, self._rng.choice(procs), now, rows)
        self._insert(rows)

    def _status_for(self, received: datetime, now: datetime) -> int:
        weights = OLD_WEIGHTS if (now - received).days > 30 else RECENT_WEIGHTS
        return self._rng.choices(list(weights), list(weights.values()))[0]

    def _build_one(self, received: datetime, proc: ProcedureRef, now: datetime,
                   rows: dict[str, list[tuple[Any, ...]]]) -> None:
        person = self._people.person(received.date())
        app_id, dossier_id = self._take("applicants"), self._take("dossiers")
        rows["applicants"].append((app_id, 1, person.full_name, person.id_number, None,
                                   person.birth_date.isoformat(), person.sex, person.phone, None,
                                   person.address))
        due = self._calendar.due(received, proc.amount, proc.unit, proc.cutoff)
        status = self._status_for(received, now)
        events = self._events(dossier_id, received, due, now, status)
        returned = events[-1][2] if status == 10 else None
        code, duuid = self._code(received), str(uuid.uuid4())
        clerk = self._rng.choice(self._users[:2])
        rows["dossiers"].append((
            dossier_id, duuid, code, self._unit, self._device, proc.id, proc.code, proc.version,
            app_id, fold(person.full_name), person.id_number, person.phone, None, 1, 0, None,
            status, SUB_STATE[status], iso(received), iso(received), iso(due), returned, clerk,
            "[]", None, 1, len(events), None,
        ))
        for ordinal, (name, originals, copies) in enumerate(proc.components, start=1):
            rows["components"].append((self._take("dossier_components"), dossier_id, ordinal,
                                       name, originals, copies, 1))
        rows["events"].extend(events)
        if self._with_outbox:
            self._outbox_op(rows, duuid, code, received, person, proc, due, events)

    def _events(self, dossier_id: int, received: datetime, due: datetime, now: datetime,
                status: int) -> list[tuple[Any, ...]]:
        path = PATHS[status]
        end = min(max(due, received + timedelta(hours=1)), now)
        step = (end - received) / max(len(path), 1)
        events = []
        for seq, (kind, from_status, to_status) in enumerate(path, start=1):
            at = received if seq == 1 else received + step * (seq - 1) + timedelta(minutes=seq)
            actor = self._users[0] if seq == 1 else "so-ban-nganh"
            events.append((self._take("dossier_events"), dossier_id, seq, kind, iso(min(at, now)),
                           actor, from_status, to_status, None, None, "counter"))
        return events

    def _outbox_op(self, rows: dict[str, list[tuple[Any, ...]]], duuid: str, code: str,
                   received: datetime, person: Any, proc: ProcedureRef, due: datetime,
                   events: list[tuple[Any, ...]]) -> None:
        """The same create op the intake service queues (services/intake.create_op_data)."""
        first = events[0]
        request = IntakeRequest(
            procedure_code=proc.code, clerk=first[5],
            applicant=ApplicantInput(
                full_name=person.full_name, id_number=person.id_number,
                birth_date=person.birth_date, sex=person.sex, phone=person.phone,
                address=person.address),
            components=tuple(ComponentInput(n, o, c, True) for n, o, c in proc.components),
        )
        values = {"procedure_code": proc.code, "catalogue_version": proc.version,
                  "status": first[7], "channel": 1, "result_delivery": 0,  # as its first event
                  "delivery_address": None, "received_at": received, "due_at": due,
                  "note": None}
        event = {"seq": 1, "kind": first[3], "at": received, "actor": first[5],
                 "from_status": None, "to_status": first[7], "note": None}
        seq = self._take("outbox")
        op = outbox.build_op(str(uuid.UUID(int=self._rng.getrandbits(128), version=4)), seq,
                             "dossier.create", duuid, code, self._unit, None, received,
                             create_op_data(request, values, event))
        payload = canonical_json(op)
        rows["outbox"].append((op.op_id, seq, "dossier.create", duuid,
                               hashlib.sha256(payload).hexdigest(), "queued", iso(received), 0))
        rows["outbox_payloads"].append((seq, payload))

    def _take(self, table: str) -> int:
        value = self._ids[table]
        self._ids[table] = value + 1
        return value

    def _insert(self, rows: dict[str, list[tuple[Any, ...]]]) -> None:
        conn = self._store.engine.raw_connection()
        try:
            cur = conn.cursor()
            cur.execute("BEGIN IMMEDIATE")
            cur.executemany(f"INSERT INTO applicants VALUES ({_q(10)})", rows["applicants"])
            cur.executemany(f"INSERT INTO dossiers ({DOSSIER_COLUMNS}) VALUES ({_q(28)})",
                            rows["dossiers"])
            cur.executemany(f"INSERT INTO dossier_components VALUES ({_q(7)})", rows["components"])
            cur.executemany(f"INSERT INTO dossier_events ({EVENT_COLUMNS}) VALUES ({_q(11)})",
                            rows["events"])
            cur.executemany("INSERT OR IGNORE INTO search_terms (term) VALUES (?)",
                            [(w,) for w in {w for r in rows["dossiers"] for w in r[9].split()}])
            if rows["outbox"]:
                cur.executemany(
                    "INSERT INTO outbox (op_id, device_seq, kind, dossier_uuid, payload_hash, "
                    f"state, created_at, attempts) VALUES ({_q(8)})", rows["outbox"])
                cur.executemany("INSERT INTO outbox_payloads (device_seq, payload) VALUES (?, ?)",
                                rows["outbox_payloads"])
            cur.execute("COMMIT")
        finally:
            conn.close()

    def finish(self) -> None:
        conn = self._store.engine.raw_connection()
        try:
            cur = conn.cursor()
            cur.execute("BEGIN IMMEDIATE")
            cur.executemany(
                "INSERT INTO code_counters (agency_code, day, slot, last_seq) VALUES (?,?,?,?) "
                "ON CONFLICT DO UPDATE SET last_seq = max(last_seq, excluded.last_seq)",
                [(self._unit, day, slot, last) for (day, slot), last in self._counters.items()],
            )
            cur.execute("COMMIT")
            cur.execute("PRAGMA optimize")
        finally:
            conn.close()


DOSSIER_COLUMNS = (
    "id, uuid, code, unit_code, device_uuid, procedure_id, procedure_code, catalogue_version, "
    "applicant_id, search_name, id_number, phone, authorised_json, channel, result_delivery, "
    "delivery_address, status, sub_state, submitted_at, received_at, due_at, returned_at, "
    "received_by, fees_json, note, sets_count, last_event_seq, last_op_seq"
)
EVENT_COLUMNS = ("id, dossier_id, seq, kind, at, actor, from_status, to_status, note, data_json, "
                 "origin")


def _q(n: int) -> str:
    return ",".join("?" * n)
