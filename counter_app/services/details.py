"""Read one dossier in full (fields, components, fees, event history) as frozen data."""

from __future__ import annotations

import json
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.kinds import ApplicantKind, Channel, ResultDelivery
from counter_app.models.tables import Dossier, DossierEvent, Procedure, Unit
from counter_app.services.dto import (
    ApplicantInput,
    ComponentInput,
    DossierDetail,
    EventView,
    FeeLine,
    ReceiverView,
)
from counter_app.services.errors import NotFound
from counter_app.services.people import people_names
from counter_app.services.procedures import decider_name, processing_text
from counter_app.services.store import Store
from counter_protocol.texts import QT_TRANSLATE_NOOP


def find_dossier(session: Session, code: str) -> Dossier:
    dossier = session.scalar(select(Dossier).where(Dossier.code == code.strip().upper()))
    if dossier is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("messages", "Không tìm thấy hồ sơ mã “{code}”."),
            params={"code": code.strip()},
        )
    return dossier


def detail_of(session: Session, dossier: Dossier) -> DossierDetail:
    procedure = session.get(Procedure, dossier.procedure_id)
    assert procedure is not None
    agency = decider_name(session, dossier.unit_code, procedure, dossier.competent_name)
    a = dossier.applicant
    events = list(
        session.scalars(
            select(DossierEvent)
            .where(DossierEvent.dossier_id == dossier.id)
            .order_by(DossierEvent.seq)
        )
    )
    names = people_names(session, {dossier.received_by, *(e.actor for e in events)})
    return DossierDetail(
        id=dossier.id,
        uuid=dossier.uuid,
        code=dossier.code,
        unit_code=dossier.unit_code,
        procedure_code=dossier.procedure_code,
        procedure_name=procedure.name,
        catalogue_version=dossier.catalogue_version,
        agency_name=agency,
        processing_text=processing_text(
            Decimal(procedure.processing_amount), procedure.processing_unit
        ),
        applicant=ApplicantInput(
            full_name=a.full_name,
            id_number=a.id_number,
            old_id_number=a.old_id_number,
            birth_date=a.birth_date,
            sex=a.sex,
            phone=a.phone,
            email=a.email,
            address=a.address,
            kind=ApplicantKind(a.kind),
        ),
        authorised_person=json.loads(dossier.authorised_json) if dossier.authorised_json else None,
        components=tuple(
            ComponentInput(c.name, c.originals, c.copies, c.provided, c.required)
            for c in dossier.components
        ),
        channel=Channel(dossier.channel),
        result_delivery=ResultDelivery(dossier.result_delivery),
        delivery_address=dossier.delivery_address,
        status=dossier.status,
        sub_state=dossier.sub_state,
        received_at=dossier.received_at,
        due_at=dossier.due_at,
        returned_at=dossier.returned_at,
        received_by=dossier.received_by,
        received_by_name=names.get(dossier.received_by, dossier.received_by),
        fees=tuple(FeeLine(**f) for f in json.loads(dossier.fees_json or "[]")),
        note=dossier.note,
        sets_count=dossier.sets_count,
        events=tuple(event_view(e, names) for e in events),
        receiver=receiver_of(events),
    )


def event_view(e: DossierEvent, names: dict[str, str]) -> EventView:
    return EventView(
        e.seq,
        e.kind,
        e.at,
        e.actor,
        e.from_status,
        e.to_status,
        e.note,
        e.origin,
        actor_name=names.get(e.actor, ""),
    )


def receiver_of(events: list[DossierEvent]) -> ReceiverView | None:
    """Who collected the result: the last "returned" event's receiver, if it names one."""
    for e in reversed(events):
        if e.kind == "returned" and e.data_json:
            data = json.loads(e.data_json)
            if data.get("receiver_name"):
                return ReceiverView(data["receiver_name"], data.get("receiver_id_number") or "")
    return None


def unit_name(session: Session, code: str) -> str:
    """The unit's name, or its code when this store does not know it."""
    return session.scalar(select(Unit.name).where(Unit.code == code)) or code


_unit_name = unit_name


class DetailService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def get(self, code: str) -> DossierDetail:
        with self._store.read() as session:
            return detail_of(session, find_dossier(session, code))

    def unit_name(self, code: str) -> str:
        with self._store.read() as session:
            return _unit_name(session, code)
