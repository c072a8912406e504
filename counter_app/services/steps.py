"""One step of a dossier's life, written in the caller's transaction (docs/domain.md#lifecycle).

A step is checked with the shared state machine (`counter_protocol.lifecycle.next_state`) before
anything is written; then, in the caller's transaction: the event (kind = the action, extra = its
`StepData`), the dossier's new status and sub-state, the `dossier.event` outbox op, and the form
the step issues (Mẫu 01–06). A refused step raises a `UserError` and writes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

import orjson
from sqlalchemy import insert, select
from sqlalchemy.orm import Session, lazyload

from counter_app.domain.roles import Permission
from counter_app.domain.text import nfc
from counter_app.models.base import Base
from counter_app.models.tables import Dossier, DossierComponent, DossierEvent, User
from counter_app.services import outbox
from counter_app.services.dto import ComponentInput
from counter_app.services.errors import NotFound, ServiceError
from counter_app.services.forms import issue_form
from counter_app.services.permissions import require_desk
from counter_app.services.wire_data import event_op_data
from counter_protocol.lifecycle import Action, StepData, next_state, status_of, step_extra
from counter_protocol.ops import KIND_EVENT
from counter_protocol.statuses import SubState
from counter_protocol.texts import QT_TRANSLATE_NOOP
from counter_protocol.tracking import is_s10_shaped, normalise_tracking_number, s10_problem

# The form each step issues (TT 03/2025/TT-VPCP, Phụ lục I); Mẫu 06, the control sheet, starts
# with the hand-over to the competent agency and is reprinted with the later rows.
FORM_OF: dict[Action, str] = {
    Action.RECEIVE: "01",
    Action.ASK_PAPERS: "02",
    Action.REFUSE: "03",
    Action.EXTEND: "04",
    Action.STOP: "05",
    Action.FORWARD: "06",
    # Each later hand-over issues the control sheet again, with every row so far.
    Action.AGENCY_RECEIVED: "06",
    Action.ASK_SUPPLEMENT: "06",
    Action.SUPPLEMENT_RECEIVED: "06",
    Action.RESULT_RECEIVED: "06",
    Action.APPRAISAL_REFUSED: "06",
}
LATER_HANDOVERS: frozenset[Action] = frozenset(
    action for action, form_no in FORM_OF.items() if form_no == "06"
) - {Action.FORWARD}
# Steps that end processing: their time is the dossier's `ended_at` (docs/domain.md#timeliness).
ENDING: frozenset[Action] = frozenset(
    {Action.REFUSE, Action.RESULT_RECEIVED, Action.APPRAISAL_REFUSED, Action.STOP, Action.WITHDRAW}
)
# Steps whose reason the form or the record needs.
NEEDS_REASON: frozenset[Action] = frozenset(
    {
        Action.REFUSE,
        Action.ASK_SUPPLEMENT,
        Action.EXTEND,
        Action.APPRAISAL_REFUSED,
        Action.STOP,
        Action.WITHDRAW,
    }
)
SUPERVISOR = "supervisor"
_INSERT_EVENT = insert(Base.metadata.tables[DossierEvent.__tablename__])


class FormIssuer(Protocol):
    """`counter_app.services.forms.issue_form`: writes the issued_forms row in the caller's
    transaction and returns it."""

    def __call__(
        self,
        session: Session,
        dossier: Dossier,
        form_no: str,
        *,
        actor: str,
        at: datetime,
        event_seq: int | None,
        facts: dict[str, Any],
    ) -> Any: ...


@dataclass(frozen=True)
class StepResult:
    """What a step left: the event's number, the dossier's state and appointment, the form."""

    code: str
    action: Action
    event_seq: int
    status: int
    sub_state: SubState
    due_at: datetime
    form_id: int | None = None


@dataclass(frozen=True)
class IntakeResult:
    """Which of the three outcomes happened at the counter, under which code, with which form."""

    code: str
    outcome: Action  # RECEIVE, ASK_PAPERS or REFUSE
    form_id: int | None
    due_at: datetime  # the appointment; only a would-be date unless received
    missing: tuple[str, ...] = ()  # the papers Mẫu 02 asks for


class SupervisorRequired(ServiceError):
    default_code = "lifecycle.supervisor_required"


class SecondSupplement(ServiceError):
    """A second supplement request: the dossier will count as late; the clerk must confirm."""

    default_code = "lifecycle.second_supplement"


def default_issuer() -> FormIssuer:
    """The forms service's `issue_form` (services/forms.py)."""
    return issue_form


def dossier_for_update(session: Session, code: str) -> Dossier:
    """The dossier behind `code`, loaded without its applicant and components (a step rarely
    needs them; the form issuer loads them when it does)."""
    dossier = session.scalar(
        select(Dossier)
        .where(Dossier.code == code.strip().upper())
        .options(lazyload(Dossier.applicant), lazyload(Dossier.components))
    )
    if dossier is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("messages", "Không tìm thấy hồ sơ mã “{code}”."),
            params={"code": code.strip()},
        )
    return dossier


def check_step(dossier: Dossier, action: Action) -> SubState:
    """The state `action` leads the dossier to; LifecycleError (nothing written) if none."""
    return next_state(SubState(dossier.sub_state), action)


def require_reason(action: Action, reason: str | None) -> str:
    text = nfc(reason or "").strip()
    if action in NEEDS_REASON and not text:
        raise ServiceError(
            QT_TRANSLATE_NOOP(
                "messages",
                "Cần ghi rõ lý do khi “{action}”.",
            ),
            field="reason",
            code="lifecycle.reason_required",
            params={"action": action.label.lower()},
        )
    return text


