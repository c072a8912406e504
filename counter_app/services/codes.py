"""Issue dossier codes inside the transaction that stores the dossier (see domain/codes.py)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from counter_app.domain.codes import CodeError, DossierCode, make_code
from counter_app.models.tables import CodeCounter, Dossier
from counter_app.services.errors import ServiceError


def allocate_code(session: Session, agency_code: str, day: date, slot: int) -> DossierCode:
    try:
        return _allocate(session, agency_code, day, slot)
    except CodeError as exc:
        raise ServiceError(str(exc)) from exc


def _allocate(session: Session, agency_code: str, day: date, slot: int) -> DossierCode:
    """Take the next number of (agency, day, slot) in the caller's write transaction.

    The counter row and the dossier are committed together, so a crash before the commit leaves
    both untouched (nothing was printed: printing happens after the commit) and a crash after it
    leaves the number used. A code is never issued twice.
    """
    upsert = (
        sqlite_insert(CodeCounter)
        .values(agency_code=agency_code, day=f"{day:%y%m%d}", slot=slot, last_seq=1)
        .on_conflict_do_update(
            index_elements=["agency_code", "day", "slot"],
            set_={"last_seq": CodeCounter.last_seq + 1},
        )
        .returning(CodeCounter.last_seq)
    )
    seq = session.execute(upsert).scalar_one()
    code = make_code(agency_code, day, slot, seq)
    # A store restored from an older copy may lag behind dossiers it later re-imported: skip
    # any number already on a dossier rather than fail.
    skipped = 0
    while session.scalar(select(Dossier.id).where(Dossier.code == str(code))) is not None:
        skipped += 1
        code = make_code(agency_code, day, slot, seq + skipped)
    if skipped:
        session.execute(
            update(CodeCounter)
            .where(CodeCounter.agency_code == agency_code, CodeCounter.day == f"{day:%y%m%d}",
                   CodeCounter.slot == slot)
            .values(last_seq=seq + skipped)
        )
    return code
