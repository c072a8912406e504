"""The dossiers past their appointment and those due soon (docs/domain.md#deadlines): what the
counter must chase, apologise for (Mẫu 04) or hand back before it is late.

Only dossiers whose deadline runs are listed: received, at the agency, or waiting for the
applicant's financial duty. A dossier waiting for papers at the counter has no deadline yet, and
one in a supplement pause is not late while paused (its date moves when the papers come back).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from counter_app.domain.dossier_rules import DEADLINE_RUNNING, DueState, DueWindow, due_window
from counter_app.domain.vntime import now_vn
from counter_app.models.tables import Applicant, Dossier, Procedure
from counter_app.services.calendar import CalendarService
from counter_app.services.search import DUE_SOON_SETTING
from counter_app.services.settings import get_setting
from counter_app.services.store import Store
from counter_protocol.timefmt import to_vn

# The national statuses in which the processing deadline runs and nothing pauses it.
RUNNING: tuple[int, ...] = tuple(sorted(int(s) for s in DEADLINE_RUNNING))


@dataclass(frozen=True)
class LateDossier:
    """One line of the late list."""

    code: str
    applicant_name: str
    procedure_name: str
    status: int
    sub_state: str
    due_at: datetime
    due_state: DueState  # OVERDUE or DUE_SOON
    extensions: int  # re-appointments already given (Mẫu 04)
    supplement_requests: int


@dataclass(frozen=True)
class LateList:
    """Overdue dossiers (oldest appointment first), then those due soon, at one moment."""

    at: datetime
    overdue: tuple[LateDossier, ...]
    due_soon: tuple[LateDossier, ...]


_LATE = (
    select(
        Dossier.code,
        Applicant.full_name,
        Procedure.name,
        Dossier.status,
        Dossier.sub_state,
        Dossier.due_at,
        Dossier.extensions,
        Dossier.supplement_requests,
    )
    .join(Applicant, Applicant.id == Dossier.applicant_id)
    .join(Procedure, Procedure.id == Dossier.procedure_id)
    .where(Dossier.status.in_(RUNNING), Dossier.paused_at.is_(None))
    .order_by(Dossier.due_at, Dossier.id)
)


class LateService:
    """Lists what is late or nearly late on the counter's working calendar."""

    def __init__(
        self, store: Store, calendar: CalendarService, clock: Callable[[], datetime] = now_vn
    ) -> None:
        self._store, self._calendar, self._clock = store, calendar, clock

    def late_list(self, limit: int = 1000) -> LateList:
        """Overdue and due-soon dossiers, "due soon" counted in working days from the
        `due_soon.working_days` setting (as the dossier list colours them)."""
        now = to_vn(self._clock())
        with self._store.read() as session:
            days = int(get_setting(session, DUE_SOON_SETTING))
            window = due_window(self._calendar.calendar(), now, days)
            rows = session.execute(
                _LATE.where(Dossier.due_at <= window.soon_until).limit(limit)
            ).all()
        found = [_late(row, window) for row in rows]
        return LateList(
            now,
            tuple(d for d in found if d.due_state == DueState.OVERDUE),
            tuple(d for d in found if d.due_state == DueState.DUE_SOON),
        )


def _late(row: tuple[object, ...], window: DueWindow) -> LateDossier:
    code, name, procedure, status, sub_state, due_at, extensions, supplements = row
    assert isinstance(due_at, datetime) and isinstance(status, int)
    return LateDossier(
        code=str(code),
        applicant_name=str(name),
        procedure_name=str(procedure),
        status=status,
        sub_state=str(sub_state),
        due_at=due_at,
        due_state=window.state(status, due_at),
        extensions=int(str(extensions)),
        supplement_requests=int(str(supplements)),
    )
