"""Find dossiers: by code or its date-and-number part, CCCD/CMND, a phone's first or last
digits, or a name typed with or without diacritics; every page newest first.

Each kind of query is answered from an index that lists its dossiers newest first and stops
after the page (docs/decisions/0031-search-always-answers-fast.md): a code, identity number or
phone is a key look-up; a name walks the pair or name index (services/search_names.py); a status
or due filter walks the status index; today's list reads today's dossiers from the receipt-time
index. Where two indexes could walk a query (a name and a status), both take turns
(services/search_walk.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from functools import partial
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from counter_app.domain.dossier_rules import (
    CLOSED_STATUSES,
    DEADLINE_RUNNING,
    DueWindow,
    due_window,
)
from counter_app.domain.identifiers import normalise_id_number, normalise_phone
from counter_app.domain.text import fold
from counter_app.domain.vntime import now_vn
from counter_app.models import search_queries as q
from counter_app.models.tables import Dossier, IssuedForm
from counter_app.services.calendar import CalendarService
from counter_app.services.dto import DossierRow
from counter_app.services.search_names import NameLookup, name_lookup, query_words
from counter_app.services.search_walk import Walk, WalkStep, race
from counter_app.services.settings import get_setting
from counter_app.services.store import Store
from counter_protocol.codes import DOSSIER_CODE_RE
from counter_protocol.statuses import Status
from counter_protocol.timefmt import to_vn

PAGE_SIZE = 100
SMALL_SET = 20_000  # a key's or today's dossiers, taken whole up to this many
FEW_IN_STATUSES = 5_000  # dossiers of the status and due filters the name index walks among
_DIGITS = re.compile(r"^\+?[\d .\-]+$")
_CODE_PREFIX = re.compile(r"^\d{3}\.\d{2}\.\d{2}\.[A-Za-z]\d{2}(-.*)?$")
_CODE_TAIL = re.compile(r"^(?:([A-Za-z]\d{2})-)?(\d{6})-(\d{1,4})$")
PHONE_MIN_DIGITS = 7  # fewer digits than this are not looked up as part of a phone
TODAYS_NUMBER_DIGITS = 4  # a number alone, up to 4 digits: that number among today's codes


class DueFilter(StrEnum):
    """The deadline filter of the list; its bounds come from the service's clock and calendar."""

    ANY = ""
    OVERDUE = "overdue"
    SOON = "soon"


@dataclass(frozen=True)
class DossierQuery:
    """What the list shows: free text, status filter, a due-date window, or today's intake."""

    text: str = ""
    statuses: tuple[int, ...] = ()
    due_before: datetime | None = None
    due_after: datetime | None = None
    received_since: datetime | None = None
    only_open: bool = False  # not closed (refused, withdrawn, stopped, returned)
    due: DueFilter = DueFilter.ANY  # overdue / due soon: only dossiers whose deadline runs
    form_no: str | None = None  # only dossiers that were issued this form ("01" … "06")


def today_query() -> DossierQuery:
    now = now_vn()
    return DossierQuery(received_since=now.replace(hour=0, minute=0, second=0, microsecond=0))


@dataclass(frozen=True)
class TextKey:
    """What the typed text is: its kind, and for keys the index look-ups that find it."""

    kind: str  # "all", "name", "code", "id", "phone", "none" (a key no dossier can have)
    value: str = ""
    lookups: tuple[q.IdSelect, ...] = ()


def classify(text_in: str, today: date | None = None) -> TextKey:
    """The kind of a typed text; `today` dates a number typed alone ("1" → today's …-0001)."""
    raw = text_in.strip()
    if not raw:
        return TextKey("all")
    if DOSSIER_CODE_RE.match(raw.upper()):
        return TextKey("code", raw.upper(), (q.code_is(raw.upper()),))
    if _CODE_PREFIX.match(raw):
        return TextKey("code", raw.upper(), (q.code_starts(raw.upper()),))
    if tail := _CODE_TAIL.match(raw):
        unit, day, number = tail.groups()
        value = f"{day}-{int(number):04d}"
        suffix = f"{unit.upper()}-{value}" if unit else None
        return TextKey("code", suffix or value, (q.code_tail_is(value, suffix),))
    if _DIGITS.match(raw):
        return _digits_key(raw, today or now_vn().date())
    return TextKey("name", fold(raw))


