"""Return of results (Trả kết quả): check a scanned code, record who received the result; the
return is the lifecycle's RETURN step (services/steps.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from counter_app.domain.dossier_rules import CLOSED_STATUSES
from counter_app.domain.fees import owed_lines
from counter_app.domain.identifiers import normalise_id_number
from counter_app.domain.kinds import FeeCollection
from counter_app.domain.personal_ids import validate_personal_id
from counter_app.domain.text import nfc
from counter_app.domain.vntime import now_vn
from counter_app.services.details import detail_of, find_dossier
from counter_app.services.dto import DossierDetail, FeeLine
from counter_app.services.errors import NotReady, ServiceError
from counter_app.services.fee_entries import settled_lines
from counter_app.services.steps import apply_step
from counter_app.services.store import Store
from counter_protocol.lifecycle import Action, StepData, step_extra
from counter_protocol.statuses import Status
from counter_protocol.texts import QT_TRANSLATE_NOOP
from counter_protocol.timefmt import format_vn, to_vn


def check_returnable(detail: DossierDetail) -> None:
    status = Status(detail.status)
    if status == Status.RETURNED:
        when = format_vn(detail.returned_at) if detail.returned_at else ""
        raise NotReady(
            QT_TRANSLATE_NOOP("messages", "Hồ sơ {code} đã trả kết quả lúc {when}."),
            params={"code": detail.code, "when": when},
        )
    if status in CLOSED_STATUSES:
        raise NotReady(
            QT_TRANSLATE_NOOP(
                "messages", "Hồ sơ {code} đang ở trạng thái “{status}”: không có kết quả để trả."
            ),
            params={"code": detail.code, "status": status.label},
        )
    if status != Status.DONE:
        raise NotReady(
            QT_TRANSLATE_NOOP(
                "messages", "Hồ sơ {code} chưa có kết quả (trạng thái: {status}; hẹn trả {due})."
            ),
            params={"code": detail.code, "status": status.label, "due": format_vn(detail.due_at)},
        )


def owed_at_return(
    detail: DossierDetail, collected: bool, settled: frozenset[str] = frozenset()
) -> list[FeeLine]:
    """The fees payable at return; refused unless the clerk has collected them or the fee
    ledger has them paid in full (`settled`, docs/domain.md §11)."""
    owed = owed_lines(detail.fees, FeeCollection.AT_RETURN)
    if any(f.name not in settled for f in owed) and not collected:
        raise ServiceError(
            QT_TRANSLATE_NOOP(
                "messages", "Hồ sơ còn phí, lệ phí thu khi trả kết quả: hãy thu trước khi trả."
            ),
            field="fees",
        )
    return owed


def return_step(
    receiver_name: str, receiver_id_number: str, fees_collected: list[FeeLine]
) -> StepData:
    """What a "returned" event records besides its status: who took the result, what was paid."""
    return StepData(
        receiver_name=nfc(receiver_name.strip()),
        receiver_id_number=normalise_id_number(receiver_id_number) or "",
        fees_collected=[f.name for f in fees_collected],
    )


def return_extra(
    receiver_name: str, receiver_id_number: str, fees_collected: list[FeeLine]
) -> dict[str, Any]:
    """The same, as the plain dict stored as the event's extra."""
    return step_extra(return_step(receiver_name, receiver_id_number, fees_collected))


class ReturnService:
    def __init__(self, store: Store, clock: Callable[[], datetime] = now_vn) -> None:
        self._store, self._clock = store, clock

    def check(self, code: str) -> DossierDetail:
        """The dossier behind a scanned code, if its result can be handed back now."""
        with self._store.read() as session:
            detail = detail_of(session, find_dossier(session, code))
        check_returnable(detail)
        return detail

    def return_result(
        self,
        code: str,
        receiver_name: str,
        receiver_id_number: str,
        actor: str,
        fees_collected: bool,
        note: str | None = None,
    ) -> None:
        if not receiver_name.strip():
            raise ServiceError(
                QT_TRANSLATE_NOOP("messages", "Nhập họ tên người nhận kết quả."),
                field="receiver_name",
            )
        if receiver_id_number.strip():  # blank is allowed; a typed number must be one
            validate_personal_id(receiver_id_number, field="receiver_id_number")
        with self._store.write() as session:
            dossier = find_dossier(session, code)
            detail = detail_of(session, dossier)
            check_returnable(detail)
            due_at_return = owed_at_return(detail, fees_collected, settled_lines(session, dossier))
            step = return_step(receiver_name, receiver_id_number, due_at_return)
            apply_step(
                session,
                dossier,
                Action.RETURN,
                actor=actor,
                at=to_vn(self._clock()),
                step=step,
                note=note,
            )
