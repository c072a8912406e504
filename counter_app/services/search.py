"""Find dossiers: by code, CCCD, phone, or name typed with or without diacritics.

Names are matched on the folded `search_name` (đ→d, marks dropped) through the FTS5 index, every
word as a prefix. Rows come newest first by rowid, which FTS5 walks in order and stops after the
page, so "nguyen van a" on a million dossiers costs a page, not every match.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Select, column, select, table
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
from counter_app.models.tables import Applicant, Dossier, IssuedForm, Procedure, SearchTerm
from counter_app.services.calendar import CalendarService
from counter_app.services.dto import DossierRow
from counter_app.services.settings import get_setting
from counter_app.services.store import Store
from counter_protocol.codes import DOSSIER_CODE_RE
from counter_protocol.timefmt import to_vn

PAGE_SIZE = 100
PREFIX_INDEXED = 3  # the FTS5 table keeps prefix indexes for 1, 2 and 3 letters
_DIGITS = re.compile(r"^\+?[\d .\-]+$")
_CODE_HINT = re.compile(r"^\d{3}\.\d{2}\.\d{2}\.[A-Za-z]\d{2}(-.*)?$|^.*\d{6}-\d{1,4}$")


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


def classify(text_in: str) -> tuple[str, str]:
    """('code'|'id'|'phone'|'name'|'all', normalised text)."""
    raw = text_in.strip()
    if not raw:
        return "all", ""
    if _CODE_HINT.match(raw):
        return "code", raw.upper()
    if _DIGITS.match(raw):
        digits = re.sub(r"\D", "", raw)
        international = raw.startswith("+")
        if not international and (len(digits) == 12 or (len(digits) == 9 and digits[0] != "0")):
            return "id", normalise_id_number(raw) or digits
        # Stored phones are in the national form (identifiers.normalise_phone); ask in it too.
        phone = normalise_phone(raw) or ""
        return "phone", phone if phone.isdigit() else digits
    return "name", fold(raw)


MAX_EXPANSION = 40


def _quoted(word: str) -> str:
    return '"' + word.replace('"', "") + '"'


def expand_last_word(session: Session, word: str) -> list[str] | None:
    """Whole name words starting with `word`; None when a prefix query is as good."""
    if len(word) <= PREFIX_INDEXED:
        return None
    terms = session.scalars(
        select(SearchTerm.term)
        .where(SearchTerm.term >= word, SearchTerm.term < word + "\uffff")
        .limit(MAX_EXPANSION + 1)
    ).all()
    return None if len(terms) > MAX_EXPANSION else list(terms)


def fts_expression(session: Session, folded: str, *, all_prefix: bool = False) -> str | None:
    """Words before the last are whole words; the last is a prefix ("le thi t"). None: no match.

    `all_prefix` treats every word as a prefix (the fallback for "ng van an").
    """
    words = [w for w in (w.replace('"', "") for w in folded.split()) if w]
    if not words:
        return None
    if all_prefix:
        return " AND ".join(f"{_quoted(w)}*" for w in words)
    parts = [_quoted(w) for w in words[:-1]]
    expansion = expand_last_word(session, words[-1])
    if expansion is None:
        parts.append(f"{_quoted(words[-1])}*")
    elif not expansion:
        return None
    else:
        parts.append("(" + " OR ".join(_quoted(t) for t in expansion) + ")")
    return " AND ".join(parts)


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
            return run_query(session, query, before_id, limit, window)

    def count_after(self, query: DossierQuery, after: DossierRow, *, cap: int) -> int:
        """How many matches come after `after` (a page's last row), counting at most `cap`."""
        calendar = self._calendar.calendar()
        with self._store.read() as session:
            days = int(get_setting(session, DUE_SOON_SETTING))
            window = due_window(calendar, to_vn(self._clock()), days)
            return len(run_query(session, query, after.id, cap, window))


def run_query(
    session: Session, query: DossierQuery, before_id: int | None, limit: int, window: DueWindow
) -> list[DossierRow]:
    kind, value = classify(query.text)
    stmt = _base()
    if kind == "code" and DOSSIER_CODE_RE.match(value):
        stmt = stmt.where(Dossier.code == value)
    elif kind == "code":
        stmt = stmt.where(Dossier.code >= value, Dossier.code < value + "\uffff")
    elif kind == "id" and len(value) == 12:
        stmt = stmt.where(Dossier.id_number == value)
    elif kind == "id":  # a 9-digit CMND: on old records it may be the main or the old number
        ids = select(Applicant.id).where(Applicant.old_id_number == value)
        stmt = stmt.where((Dossier.id_number == value) | Dossier.applicant_id.in_(ids))
    elif kind == "phone":
        stmt = stmt.where(Dossier.phone == value)
    elif kind == "name":
        return _find_name(session, value, query, before_id, limit, window)
    stmt = _filters(stmt, query, window)
    if before_id is not None:
        stmt = stmt.where(Dossier.id < before_id)
    rows = session.execute(stmt.order_by(Dossier.id.desc()).limit(limit)).all()
    return [_row(r, window) for r in rows]


def _find_name(
    session: Session,
    value: str,
    query: DossierQuery,
    before_id: int | None,
    limit: int,
    window: DueWindow,
) -> list[DossierRow]:
    expression = fts_expression(session, value)
    found = (
        _run_name_query(session, expression, query, before_id, limit, window) if expression else []
    )
    if found or len(value.split()) < 2:
        return found
    # Nothing with whole words: perhaps an earlier word was cut short too ("ng van an").
    fallback = fts_expression(session, value, all_prefix=True)
    return _run_name_query(session, fallback, query, before_id, limit, window) if fallback else []


_FTS = table("dossier_search", column("rowid"), column("dossier_search"))


def _run_name_query(
    session: Session,
    expression: str,
    query: DossierQuery,
    before_id: int | None,
    limit: int,
    window: DueWindow,
) -> list[DossierRow]:
    # The FTS table drives the loop and is walked by descending rowid, so the first page is
    # found without collecting every match (a common surname matches 40 % of all dossiers).
    stmt = _base(fts_first=True).where(_FTS.c.dossier_search.op("MATCH")(expression))
    stmt = _filters(stmt, query, window)
    if before_id is not None:
        stmt = stmt.where(_FTS.c.rowid < before_id)
    rows = session.execute(stmt.order_by(_FTS.c.rowid.desc()).limit(limit)).all()
    return [_row(r, window) for r in rows]


def _base(fts_first: bool = False) -> Select:  # type: ignore[type-arg]
    stmt = select(
        Dossier.id,
        Dossier.code,
        Applicant.full_name,
        Dossier.id_number,
        Dossier.phone,
        Dossier.procedure_code,
        Procedure.name,
        Dossier.status,
        Dossier.received_at,
        Dossier.due_at,
    )
    if fts_first:
        stmt = stmt.select_from(_FTS).join(Dossier, Dossier.id == _FTS.c.rowid)
    return stmt.join(Applicant, Applicant.id == Dossier.applicant_id).join(
        Procedure, Procedure.id == Dossier.procedure_id
    )


_CLOSED = sorted(int(s) for s in CLOSED_STATUSES)
_RUNNING = sorted(int(s) for s in DEADLINE_RUNNING)


def _filters(
    stmt: Select,  # type: ignore[type-arg]
    query: DossierQuery,
    window: DueWindow,
) -> Select:  # type: ignore[type-arg]
    if query.statuses:
        stmt = stmt.where(Dossier.status.in_(query.statuses))
    if query.only_open:
        stmt = stmt.where(Dossier.status.not_in(_CLOSED))
    if query.due != DueFilter.ANY:  # the same bounds DueWindow.state colours rows with
        stmt = stmt.where(Dossier.status.in_(_RUNNING))
        if query.due == DueFilter.OVERDUE:
            stmt = stmt.where(Dossier.due_at < window.now)
        else:
            stmt = stmt.where(Dossier.due_at >= window.now, Dossier.due_at <= window.soon_until)
    if query.due_before is not None:
        stmt = stmt.where(Dossier.due_at < query.due_before)
    if query.due_after is not None:
        stmt = stmt.where(Dossier.due_at >= query.due_after)
    if query.received_since is not None:
        stmt = stmt.where(Dossier.received_at >= query.received_since)
    if query.form_no is not None:  # one lookup in ix_issued_forms_dossier_form per dossier
        issued = select(IssuedForm.id).where(
            IssuedForm.dossier_id == Dossier.id, IssuedForm.form_no == query.form_no
        )
        stmt = stmt.where(issued.exists())
    return stmt


def _row(r: Sequence[Any], window: DueWindow) -> DossierRow:
    (
        dossier_id,
        code,
        name,
        id_number,
        phone,
        procedure_code,
        procedure_name,
        status,
        received_at,
        due_at,
    ) = r
    return DossierRow(
        dossier_id,
        code,
        name,
        id_number,
        phone,
        procedure_code,
        procedure_name,
        status,
        received_at,
        due_at,
        window.state(status, due_at),
    )
