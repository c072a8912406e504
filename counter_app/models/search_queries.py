"""The statements the dossier search is built from (services/search.py), each shaped for one
index so that SQLite walks it newest first and stops (docs/decisions/0031).

A *walk* lists dossier ids newest first from one index, `budget` at a time after a cursor; a
*chunk* is one step of a walk with, for each id, whether the dossier passes every other filter.
A *key look-up* (code, identity number, phone) is small enough to sort whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    CompoundSelect,
    Connection,
    Select,
    and_,
    bindparam,
    column,
    func,
    literal,
    literal_column,
    select,
    table,
    text,
    true,
    union,
    union_all,
)

from counter_app.domain.text import name_pairs
from counter_app.models.tables import Applicant, Dossier, Procedure
from counter_app.models.types import VnDateTime

CODE_TAIL_CHARS = 11  # "YYMMDD-NNNN": every dossier code ends so (counter_protocol.codes)
PHONE_TAIL_DIGITS = 7
NAME_INDEX = table("dossier_search", column("rowid"), column("dossier_search"))
PAIR_INDEX = table("dossier_name_pairs", column("rowid"), column("dossier_name_pairs"))

# The indexed expressions, written as the migration wrote them (numbers inline, not bound), so
# that SQLite recognises them and uses ix_dossiers_code_tail / ix_dossiers_phone_tail.
code_tail = func.substr(Dossier.code, literal_column(str(-CODE_TAIL_CHARS)))
phone_tail = func.substr(Dossier.phone, literal_column(str(-PHONE_TAIL_DIGITS)))

# The deadline as the status walk tests it: the unary + keeps SQLite from reading a due-date
# range from ix_dossiers_status_due and sorting it, so that it walks ix_dossiers_status_walk
# newest first and reads the deadline from the same entries.
due_at_as_read = literal_column("+dossiers.due_at", VnDateTime)

IdSelect = Select[int]


def starts_with(col: Any, prefix: str) -> ColumnElement[bool]:
    """A prefix as an index range (LIKE would not use the index)."""
    return and_(col >= prefix, col < prefix + "\uffff")


def code_is(code: str) -> IdSelect:
    return select(Dossier.id).where(Dossier.code == code)


def code_starts(prefix: str) -> IdSelect:
    return select(Dossier.id).where(starts_with(Dossier.code, prefix))


def code_tail_is(tail: str, whole_suffix: str | None = None) -> IdSelect:
    """Codes ending in `tail` ("261204-0001"); with `whole_suffix` ("H27-261204-0001") only
    those ending in it too."""
    stmt = select(Dossier.id).where(code_tail == tail)
    if whole_suffix is not None and whole_suffix != tail:
        stmt = stmt.where(Dossier.code.endswith(whole_suffix, autoescape=True))
    return stmt


def code_tail_starts(prefix: str) -> IdSelect:
    """Codes whose date-and-number part starts so ("261204-": that day's dossiers)."""
    return select(Dossier.id).where(starts_with(code_tail, prefix))


def id_number_is(number: str) -> IdSelect:
    return select(Dossier.id).where(Dossier.id_number == number)


def old_id_number_is(number: str) -> IdSelect:
    """Dossiers of applicants whose former CMND was `number`."""
    applicants = select(Applicant.id).where(Applicant.old_id_number == number)
    return select(Dossier.id).where(Dossier.applicant_id.in_(applicants))


def phone_starts(digits: str) -> IdSelect:
    return select(Dossier.id).where(starts_with(Dossier.phone, digits))


def phone_ends(digits: str) -> IdSelect:
    stmt = select(Dossier.id).where(phone_tail == digits[-PHONE_TAIL_DIGITS:])
    if len(digits) > PHONE_TAIL_DIGITS:
        stmt = stmt.where(Dossier.phone.endswith(digits, autoescape=True))
    return stmt


def received_since(moment: datetime) -> IdSelect:
    """Dossiers received from `moment` on, read from ix_dossiers_received_at alone."""
    return select(Dossier.id).where(Dossier.received_at >= moment)


def any_of(lookups: Sequence[IdSelect]) -> IdSelect:
    """The ids any of the look-ups finds, once each."""
    if len(lookups) == 1:
        return lookups[0]
    found = union(*lookups).subquery()
    return select(found.c.id)


def name_has(words: Sequence[str], prefixes: Iterable[bool]) -> ColumnElement[bool]:
    """The dossier's folded name has each word (whole, or as a word's start where the flag says
    so): the full-text index's test, one row at a time, for walks that read rows anyway. Words
    are letters and digits only (services/search_names.py), so they hold no LIKE wildcard."""
    padded = literal(" ") + Dossier.search_name + literal(" ")
    tests = [
        padded.like(f"% {word}%" if prefix else f"% {word} %")
        for word, prefix in zip(words, prefixes, strict=True)
    ]
    return and_(true(), *tests)


def status_walk(
    statuses: Sequence[int],
    within: Sequence[ColumnElement[bool]],
    before: int | None,
    budget: int,
) -> IdSelect:
    """The next `budget` ids in any of `statuses` that pass `within` (tests of `due_at`, which
    the index holds): one range of ix_dossiers_status_walk each, merged (each range gives at
    most `budget`, so the merge's first `budget` are exact)."""
    parts = []
    for status in statuses:
        part = select(Dossier.id).where(Dossier.status == status, *within)
        if before is not None:
            part = part.where(Dossier.id < before)
        parts.append(part.order_by(Dossier.id.desc()).limit(budget).subquery())
    if len(parts) == 1:
        return select(parts[0].c.id)
    merged = union_all(*(select(p.c.id) for p in parts)).subquery()
    return select(merged.c.id).order_by(merged.c.id.desc()).limit(budget)


def id_walk(before: int | None, budget: int) -> IdSelect:
    stmt = select(Dossier.id)
    if before is not None:
        stmt = stmt.where(Dossier.id < before)
    return stmt.order_by(Dossier.id.desc()).limit(budget)


def in_statuses(statuses: Sequence[int], within: Sequence[ColumnElement[bool]]) -> IdSelect:
    """Every id in `statuses` passing `within` (due-date ranges: ix_dossiers_status_due)."""
    parts = [select(Dossier.id).where(Dossier.status == s, *within) for s in statuses]
    return parts[0] if len(parts) == 1 else select(union_all(*parts).subquery().c.id)


def count_upto(ids: IdSelect, cap: int) -> Select[int]:
    """How many ids there are, counting at most `cap` + 1."""
    return select(func.count()).select_from(ids.limit(cap + 1).subquery())


def index_walk(
    index: str, expression: str, among: IdSelect | None, before: int | None, budget: int
) -> IdSelect:
    """The next `budget` rowids an FTS5 `MATCH` on the name index ("names") or the pair index
    ("pairs") finds, newest first (FTS5 walks its lists by descending rowid and stops early);
    with `among`, only those in that (small) set, tested inside SQLite as FTS5 lists them."""
    fts = NAME_INDEX if index == "names" else PAIR_INDEX
    rowid = fts.c.rowid
    stmt = select(rowid.label("id")).where(fts.c[fts.name].op("MATCH")(expression))
    if among is not None:  # "+": FTS5 would look each id of the set up in the index
        stmt = stmt.where(literal_column(f"+{fts.name}.rowid").in_(among))
    if before is not None:
        stmt = stmt.where(rowid < before)
    return stmt.order_by(rowid.desc()).limit(budget)


def chunk(walk: IdSelect, filters: Sequence[ColumnElement[bool]]) -> CompoundSelect[int, int]:
    """One step of a walk: the ids that pass `filters` (marked 1), then one row with the last id
    the step read and how many it read, negated (the next step's cursor). The step's ids are read
    once (a materialised CTE) and stay the outer loop; only the matches come back to Python."""
    ids = walk.cte("step").prefix_with("MATERIALIZED")
    passes = and_(Dossier.id == ids.c.id, *filters)
    hits = select(ids.c.id, literal_column("1")).select_from(ids.join(Dossier, passes))
    end = select(func.min(ids.c.id), -func.count())
    return union_all(hits, end)


def passing(ids: Sequence[int], filters: Sequence[ColumnElement[bool]], before: int | None,
            limit: int) -> IdSelect:  # fmt: skip
    """The newest `limit` of these dossiers that pass `filters`: looked up by primary key one by
    one (a list of ids, not a join, which SQLite may turn into a walk of the whole table)."""
    stmt = select(Dossier.id).where(Dossier.id.in_(_ids_param(ids)), *filters)
    if before is not None:
        stmt = stmt.where(Dossier.id < before)
    return stmt.order_by(Dossier.id.desc()).limit(limit)


# The list's columns for a page of ids, newest first: built once, the ids bound as one list.
LIST_ROWS = (
    select(
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
    .join(Applicant, Applicant.id == Dossier.applicant_id)
    .join(Procedure, Procedure.id == Dossier.procedure_id)
    .where(Dossier.id.in_(bindparam("ids", expanding=True)))
    .order_by(Dossier.id.desc())
)


def _ids_param(ids: Sequence[int]) -> BindParameter[Any]:
    """A list of ids as one expanding parameter (not one coerced expression per id)."""
    return bindparam("ids", list(ids), expanding=True)


_INSERT_PAIRS = text("INSERT INTO dossier_name_pairs(rowid, pairs) VALUES (:id, :pairs)")


def index_name_pairs(conn: Connection, dossiers: Sequence[tuple[int, str]]) -> None:
    """Put new dossiers' names, (id, search_name), into the pair index (in the save's
    transaction, as the name index's trigger does for the name index)."""
    if dossiers:
        conn.execute(_INSERT_PAIRS, [{"id": i, "pairs": name_pairs(n)} for i, n in dossiers])
