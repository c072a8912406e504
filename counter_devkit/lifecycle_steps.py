"""Lifecycle steps on a counter store for sync tests and the kill -9 campaign.

One step is one transaction: the dossier moves by `counter_protocol.lifecycle.next_state`, its
event (kind = the action, extra = StepData) and its outbox op are written together, the way the
counter's lifecycle service writes them. Dev-only: tests and the chaos runs use it to make the
ops the server must apply.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from counter_app.models.tables import Dossier
from counter_app.services.dossiers import move_dossier, new_event
from counter_app.services.intake import event_op_data
from counter_app.services.outbox import enqueue
from counter_app.services.store import Store
from counter_protocol.lifecycle import Action, StepData, next_state, status_of, step_extra
from counter_protocol.ops import KIND_EVENT
from counter_protocol.statuses import SubState
from counter_protocol.timefmt import to_vn

# A dossier's whole life at the counter: received, forwarded, a supplement round, the result
# back, returned to the applicant.
FULL_LIFE: tuple[Action, ...] = (
    Action.FORWARD,
    Action.AGENCY_RECEIVED,
    Action.ASK_SUPPLEMENT,
    Action.SUPPLEMENT_RECEIVED,
    Action.EXTEND,
    Action.ASK_FINANCIAL,
    Action.FINANCIAL_DONE,
    Action.RESULT_RECEIVED,
    Action.RETURN,
)


def take_step(
    store: Store,
    code: str,
    action: Action,
    at: datetime,
    step: StepData | None = None,
    actor: str = "canbo",
) -> SubState:
    """Move dossier `code` by `action` (LifecycleError if its state does not allow it)."""
    with store.write() as session:
        dossier = session.scalar(select(Dossier).where(Dossier.code == code))
        assert dossier is not None, code
        target = next_state(SubState(dossier.sub_state), action)
        when = to_vn(at)
        extra = step_extra(step or StepData())
        event = new_event(dossier, action.value, when, actor, status_of(target), None, extra)
        session.add(event)
        move_dossier(dossier, status_of(target), target, when)
        data = event_op_data(
            {
                "seq": event.seq,
                "kind": action.value,
                "at": when,
                "actor": actor,
                "from_status": event.from_status,
                "to_status": event.to_status,
                "note": None,
            },
            extra,
        )
        dossier.last_op_seq = enqueue(
            session,
            kind=KIND_EVENT,
            dossier_uuid=dossier.uuid,
            dossier_code=dossier.code,
            unit_code=dossier.unit_code,
            prev_seq=dossier.last_op_seq,
            created_at=when,
            data=data,
        )
        return target