def _digits_key(raw: str, today: date) -> TextKey:
    digits = re.sub(r"\D", "", raw)
    international = raw.startswith("+")
    if not digits:
        return TextKey("none")  # only dots and dashes
    if not international and len(digits) <= TODAYS_NUMBER_DIGITS:
        return TextKey("code", f"{today:%y%m%d}-{int(digits):04d}",
                       (q.code_tail_is(f"{today:%y%m%d}-{int(digits):04d}"),))  # fmt: skip
    if not international and len(digits) == 6:  # a code's date: that day's dossiers
        return TextKey("code", digits, (q.code_tail_starts(f"{digits}-"),))
    if not international and len(digits) == 12:
        number = normalise_id_number(raw) or digits
        return TextKey("id", number, (q.id_number_is(number),))
    if not international and len(digits) == 9 and digits[0] != "0":
        # An old CMND (main or former number of the applicant), or a phone's last nine digits.
        lookups = (q.id_number_is(digits), q.old_id_number_is(digits), q.phone_ends(digits))
        return TextKey("id", digits, lookups)
    if len(digits) < PHONE_MIN_DIGITS:
        return TextKey("none", digits)
    # Stored phones are in the national form (identifiers.normalise_phone); ask in it too.
    phone = normalise_phone(raw) or ""
    value = phone if phone.isdigit() else digits
    return TextKey("phone", value, (q.phone_starts(value), q.phone_ends(value)))


DUE_SOON_SETTING = "due_soon.working_days"


class SearchService:
    """Pages of the dossier list, each row with its due state on the counter's calendar."""

    def __init__(
        self, store: Store, calendar: CalendarService, clock: Callable[[], datetime] = now_vn
    ) -> None:
        self._store, self._calendar, self._clock = store, calendar, clock

    def find(
        self, query: DossierQuery, *, before_id: int | None = None, limit: int = PAGE_SIZE
    ) -> list[DossierRow]:
        """One page of matches, newest first; pass the last row's id to get the next page."""
        calendar = self._calendar.calendar()  # built once, outside the read below
        with self._store.read() as session:
            days = int(get_setting(session, DUE_SOON_SETTING))
            window = due_window(calendar, to_vn(self._clock()), days)
            ids = matching_ids(session, query, before_id, limit, window)
            return list_rows(session, ids, window)

    def count_after(self, query: DossierQuery, after: DossierRow, *, cap: int) -> int:
        """How many matches come after `after` (a page's last row), counting at most `cap`."""
        calendar = self._calendar.calendar()
        with self._store.read() as session:
            days = int(get_setting(session, DUE_SOON_SETTING))
            window = due_window(calendar, to_vn(self._clock()), days)
            return len(matching_ids(session, query, after.id, cap, window))


@dataclass(frozen=True)
class _Asked:
    """A query with its filters as row tests, and the status index's walk if they allow one."""

    query: DossierQuery
    filters: list[ColumnElement[bool]]
    statuses: list[int] | None  # the statuses the filters allow (None: any status)
    within: list[ColumnElement[bool]]  # the deadline tests, as the status index reads them
    due: list[ColumnElement[bool]]  # the same, as a range of ix_dossiers_status_due

    def status_step(self) -> WalkStep | None:
        if self.statuses is None:
            return None
        return partial(q.status_walk, self.statuses, self.within)


def matching_ids(
    session: Session, query: DossierQuery, before_id: int | None, limit: int, window: DueWindow
) -> list[int]:
    """The ids of one page of matches, newest first."""
    key = classify(query.text, window.now.date())
    statuses = _statuses(query)
    if key.kind == "none" or statuses == []:
        return []
    within = _due_tests(query, window, q.due_at_as_read)
    due = _due_tests(query, window)
    asked = _Asked(query, _filters(query, window), statuses, within, due)
    if key.lookups:  # a key finds a handful: sorted whole
        return _page(session, q.any_of(key.lookups), asked.filters, before_id, limit)
    if key.kind == "name":
        return _find_name(session, key.value, asked, before_id, limit)
    if query.received_since is not None:  # today's list: today's dossiers, sorted whole
        today = q.received_since(query.received_since)
        return _page(session, today, asked.filters, before_id, limit)
    walk = Walk(asked.status_step() or q.id_walk, asked.filters, before_id)
    return race(session, [walk], limit)


def _page(
    session: Session,
    candidates: q.IdSelect,
    filters: Sequence[ColumnElement[bool]],
    before_id: int | None,
    limit: int,
) -> list[int]:
    """The newest `limit` of `candidates` that pass `filters`: a handful, fetched and sorted
    whole; a set too large for that is walked newest first instead (each row tested)."""
    conn = session.connection()  # Core statements: the ORM's per-statement work is not needed
    ids = list(conn.scalars(candidates.limit(SMALL_SET + 1)))
    if len(ids) <= SMALL_SET:
        return list(conn.scalars(q.passing(ids, filters, before_id, limit))) if ids else []
    among = Dossier.id.in_(candidates.subquery().select())
    return race(session, [Walk(q.id_walk, [*filters, among], before_id)], limit)


