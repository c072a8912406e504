"""What storing a new dossier reads first: this PC (unit, slot, device) and the procedure in the
current catalogue (processing time, cut-off, the agency that decides)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from counter_app.models.tables import CatalogueVersion, Device, Procedure
from counter_app.services.errors import NotFound, ServiceError
from counter_protocol.texts import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class IntakeContext:
    unit_code: str
    slot: int
    device_uuid: str
    procedure_id: int
    procedure_code: str
    catalogue_version: str
    amount: Decimal
    unit: str
    cutoff: str | None
    competent_code: str | None = None  # the agency that decides (the catalogue's agency)
    competent_name: str | None = None


_SELF_DEVICE = select(Device.unit_code, Device.slot, Device.device_uuid).where(
    Device.is_self.is_(True)
)
_CURRENT_PROCEDURE = (
    select(
        Procedure.id,
        Procedure.code,
        CatalogueVersion.version,
        Procedure.processing_amount,
        Procedure.processing_unit,
        Procedure.cutoff,
        Procedure.agency_code,
        Procedure.agency_name,
    )
    .join(CatalogueVersion, CatalogueVersion.id == Procedure.catalogue_version_id)
    .where(CatalogueVersion.is_current.is_(True), Procedure.code == bindparam("code"))
)


def load_context(session: Session, procedure_code: str) -> IntakeContext:
    conn = session.connection()
    device = conn.execute(_SELF_DEVICE).first()
    if device is None:
        raise ServiceError(
            QT_TRANSLATE_NOOP(
                "messages", "Máy này chưa được thiết lập. Hãy chạy trình thiết lập lần đầu."
            )
        )
    proc = conn.execute(_CURRENT_PROCEDURE, {"code": procedure_code.strip()}).first()
    if proc is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("messages", "Không có thủ tục mã “{code}” trong danh mục hiện hành."),
            params={"code": procedure_code},
        )
    return IntakeContext(
        device[0],
        device[1],
        device[2],
        proc[0],
        proc[1],
        proc[2],
        Decimal(proc[3]),
        proc[4],
        proc[5],
        proc[6] or None,
        proc[7] or None,
    )
