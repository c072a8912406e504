"""Home appointments as the lists, the command line and the intake screen read them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from counter_app.domain.appointments import VisitStatus
from counter_app.models.service_tables import HomeVisit
from counter_app.models.tables import User


@dataclass(frozen=True)
class VisitView:
    """One home appointment as the lists show it."""

    id: int
    clerk: str
    clerk_name: str
    start: datetime
    end: datetime
    citizen_name: str
    phone: str
    address: str
    area_code: str | None
    procedure_code: str
    status: VisitStatus
    note: str | None
    replaces_id: int | None
    dossier_code: str | None

    @property
    def received_at_home(self) -> bool:
        return self.dossier_code is not None


@dataclass(frozen=True)
class VisitEventView:
    at: datetime
    actor: str
    kind: str
    note: str | None


def visit_views(session: Session, query: Select[HomeVisit]) -> list[VisitView]:
    names = {name: full for name, full in session.execute(select(User.username, User.full_name))}
    visits = session.scalars(query).all()
    return [_view(v, names.get(v.clerk, v.clerk)) for v in visits]


def _view(v: HomeVisit, clerk_name: str) -> VisitView:
    return VisitView(
        id=v.id,
        clerk=v.clerk,
        clerk_name=clerk_name,
        start=v.starts_at,
        end=v.ends_at,
        citizen_name=v.citizen_name,
        phone=v.phone,
        address=v.address,
        area_code=v.area_code,
        procedure_code=v.procedure_code,
        status=VisitStatus(v.status),
        note=v.note,
        replaces_id=v.replaces_id,
        dossier_code=v.dossier_code,
    )
