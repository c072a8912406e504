"""The dossier lifecycle both sides apply: named actions over local sub-states (docs/domain.md).

A dossier's state is a `SubState`; its national status (the 10 DVCQG codes) is derived from it
(`SUBSTATE_TO_STATUS`). Every change is an `Action` with the sub-states it may start from and the
one it leads to. The counter checks an action before it writes the event; the server checks the
same action when the event arrives, so a dossier cannot take a step at one end that the other
refuses. The province's own changes arrive as national statuses and are mapped with
`province_sub_state`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import msgspec

from counter_protocol.errors import UserError
from counter_protocol.statuses import SUBSTATE_TO_STATUS, Status, SubState
from counter_protocol.texts import QT_TRANSLATE_NOOP


class Action(StrEnum):
    """One step of a dossier's life; the value is the event's `kind` (wire and store)."""

    RECEIVE = "received"  # complete (hợp lệ): Mẫu 01, the deadline starts
    ASK_PAPERS = "papers_asked"  # incomplete at the counter: Mẫu 02, guide once and fully
    REFUSE = "refused"  # not eligible at the counter: Mẫu 03
    FORWARD = "forwarded"  # paper handed to (or posted to) the competent agency
    AGENCY_RECEIVED = "agency_received"  # the agency signs for the paper (Mẫu 06 row)
    ASK_SUPPLEMENT = "supplement_asked"  # the agency asks for more papers: the clock pauses
    SUPPLEMENT_RECEIVED = "supplement_received"  # papers brought back: the clock runs again
    ASK_FINANCIAL = "financial_asked"  # the agency asks the applicant to pay (status 6)
    FINANCIAL_DONE = "financial_done"
    EXTEND = "extended"  # late: apology and new date (Mẫu 04); the status does not change
    RESULT_RECEIVED = "result_received"  # the result is back at the counter
    APPRAISAL_REFUSED = "appraisal_refused"  # the agency refused after appraisal: a written
    # reason comes back through the counter as the dossier's result
    STOP = "stopped"  # the agency stops processing (Mẫu 05)
    WITHDRAW = "withdrawn"  # the applicant withdraws the dossier
    RETURN = "returned"  # the result handed to the applicant (or posted)

    @property
    def label(self) -> str:
        return ACTION_LABELS[self]


ACTION_LABELS: dict[Action, str] = {
    Action.RECEIVE: QT_TRANSLATE_NOOP("labels", "Tiếp nhận hồ sơ"),
    Action.ASK_PAPERS: QT_TRANSLATE_NOOP("labels", "Yêu cầu bổ sung, hoàn thiện hồ sơ"),
    Action.REFUSE: QT_TRANSLATE_NOOP("labels", "Từ chối tiếp nhận hồ sơ"),
    Action.FORWARD: QT_TRANSLATE_NOOP("labels", "Chuyển hồ sơ đến cơ quan giải quyết"),
    Action.AGENCY_RECEIVED: QT_TRANSLATE_NOOP("labels", "Cơ quan giải quyết nhận hồ sơ"),
    Action.ASK_SUPPLEMENT: QT_TRANSLATE_NOOP(
        "labels", "Yêu cầu bổ sung trong quá trình giải quyết"
    ),
    Action.SUPPLEMENT_RECEIVED: QT_TRANSLATE_NOOP("labels", "Nhận hồ sơ bổ sung"),
    Action.ASK_FINANCIAL: QT_TRANSLATE_NOOP("labels", "Yêu cầu thực hiện nghĩa vụ tài chính"),
    Action.FINANCIAL_DONE: QT_TRANSLATE_NOOP("labels", "Đã thực hiện nghĩa vụ tài chính"),
    Action.EXTEND: QT_TRANSLATE_NOOP("labels", "Xin lỗi và hẹn lại ngày trả kết quả"),
    Action.RESULT_RECEIVED: QT_TRANSLATE_NOOP("labels", "Nhận kết quả từ cơ quan giải quyết"),
    Action.APPRAISAL_REFUSED: QT_TRANSLATE_NOOP("labels", "Từ chối giải quyết sau thẩm định"),
    Action.STOP: QT_TRANSLATE_NOOP("labels", "Dừng giải quyết hồ sơ"),
    Action.WITHDRAW: QT_TRANSLATE_NOOP("labels", "Rút hồ sơ theo yêu cầu của công dân"),
    Action.RETURN: QT_TRANSLATE_NOOP("labels", "Trả kết quả"),
}

S = SubState
_BEING_PROCESSED = frozenset({S.RECEIVED, S.IN_TRANSIT, S.AT_AGENCY})
_OPEN = _BEING_PROCESSED | {S.SUPPLEMENT, S.FINANCIAL}


@dataclass(frozen=True)
class Step:
    """Where an action may start and where it leads. `to` None: the state does not change."""

    sources: frozenset[SubState]
    to: SubState | None


# A dossier is created by RECEIVE, ASK_PAPERS or REFUSE (from no state at all, `None` below);
# a dossier waiting for papers at the counter can later be received or refused under its code.
CREATION: dict[Action, SubState] = {
    Action.RECEIVE: S.RECEIVED,
    Action.ASK_PAPERS: S.AWAITING_PAPERS,
    Action.REFUSE: S.REFUSED,
}

STEPS: dict[Action, Step] = {
    Action.RECEIVE: Step(frozenset({S.AWAITING_PAPERS, S.DRAFT}), S.RECEIVED),
    Action.ASK_PAPERS: Step(frozenset({S.DRAFT}), S.AWAITING_PAPERS),
    Action.REFUSE: Step(frozenset({S.AWAITING_PAPERS, S.DRAFT}), S.REFUSED),
    Action.FORWARD: Step(frozenset({S.RECEIVED}), S.IN_TRANSIT),
    Action.AGENCY_RECEIVED: Step(frozenset({S.IN_TRANSIT}), S.AT_AGENCY),
    Action.ASK_SUPPLEMENT: Step(_BEING_PROCESSED, S.SUPPLEMENT),
    Action.SUPPLEMENT_RECEIVED: Step(frozenset({S.SUPPLEMENT}), S.AT_AGENCY),
    Action.ASK_FINANCIAL: Step(_BEING_PROCESSED, S.FINANCIAL),
    Action.FINANCIAL_DONE: Step(frozenset({S.FINANCIAL}), S.AT_AGENCY),
    Action.EXTEND: Step(_OPEN, None),
    Action.RESULT_RECEIVED: Step(_BEING_PROCESSED, S.RESULT_AT_COUNTER),
    Action.APPRAISAL_REFUSED: Step(_BEING_PROCESSED | {S.SUPPLEMENT}, S.RESULT_AT_COUNTER),
    Action.STOP: Step(_OPEN, S.STOPPED),
    Action.WITHDRAW: Step(_OPEN | {S.AWAITING_PAPERS, S.DRAFT}, S.WITHDRAWN),
    Action.RETURN: Step(frozenset({S.RESULT_AT_COUNTER}), S.RETURNED),
}


class LifecycleError(UserError):
    """An action the dossier's state does not allow; nothing was changed."""

    default_code = "lifecycle.not_allowed"


