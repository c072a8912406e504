"""Issue dossier codes inside the transaction that stores the dossier (see domain/codes.py)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.codes import DossierCode, make_code
from counter_app.models.tables import CodeCounter, Dossier


def allocate_code(session: Session, agency_code: str, day: date, slot: int) -> DossierCode:
    """Take the next number of (agency, day, slot) in the caller's write transaction.

    The counter row and the dossier are committed together, so a crash before the commit leaves
    both untouched (nothing was printed: printing happens after the commit) and a crash after it
    leaves the number used. A code is never issued twice.
    """
    key = (agency_code, f"{day:%y%m%d}", slot)
    counter = session.get(CodeCounter, key)
    if counter is None:
        counter = CodeCounter(agency_code=key[0], day=key[1], slot=slot, last_seq=0)
        session.add(counter)
    seq = counter.last_seq + 1
    code = make_code(agency_code, day, slot, seq)
    # A store restored from an older copy may lag behind dossiers it later re-imported: skip
    # any number already on a dossier rather than fail.
    while session.scalar(select(Dossier.id).where(Dossier.code == str(code))) is not None:
        seq += 1
        code = make_code(agency_code, day, slot, seq)
    counter.last_seq = seq
    return code
