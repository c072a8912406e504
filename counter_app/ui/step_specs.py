"""What each lifecycle step asks the clerk for: its fields, shortcut and the form it issues."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from counter_app.ui.i18n import QT_TR_NOOP, tr
from counter_protocol.lifecycle import Action


class FieldKind(StrEnum):
    LINE = "line"  # one line of text
    TEXT = "text"  # a few lines (a reason)
    LINES = "lines"  # one item per line (the missing papers)
    DATE = "date"  # a day (the new appointment)
    POST = "post"  # "sent by post" tick with the item's postal number


@dataclass(frozen=True)
class StepField:
    """One field of a step dialog; `key` names the StepData attribute it fills."""

    key: str
    label: str
    kind: FieldKind = FieldKind.LINE
    required: bool = True
    hint: str = ""


@dataclass(frozen=True)
class StepSpec:
    """One action as the detail screen offers it."""

    action: Action
    button: str
    shortcut: str
    fields: tuple[StepField, ...]
    confirm: str  # the dialog's OK button


REASON = StepField("reason", QT_TR_NOOP("Lý do"), FieldKind.TEXT)
NOTE = StepField("reason", QT_TR_NOOP("Ghi chú"), FieldKind.TEXT, required=False)

SPECS: tuple[StepSpec, ...] = (
    StepSpec(
        Action.FORWARD,
        QT_TR_NOOP("Chuyển cơ quan giải quyết"),
        "F5",
        (
            StepField(
                "to_unit",
                QT_TR_NOOP("Cơ quan nhận"),
                required=False,
                hint=QT_TR_NOOP("Để trống: cơ quan giải quyết của hồ sơ"),
            ),
            StepField("handed_by", QT_TR_NOOP("Người giao")),
            StepField(
                "received_by",
                QT_TR_NOOP("Người nhận"),
                required=False,
                hint=QT_TR_NOOP("Để trống nếu gửi bưu điện"),
            ),
            StepField(
                "postal_number", QT_TR_NOOP("Gửi qua bưu điện"), FieldKind.POST, required=False
            ),
        ),
        QT_TR_NOOP("Ghi nhận đã chuyển"),
    ),
    StepSpec(
        Action.AGENCY_RECEIVED,
        QT_TR_NOOP("Cơ quan đã nhận hồ sơ"),
        "F6",
        (StepField("received_by", QT_TR_NOOP("Người nhận tại cơ quan")), NOTE),
        QT_TR_NOOP("Ghi nhận"),
    ),
    StepSpec(
        Action.ASK_SUPPLEMENT,
        QT_TR_NOOP("Yêu cầu bổ sung"),
        "F7",
        (
            REASON,
            StepField(
                "missing",
                QT_TR_NOOP("Giấy tờ cần bổ sung"),
                FieldKind.LINES,
                hint=QT_TR_NOOP("Mỗi giấy tờ một dòng"),
            ),
        ),
        QT_TR_NOOP("Lưu và in phiếu"),
    ),
    StepSpec(
        Action.SUPPLEMENT_RECEIVED,
        QT_TR_NOOP("Nhận hồ sơ bổ sung"),
        "F8",
        (NOTE,),
        QT_TR_NOOP("Ghi nhận"),
    ),
    StepSpec(
        Action.RESULT_RECEIVED,
        QT_TR_NOOP("Nhận kết quả"),
        "F9",
        (StepField("handed_by", QT_TR_NOOP("Người giao kết quả"), required=False), NOTE),
        QT_TR_NOOP("Ghi nhận có kết quả"),
    ),
    StepSpec(
        Action.APPRAISAL_REFUSED,
        QT_TR_NOOP("Từ chối sau thẩm định"),
        "Shift+F9",
        (StepField("reason", QT_TR_NOOP("Lý do từ chối (theo văn bản)"), FieldKind.TEXT),),
        QT_TR_NOOP("Ghi nhận"),
    ),
    StepSpec(
        Action.EXTEND,
        QT_TR_NOOP("Hẹn lại ngày trả"),
        "F10",
        (REASON, StepField("due_at", QT_TR_NOOP("Ngày hẹn trả mới"), FieldKind.DATE)),
        QT_TR_NOOP("Lưu và in phiếu xin lỗi"),
    ),
    StepSpec(
        Action.ASK_FINANCIAL,
        QT_TR_NOOP("Yêu cầu nghĩa vụ tài chính"),
        "F11",
        (REASON,),
        QT_TR_NOOP("Ghi nhận"),
    ),
    StepSpec(
        Action.FINANCIAL_DONE,
        QT_TR_NOOP("Đã nộp nghĩa vụ tài chính"),
        "Shift+F11",
        (NOTE,),
        QT_TR_NOOP("Ghi nhận"),
    ),
    StepSpec(
        Action.STOP, QT_TR_NOOP("Dừng giải quyết"), "F12", (REASON,), QT_TR_NOOP("Dừng giải quyết")
    ),
    StepSpec(
        Action.WITHDRAW, QT_TR_NOOP("Rút hồ sơ"), "Shift+F12", (REASON,), QT_TR_NOOP("Rút hồ sơ")
    ),
)
SPEC_BY_ACTION: dict[Action, StepSpec] = {spec.action: spec for spec in SPECS}

# Where a second request breaks a rule: the dialog says so before anything is stored.
SECOND_SUPPLEMENT_WARNING = QT_TR_NOOP(
    "Hồ sơ đã được yêu cầu bổ sung một lần. Yêu cầu bổ sung lần thứ hai sẽ làm hồ sơ "
    "bị tính là quá hạn."
)
SECOND_SUPPLEMENT_CONFIRM = QT_TR_NOOP("Tôi hiểu, vẫn yêu cầu bổ sung (hồ sơ tính là quá hạn)")
SECOND_EXTENSION_REFUSAL = QT_TR_NOOP(
    "Hồ sơ đã được hẹn lại ngày trả một lần. Việc hẹn lại ngày trả kết quả chỉ được thực hiện "
    "không quá một lần."
)


def button_text(spec: StepSpec) -> str:
    """The label a clerk reads, with the key that does the same."""
    return f"{tr(spec.button)} ({spec.shortcut})"


def count_of(event_kinds: list[str], action: Action) -> int:
    """How many times the dossier's history already took `action`."""
    return sum(1 for kind in event_kinds if kind == action.value)