def state_label(state: SubState) -> str:
    return SUBSTATE_LABELS[state]


SUBSTATE_LABELS: dict[SubState, str] = {
    S.DRAFT: QT_TRANSLATE_NOOP("labels", "Bản nháp"),
    S.AWAITING_PAPERS: QT_TRANSLATE_NOOP("labels", "Chờ bổ sung, hoàn thiện hồ sơ"),
    S.AWAITING_FEE: QT_TRANSLATE_NOOP("labels", "Chờ nộp phí"),
    S.RECEIVED: QT_TRANSLATE_NOOP("labels", "Đã tiếp nhận, chưa chuyển"),
    S.IN_TRANSIT: QT_TRANSLATE_NOOP("labels", "Đang chuyển đến cơ quan giải quyết"),
    S.AT_AGENCY: QT_TRANSLATE_NOOP("labels", "Cơ quan đang giải quyết"),
    S.SUPPLEMENT: QT_TRANSLATE_NOOP("labels", "Chờ bổ sung giấy tờ (tạm dừng tính hạn)"),
    S.FINANCIAL: QT_TRANSLATE_NOOP("labels", "Chờ thực hiện nghĩa vụ tài chính"),
    S.REFUSED: QT_TRANSLATE_NOOP("labels", "Từ chối tiếp nhận"),
    S.WITHDRAWN: QT_TRANSLATE_NOOP("labels", "Công dân đã rút hồ sơ"),
    S.STOPPED: QT_TRANSLATE_NOOP("labels", "Dừng giải quyết"),
    S.RESULT_AT_COUNTER: QT_TRANSLATE_NOOP("labels", "Có kết quả, chờ trả"),
    S.RETURNED: QT_TRANSLATE_NOOP("labels", "Đã trả kết quả"),
}


