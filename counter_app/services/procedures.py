"""Read the current catalogue for intake: find a procedure this unit may receive by part of its
name or code, with who decides it and whether the applicant must come in person."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain import routing
from counter_app.domain.text import fold
from counter_app.models.tables import CatalogueVersion, Device, Procedure, Unit, User
from counter_app.services.catalogue import current_catalogue, current_procedure_by_code
from counter_app.services.dto import ComponentInput, FeeLine
from counter_app.services.errors import NotFound, ServiceError
from counter_app.services.store import Store
from counter_protocol.catalogue.records import Catalogue, CatalogueUnit
from counter_protocol.texts import QT_TRANSLATE_NOOP

UNIT_WORDS = {
    "working_days": QT_TRANSLATE_NOOP("labels", "ngày làm việc"),
    "working_hours": QT_TRANSLATE_NOOP("labels", "giờ làm việc"),
    "half_days": QT_TRANSLATE_NOOP("labels", "buổi làm việc"),
    "calendar_days": QT_TRANSLATE_NOOP("labels", "ngày"),
}
SAME_DAY = QT_TRANSLATE_NOOP("labels", "Trong ngày")


@dataclass(frozen=True)
class ProcedureInfo:
    code: str
    local_code: str | None
    name: str
    field_name: str
    agency_name: str
    processing_amount: Decimal
    processing_unit: str
    cutoff: str | None
    bcci_allowed: bool
    components: tuple[ComponentInput, ...]
    fees: tuple[FeeLine, ...]
    level: str = "commune"  # of the competent authority: "province" | "commune"
    in_person_submit: bool = False  # no submission by post (docs/domain.md#routing)
    in_person_return: bool = False  # no result by post
    any_commune: bool = False  # every commune centre of the province receives it

    @property
    def processing_text(self) -> str:
        return processing_text(self.processing_amount, self.processing_unit)


def processing_text(amount: Decimal, unit: str) -> str:
    if amount == 0:
        return SAME_DAY
    number = f"{amount:f}".rstrip("0").rstrip(".") if "." in f"{amount:f}" else f"{amount}"
    number = number.replace(".", ",")
    return f"{number.zfill(2) if number.isdigit() else number} {UNIT_WORDS.get(unit, unit)}"


def info_from_row(row: Procedure, agency_name: str | None = None) -> ProcedureInfo:
    """A stored procedure as the intake offers it; `agency_name` is who decides it when received
    at this unit (routing.route), else the catalogue's named agency ("" when it depends)."""
    components = tuple(
        ComponentInput(
            c["name"],
            int(c["originals"]),
            int(c["copies"]),
            provided=bool(c.get("required", True)),
            required=bool(c.get("required", True)),
        )
        for c in json.loads(row.components_json)
    )
    fees = tuple(
        FeeLine(f["kind"], f["name"], int(f["amount"]), f["collected"])
        for f in json.loads(row.fees_json)
    )
    return ProcedureInfo(
        code=row.code,
        local_code=row.local_code,
        name=row.name,
        field_name=row.field_name,
        agency_name=row.agency_name if agency_name is None else agency_name,
        processing_amount=Decimal(row.processing_amount),
        processing_unit=row.processing_unit,
        cutoff=row.cutoff,
        bcci_allowed=row.bcci_allowed,
        components=components,
        fees=fees,
        level=row.level,
        in_person_submit=row.in_person_submit,
        in_person_return=row.in_person_return,
        any_commune=row.any_commune,
    )


class ProcedureService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def search(self, text: str, limit: int = 50) -> list[ProcedureInfo]:
        """Procedures this unit may receive whose code or name contains every typed word
        (diacritics optional); before set-up, every procedure of the catalogue."""
        query = (
            select(Procedure)
            .join(CatalogueVersion, CatalogueVersion.id == Procedure.catalogue_version_id)
            .where(CatalogueVersion.is_current.is_(True))
        )
        for word in fold(text).split():
            query = query.where(Procedure.name_folded.contains(word, autoescape=True))
        with self._store.read() as session:
            unit_code = self_unit_code(session)
            if unit_code is not None:
                query = query.where(Procedure.code.in_(receivable_codes(session, unit_code)))
            rows = session.scalars(query.order_by(Procedure.field_name, Procedure.name)).all()
            return [_info_at(session, r, unit_code) for r in rows[:limit]]

    def get(self, code: str) -> ProcedureInfo:
        """A procedure of the current catalogue by code, even one this unit does not receive
        (the intake refuses it with the reason, routing.route)."""
        with self._store.read() as session:
            row = current_procedure_by_code(session, code)
            if row is None:
                raise NotFound(
                    QT_TRANSLATE_NOOP(
                        "messages",
                        "Không có thủ tục mã “{code}” trong danh mục hiện hành.",
                    ),
                    params={"code": code},
                )
            return _info_at(session, row, self_unit_code(session))

    def route(self, code: str, home_commune: str | None = None) -> routing.Route:
        """Where a dossier of `code` goes from this unit, for the intake form and the forms'
        header; raises routing.RoutingRefused with the reason."""
        with self._store.read() as session:
            catalogue, unit_code = _catalogue_and_unit(session)
            return routing.route(catalogue, unit_code, code, home_commune)

    def communes(self) -> list[tuple[str, str]]:
        """(code, managing body) of the communes a clerk may name as the applicant's."""
        with self._store.read() as session:
            catalogue, _unit = _catalogue_and_unit(session)
            return [(u.code, u.managing_body or u.name) for u in routing.communes(catalogue)]


