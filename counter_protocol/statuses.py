"""Dossier statuses: the 10 national codes and local sub-states (docs/domain.md#statuses)."""

from __future__ import annotations

from enum import IntEnum, StrEnum

from counter_protocol.errors import UserError
from counter_protocol.texts import QT_TRANSLATE_NOOP


class Status(IntEnum):
    """The canonical DVCQG status codes. Stored as integers in the store and on the wire."""

    NEW = 1  # Mới đăng ký
    RECEIVED = 2  # Được tiếp nhận
    NOT_RECEIVED = 3  # Không được tiếp nhận
    PROCESSING = 4  # Đang xử lý
    SUPPLEMENT_REQUESTED = 5  # Yêu cầu bổ sung giấy tờ
    FINANCIAL_OBLIGATION = 6  # Yêu cầu thực hiện nghĩa vụ tài chính
    WITHDRAWN = 7  # Công dân yêu cầu rút hồ sơ
    STOPPED = 8  # Dừng xử lý
    DONE = 9  # Đã xử lý xong
    RETURNED = 10  # Đã trả kết quả

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS: dict[Status, str] = {
    Status.NEW: QT_TRANSLATE_NOOP("labels", "Mới đăng ký"),
    Status.RECEIVED: QT_TRANSLATE_NOOP("labels", "Được tiếp nhận"),
    Status.NOT_RECEIVED: QT_TRANSLATE_NOOP("labels", "Không được tiếp nhận"),
    Status.PROCESSING: QT_TRANSLATE_NOOP("labels", "Đang xử lý"),
    Status.SUPPLEMENT_REQUESTED: QT_TRANSLATE_NOOP("labels", "Yêu cầu bổ sung giấy tờ"),
    Status.FINANCIAL_OBLIGATION: QT_TRANSLATE_NOOP(
        "labels", "Yêu cầu thực hiện nghĩa vụ tài chính"
    ),
    Status.WITHDRAWN: QT_TRANSLATE_NOOP("labels", "Công dân yêu cầu rút hồ sơ"),
    Status.STOPPED: QT_TRANSLATE_NOOP("labels", "Dừng xử lý"),
    Status.DONE: QT_TRANSLATE_NOOP("labels", "Đã xử lý xong"),
    Status.RETURNED: QT_TRANSLATE_NOOP("labels", "Đã trả kết quả"),
}


class SubState(StrEnum):
    """Finer local states a counter tracks; each maps onto one national code (OpenCPS-style)."""

    DRAFT = "draft"
    AWAITING_PAPERS = "awaiting_papers"  # incomplete at the counter: Mẫu 02 issued, no clock yet
    AWAITING_FEE = "awaiting_fee"
    RECEIVED = "received"
    IN_TRANSIT = "in_transit"  # paper on its way to the competent agency
    AT_AGENCY = "at_agency"
    SUPPLEMENT = "supplement"
    FINANCIAL = "financial"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"
    STOPPED = "stopped"
    RESULT_AT_COUNTER = "result_at_counter"  # ready, not yet collected (a "forgotten state")
    RETURNED = "returned"


SUBSTATE_TO_STATUS: dict[SubState, Status] = {
    SubState.DRAFT: Status.NEW,
    SubState.AWAITING_PAPERS: Status.NEW,
    SubState.AWAITING_FEE: Status.NEW,
    SubState.RECEIVED: Status.RECEIVED,
    SubState.IN_TRANSIT: Status.PROCESSING,
    SubState.AT_AGENCY: Status.PROCESSING,
    SubState.SUPPLEMENT: Status.SUPPLEMENT_REQUESTED,
    SubState.FINANCIAL: Status.FINANCIAL_OBLIGATION,
    SubState.REFUSED: Status.NOT_RECEIVED,
    SubState.WITHDRAWN: Status.WITHDRAWN,
    SubState.STOPPED: Status.STOPPED,
    SubState.RESULT_AT_COUNTER: Status.DONE,
    SubState.RETURNED: Status.RETURNED,
}

TERMINAL: frozenset[Status] = frozenset(
    {Status.NOT_RECEIVED, Status.WITHDRAWN, Status.STOPPED, Status.RETURNED}
)

# Which national status may follow which. A correction never rewrites history: it is a new event.
ALLOWED_TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.NEW: frozenset({Status.RECEIVED, Status.NOT_RECEIVED, Status.WITHDRAWN}),
    Status.RECEIVED: frozenset(
        {
            Status.PROCESSING,
            Status.SUPPLEMENT_REQUESTED,
            Status.FINANCIAL_OBLIGATION,
            Status.WITHDRAWN,
            Status.STOPPED,
            Status.DONE,
        }
    ),
    Status.PROCESSING: frozenset(
        {
            Status.SUPPLEMENT_REQUESTED,
            Status.FINANCIAL_OBLIGATION,
            Status.WITHDRAWN,
            Status.STOPPED,
            Status.DONE,
        }
    ),
    Status.SUPPLEMENT_REQUESTED: frozenset(
        {Status.PROCESSING, Status.WITHDRAWN, Status.STOPPED, Status.DONE}
    ),
    Status.FINANCIAL_OBLIGATION: frozenset(
        {Status.PROCESSING, Status.WITHDRAWN, Status.STOPPED, Status.DONE}
    ),
    Status.DONE: frozenset({Status.RETURNED, Status.PROCESSING}),
    Status.NOT_RECEIVED: frozenset(),
    Status.WITHDRAWN: frozenset(),
    Status.STOPPED: frozenset(),
    Status.RETURNED: frozenset(),
}


class TransitionError(UserError):
    """A status change the rules do not allow; its message is Vietnamese, for the clerk."""

    default_code = "status.transition_refused"


def check_transition(current: Status, target: Status) -> None:
    """Raise TransitionError unless `current → target` is allowed."""
    if target not in ALLOWED_TRANSITIONS[current]:
        raise TransitionError(
            QT_TRANSLATE_NOOP(
                "messages", "Không thể chuyển hồ sơ từ trạng thái “{current}” sang “{target}”."
            ),
            params={"current": current.label, "target": target.label},
        )
