"""What every form of a dossier prints about its issuer, applicant and procedure, read once.

The header's first line is the body that runs the centre (`units.managing_body`); where the
catalogue has not filled it, a sensible guess from the unit's level and name (docs/domain.md#forms).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.fees import is_free
from counter_app.domain.kinds import ResultDelivery
from counter_app.models.tables import CatalogueVersion, Dossier, Procedure, Unit
from counter_app.services.dto import FeeLine
from counter_app.services.issuer import managing_body
from counter_app.services.procedures import processing_text
from counter_app.services.settings import get_setting
from counter_protocol.timefmt import parse_time

COLLECTED_WORDS = {
    "at_receipt": "nộp khi tiếp nhận",
    "at_return": "nộp khi nhận kết quả",
    "exempt": "miễn",
}


SAMPLE_WARNING = "Danh mục mẫu — không dùng cho hồ sơ thật"
COUNTER_PLACE = "Bộ phận Một cửa"
POSTAL_PLACE = "địa chỉ {address} (qua dịch vụ bưu chính công ích)"


@dataclass(frozen=True)
class DossierFacts:
    """The parts of a dossier and its surroundings that the forms print."""

    dossier: Dossier
    procedure: Procedure
    unit_name: str
    unit_phone: str
    managing_body: str | None
    place_name: str
    agency_name: str  # the competent agency: dossiers.competent_name, else the procedure's
    processing_text: str
    sample_warning: str | None
    lookup_hint: str
    hotline: str | None


def gather(session: Session, dossier: Dossier) -> DossierFacts:
    procedure = session.get(Procedure, dossier.procedure_id)
    assert procedure is not None, "a dossier always points at its procedure"
    unit = session.scalar(select(Unit).where(Unit.code == dossier.unit_code))
    place = get_setting(session, "slip.place_name")
    sample = session.scalar(
        select(CatalogueVersion.sample_data).where(
            CatalogueVersion.version == dossier.catalogue_version
        )
    )
    return DossierFacts(
        dossier=dossier,
        procedure=procedure,
        unit_name=_name_of(unit, dossier),
        unit_phone=(unit.phone or "") if unit else "",
        managing_body=managing_body(unit, place),
        place_name=place,
        agency_name=dossier.competent_name or procedure.agency_name or _name_of(unit, dossier),
        processing_text=processing_text(
            Decimal(procedure.processing_amount), procedure.processing_unit
        ),
        sample_warning=SAMPLE_WARNING if sample else None,
        lookup_hint=get_setting(session, "slip.lookup_hint"),
        hotline=get_setting(session, "slip.hotline") or None,
    )


def id_label(id_number: str | None, old_id_number: str | None) -> tuple[str, str]:
    """The label and number of the applicant's id: an old 9-digit card is a CMND, not a CCCD."""
    number = id_number or old_id_number or ""
    if len(number) == 9 and number.isdigit():
        return "Số CMND", number
    return "Số định danh cá nhân/CCCD", number


def delivery_place(delivery: int, address: str | None) -> str:
    """Where the result is collected, worded to follow "Đăng ký nhận kết quả tại:"."""
    if delivery == ResultDelivery.BY_POST:
        return POSTAL_PLACE.format(address=address or "……")
    return COUNTER_PLACE


def authorised_name(dossier: Dossier) -> str | None:
    if not dossier.authorised_json:
        return None
    value: Any = json.loads(dossier.authorised_json)
    if isinstance(value, dict):
        return str(value.get("full_name") or value.get("name") or "") or None
    return str(value) or None


def moment(value: object) -> datetime:
    """A time given in facts: an aware datetime, or ISO 8601 text with its zone (StepData)."""
    return value if isinstance(value, datetime) else parse_time(value)


def _name_of(unit: Unit | None, dossier: Dossier) -> str:
    return unit.name if unit else dossier.unit_code


def fees_text(fees: tuple[FeeLine, ...]) -> str | None:
    """`Lệ phí: 8.000 đồng (nộp khi tiếp nhận); Phí: miễn`, or None without fees."""
    if not fees:
        return None
    parts = []
    for fee in fees:
        amount = "miễn" if is_free(fee) else (f"{fee.amount:,}".replace(",", ".") + " đồng")
        when = "" if amount == "miễn" else f" ({COLLECTED_WORDS.get(fee.collected, '')})"
        parts.append(f"{fee.name}: {amount}{when}")
    return "; ".join(parts)


def unit_label(session: Session, value: object) -> str | None:
    """A unit as a form names it: a unit code is replaced by the unit's name; text is kept."""
    if not value:
        return None
    text = str(value)
    known: dict[str, str] = session.info.setdefault("unit_labels", {})  # kept for the session
    if text not in known:
        known[text] = session.scalar(select(Unit.name).where(Unit.code == text)) or text
    return known[text]