def self_unit_code(session: Session) -> str | None:
    """The unit this counter belongs to, None before set-up."""
    return session.scalar(select(Device.unit_code).where(Device.is_self.is_(True)))


def receivable_codes(session: Session, unit_code: str) -> frozenset[str]:
    """Codes of the current procedures `unit_code` may receive (the picker's and the demo's
    list); empty before any catalogue is loaded."""
    catalogue = catalogue_with_unit(session, unit_code)
    if catalogue is None:
        return frozenset()
    return frozenset(p.code for p in routing.receivable_procedures(catalogue, unit_code))


def catalogue_with_unit(session: Session, unit_code: str) -> Catalogue | None:
    """The current catalogue, holding `unit_code` even when this version omits it: a counter's
    unit was in the catalogue it was set up with, and keeps its level and managing body from the
    store (it then receives only what is listed for it and, as a commune, any_commune ones)."""
    catalogue = current_catalogue(session)
    if catalogue is None or catalogue.unit(unit_code) is not None:
        return catalogue
    row = session.scalar(select(Unit).where(Unit.code == unit_code, Unit.is_agency.is_(False)))
    if row is None:
        return catalogue
    unit = CatalogueUnit(
        row.code,
        row.name,
        row.level,
        row.address or "",
        row.phone or "",
        False,
        row.managing_body or "",
    )
    return replace(catalogue, units=(*catalogue.units, unit))


def decider_name(session: Session, unit_code: str, row: Procedure, recorded: str | None) -> str:
    """Who decides a stored dossier: the name recorded at intake, else the procedure's named
    agency, else the managing body of the receiving unit; never the centre's own name."""
    if recorded or row.agency_name:
        return recorded or row.agency_name
    catalogue = catalogue_with_unit(session, unit_code)
    body = catalogue.agency_name(unit_code) if catalogue is not None else None
    return body or ""


def _info_at(session: Session, row: Procedure, unit_code: str | None) -> ProcedureInfo:
    catalogue = None if unit_code is None else catalogue_with_unit(session, unit_code)
    if unit_code is None or catalogue is None:
        return info_from_row(row)
    try:
        return info_from_row(row, routing.route(catalogue, unit_code, row.code).competent_name)
    except routing.RoutingRefused:
        return info_from_row(row)


def _catalogue_and_unit(session: Session) -> tuple[Catalogue, str]:
    unit_code = self_unit_code(session)
    catalogue = None if unit_code is None else catalogue_with_unit(session, unit_code)
    if catalogue is None or unit_code is None:
        raise ServiceError(
            QT_TRANSLATE_NOOP(
                "messages", "Máy này chưa được thiết lập. Hãy chạy trình thiết lập lần đầu."
            )
        )
    return catalogue, unit_code


def admit_intake(
    session: Session,
    procedure_code: str,
    *,
    channel: int,
    result_delivery: int,
    actor: str,
    override_reason: str | None = None,
    home_commune: str | None = None,
) -> routing.Admission:
    """The routing and in-person checks of an intake at this counter, in the intake's own
    transaction: raises routing.RoutingRefused / routing.InPersonRequired (UserError), else
    the competent agency and any supervisor override for the first event's StepData."""
    catalogue, unit_code = _catalogue_and_unit(session)
    role = session.scalar(select(User.role).where(User.username == actor)) or ""
    return routing.admit(
        catalogue,
        unit_code,
        procedure_code,
        channel=channel,
        result_delivery=result_delivery,
        role=role,
        override_reason=override_reason,
        home_commune=home_commune,
    )