def require_supervisor(session: Session, username: str, reason: str | None) -> str:
    """A supervisor's logged reason for bending a rule; a clerk is refused (nothing written)."""
    role = session.scalar(select(User.role).where(User.username == username))
    if role != SUPERVISOR:
        raise SupervisorRequired(
            QT_TRANSLATE_NOOP(
                "messages",
                "Chỉ Trưởng bộ phận mới được tiếp nhận hồ sơ còn thiếu giấy tờ bắt buộc.",
            ),
            advice=QT_TRANSLATE_NOOP(
                "messages",
                "Lập Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ, hoặc nhờ Trưởng bộ phận duyệt.",
            ),
        )
    text = nfc(reason or "").strip()
    if not text:
        raise ServiceError(
            QT_TRANSLATE_NOOP("messages", "Cần ghi lý do tiếp nhận hồ sơ còn thiếu giấy tờ."),
            field="override",
            code="lifecycle.reason_required",
        )
    return text


def apply_step(
    session: Session,
    dossier: Dossier,
    action: Action,
    *,
    actor: str,
    at: datetime,
    step: StepData,
    note: str | None = None,
    issuer: FormIssuer | None = None,
    facts: dict[str, Any] | None = None,
) -> StepResult:
    """Append the event, move the dossier, queue its op and issue the step's form, in the
    caller's transaction. The action's own effects (deadline, pause) are already applied."""
    require_desk(session, actor, Permission.RETURN if action == Action.RETURN else Permission.STEPS)
    target = check_step(dossier, action)
    extra = step_extra(step)
    event = _event_values(dossier, action, at, actor, int(status_of(target)), note, extra)
    # A Core insert: the ORM's unit of work for the event row cost a third of a step here.
    session.connection().execute(
        _INSERT_EVENT, {"dossier_id": dossier.id, "origin": "counter", **event}
    )
    dossier.status, dossier.sub_state = event["to_status"], str(target)
    dossier.last_event_seq = event["seq"]
    _mark_end(dossier, action, at)
    dossier.last_op_seq = _queue_event(session, dossier, event, extra)
    # The form states what the event records (reason, papers, dates), plus the step's own facts.
    form_facts = {**extra, **(facts or {}), **({"note": event["note"]} if event["note"] else {})}
    form_id = issue_step_form(session, dossier, action, actor, at, event["seq"], issuer, form_facts)
    return StepResult(
        dossier.code, action, event["seq"], dossier.status, target, dossier.due_at, form_id
    )


def _mark_end(dossier: Dossier, action: Action, at: datetime) -> None:
    if action in ENDING:
        dossier.ended_at = at
    if action == Action.RETURN:
        dossier.returned_at = at


def _queue_event(
    session: Session, dossier: Dossier, event: dict[str, Any], extra: dict[str, Any]
) -> int:
    """The event's `dossier.event` op, chained after the dossier's previous op."""
    return outbox.enqueue(
        session,
        kind=KIND_EVENT,
        dossier_uuid=dossier.uuid,
        dossier_code=dossier.code,
        unit_code=dossier.unit_code,
        prev_seq=dossier.last_op_seq,
        created_at=event["at"],
        data=event_op_data(event, extra),
    )


def _event_values(
    dossier: Dossier,
    action: Action,
    at: datetime,
    actor: str,
    to_status: int,
    note: str | None,
    extra: dict[str, Any],
) -> dict[str, Any]:
    return {
        "seq": dossier.last_event_seq + 1,
        "kind": str(action),
        "at": at,
        "actor": actor,
        "from_status": dossier.status,
        "to_status": to_status,
        "note": nfc(note or "").strip() or None,
        "data_json": orjson.dumps(extra).decode() if extra else None,
    }


def issue_step_form(
    session: Session,
    dossier: Dossier,
    action: Action,
    actor: str,
    at: datetime,
    event_seq: int,
    issuer: FormIssuer | None,
    facts: dict[str, Any] | None,
) -> int | None:
    """Issue the form `action` has (if any, and if this build can issue forms); its id."""
    form_no = FORM_OF.get(action)
    if form_no is None or issuer is None:
        return None
    form = issuer(
        session, dossier, form_no, actor=actor, at=at, event_seq=event_seq, facts=facts or {}
    )
    session.flush()
    form_id = getattr(form, "id", None)
    return int(form_id) if form_id is not None else None


def missing_papers(components: Sequence[Any]) -> tuple[str, ...]:
    """The names of the required papers not provided, in the checklist's order."""
    return tuple(c.name for c in components if c.required and not c.provided)


def checked_postal_number(value: str | None) -> str | None:
    """The stored form of a postal item number; an S10-shaped one must be a valid S10."""
    if not (value or "").strip():
        return None
    number = normalise_tracking_number(value or "")
    if is_s10_shaped(number):
        fault = s10_problem(number)
        if fault is not None:
            code, template, params = fault
            raise ServiceError(template, field="postal_number", code=code, params=params)
    return number


def update_components(
    session: Session, dossier: Dossier, components: Sequence[ComponentInput]
) -> None:
    """The checklist as it is now: ticks updated by name, papers not listed before added."""
    rows = {
        c.name: c
        for c in session.scalars(
            select(DossierComponent).where(DossierComponent.dossier_id == dossier.id)
        )
    }
    for ordinal, component in enumerate(components, start=len(rows) + 1):
        row = rows.get(component.name)
        if row is None:
            session.add(
                DossierComponent(
                    dossier_id=dossier.id,
                    ordinal=ordinal,
                    name=component.name,
                    originals=component.originals,
                    copies=component.copies,
                    provided=component.provided,
                    required=component.required,
                )
            )
        else:
            row.provided, row.required = component.provided, component.required
