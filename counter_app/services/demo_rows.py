"""Row building and bulk writing for demo dossiers (see services/demo.py).

A demo dossier is an intake request like the form sends, turned into rows by the intake service's
own builders (`intake.applicant_values`, `intake.dossier_values`), then moved along a status path
the way `DossierService.apply_event` moves one. Rows are dicts keyed by column name and go in
through `insert()` of the store's table definitions, so every value passes its column type (times
as zoned ISO text). With the outbox, each dossier's whole history is queued with the services' op
builders: its create op, then one event op per later event, chained by `prev_seq`.
"""

from __future__ import annotations

import hashlib
import random
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import orjson
from sqlalchemy import Connection, func, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from counter_app.domain.fees import owed_lines
from counter_app.domain.kinds import Channel, FeeCollection, OutboxState, ResultDelivery
from counter_app.models.base import Base
from counter_app.models.bulk import bulk_insert
from counter_app.models.tables import (
    Applicant,
    CodeCounter,
    Dossier,
    DossierComponent,
    DossierEvent,
    OutboxOp,
    OutboxPayload,
    SearchTerm,
)
from counter_app.services import intake, outbox
from counter_app.services.calendar import CalendarService
from counter_app.services.demo_people import DemoPerson, PersonFactory
from counter_app.services.demo_plan import (
    AGENCY_ACTOR,
    AGENCY_EVENTS,
    MORNING_SECONDS,
    OLD_WEIGHTS,
    PATHS,
    POSTAL_RESULT_SHARE,
    POSTAL_SHARE,
    RECENT_WEIGHTS,
    SUB_STATE,
    DemoProcedure,
)
from counter_app.services.dto import ApplicantInput, IntakeRequest
from counter_app.services.intake_rules import normalised_request
from counter_app.services.returns import return_extra
from counter_app.services.store import Store
from counter_protocol.encoding import canonical_json
from counter_protocol.ops import OpData, OpKind
from counter_protocol.statuses import Status

_T = Base.metadata.tables
APPLICANTS, DOSSIERS = _T[Applicant.__tablename__], _T[Dossier.__tablename__]
COMPONENTS, EVENTS = _T[DossierComponent.__tablename__], _T[DossierEvent.__tablename__]
OUTBOX, PAYLOADS = _T[OutboxOp.__tablename__], _T[OutboxPayload.__tablename__]
CODE_COUNTERS, SEARCH_TERMS = _T[CodeCounter.__tablename__], _T[SearchTerm.__tablename__]
_INSERT_TERMS = sqlite_insert(SEARCH_TERMS).on_conflict_do_nothing()
Row = dict[str, Any]


@dataclass
class ChunkRows:
    """The rows of one chunk of dossiers, per table, in insertion order."""

    applicants: list[Row] = field(default_factory=list)
    dossiers: list[Row] = field(default_factory=list)
    components: list[Row] = field(default_factory=list)
    events: list[Row] = field(default_factory=list)
    outbox: list[Row] = field(default_factory=list)
    payloads: list[Row] = field(default_factory=list)
    terms: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Event:
    """One step of a dossier's history: its `dossier_events` row and the extra data it records."""

    row: Row
    extra: dict[str, Any] | None


