"""Dossier use cases: receive, change status. Each call is one transaction that writes the
dossier, its event and its outbox operation together."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.text import nfc
from counter_app.domain.vntime import now_vn
from counter_app.models.tables import Dossier, DossierEvent
from counter_app.services import outbox
from counter_app.services.clock import check_clock
from counter_app.services.dto import IntakeRequest
from counter_app.services.errors import NotFound, ServiceError
from counter_app.services.intake import DueFunction, event_op_data, store_received
from counter_app.services.intake_rules import check_intake, normalised_request
from counter_app.services.store import Store
from counter_protocol.ops import KIND_EVENT
from counter_protocol.statuses import (
    SUBSTATE_TO_STATUS,
    Status,
    SubState,
    TransitionError,
    check_transition,
)
from counter_protocol.timefmt import to_vn


class DossierService:
    """Receive dossiers and move them through their statuses."""

    def __init__(self, store: Store, due: DueFunction, clock: Callable[[], datetime] = now_vn):
        self._store = store
        self._due = due
        self._clock = clock

    def receive(self, request: IntakeRequest, *, clock_confirmed: bool = False) -> str:
        """Store a complete dossier (status 2) and return its code. Raises ServiceError;
        ClockSuspect when this PC's clock cannot be right and the clerk has not confirmed it."""
        request = normalised_request(request)  # checked in the form it is stored in
        check_intake(request)
        with self._store.write() as session:
            now = to_vn(self._clock())
            check_clock(session, now, confirmed=clock_confirmed)
            return store_received(session, request, now, self._due)

    def change_status(
        self,
        code: str,
        target: Status,
        actor: str,
        note: str | None = None,
        kind: str = "status",
        extra: dict[str, Any] | None = None,
        sub_state: SubState | None = None,
    ) -> None:
        """Record a status change as a new event (with its outbox op)."""
        with self._store.write() as session:
            dossier = _dossier_by_code(session, code)
            self.apply_event(session, dossier, target, actor, note, kind, extra, sub_state)

    def apply_event(
        self,
        session: Session,
        dossier: Dossier,
        target: Status,
        actor: str,
        note: str | None,
        kind: str,
        extra: dict[str, Any] | None = None,
        sub_state: SubState | None = None,
        at: datetime | None = None,
    ) -> DossierEvent:
        """Append the event, move the dossier, queue the op: in the caller's transaction."""
        current = Status(dossier.status)
        try:
            check_transition(current, target)
        except TransitionError as exc:
            raise ServiceError(str(exc)) from exc
        when = to_vn(at or self._clock())
        event = new_event(dossier, kind, when, actor, target, note, extra)
        session.add(event)
        move_dossier(dossier, target, sub_state, when)
        dossier.last_op_seq = outbox.enqueue(
            session,
            kind=KIND_EVENT,
            dossier_uuid=dossier.uuid,
            dossier_code=dossier.code,
            unit_code=dossier.unit_code,
            prev_seq=dossier.last_op_seq,
            created_at=when,
            data=event_op_data(
                {
                    "seq": event.seq,
                    "kind": kind,
                    "at": when,
                    "actor": actor,
                    "from_status": event.from_status,
                    "to_status": event.to_status,
                    "note": event.note,
                },
                extra,
            ),
        )
        return event


def new_event(
    dossier: Dossier,
    kind: str,
    when: datetime,
    actor: str,
    target: Status,
    note: str | None,
    extra: dict[str, Any] | None,
    origin: str = "counter",
) -> DossierEvent:
    """The dossier's next event (its sequence number taken from the dossier)."""
    return DossierEvent(
        dossier_id=dossier.id,
        seq=dossier.last_event_seq + 1,
        kind=kind,
        at=when,
        actor=actor,
        from_status=dossier.status,
        to_status=int(target),
        note=nfc(note or "").strip() or None,
        data_json=orjson.dumps(extra).decode() if extra else None,
        origin=origin,
    )


def move_dossier(
    dossier: Dossier, target: Status, sub_state: SubState | None, when: datetime
) -> None:
    dossier.status = int(target)
    dossier.sub_state = str(sub_state or default_sub_state(target))
    dossier.last_event_seq += 1
    if target == Status.RETURNED:
        dossier.returned_at = when


def _dossier_by_code(session: Session, code: str) -> Dossier:
    dossier = session.scalar(select(Dossier).where(Dossier.code == code.strip().upper()))
    if dossier is None:
        raise NotFound(f"Không tìm thấy hồ sơ mã “{code}”.")
    return dossier


def default_sub_state(status: Status) -> SubState:
    for sub, mapped in SUBSTATE_TO_STATUS.items():
        if mapped == status:
            return sub
    raise ValueError(status)