def _find_name(
    session: Session, folded: str, asked: _Asked, before_id: int | None, limit: int
) -> list[int]:
    among = _few_in_statuses(session, asked)
    exact = name_lookup(session, folded)
    found = _name_page(session, exact, asked, among, before_id, limit)
    if found or len(query_words(folded)) < 2:
        return found
    if before_id is not None and _name_page(session, exact, asked, among, None, 1):
        return []  # the pages of the whole-word match have run out
    # Nothing with whole words: perhaps an earlier word was cut short too ("ng van an").
    fallback = name_lookup(session, folded, all_prefix=True)
    return _name_page(session, fallback, asked, among, before_id, limit)


def _name_page(
    session: Session,
    lookup: NameLookup | None,
    asked: _Asked,
    among: q.IdSelect | None,
    before_id: int | None,
    limit: int,
) -> list[int]:
    if lookup is None:
        return []
    whole_name = q.name_has(lookup.words, lookup.prefixes)
    if asked.query.received_since is not None:
        today = q.received_since(asked.query.received_since)
        return _page(session, today, [*asked.filters, whole_name], before_id, limit)
    walks = []
    for way in lookup.walks:
        unchecked = [lookup.words[i] for i in way.unchecked]
        tested = q.name_has(unchecked, [lookup.prefixes[i] for i in way.unchecked])
        step = partial(q.index_walk, way.index, way.expression, among)
        walks.append(Walk(step, [*asked.filters, tested], before_id))
    status_step = asked.status_step()
    if status_step is not None and among is None:  # the statuses' list, each name tested
        walks.insert(1, Walk(status_step, [*asked.filters, whole_name], before_id))
    return race(session, walks, limit)


def _few_in_statuses(session: Session, asked: _Asked) -> q.IdSelect | None:
    """The dossiers the status and due filters allow, if they are few: the name index then
    lists only those (a rare status and a common name, or two rare sets: one pass in SQLite)."""
    if asked.statuses is None or asked.query.received_since is not None:
        return None
    allowed = q.in_statuses(asked.statuses, asked.due)
    count = session.connection().scalar(q.count_upto(allowed, FEW_IN_STATUSES))
    return allowed if (count or 0) <= FEW_IN_STATUSES else None


def list_rows(session: Session, ids: Sequence[int], window: DueWindow) -> list[DossierRow]:
    if not ids:
        return []
    rows = session.connection().execute(q.LIST_ROWS, {"ids": list(ids)})
    return [_row(r, window) for r in rows]


def _row(r: Sequence[Any], window: DueWindow) -> DossierRow:
    (dossier_id, code, name, id_number, phone, procedure_code, procedure_name, status,
     received_at, due_at) = r  # fmt: skip
    return DossierRow(
        dossier_id, code, name, id_number, phone, procedure_code, procedure_name, status,
        received_at, due_at, window.state(status, due_at),
    )  # fmt: skip


_ALL = frozenset(int(s) for s in Status)
_CLOSED = frozenset(int(s) for s in CLOSED_STATUSES)
_RUNNING = frozenset(int(s) for s in DEADLINE_RUNNING)


def _statuses(query: DossierQuery) -> list[int] | None:
    """The statuses the filters allow, if they narrow them (then the status index can walk)."""
    allowed, narrowed = set(_ALL), False
    if query.statuses:
        allowed &= set(query.statuses)
        narrowed = True
    if query.only_open:
        allowed -= _CLOSED
        narrowed = True
    if query.due != DueFilter.ANY:
        allowed &= _RUNNING
        narrowed = True
    return sorted(allowed) if narrowed else None


def _due_tests(
    query: DossierQuery, window: DueWindow, due_at: Any = Dossier.due_at
) -> list[ColumnElement[bool]]:
    tests: list[ColumnElement[bool]] = []
    if query.due == DueFilter.OVERDUE:  # the same bounds DueWindow.state colours rows with
        tests.append(due_at < window.now)
    elif query.due == DueFilter.SOON:
        tests += [due_at >= window.now, due_at <= window.soon_until]
    if query.due_before is not None:
        tests.append(due_at < query.due_before)
    if query.due_after is not None:
        tests.append(due_at >= query.due_after)
    return tests


def _filters(query: DossierQuery, window: DueWindow) -> list[ColumnElement[bool]]:
    """Every filter but the text, as tests on a dossier row."""
    tests: list[ColumnElement[bool]] = []
    statuses = _statuses(query)
    if statuses is not None:
        tests.append(Dossier.status.in_(statuses))
    tests += _due_tests(query, window)
    if query.received_since is not None:
        tests.append(Dossier.received_at >= query.received_since)
    if query.form_no is not None:  # one lookup in ix_issued_forms_dossier_form per dossier
        issued = select(IssuedForm.id).where(
            IssuedForm.dossier_id == Dossier.id, IssuedForm.form_no == query.form_no
        )
        tests.append(issued.exists())
    return tests