class DemoWriter:
    """Builds the rows of chunks of demo dossiers and inserts each chunk in one transaction."""

    def __init__(
        self,
        store: Store,
        calendar: CalendarService,
        rng: random.Random,
        clerks: list[str],
        with_outbox: bool,
    ) -> None:
        self._store, self._calendar, self._rng = store, calendar, rng
        self._clerks, self._with_outbox = clerks, with_outbox
        self._people = PersonFactory(rng)
        self._counters: dict[tuple[str, int], int] = {}
        self._ids: dict[str, int] = {}
        self._unit = ""
        self._slots: tuple[int, ...] = tuple(range(1, 10))

    def start(self, unit_code: str, own_slot: int) -> None:
        """Continue after what the store holds: ids, outbox sequence, codes of this unit.

        Without an outbox, demo dossiers are numbered as if by counters in slots 1–9, leaving
        this PC's slot free. With one, this PC will send them, and the server accepts a code only
        from the PC whose slot it carries (docs/domain.md#numbering-slots): they take its slot."""
        self._unit = unit_code
        if self._with_outbox:
            self._slots = (own_slot,)
        with self._store.read() as session:
            for table in (APPLICANTS, DOSSIERS, COMPONENTS, EVENTS):
                self._ids[table.name] = (session.scalar(select(func.max(table.c.id))) or 0) + 1
            last_seq = session.scalar(select(func.max(OUTBOX.c.device_seq)))
            self._ids[OUTBOX.name] = (last_seq or 0) + 1
            counters = session.execute(
                select(CODE_COUNTERS.c.day, CODE_COUNTERS.c.slot, CODE_COUNTERS.c.last_seq).where(
                    CODE_COUNTERS.c.agency_code == unit_code
                )
            )
            self._counters = {(day, slot): last for day, slot, last in counters}

    def write_chunk(
        self, moments: list[datetime], procedures: list[DemoProcedure], now: datetime
    ) -> None:
        rows = ChunkRows()
        for received in moments:
            self._build_one(received, self._rng.choice(procedures), now, rows)
        with self._store.write() as session:
            insert_rows(session.connection(), rows)

    def finish(self) -> None:
        """Record the codes used, so the next real intake numbers on from them."""
        upsert = sqlite_insert(CODE_COUNTERS)
        upsert = upsert.on_conflict_do_update(
            set_={"last_seq": func.max(CODE_COUNTERS.c.last_seq, upsert.excluded.last_seq)}
        )
        counters = [
            {"agency_code": self._unit, "day": day, "slot": slot, "last_seq": last}
            for (day, slot), last in self._counters.items()
        ]
        with self._store.write() as session:
            if counters:
                session.connection().execute(upsert, counters)
        with self._store.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA optimize")

    # --- one dossier ----------------------------------------------------------------------------

    def _build_one(
        self, received: datetime, proc: DemoProcedure, now: datetime, rows: ChunkRows
    ) -> None:
        request = self._request(proc, received.date())
        ctx = proc.context
        due = self._calendar.due(received, ctx.amount, ctx.unit, ctx.cutoff)
        status = self._status_for(received, now)
        applicant_id, dossier_id = self._take(APPLICANTS.name), self._take(DOSSIERS.name)
        values = intake.dossier_values(
            request, ctx, applicant_id, self._code(received), self._uuid(), received, due, None
        )
        history = self._history(dossier_id, request, received, due, now, status)
        rows.applicants.append({"id": applicant_id, **intake.applicant_values(request)})
        rows.components.extend(
            {**c, "id": self._take(COMPONENTS.name), "dossier_id": dossier_id}
            for c in proc.component_rows
        )
        rows.events.extend(event.row for event in history)
        rows.terms.update(values["search_name"].split())
        last_op = self._queue_history(rows, request, values, history) if self._with_outbox else None
        rows.dossiers.append(
            {**values, "id": dossier_id, **_final_state(status, history), "last_op_seq": last_op}
        )

    def _request(self, proc: DemoProcedure, today: date) -> IntakeRequest:
        """The form's request for one applicant, normalised as every write path does."""
        person = self._people.person(today)
        channel = Channel.POSTAL if self._rng.random() < POSTAL_SHARE else Channel.COUNTER
        by_post = proc.bcci_allowed and self._rng.random() < POSTAL_RESULT_SHARE
        return normalised_request(
            IntakeRequest(
                procedure_code=proc.context.procedure_code,
                applicant=_applicant(person),
                components=proc.components,
                clerk=self._rng.choice(self._clerks),
                channel=channel,
                result_delivery=ResultDelivery.BY_POST if by_post else ResultDelivery.AT_COUNTER,
                delivery_address=person.address if by_post else None,
                fees=proc.fees,
            )
        )

    def _status_for(self, received: datetime, now: datetime) -> Status:
        weights = OLD_WEIGHTS if (now - received).days > 30 else RECENT_WEIGHTS
        return self._rng.choices(list(weights), list(weights.values()))[0]

    def _history(
        self,
        dossier_id: int,
        request: IntakeRequest,
        received: datetime,
        due: datetime,
        now: datetime,
        status: Status,
    ) -> list[Event]:
        """The path's events, spread between receipt and the appointment, in working hours (but
        never after now)."""
        path = PATHS[status]
        end = min(max(due, received + timedelta(hours=1)), now)
        step = (end - received) / len(path)
        history: list[Event] = []
        previous: Status | None = None
        at = received
        for seq, (kind, target) in enumerate(path, start=1):
            if seq > 1:
                at = min(max(self._in_hours(received + step * (seq - 1)), at), now)
            actor = AGENCY_ACTOR if kind in AGENCY_EVENTS else request.clerk
            extra = _returned_extra(request) if target == Status.RETURNED else None
            history.append(
                Event(
                    _event_row(
                        self._take(EVENTS.name),
                        dossier_id,
                        seq,
                        kind,
                        at,
                        actor,
                        previous,
                        target,
                        extra,
                    ),
                    extra,
                )
            )
            previous = target
        return history

    def _in_hours(self, moment: datetime) -> datetime:
        """`moment` if the counter is open then, else some time in the next opening hours."""
        in_hours = self._calendar.calendar().next_working_instant
        opening = in_hours(moment)
        if opening == moment:
            return moment
        return in_hours(opening + timedelta(seconds=self._rng.randrange(MORNING_SECONDS)))

    def _queue_history(
        self, rows: ChunkRows, request: IntakeRequest, values: Row, history: list[Event]
    ) -> int:
        """Queue the create op and one op per later event, as intake and apply_event do."""
        first = history[0].row
        as_created = {**values, "status": first["to_status"]}  # the create op's own status
        seq = self._queue(
            rows,
            "dossier.create",
            values,
            None,
            first["at"],
            intake.create_op_data(request, as_created, first),
        )
        for event in history[1:]:
            seq = self._queue(
                rows,
                "dossier.event",
                values,
                seq,
                event.row["at"],
                intake.event_op_data(event.row, event.extra),
            )
        return seq

    def _queue(
        self,
        rows: ChunkRows,
        kind: OpKind,
        values: Row,
        prev_seq: int | None,
        at: datetime,
        data: OpData,
    ) -> int:
        seq, op_id = self._take(OUTBOX.name), self._uuid()
        op = outbox.build_op(
            op_id,
            seq,
            kind,
            values["uuid"],
            values["code"],
            values["unit_code"],
            prev_seq,
            at,
            data,
        )
        payload = canonical_json(op)
        rows.outbox.append(
            {
                "op_id": op_id,
                "device_seq": seq,
                "kind": kind,
                "dossier_uuid": values["uuid"],
                "payload_hash": hashlib.sha256(payload).hexdigest(),
                "state": OutboxState.QUEUED,
                "created_at": at,
                "attempts": 0,
            }
        )
        rows.payloads.append({"device_seq": seq, "payload": payload})
        return seq

    # --- numbering ------------------------------------------------------------------------------

    def _code(self, received: datetime) -> str:
        day = f"{received:%y%m%d}"
        for _ in range(9):
            slot = self._rng.choice(self._slots)
            last = self._counters.get((day, slot), 0)
            if last < 999:
                self._counters[(day, slot)] = last + 1
                return f"{self._unit}-{day}-{slot * 1000 + last + 1:04d}"
        raise RuntimeError(f"too many demo dossiers on {day}")

    @staticmethod
    def _uuid() -> str:
        # Not from the seeded generator: a second run on the same store must not repeat them.
        return str(uuid.uuid4())

    def _take(self, table: str) -> int:
        value = self._ids[table]
        self._ids[table] = value + 1
        return value


