"""Read one dossier in full (fields, components, fees, event history) as frozen data."""

from __future__ import annotations

import json
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.kinds import ApplicantKind, Channel, ResultDelivery
from counter_app.models.tables import Dossier, DossierEvent, Procedure, Unit, User
from counter_app.services.dto import (
    ApplicantInput,
    ComponentInput,
    DossierDetail,
    EventView,
    FeeLine,
)
from counter_app.services.errors import NotFound
from counter_app.services.procedures import processing_text
from counter_app.services.store import Store


def find_dossier(session: Session, code: str) -> Dossier:
    dossier = session.scalar(select(Dossier).where(Dossier.code == code.strip().upper()))
    if dossier is None:
        raise NotFound(f"Không tìm thấy hồ sơ mã “{code.strip()}”.")
    return dossier


def detail_of(session: Session, dossier: Dossier) -> DossierDetail:
    procedure = session.get(Procedure, dossier.procedure_id)
    assert procedure is not None
    agency = procedure.agency_name or _unit_name(session, dossier.unit_code)
    a = dossier.applicant
    events = session.scalars(
        select(DossierEvent).where(DossierEvent.dossier_id == dossier.id).order_by(DossierEvent.seq)
    )
    clerk = session.scalar(select(User.full_name).where(User.username == dossier.received_by))
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
        received_by_name=clerk or dossier.received_by,
        fees=tuple(FeeLine(**f) for f in json.loads(dossier.fees_json or "[]")),
        note=dossier.note,
        sets_count=dossier.sets_count,
        events=tuple(
            EventView(e.seq, e.kind, e.at, e.actor, e.from_status, e.to_status, e.note, e.origin)
            for e in events
        ),
    )


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
