"""Find dossiers: by code, CCCD, phone, or name typed with or without diacritics.

Names are matched on the folded `search_name` (đ→d, marks dropped) through the FTS5 index, every
word as a prefix. Rows come newest first by rowid, which FTS5 walks in order and stops after the
page, so "nguyen van a" on a million dossiers costs a page, not every match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, column, select, table
from sqlalchemy.orm import Session

from counter_app.domain.text import fold
from counter_app.domain.vntime import now_vn
from counter_app.models.tables import Applicant, Dossier, Procedure, SearchTerm
from counter_app.services.dto import DossierRow
from counter_app.services.store import Store
from counter_protocol.codes import DOSSIER_CODE_RE

PAGE_SIZE = 100
PREFIX_INDEXED = 3  # the FTS5 table keeps prefix indexes for 1, 2 and 3 letters
_DIGITS = re.compile(r"^\+?[\d .\-]+$")
_CODE_HINT = re.compile(r"^\d{3}\.\d{2}\.\d{2}\.[A-Za-z]\d{2}(-.*)?$|^.*\d{6}-\d{1,4}$")


@dataclass(frozen=True)
class DossierQuery:
    """What the list shows: free text, status filter, a due-date window, or today's intake."""

    text: str = ""
    statuses: tuple[int, ...] = ()
    due_before: datetime | None = None
    due_after: datetime | None = None
    received_since: datetime | None = None
    only_open: bool = False


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
        if digits.startswith("84") and len(digits) in (11, 12) and raw.startswith("+"):
            digits = "0" + digits[2:]
        if (len(digits) in (9, 12) and not digits.startswith("0")) or len(digits) == 12:
            return "id", digits
        return "phone", digits
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


class SearchService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def find(
        self, query: DossierQuery, *, before_id: int | None = None, limit: int = PAGE_SIZE
    ) -> list[DossierRow]:
        """One page of matches, newest first; pass the last row's id to get the next page."""
        with self._store.read() as session:
            return run_query(session, query, before_id, limit)


def run_query(
    session: Session, query: DossierQuery, before_id: int | None, limit: int
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
        expression = fts_expression(session, value)
        found = _run_name_query(session, expression, query, before_id, limit) if expression else []
        if found or len(value.split()) < 2:
            return found
        # Nothing with whole words: perhaps an earlier word was cut short too ("ng van an").
        fallback = fts_expression(session, value, all_prefix=True)
        return _run_name_query(session, fallback, query, before_id, limit) if fallback else []
    stmt = _filters(stmt, query)
    if before_id is not None:
        stmt = stmt.where(Dossier.id < before_id)
    rows = session.execute(stmt.order_by(Dossier.id.desc()).limit(limit)).all()
    return [_row(r) for r in rows]


_FTS = table("dossier_search", column("rowid"), column("dossier_search"))


def _run_name_query(
    session: Session, expression: str, query: DossierQuery, before_id: int | None, limit: int
) -> list[DossierRow]:
    # The FTS table drives the loop and is walked by descending rowid, so the first page is
    # found without collecting every match (a common surname matches 40 % of all dossiers).
    stmt = _base(fts_first=True).where(_FTS.c.dossier_search.op("MATCH")(expression))
    stmt = _filters(stmt, query)
    if before_id is not None:
        stmt = stmt.where(_FTS.c.rowid < before_id)
    rows = session.execute(stmt.order_by(_FTS.c.rowid.desc()).limit(limit)).all()
    return [_row(r) for r in rows]


def _base(fts_first: bool = False) -> Select:  # type: ignore[type-arg]
    stmt = select(
        Dossier.id, Dossier.code, Applicant.full_name, Dossier.id_number, Dossier.phone,
        Dossier.procedure_code, Procedure.name, Dossier.status, Dossier.received_at,
        Dossier.due_at,
    )
    if fts_first:
        stmt = stmt.select_from(_FTS).join(Dossier, Dossier.id == _FTS.c.rowid)
    return stmt.join(Applicant, Applicant.id == Dossier.applicant_id).join(
        Procedure, Procedure.id == Dossier.procedure_id
    )


def _filters(stmt: Select, query: DossierQuery) -> Select:  # type: ignore[type-arg]
    if query.statuses:
        stmt = stmt.where(Dossier.status.in_(query.statuses))
    if query.only_open:
        stmt = stmt.where(Dossier.status.not_in((3, 7, 8, 10)))
    if query.due_before is not None:
        stmt = stmt.where(Dossier.due_at < query.due_before)
    if query.due_after is not None:
        stmt = stmt.where(Dossier.due_at >= query.due_after)
    if query.received_since is not None:
        stmt = stmt.where(Dossier.received_at >= query.received_since)
    return stmt


def _row(r: tuple) -> DossierRow:  # type: ignore[type-arg]
    return DossierRow(*r)