def _applicant(person: DemoPerson) -> ApplicantInput:
    return ApplicantInput(
        full_name=person.full_name,
        id_number=person.id_number,
        birth_date=person.birth_date,
        sex=person.sex,
        phone=person.phone,
        address=person.address,
    )


def _returned_extra(request: IntakeRequest) -> dict[str, Any]:
    """The applicant takes the result and pays what is due at return (as ReturnService does)."""
    a = request.applicant
    owed = owed_lines(request.fees, FeeCollection.AT_RETURN)
    return return_extra(a.full_name, a.id_number or "", owed)


def _event_row(
    event_id: int,
    dossier_id: int,
    seq: int,
    kind: str,
    at: datetime,
    actor: str,
    from_status: Status | None,
    to_status: Status,
    extra: dict[str, Any] | None,
) -> Row:
    return {
        "id": event_id,
        "dossier_id": dossier_id,
        "seq": seq,
        "kind": kind,
        "at": at,
        "actor": actor,
        "from_status": from_status,
        "to_status": to_status,
        "note": None,
        "data_json": orjson.dumps(extra).decode() if extra else None,
        "origin": "counter",
    }


def _final_state(status: Status, history: list[Event]) -> Row:
    """The columns `DossierService.move_dossier` would have left after the last event."""
    last = history[-1].row
    return {
        "status": status,
        "sub_state": SUB_STATE[status],
        "last_event_seq": len(history),
        "returned_at": last["at"] if status == Status.RETURNED else None,
        "form_rules": "tt03-2025",
        "supplement_requests": 0,
        "extensions": 0,
    }


def insert_rows(conn: Connection, rows: ChunkRows) -> None:
    """One chunk, parents first (the foreign keys are checked on every row)."""
    bulk_insert(conn, APPLICANTS, rows.applicants)
    bulk_insert(conn, DOSSIERS, rows.dossiers)
    bulk_insert(conn, COMPONENTS, rows.components)
    bulk_insert(conn, EVENTS, rows.events)
    if rows.terms:
        conn.execute(_INSERT_TERMS, [{"term": term} for term in sorted(rows.terms)])
    bulk_insert(conn, OUTBOX, rows.outbox)
    bulk_insert(conn, PAYLOADS, rows.payloads)
