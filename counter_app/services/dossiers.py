"""Dossier use cases: receive, change status, return the result. Each call is one transaction
that writes the dossier, its event and its outbox operation together."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import asdict
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.statuses import (
    SUBSTATE_TO_STATUS,
    Status,
    SubState,
    TransitionError,
    check_transition,
)
from counter_app.domain.text import fold, nfc
from counter_app.domain.vntime import now_vn, to_vn
from counter_app.models.tables import (
    Applicant,
    Device,
    Dossier,
    DossierComponent,
    DossierEvent,
    Procedure,
)
from counter_app.services import outbox
from counter_app.services.codes import allocate_code
from counter_app.services.dto import IntakeRequest
from counter_app.services.errors import NotFound, ServiceError
from counter_app.services.intake_rules import check_intake
from counter_app.services.search import record_search_terms
from counter_app.services.store import Store

DueFunction = Callable[[Procedure, datetime], datetime]


def self_device(session: Session) -> Device:
    device = session.scalar(select(Device).where(Device.is_self.is_(True)))
    if device is None:
        raise ServiceError("Máy này chưa được thiết lập. Hãy chạy trình thiết lập lần đầu.")
    return device


def current_procedure(session: Session, code: str) -> Procedure:
    from counter_app.services.catalogue import current_procedure_by_code

    procedure = current_procedure_by_code(session, code)
    if procedure is None:
        raise NotFound(f"Không có thủ tục mã “{code}” trong danh mục hiện hành.")
    return procedure


class DossierService:
    """Receive dossiers and move them through their statuses."""

    def __init__(self, store: Store, due: DueFunction, clock: Callable[[], datetime] = now_vn):
        self._store = store
        self._due = due
        self._clock = clock

    def receive(self, request: IntakeRequest) -> str:
        """Store a complete dossier (status 2) and return its code. Raises ServiceError."""
        check_intake(request)
        with self._store.write() as session:
            return self._receive_in(session, request, to_vn(self._clock()))

    def _receive_in(self, session: Session, req: IntakeRequest, now: datetime) -> str:
        device = self_device(session)
        procedure = current_procedure(session, req.procedure_code)
        due_at = self._due(procedure, now)
        code = str(allocate_code(session, device.unit_code, now.date(), device.slot))
        applicant = _new_applicant(req)
        session.add(applicant)
        session.flush()
        dossier = _new_dossier(req, device, procedure, applicant, code, now, due_at)
        session.add(dossier)
        session.flush()
        record_search_terms(session, dossier.search_name)
        for ordinal, comp in enumerate(req.components, start=1):
            session.add(DossierComponent(dossier_id=dossier.id, ordinal=ordinal, **asdict(comp)))
        event = _event(dossier.id, 1, "received", now, req.clerk, None, Status.RECEIVED, req.note)
        session.add(event)
        op = outbox.enqueue(
            session, kind="dossier.create", dossier_uuid=dossier.uuid, dossier_code=code,
            unit_code=device.unit_code, prev_seq=None, created_at=now,
            data=_create_data(req, dossier, procedure, event),
        )
        dossier.last_op_seq = op.device_seq
        return code

    def change_status(
        self, code: str, target: Status, actor: str, note: str | None = None,
        kind: str = "status", extra: dict[str, Any] | None = None,
        sub_state: SubState | None = None,
    ) -> None:
        """Record a status change as a new event (with its outbox op)."""
        with self._store.write() as session:
            dossier = _dossier_by_code(session, code)
            self.apply_event(session, dossier, target, actor, note, kind, extra, sub_state)

    def apply_event(
        self, session: Session, dossier: Dossier, target: Status, actor: str,
        note: str | None, kind: str, extra: dict[str, Any] | None = None,
        sub_state: SubState | None = None, at: datetime | None = None,
    ) -> DossierEvent:
        current = Status(dossier.status)
        try:
            check_transition(current, target)
        except TransitionError as exc:
            raise ServiceError(str(exc)) from exc
        when = to_vn(at or self._clock())
        seq = dossier.last_event_seq + 1
        event = _event(dossier.id, seq, kind, when, actor, current, target, note, extra)
        session.add(event)
        dossier.status = int(target)
        dossier.sub_state = str(sub_state or _default_sub_state(target))
        dossier.last_event_seq = seq
        if target == Status.RETURNED:
            dossier.returned_at = when
        op = outbox.enqueue(
            session, kind="dossier.event", dossier_uuid=dossier.uuid, dossier_code=dossier.code,
            unit_code=dossier.unit_code, prev_seq=dossier.last_op_seq, created_at=when,
            data=_event_data(event, extra),
        )
        dossier.last_op_seq = op.device_seq
        return event


def _dossier_by_code(session: Session, code: str) -> Dossier:
    dossier = session.scalar(select(Dossier).where(Dossier.code == code.strip().upper()))
    if dossier is None:
        raise NotFound(f"Không tìm thấy hồ sơ mã “{code}”.")
    return dossier


def _default_sub_state(status: Status) -> SubState:
    for sub, mapped in SUBSTATE_TO_STATUS.items():
        if mapped == status:
            return sub
    raise ValueError(status)


def _new_applicant(req: IntakeRequest) -> Applicant:
    a = req.applicant
    return Applicant(
        kind=a.kind, full_name=nfc(a.full_name).strip(), id_number=a.id_number or None,
        old_id_number=a.old_id_number or None, birth_date=a.birth_date, sex=a.sex,
        phone=a.phone or None, email=a.email or None, address=nfc(a.address or "") or None,
    )


def _new_dossier(
    req: IntakeRequest, device: Device, procedure: Procedure, applicant: Applicant,
    code: str, now: datetime, due_at: datetime,
) -> Dossier:
    from counter_app.services.catalogue import version_of

    return Dossier(
        uuid=str(uuid.uuid4()), code=code, unit_code=device.unit_code,
        device_uuid=device.device_uuid, procedure_id=procedure.id,
        procedure_code=procedure.code, catalogue_version=version_of(procedure),
        applicant_id=applicant.id, search_name=fold(applicant.full_name),
        id_number=applicant.id_number, phone=applicant.phone,
        authorised_json=orjson.dumps(req.authorised_person).decode()
        if req.authorised_person else None,
        channel=req.channel, result_delivery=req.result_delivery,
        delivery_address=nfc(req.delivery_address or "") or None,
        status=int(Status.RECEIVED), sub_state=str(SubState.RECEIVED),
        submitted_at=now, received_at=now, due_at=due_at, received_by=req.clerk,
        fees_json=orjson.dumps([asdict(f) for f in req.fees]).decode(),
        note=nfc(req.note or "") or None, sets_count=req.sets_count, last_event_seq=1,
    )


def _event(
    dossier_id: int, seq: int, kind: str, at: datetime, actor: str,
    from_status: Status | None, to_status: Status | None, note: str | None,
    extra: dict[str, Any] | None = None,
) -> DossierEvent:
    return DossierEvent(
        dossier_id=dossier_id, seq=seq, kind=kind, at=at, actor=actor,
        from_status=int(from_status) if from_status else None,
        to_status=int(to_status) if to_status else None, note=nfc(note or "") or None,
        data_json=orjson.dumps(extra).decode() if extra else None, origin="counter",
    )


def _event_data(event: DossierEvent, extra: dict[str, Any] | None) -> dict[str, Any]:
    return {
        "event_seq": event.seq, "kind": event.kind, "at": event.at.isoformat(timespec="seconds"),
        "actor": event.actor, "from_status": event.from_status, "to_status": event.to_status,
        "note": event.note, "extra": extra or {},
    }


def _create_data(
    req: IntakeRequest, dossier: Dossier, procedure: Procedure, event: DossierEvent
) -> dict[str, Any]:
    a = req.applicant
    return {
        "procedure_code": procedure.code, "catalogue_version": dossier.catalogue_version,
        "status": dossier.status, "channel": dossier.channel,
        "result_delivery": dossier.result_delivery, "delivery_address": dossier.delivery_address,
        "received_at": dossier.received_at.isoformat(timespec="seconds"),
        "due_at": dossier.due_at.isoformat(timespec="seconds"),
        "applicant": {
            "kind": a.kind, "full_name": nfc(a.full_name), "id_number": a.id_number,
            "old_id_number": a.old_id_number,
            "birth_date": a.birth_date.isoformat() if a.birth_date else None, "sex": a.sex,
            "phone": a.phone, "email": a.email, "address": a.address,
        },
        "authorised_person": req.authorised_person,
        "components": [asdict(c) for c in req.components],
        "fees": [asdict(f) for f in req.fees], "note": dossier.note,
        "received_by": req.clerk, "sets_count": req.sets_count,
        "event": _event_data(event, None),
    }
