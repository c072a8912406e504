"""Row building and bulk writing for demo dossiers (see services/demo.py).

A demo dossier is an intake request like the form sends, turned into rows by the intake service's
own builders (`intake_rows.applicant_values`, `intake_rows.dossier_values`), then walked along its
lifecycle path as the services move one (services/demo_steps.py), its forms drawn by the forms
service's builders (services/demo_forms.py). Rows are dicts keyed by column name and go in through
the store's table definitions (models/bulk.py), so every value passes its column type. With the
outbox, each dossier's whole history is queued with the services' op builders: its create op, then
one event op per later event, chained by `prev_seq`.
"""

from __future__ import annotations

import hashlib
import random
import uuid
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Connection, func, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from counter_app.domain.fees import owed_lines
from counter_app.domain.kinds import Channel, FeeCollection, OutboxState, ResultDelivery
from counter_app.models.base import Base
from counter_app.models.bulk import bulk_insert
from counter_app.models.search_queries import index_name_pairs
from counter_app.models.tables import (
    Applicant,
    CodeCounter,
    Dossier,
    DossierComponent,
    DossierEvent,
    FormPrint,
    IssuedForm,
    LogbookCounter,
    OutboxOp,
    OutboxPayload,
    SearchTerm,
)
from counter_app.services import outbox
from counter_app.services.calendar import CalendarService
from counter_app.services.demo_forms import DemoForms, form_rules
from counter_app.services.demo_people import DemoPerson, PersonFactory
from counter_app.services.demo_plan import (
    OLD_WEIGHTS,
    PATHS,
    POSTAL_RESULT_SHARE,
    POSTAL_SHARE,
    RECENT_WEIGHTS,
    DemoPath,
    DemoProcedure,
)
from counter_app.services.demo_steps import Component, DemoDossier, DossierWalk
from counter_app.services.dto import ApplicantInput, IntakeRequest
from counter_app.services.intake_rows import applicant_values, dossier_values
from counter_app.services.intake_rules import normalised_request
from counter_app.services.returns import return_step
from counter_app.services.store import Store
from counter_app.services.wire_data import create_op_data, event_op_data
from counter_protocol.encoding import canonical_json
from counter_protocol.lifecycle import read_step
from counter_protocol.ops import OpData, OpKind

_T = Base.metadata.tables
APPLICANTS, DOSSIERS = _T[Applicant.__tablename__], _T[Dossier.__tablename__]
COMPONENTS, EVENTS = _T[DossierComponent.__tablename__], _T[DossierEvent.__tablename__]
FORMS, PRINTS = _T[IssuedForm.__tablename__], _T[FormPrint.__tablename__]
OUTBOX, PAYLOADS = _T[OutboxOp.__tablename__], _T[OutboxPayload.__tablename__]
CODE_COUNTERS, SEARCH_TERMS = _T[CodeCounter.__tablename__], _T[SearchTerm.__tablename__]
LOGBOOK = _T[LogbookCounter.__tablename__]
_INSERT_TERMS = sqlite_insert(SEARCH_TERMS).on_conflict_do_nothing()
Row = dict[str, Any]
_BY_NAME = {path.name: path for path in PATHS}


@dataclass
class ChunkRows:
    """The rows of one chunk of dossiers, per table, in insertion order."""

    applicants: list[Row] = field(default_factory=list)
    dossiers: list[Row] = field(default_factory=list)
    components: list[Row] = field(default_factory=list)
    events: list[Row] = field(default_factory=list)
    forms: list[Row] = field(default_factory=list)
    prints: list[Row] = field(default_factory=list)
    outbox: list[Row] = field(default_factory=list)
    payloads: list[Row] = field(default_factory=list)
    terms: set[str] = field(default_factory=set)


