"""Apply a device's event to a dossier with the state machine the counter used (lifecycle.py).

A lifecycle event (its kind an `Action`) moves the dossier's sub-state by `next_state`; its
`extra` must read as `StepData`. Kinds from before the lifecycle ('status', …) keep the national
transition rules. An event that does not fit the merged state but does fit the counter's own
chain was overtaken by a province change: it is kept as a conflict, the status stays where the
province put it (docs/sync.md#s20). Anything else is refused with a reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import msgspec

from counter_protocol.lifecycle import (
    CREATION,
    STEPS,
    Action,
    LifecycleError,
    StepData,
    next_state,
    province_sub_state,
    read_step,
    state_label,
    status_of,
)
from counter_protocol.ops import CreateData, EventData
from counter_protocol.statuses import Status, SubState, TransitionError, check_transition
from counter_server.ingest.explain import OpRejected

ACTIONS = frozenset(a.value for a in Action)


@dataclass(frozen=True, slots=True)
class Moved:
    """Where one event leaves a dossier."""

    status: int
    sub_state: str
    device_sub_state: str
    due_at: datetime | None
    conflict: str | None = None  # Vietnamese: kept, not applied to the status


def current_sub_state(sub_state: str | None, status: int) -> SubState:
    """The stored sub-state; for a row from before sub-states, what its status means."""
    return SubState(sub_state) if sub_state else province_sub_state(Status(status))


def created_sub_state(data: CreateData) -> str:
    """A new dossier's sub-state: what its creating action leads to. Old ops, whose first event
    is not a creating action, take the state their status means."""
    _step_data(data.event)  # a malformed extra is refused here too
    kind = data.event.kind
    if kind not in ACTIONS or Action(kind) not in CREATION:
        return str(province_sub_state(Status(data.status)))
    state = next_state(None, Action(kind))
    if int(status_of(state)) != data.status:
        raise OpRejected("bad_transition", _CREATE_STATUS.format(kind=kind, status=data.status))
    return str(state)


def apply_event(
    status: int,
    sub_state: str | None,
    device_sub_state: str | None,
    event: EventData,
    due_at: datetime | None,
) -> Moved:
    """Where `event` takes a dossier at `status`/`sub_state`; OpRejected if it may not."""
    merged = current_sub_state(sub_state, status)
    if event.kind not in ACTIONS:
        return _legacy(status, merged, event, due_at)
    step = _step_data(event)
    action = Action(event.kind)
    try:
        target = next_state(merged, action)
    except LifecycleError as exc:
        if device_sub_state is None or SubState(device_sub_state) == merged:
            raise OpRejected("bad_transition", exc.message) from exc  # no province change
        own = _counter_view(SubState(device_sub_state), event.from_status)
        return _overtaken(status, merged, own, action, due_at)
    _check_target(event, action, target)
    moved_due = _due(step) or due_at
    return Moved(int(status_of(target)), str(target), str(target), moved_due)


def _counter_view(device_sub_state: SubState, from_status: int | None) -> SubState:
    """Where the counter stood when it took the step: its own chain, or, when the event starts
    from another status, the province's status it had taken from the pull in the meantime."""
    if from_status is None or int(status_of(device_sub_state)) == from_status:
        return device_sub_state
    return province_sub_state(Status(from_status))


def _overtaken(
    status: int, merged: SubState, own: SubState, action: Action, due_at: datetime | None
) -> Moved:
    """The province moved the dossier since the counter's last applied step. An event that fits
    where the counter stood is kept as a conflict; one that does not is refused."""
    try:
        own_next = next_state(own, action)
    except LifecycleError as exc:
        raise OpRejected("bad_transition", exc.message) from exc
    if status_of(own_next) == status_of(merged):
        # Both ends agree on the national status (the province said "processing", the counter
        # forwarded the paper): no conflict, the counter's finer state is taken.
        return Moved(status, str(own_next), str(own_next), due_at)
    message = _CONFLICT.format(
        action=action.label, own=state_label(own), merged=state_label(merged)
    )
    return Moved(status, str(merged), str(own_next), due_at, conflict=message)


def _legacy(status: int, merged: SubState, event: EventData, due_at: datetime | None) -> Moved:
    """Kinds stored before the lifecycle: checked on national statuses, as they always were."""
    target = event.to_status
    if target is None or target == status:
        return Moved(status, str(merged), str(merged), due_at)
    try:
        check_transition(Status(status), Status(target))
    except TransitionError as exc:
        raise OpRejected("bad_transition", str(exc)) from exc
    sub = str(province_sub_state(Status(target)))
    return Moved(target, sub, sub, due_at)


def _check_target(event: EventData, action: Action, target: SubState) -> None:
    """A step with a fixed target must say the national status it leads to, if it says one."""
    if STEPS[action].to is None or event.to_status is None:
        return
    want = int(status_of(target))
    if event.to_status != want:
        message = _TARGET.format(action=action.label, status=event.to_status, want=want)
        raise OpRejected("bad_transition", message)


def _step_data(event: EventData) -> StepData:
    if event.kind not in ACTIONS:
        return StepData()
    try:
        return read_step(event.extra)
    except msgspec.ValidationError as exc:
        raise OpRejected("bad_step", _BAD_STEP.format(kind=event.kind, why=exc)) from exc


def _due(step: StepData) -> datetime | None:
    if step.due_at is None:
        return None
    try:
        due = datetime.fromisoformat(step.due_at)
    except ValueError as exc:
        raise OpRejected("bad_step", _BAD_DUE.format(value=step.due_at[:40])) from exc
    if due.tzinfo is None:
        raise OpRejected("bad_step", _BAD_DUE.format(value=step.due_at[:40]))
    return due


_CONFLICT = (
    "Máy trạm đã “{action}” khi hồ sơ ở trạng thái “{own}”, nhưng tỉnh đã chuyển hồ sơ sang "
    "“{merged}” trước đó: sự kiện được lưu, trạng thái giữ theo tỉnh."
)
_CREATE_STATUS = "Sự kiện đầu tiên “{kind}” không dẫn tới trạng thái {status} của hồ sơ."
_TARGET = "Bước “{action}” dẫn tới trạng thái {want}, không phải {status}."
_BAD_STEP = "Dữ liệu kèm theo sự kiện “{kind}” không hợp lệ: {why}"
_BAD_DUE = "Hạn trả kết quả “{value}” không phải thời điểm có múi giờ."
