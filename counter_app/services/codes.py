"""Issue dossier codes and logbook numbers in the transaction that stores the dossier
(counter_protocol/codes.py)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import bindparam, func, select, text, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from counter_app.models.base import Base
from counter_app.models.tables import CodeCounter, Dossier
from counter_app.services.errors import ServiceError
from counter_protocol.codes import PER_SLOT_DAILY, CodeError, DossierCode, make_code
from counter_protocol.slots import SlotDay, SlotFirst


def allocate_code(session: Session, agency_code: str, day: date, slot: int) -> DossierCode:
    try:
        return _allocate(session, agency_code, day, slot)
    except CodeError as exc:
        raise ServiceError(exc.template, advice=exc.advice_template, params=exc.params) from exc


_COUNTERS = Base.metadata.tables[CodeCounter.__tablename__]
_NEXT_NUMBER = (
    sqlite_insert(_COUNTERS)
    .on_conflict_do_update(
        index_elements=["agency_code", "day", "slot"],
        set_={"last_seq": _COUNTERS.c.last_seq + 1},
    )
    .returning(_COUNTERS.c.last_seq)
)
_CODE_USED = select(Dossier.id).where(Dossier.code == bindparam("code"))
_SET_LAST = (
    update(_COUNTERS)
    .where(
        _COUNTERS.c.agency_code == bindparam("a"),
        _COUNTERS.c.day == bindparam("d"),
        _COUNTERS.c.slot == bindparam("s"),
    )
    .values(last_seq=bindparam("n"))
)


def _allocate(session: Session, agency_code: str, day: date, slot: int) -> DossierCode:
    """Take the next number of (agency, day, slot) in the caller's write transaction.

    The counter row and the dossier are committed together, so a crash before the commit leaves
    both untouched (nothing was printed: printing happens after the commit) and a crash after it
    leaves the number used. A code is never issued twice.
    """
    conn, yymmdd = session.connection(), f"{day:%y%m%d}"
    seq = conn.execute(
        _NEXT_NUMBER, {"agency_code": agency_code, "day": yymmdd, "slot": slot, "last_seq": 1}
    ).scalar_one()
    code = make_code(agency_code, day, slot, seq)
    # A store restored from an older copy may lag behind dossiers it later re-imported: skip
    # any number already on a dossier rather than fail.
    skipped = 0
    while conn.execute(_CODE_USED, {"code": str(code)}).first() is not None:
        skipped += 1
        code = make_code(agency_code, day, slot, seq + skipped)
    if skipped:
        conn.execute(_SET_LAST, {"a": agency_code, "d": yymmdd, "s": slot, "n": seq + skipped})
    return code


def raise_counters(session: Session, agency_code: str, slot: int, marks: Iterable[SlotDay]) -> None:
    """Number above the slot's high-water marks (what an earlier PC of this slot already issued,
    as the server or its signed slot file says), in the caller's transaction. A counter never
    goes down."""
    rows = [
        {"agency_code": agency_code, "day": m.day, "slot": slot, "last_seq": m.last_seq}
        for m in marks
        if 0 < m.last_seq <= PER_SLOT_DAILY and len(m.day) == 6
    ]
    if rows:
        session.connection().execute(_RAISE, rows)


RECENT_DAYS = 62  # the server looks at a month of marks; a little more costs nothing


def own_first_numbers(
    session: Session, agency_code: str, slot: int, days: int = RECENT_DAYS
) -> list[SlotFirst]:
    """The lowest number this store's own dossiers used per day in its slot (newest `days`)."""
    codes = session.scalars(select(Dossier.code).where(Dossier.unit_code == agency_code))
    first: dict[str, int] = {}
    for code in codes:
        yymmdd, number = code[-11:-5], int(code[-4:]) if code[-4:].isdigit() else -1
        if number // 1000 == slot and number % 1000 > 0:
            first[yymmdd] = min(first.get(yymmdd, PER_SLOT_DAILY), number % 1000)
    newest = sorted(first.items(), reverse=True)[:days]
    return [SlotFirst(day=day, first_seq=seq) for day, seq in sorted(newest)]


_UPSERT = sqlite_insert(_COUNTERS)
_RAISE = _UPSERT.on_conflict_do_update(
    index_elements=["agency_code", "day", "slot"],
    set_={"last_seq": func.max(_COUNTERS.c.last_seq, _UPSERT.excluded.last_seq)},
)


_NEXT_LOG_SEQ = text(
    "INSERT INTO logbook_counters (unit_code, book, last_seq) VALUES (:unit, :book, 1) "
    "ON CONFLICT (unit_code, book) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq"
)


def next_log_seq(session: Session, unit_code: str, book: str) -> int:
    """The next Số thứ tự of the unit's logbook `book` (Sổ theo dõi hồ sơ, one Quyển a year),
    advanced in the caller's transaction (the write lock makes it safe)."""
    return int(
        session.connection().execute(_NEXT_LOG_SEQ, {"unit": unit_code, "book": book}).one()[0]
    )