class DemoWriter:
    """Builds the rows of chunks of demo dossiers and inserts each chunk in one transaction."""

    def __init__(
        self,
        store: Store,
        calendar: CalendarService,
        rng: random.Random,
        clerks: list[str],
        with_outbox: bool,
        with_forms: bool = True,
    ) -> None:
        self._store, self._calendar, self._rng = store, calendar, rng
        self._clerks, self._with_outbox, self._with_forms = clerks, with_outbox, with_forms
        self._people = PersonFactory(rng)
        self._counters: dict[tuple[str, int], int] = {}
        self._books: dict[str, int] = {}
        self._ids: dict[str, int] = {}
        self._unit, self._left = "", 0
        self._forms = DemoForms()
        self._slots: tuple[int, ...] = tuple(range(1, 10))

    def start(self, unit_code: str, own_slot: int, total: int) -> None:
        """Continue after what the store holds: ids, outbox sequence, codes and logbook numbers
        of this unit. The newest of the `total` dossiers walk every path once, so that even a
        small demo shows each of them.

        Without an outbox, demo dossiers are numbered as if by counters in slots 1–9, leaving
        this PC's slot free. With one, this PC will send them, and the server accepts a code only
        from the PC whose slot it carries (docs/domain.md#numbering-slots): they take its slot."""
        self._unit, self._left = unit_code, total
        if self._with_outbox:
            self._slots = (own_slot,)
        with self._store.read() as session:
            for table in (APPLICANTS, DOSSIERS, COMPONENTS, EVENTS, FORMS, PRINTS):
                self._ids[table.name] = (session.scalar(select(func.max(table.c.id))) or 0) + 1
            last_seq = session.scalar(select(func.max(OUTBOX.c.device_seq)))
            self._ids[OUTBOX.name] = (last_seq or 0) + 1
            counters = session.execute(
                select(CODE_COUNTERS.c.day, CODE_COUNTERS.c.slot, CODE_COUNTERS.c.last_seq).where(
                    CODE_COUNTERS.c.agency_code == unit_code
                )
            )
            self._counters = {(day, slot): last for day, slot, last in counters}
            books = session.execute(
                select(LOGBOOK.c.book, LOGBOOK.c.last_seq).where(LOGBOOK.c.unit_code == unit_code)
            )
            self._books = {book: last for book, last in books}

    def write_chunk(
        self, moments: list[datetime], procedures: list[DemoProcedure], now: datetime
    ) -> None:
        rows = ChunkRows()
        calendar = self._calendar.calendar()
        with self._store.read() as session:  # the form builders read through it
            self._forms.begin(session, self._unit)
            forms = self._forms
            draw = forms.draw if self._with_forms else None
            walker = DossierWalk(
                calendar, self._rng, now, self._log_seq, draw, forms.unit_name, forms.person_name
            )
            for received in moments:
                proc = self._rng.choice(procedures)
                self._build_one(received, proc, now, rows, walker)
        with self._store.write() as session:
            insert_rows(session.connection(), rows)

    def finish(self) -> None:
        """Record the codes and logbook numbers used, so that the next real intake numbers on."""
        with self._store.write() as session:
            conn = session.connection()
            _upsert_max(conn, CODE_COUNTERS, [
                {"agency_code": self._unit, "day": day, "slot": slot, "last_seq": last}
                for (day, slot), last in self._counters.items()
            ])  # fmt: skip
            _upsert_max(conn, LOGBOOK, [
                {"unit_code": self._unit, "book": book, "last_seq": last}
                for book, last in self._books.items()
            ])  # fmt: skip
        with self._store.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA optimize")

    # --- one dossier ----------------------------------------------------------------------------

    def _build_one(
        self,
        received: datetime,
        proc: DemoProcedure,
        now: datetime,
        rows: ChunkRows,
        walker: DossierWalk,
    ) -> None:
        request, ctx = self._request(proc, received.date()), proc.context
        applicant_id, dossier_id = self._take(APPLICANTS.name), self._take(DOSSIERS.name)
        due = self._calendar.due(received, ctx.amount, ctx.unit, ctx.cutoff)
        values = dossier_values(
            request, ctx, applicant_id, self._code(received), self._uuid(), received, due, None
        )
        applicant = applicant_values(request)
        d = _demo_dossier(dossier_id, values, applicant, proc, request, received)
        walker.walk(d, self._path(received, now), received, self._due_of(proc))
        rows.applicants.append({"id": applicant_id, **applicant})
        rows.components.extend(
            {"id": self._take(COMPONENTS.name), "dossier_id": dossier_id, "ordinal": i, **asdict(c)}
            for i, c in enumerate(d.components, start=1)
        )
        self._add_history(d, rows)
        rows.terms.update(values["search_name"].split())
        if self._with_outbox:
            d.values["last_op_seq"] = self._queue_history(rows, request, d)
        rows.dossiers.append(d.values)

    def _add_history(self, d: DemoDossier, rows: ChunkRows) -> None:
        """Its events, its issued forms, and the first print of each (made when it was issued)."""
        for event in d.events:
            rows.events.append({"id": self._take(EVENTS.name), **event.row})
        actor = d.values["received_by"]
        for issued in d.forms:
            form_id = self._take(FORMS.name)
            row = self._forms.row(d.values["id"], issued, actor)
            rows.forms.append({"id": form_id, **row})
            rows.prints.append({
                "id": self._take(PRINTS.name), "form_id": form_id, "printed_at": issued.at,
                "printed_by": actor, "reprint": False,
            })  # fmt: skip

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

    def _path(self, received: datetime, now: datetime) -> DemoPath:
        self._left -= 1
        if self._left < len(PATHS):
            return PATHS[self._left]
        weights = OLD_WEIGHTS if (now - received).days > 30 else RECENT_WEIGHTS
        return _BY_NAME[self._rng.choices(list(weights), list(weights.values()))[0]]

    def _due_of(self, proc: DemoProcedure) -> Any:
        ctx, due = proc.context, self._calendar.due
        return lambda at: due(at, ctx.amount, ctx.unit, ctx.cutoff)

    def _queue_history(self, rows: ChunkRows, request: IntakeRequest, d: DemoDossier) -> int:
        """Queue the create op and one op per later event, as intake and the steps do."""
        first = d.events[0]
        created = d.created or d.values
        create = create_op_data(request, created, first.row, read_step(first.extra))
        seq = self._queue(rows, "dossier.create", d.values, None, first.row["at"], create)
        for event in d.events[1:]:
            data = event_op_data(event.row, event.extra)
            seq = self._queue(rows, "dossier.event", d.values, seq, event.row["at"], data)
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
            op_id, seq, kind, values["uuid"], values["code"], values["unit_code"], prev_seq, at,
            data,
        )  # fmt: skip
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

    def _log_seq(self, book: str) -> int:
        """The next Số thứ tự of the logbook `book` (as `codes.next_log_seq`)."""
        self._books[book] = self._books.get(book, 0) + 1
        return self._books[book]

    @staticmethod
    def _uuid() -> str:
        # Not from the seeded generator: a second run on the same store must not repeat them.
        return str(uuid.uuid4())

    def _take(self, table: str) -> int:
        value = self._ids[table]
        self._ids[table] = value + 1
        return value