def next_state(current: SubState | None, action: Action) -> SubState:
    """The state `action` leads to from `current` (None: a new dossier); LifecycleError if the
    action is not allowed there. EXTEND keeps the state."""
    if current is None:
        if action not in CREATION:
            raise LifecycleError(
                QT_TRANSLATE_NOOP(
                    "messages", "“{action}” không thể là bước đầu tiên của một hồ sơ."
                ),
                params={"action": action.label},
            )
        return CREATION[action]
    step = STEPS[action]
    if current not in step.sources:
        raise LifecycleError(
            QT_TRANSLATE_NOOP(
                "messages", "Không thể “{action}” khi hồ sơ đang ở trạng thái “{state}”."
            ),
            advice=QT_TRANSLATE_NOOP("messages", "Mở lại hồ sơ để xem trạng thái mới nhất."),
            params={"action": action.label, "state": state_label(current)},
        )
    return step.to if step.to is not None else current


def allowed_actions(current: SubState) -> tuple[Action, ...]:
    """The actions a dossier in `current` can take, in the order the screen offers them."""
    return tuple(action for action, step in STEPS.items() if current in step.sources)


def status_of(state: SubState) -> Status:
    return SUBSTATE_TO_STATUS[state]


def is_status_change(current: SubState, action: Action) -> bool:
    return status_of(next_state(current, action)) != status_of(current)


# The province reports national statuses; this is the sub-state each one means at the counter.
PROVINCE_SUB_STATE: dict[Status, SubState] = {
    Status.NEW: S.DRAFT,
    Status.RECEIVED: S.RECEIVED,
    Status.NOT_RECEIVED: S.REFUSED,
    Status.PROCESSING: S.AT_AGENCY,
    Status.SUPPLEMENT_REQUESTED: S.SUPPLEMENT,
    Status.FINANCIAL_OBLIGATION: S.FINANCIAL,
    Status.WITHDRAWN: S.WITHDRAWN,
    Status.STOPPED: S.STOPPED,
    Status.DONE: S.RESULT_AT_COUNTER,
    Status.RETURNED: S.RETURNED,
}


def province_sub_state(status: Status) -> SubState:
    return PROVINCE_SUB_STATE[status]


class StepData(msgspec.Struct, kw_only=True, omit_defaults=True):
    """What a lifecycle event records besides its status: the `extra` of its `EventData` (and of
    a create op's first event). One schema for every action; each fills what it has. Times are
    ISO 8601 with their zone; `due_at` is the appointment after this step when the step moved it
    (a supplement pause ended, an extension)."""

    reason: str | None = None  # refusal, supplement, extension, stop, withdrawal, override
    missing: list[str] = []  # the papers a supplement request (Mẫu 02) asks for
    due_at: str | None = None
    paused_hours: str | None = None  # working hours a supplement pause lasted (Decimal text)
    form_no: str | None = None  # the form issued with this step: "01" … "06"
    form_number: str | None = None  # its Số …/HDHS where the form has one
    competent_code: str | None = None  # the agency that decides (set when received)
    competent_name: str | None = None
    handed_by: str | None = None  # Mẫu 06: who handed the paper over, who received it
    received_by: str | None = None
    from_unit: str | None = None
    to_unit: str | None = None
    postal_number: str | None = None  # paper sent by post: the item's S10 number
    override: str | None = None  # a supervisor's logged reason for bending a rule
    late_warning: bool = False  # a second supplement request: the dossier will count as late
    receiver_name: str | None = None  # a return: who took the result
    receiver_id_number: str | None = None
    fees_collected: list[str] = []


STEP_DATA = msgspec.json.Decoder(StepData)


def step_extra(data: StepData) -> dict[str, Any]:
    """The plain dict stored as an event's `extra` (only the fields set)."""
    extra: dict[str, Any] = msgspec.to_builtins(data)
    return extra


def read_step(extra: dict[str, Any] | None) -> StepData:
    """An event's `extra` as typed step data; msgspec.ValidationError if it does not fit."""
    return msgspec.convert(extra or {}, StepData)
