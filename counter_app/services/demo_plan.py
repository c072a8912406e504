"""What a demo store holds: the lifecycle paths its dossiers walk, their mix by age, and the
procedures the demo counter may receive as the intake form offers them (services/demo_rows.py
builds the rows).

Every path is a sequence of lifecycle actions checked against the shared state machine when this
module loads, so a demo dossier is always one the counter and the server could have made.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.fees import paid_at_intake
from counter_app.domain.routing import receivable_procedures
from counter_app.models.tables import CatalogueVersion, Procedure
from counter_app.services.dto import ComponentInput, FeeLine
from counter_app.services.intake_context import IntakeContext
from counter_app.services.procedures import info_from_row
from counter_protocol.catalogue.document import parse_catalogue
from counter_protocol.lifecycle import Action, next_state, status_of
from counter_protocol.statuses import Status, SubState

Row = dict[str, Any]
A = Action


@dataclass(frozen=True)
class DemoPath:
    """One way through the lifecycle: its actions in order, and where they leave the dossier."""

    name: str
    actions: tuple[Action, ...]

    @property
    def state(self) -> SubState:
        state: SubState | None = None
        for action in self.actions:
            state = next_state(state, action)  # LifecycleError: a path the rules forbid
        assert state is not None
        return state

    @property
    def status(self) -> Status:
        return status_of(self.state)


_AT_AGENCY = (A.RECEIVE, A.FORWARD, A.AGENCY_RECEIVED)
_SUPPLEMENTED = (*_AT_AGENCY, A.ASK_SUPPLEMENT, A.SUPPLEMENT_RECEIVED)
_RETURNED = (A.RESULT_RECEIVED, A.RETURN)
PATHS: tuple[DemoPath, ...] = (
    DemoPath("chờ bổ sung tại quầy", (A.ASK_PAPERS,)),
    DemoPath("bổ sung tại quầy rồi tiếp nhận", (A.ASK_PAPERS, A.RECEIVE)),
    DemoPath("bổ sung tại quầy, tiếp nhận, trả", (A.ASK_PAPERS, *_AT_AGENCY, *_RETURNED)),
    DemoPath("tiếp nhận", (A.RECEIVE,)),
    DemoPath("từ chối tại quầy", (A.REFUSE,)),
    DemoPath("đang chuyển", (A.RECEIVE, A.FORWARD)),
    DemoPath("cơ quan đã nhận", _AT_AGENCY),
    DemoPath("chờ bổ sung khi giải quyết", (*_AT_AGENCY, A.ASK_SUPPLEMENT)),
    DemoPath("đã bổ sung, trả", (*_SUPPLEMENTED, *_RETURNED)),
    DemoPath("bổ sung hai lần", (*_SUPPLEMENTED, A.ASK_SUPPLEMENT, A.SUPPLEMENT_RECEIVED)),
    DemoPath("chờ nghĩa vụ tài chính", (*_AT_AGENCY, A.ASK_FINANCIAL)),
    DemoPath("đã nộp nghĩa vụ tài chính", (*_AT_AGENCY, A.ASK_FINANCIAL, A.FINANCIAL_DONE)),
    DemoPath("hẹn lại", (*_AT_AGENCY, A.EXTEND)),
    DemoPath("hẹn lại, trả", (*_AT_AGENCY, A.EXTEND, *_RETURNED)),
    DemoPath("có kết quả", (*_AT_AGENCY, A.RESULT_RECEIVED)),
    DemoPath("đã trả", (*_AT_AGENCY, *_RETURNED)),
    DemoPath("từ chối sau thẩm định", (*_AT_AGENCY, A.APPRAISAL_REFUSED)),
    DemoPath("từ chối sau thẩm định, trả", (*_AT_AGENCY, A.APPRAISAL_REFUSED, A.RETURN)),
    DemoPath("rút hồ sơ", (A.RECEIVE, A.WITHDRAW)),
    DemoPath("dừng giải quyết", (*_AT_AGENCY, A.STOP)),
)
# Weights by path name: dossiers older than a month are mostly finished, recent ones mostly not.
OLD_WEIGHTS: dict[str, int] = {
    "chờ bổ sung tại quầy": 1, "bổ sung tại quầy rồi tiếp nhận": 1,
    "bổ sung tại quầy, tiếp nhận, trả": 6, "tiếp nhận": 1, "từ chối tại quầy": 2,
    "đang chuyển": 1, "cơ quan đã nhận": 3, "chờ bổ sung khi giải quyết": 2,
    "đã bổ sung, trả": 5, "bổ sung hai lần": 1, "chờ nghĩa vụ tài chính": 1,
    "đã nộp nghĩa vụ tài chính": 1, "hẹn lại": 1, "hẹn lại, trả": 3, "có kết quả": 4,
    "đã trả": 60, "từ chối sau thẩm định": 1, "từ chối sau thẩm định, trả": 2,
    "rút hồ sơ": 3, "dừng giải quyết": 2,
}  # fmt: skip
RECENT_WEIGHTS: dict[str, int] = {
    "chờ bổ sung tại quầy": 2, "bổ sung tại quầy rồi tiếp nhận": 2,
    "bổ sung tại quầy, tiếp nhận, trả": 2, "tiếp nhận": 20, "từ chối tại quầy": 2,
    "đang chuyển": 8, "cơ quan đã nhận": 20, "chờ bổ sung khi giải quyết": 6,
    "đã bổ sung, trả": 2, "bổ sung hai lần": 1, "chờ nghĩa vụ tài chính": 3,
    "đã nộp nghĩa vụ tài chính": 1, "hẹn lại": 2, "hẹn lại, trả": 1, "có kết quả": 10,
    "đã trả": 12, "từ chối sau thẩm định": 1, "từ chối sau thẩm định, trả": 1,
    "rút hồ sơ": 1, "dừng giải quyết": 1,
}  # fmt: skip
POSTAL_SHARE = 0.05  # dossiers sent in by post (BCCI)
POSTAL_RESULT_SHARE = 0.1  # results sent back by post, where the procedure offers it


@dataclass(frozen=True)
class DemoProcedure:
    """A procedure the counter may receive, as the intake form offers it: its context (with its
    competent agency), components and fees."""

    context: IntakeContext
    name: str
    components: tuple[ComponentInput, ...]  # every one received
    fees: tuple[FeeLine, ...]  # as the catalogue says; what is due at receipt is paid
    bcci_allowed: bool


def load_procedures(session: Session, device: tuple[str, int, str]) -> list[DemoProcedure]:
    """The current catalogue's procedures that this unit may receive (domain/routing.py);
    `device` is (unit code, slot, device uuid)."""
    rows = session.execute(
        select(Procedure, CatalogueVersion.version, CatalogueVersion.document)
        .join(CatalogueVersion, CatalogueVersion.id == Procedure.catalogue_version_id)
        .where(CatalogueVersion.is_current.is_(True))
        .order_by(Procedure.id)
    ).all()
    if not rows:
        return []
    catalogue = parse_catalogue(rows[0][2])
    receivable = {p.code for p in receivable_procedures(catalogue, device[0])}
    return [_demo_procedure(p, version, device) for p, version, _ in rows if p.code in receivable]


def _demo_procedure(row: Procedure, version: str, device: tuple[str, int, str]) -> DemoProcedure:
    """Its intake context as `load_context` reads it (the competent agency included)."""
    info = info_from_row(row)
    context = IntakeContext(
        *device,
        row.id,
        row.code,
        version,
        info.processing_amount,
        info.processing_unit,
        info.cutoff,
        row.agency_code,
        row.agency_name,
    )
    fees = tuple(replace(f, paid=paid_at_intake(f.collected, True)) for f in info.fees)
    components = tuple(replace(c, provided=True) for c in info.components)
    return DemoProcedure(context, row.name, components, fees, info.bcci_allowed)