def _demo_dossier(
    dossier_id: int,
    values: Row,
    applicant: Row,
    proc: DemoProcedure,
    request: IntakeRequest,
    received: datetime,
) -> DemoDossier:
    """The dossier before its first step: intake's row, the lifecycle columns at their start."""
    values.update(
        id=dossier_id,
        form_rules=form_rules(received),
        first_due_at=None,
        paused_at=None,
        supplement_requests=0,
        extensions=0,
        ended_at=None,
        log_book=None,
        log_seq=None,
        returned_at=None,
    )
    components = [
        Component(c.name, c.originals, c.copies, c.provided, c.required) for c in proc.components
    ]
    return DemoDossier(values, SimpleNamespace(**applicant), components, _return_step(request))


def _applicant(person: DemoPerson) -> ApplicantInput:
    return ApplicantInput(
        full_name=person.full_name,
        id_number=person.id_number,
        birth_date=person.birth_date,
        sex=person.sex,
        phone=person.phone,
        address=person.address,
    )


def _return_step(request: IntakeRequest) -> Any:
    """The applicant takes the result and pays what is due at return (as ReturnService does)."""
    a = request.applicant
    owed = owed_lines(request.fees, FeeCollection.AT_RETURN)
    return return_step(a.full_name, a.id_number or "", owed)


def _upsert_max(conn: Connection, table: Any, rows: list[Row]) -> None:
    """Insert counters, keeping the larger `last_seq` where one is already stored."""
    if not rows:
        return
    upsert = sqlite_insert(table)
    upsert = upsert.on_conflict_do_update(
        set_={"last_seq": func.max(table.c.last_seq, upsert.excluded.last_seq)}
    )
    conn.execute(upsert, rows)


def insert_rows(conn: Connection, rows: ChunkRows) -> None:
    """One chunk, parents first (the foreign keys are checked on every row)."""
    bulk_insert(conn, APPLICANTS, rows.applicants)
    bulk_insert(conn, DOSSIERS, rows.dossiers)
    index_name_pairs(conn, [(d["id"], d["search_name"]) for d in rows.dossiers])
    bulk_insert(conn, COMPONENTS, rows.components)
    bulk_insert(conn, EVENTS, rows.events)
    bulk_insert(conn, FORMS, rows.forms)
    bulk_insert(conn, PRINTS, rows.prints)
    if rows.terms:
        conn.execute(_INSERT_TERMS, [{"term": term} for term in sorted(rows.terms)])
    bulk_insert(conn, OUTBOX, rows.outbox)
    bulk_insert(conn, PAYLOADS, rows.payloads)
