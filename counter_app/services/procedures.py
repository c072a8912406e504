"""Read the current catalogue for intake: find a procedure by part of its name or code."""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from counter_app.domain.text import fold
from counter_app.models.tables import CatalogueVersion, Procedure
from counter_app.services.dto import ComponentInput, FeeLine
from counter_app.services.errors import NotFound
from counter_app.services.store import Store

UNIT_WORDS = {
    "working_days": "ngày làm việc",
    "working_hours": "giờ làm việc",
    "half_days": "buổi làm việc",
    "calendar_days": "ngày",
}


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

    @property
    def processing_text(self) -> str:
        return processing_text(self.processing_amount, self.processing_unit)


def processing_text(amount: Decimal, unit: str) -> str:
    if amount == 0:
        return "Trong ngày"
    number = f"{amount:f}".rstrip("0").rstrip(".") if "." in f"{amount:f}" else f"{amount}"
    number = number.replace(".", ",")
    return f"{number.zfill(2) if number.isdigit() else number} {UNIT_WORDS.get(unit, unit)}"


def info_from_row(row: Procedure) -> ProcedureInfo:
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
        agency_name=row.agency_name,
        processing_amount=Decimal(row.processing_amount),
        processing_unit=row.processing_unit,
        cutoff=row.cutoff,
        bcci_allowed=row.bcci_allowed,
        components=components,
        fees=fees,
    )


class ProcedureService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def search(self, text: str, limit: int = 50) -> list[ProcedureInfo]:
        """Procedures whose code or name contains every typed word (diacritics optional)."""
        words = fold(text).split()
        query = (
            select(Procedure)
            .join(CatalogueVersion, CatalogueVersion.id == Procedure.catalogue_version_id)
            .where(CatalogueVersion.is_current.is_(True))
        )
        for word in words:
            query = query.where(Procedure.name_folded.contains(word, autoescape=True))
        with self._store.read() as session:
            rows = session.scalars(query.order_by(Procedure.field_name, Procedure.name)).all()
            return [info_from_row(r) for r in rows[:limit]]

    def get(self, code: str) -> ProcedureInfo:
        from counter_app.services.catalogue import current_procedure_by_code

        with self._store.read() as session:
            row = current_procedure_by_code(session, code)
            if row is None:
                raise NotFound(f"Không có thủ tục mã “{code}” trong danh mục hiện hành.")
            return info_from_row(row)
