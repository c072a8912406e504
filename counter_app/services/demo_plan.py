"""What a demo store holds: each status's path of events, the mix of statuses by age, and the
procedures as the intake form offers them (services/demo_rows.py builds the rows)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.fees import paid_at_intake
from counter_app.models.tables import CatalogueVersion, Procedure
from counter_app.services import intake
from counter_app.services.dto import ComponentInput, FeeLine
from counter_app.services.procedures import info_from_row
from counter_protocol.statuses import Status, SubState

Row = dict[str, Any]

S = Status
# The events a dossier went through to reach its status: (event kind, status it moved to).
PATHS: dict[Status, tuple[tuple[str, Status], ...]] = {
    S.NEW: (("registered", S.NEW),),
    S.RECEIVED: (("received", S.RECEIVED),),
    S.NOT_RECEIVED: (("refused", S.NOT_RECEIVED),),
    S.PROCESSING: (("received", S.RECEIVED), ("forwarded", S.PROCESSING)),
    S.SUPPLEMENT_REQUESTED: (
        ("received", S.RECEIVED),
        ("forwarded", S.PROCESSING),
        ("supplement_requested", S.SUPPLEMENT_REQUESTED),
    ),
    S.FINANCIAL_OBLIGATION: (
        ("received", S.RECEIVED),
        ("forwarded", S.PROCESSING),
        ("financial_obligation", S.FINANCIAL_OBLIGATION),
    ),
    S.WITHDRAWN: (("received", S.RECEIVED), ("withdrawn", S.WITHDRAWN)),
    S.STOPPED: (("received", S.RECEIVED), ("forwarded", S.PROCESSING), ("stopped", S.STOPPED)),
    S.DONE: (("received", S.RECEIVED), ("forwarded", S.PROCESSING), ("result_ready", S.DONE)),
    S.RETURNED: (
        ("received", S.RECEIVED),
        ("forwarded", S.PROCESSING),
        ("result_ready", S.DONE),
        ("returned", S.RETURNED),
    ),
}
SUB_STATE: dict[Status, SubState] = {
    S.NEW: SubState.DRAFT,
    S.RECEIVED: SubState.RECEIVED,
    S.NOT_RECEIVED: SubState.REFUSED,
    S.PROCESSING: SubState.AT_AGENCY,
    S.SUPPLEMENT_REQUESTED: SubState.SUPPLEMENT,
    S.FINANCIAL_OBLIGATION: SubState.FINANCIAL,
    S.WITHDRAWN: SubState.WITHDRAWN,
    S.STOPPED: SubState.STOPPED,
    S.DONE: SubState.RESULT_AT_COUNTER,
    S.RETURNED: SubState.RETURNED,
}
AGENCY_EVENTS = frozenset(
    {"supplement_requested", "financial_obligation", "stopped", "result_ready"}
)
AGENCY_ACTOR = "so-ban-nganh"
OLD_WEIGHTS = {
    S.RETURNED: 80,
    S.DONE: 4,
    S.NOT_RECEIVED: 2,
    S.WITHDRAWN: 3,
    S.STOPPED: 2,
    S.SUPPLEMENT_REQUESTED: 2,
    S.FINANCIAL_OBLIGATION: 1,
    S.PROCESSING: 4,
    S.RECEIVED: 1,
    S.NEW: 1,
}
RECENT_WEIGHTS = {
    S.RECEIVED: 25,
    S.PROCESSING: 30,
    S.SUPPLEMENT_REQUESTED: 8,
    S.FINANCIAL_OBLIGATION: 4,
    S.DONE: 12,
    S.RETURNED: 15,
    S.NEW: 2,
    S.NOT_RECEIVED: 2,
    S.WITHDRAWN: 1,
    S.STOPPED: 1,
}
POSTAL_SHARE = 0.05  # dossiers sent in by post (BCCI)
POSTAL_RESULT_SHARE = 0.1  # results sent back by post, where the procedure offers it
MORNING_SECONDS = 4 * 3600  # an event due outside opening hours happens in the next morning


@dataclass(frozen=True)
class DemoProcedure:
    """A current procedure as the intake form offers it: its context, components and fees."""

    context: intake.IntakeContext
    components: tuple[ComponentInput, ...]  # every one received
    fees: tuple[FeeLine, ...]  # as the catalogue says; what is due at receipt is paid
    bcci_allowed: bool
    component_rows: tuple[Row, ...]  # their `dossier_components` columns, but the ids


def load_procedures(session: Session, device: tuple[str, int, str]) -> list[DemoProcedure]:
    """Every procedure of the current catalogue; `device` is (unit code, slot, device uuid)."""
    rows = session.execute(
        select(Procedure, CatalogueVersion.version)
        .join(CatalogueVersion, CatalogueVersion.id == Procedure.catalogue_version_id)
        .where(CatalogueVersion.is_current.is_(True))
        .order_by(Procedure.id)
    ).all()
    return [_demo_procedure(p, version, device) for p, version in rows]


def _demo_procedure(row: Procedure, version: str, device: tuple[str, int, str]) -> DemoProcedure:
    info = info_from_row(row)
    context = intake.IntakeContext(
        *device,
        row.id,
        row.code,
        version,
        info.processing_amount,
        info.processing_unit,
        info.cutoff,
    )
    fees = tuple(replace(f, paid=paid_at_intake(f.collected, True)) for f in info.fees)
    components = tuple(replace(c, provided=True) for c in info.components)
    component_rows = tuple(
        {"ordinal": ordinal, "required": True, **asdict(c)}
        for ordinal, c in enumerate(components, start=1)
    )
    return DemoProcedure(context, components, fees, info.bcci_allowed, component_rows)
