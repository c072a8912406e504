"""Conflicts between the province's changes and this counter's: recorded, listed, marked seen.

A conflict is written when a province status change does not fit the dossier's state here (the
pull takes the province's status anyway), or when the server answers one of our ops "applied,
but in conflict" (the province had moved the dossier first). Both changes stay in the dossier's
history; the conflict row tells the clerk and IT to look (docs/sync.md#s20).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.text import nfc
from counter_app.domain.vntime import now_vn
from counter_app.models.tables import Dossier, DossierConflict
from counter_app.services.errors import NotFound
from counter_app.services.notes import Part, formatted, read_note, stored_note
from counter_app.services.store import Store
from counter_protocol.texts import QT_TRANSLATE_NOOP, Marked
from counter_protocol.timefmt import to_vn

SOURCE_PULL = "pull"  # a province change that did not fit our state
SOURCE_RECEIPT = "receipt"  # our op, applied by the server in conflict with the province


@dataclass(frozen=True)
class ConflictView:
    """One conflict as the screens show it."""

    id: int
    dossier_code: str
    detected_at: datetime
    source: str  # SOURCE_PULL | SOURCE_RECEIPT
    message: str  # Vietnamese, names both changes
    event_seq: int | None
    change_seq: int | None
    seen_at: datetime | None
    seen_by: str | None
    note: tuple[Marked, ...] | None = None  # `message` before formatting (since revision 0019)


def record_conflict(
    session: Session,
    dossier: Dossier,
    *,
    source: str,
    note: list[Part],
    at: datetime,
    event_seq: int | None = None,
    change_seq: int | None = None,
) -> DossierConflict:
    """Write one conflict row in the caller's transaction: its note formatted in Vietnamese and
    kept marked beside (services/notes.py)."""
    row = DossierConflict(
        dossier_id=dossier.id,
        detected_at=to_vn(at),
        source=source,
        message=nfc(formatted(note)),
        message_marked=stored_note(note),
        event_seq=event_seq,
        change_seq=change_seq,
    )
    session.add(row)
    return row


class ConflictService:
    """What the clerk and IT see: the conflicts, newest first, and who has looked at them."""

    def __init__(self, store: Store, clock: Callable[[], datetime] = now_vn) -> None:
        self._store = store
        self._clock = clock

    def list_conflicts(
        self, *, unseen_only: bool = False, dossier_code: str | None = None
    ) -> list[ConflictView]:
        query = (
            select(DossierConflict, Dossier.code)
            .join(Dossier, Dossier.id == DossierConflict.dossier_id)
            .order_by(DossierConflict.detected_at.desc(), DossierConflict.id.desc())
        )
        if unseen_only:
            query = query.where(DossierConflict.seen_at.is_(None))
        if dossier_code is not None:
            query = query.where(Dossier.code == dossier_code.strip().upper())
        with self._store.read() as session:
            return [_view(row, code) for row, code in session.execute(query).all()]

    def unseen_count(self) -> int:
        return len(self.list_conflicts(unseen_only=True))

    def mark_seen(self, conflict_id: int, actor: str) -> ConflictView:
        """Record that `actor` has seen the conflict (the first look counts; never undone)."""
        with self._store.write() as session:
            row = session.get(DossierConflict, conflict_id)
            if row is None:
                raise NotFound(
                    QT_TRANSLATE_NOOP(
                        "messages",
                        "Không tìm thấy xung đột số {conflict_id}.",
                    ),
                    params={"conflict_id": conflict_id},
                )
            if row.seen_at is None:
                row.seen_at, row.seen_by = to_vn(self._clock()), nfc(actor)[:120]
            code = session.scalar(select(Dossier.code).where(Dossier.id == row.dossier_id))
            session.flush()
            return _view(row, str(code))


def _view(row: DossierConflict, code: str) -> ConflictView:
    return ConflictView(
        id=row.id,
        dossier_code=code,
        detected_at=row.detected_at,
        source=row.source,
        message=row.message,
        event_seq=row.event_seq,
        change_seq=row.change_seq,
        seen_at=row.seen_at,
        seen_by=row.seen_by,
        note=read_note(row.message_marked),
    )
