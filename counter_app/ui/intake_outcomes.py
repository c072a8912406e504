"""The three outcomes of an intake: received (Mẫu 01), papers asked (Mẫu 02), refused (Mẫu 03).

The component checklist decides between the first two: every required paper ticked → received;
one missing → the save prints Mẫu 02 listing exactly the missing papers. Refusal is its own
button and asks a reason. A supervisor may still receive an incomplete dossier, with a reason
that is logged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.ui.i18n import tr
from counter_app.ui.qt_compat import emit
from counter_app.ui.widgets import FieldMessage, MessageBar
from counter_protocol.lifecycle import Action, StepData

SAVE_KEYS = "Ctrl+S / F9"
REFUSE_KEY = "Ctrl+R"
OVERRIDE_KEY = "Ctrl+Shift+S"
FORM_OF_OUTCOME = {Action.RECEIVE: "01", Action.ASK_PAPERS: "02", Action.REFUSE: "03"}


@dataclass(frozen=True)
class IntakeOutcome:
    """What the save will do: the creating action, its step data, and the code of a dossier
    waiting for papers when it is being received (or refused) under that same code."""

    action: Action
    step: StepData
    reopened: str | None = None

    @property
    def form_no(self) -> str:
        return FORM_OF_OUTCOME[self.action]


def save_text(missing: Sequence[str], reopened: str | None) -> str:
    """The save button's words: what will be stored and printed."""
    if missing:
        return tr("In phiếu yêu cầu bổ sung (Mẫu 02) ({SAVE_KEYS})").format(SAVE_KEYS=SAVE_KEYS)
    if reopened:
        return tr("Tiếp nhận {reopened} và in giấy hẹn (Mẫu 01) ({SAVE_KEYS})").format(
            reopened=reopened, SAVE_KEYS=SAVE_KEYS
        )
    return tr("Lưu và in giấy hẹn (Mẫu 01) ({SAVE_KEYS})").format(SAVE_KEYS=SAVE_KEYS)


def missing_text(missing: Sequence[str]) -> str:
    lines = "".join(f"<li>{name}</li>" for name in missing)
    return tr(
        "<b>Còn thiếu giấy tờ bắt buộc — sẽ in phiếu yêu cầu bổ sung:</b><ul>{lines}</ul>"
    ).format(lines=lines)


def planned_outcome(missing: Sequence[str], guidance: str, reopened: str | None) -> IntakeOutcome:
    """The outcome the save button stands for (refusal and override have their own buttons)."""
    if missing:
        step = StepData(missing=list(missing), reason=guidance.strip() or None)
        return IntakeOutcome(Action.ASK_PAPERS, step, reopened)
    return IntakeOutcome(Action.RECEIVE, StepData(), reopened)


class OutcomeBar(QWidget):
    """Under the checklist: the missing papers, what to bring, Refuse and (supervisor) Override.

    Signals:
        refuse_requested(): the clerk pressed “Từ chối tiếp nhận”.
        override_requested(): a supervisor chose to receive the incomplete dossier.
    """

    refuse_requested = Signal()
    override_requested = Signal()

    def __init__(self, supervisor: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.supervisor = supervisor
        self.reopened_bar = MessageBar()
        self.missing_label = QLabel()
        self.missing_label.setWordWrap(True)
        self.missing_label.setStyleSheet("color: #8a5300;")
        self.guidance_edit = QLineEdit(
            placeholderText=tr("Hướng dẫn bổ sung: mang theo gì, nộp ở đâu (in trên Mẫu 02)")
        )
        self.refuse_button = QPushButton(
            tr("Từ chối tiếp nhận (Mẫu 03) ({REFUSE_KEY})").format(REFUSE_KEY=REFUSE_KEY)
        )
        self.override_button = QPushButton(
            tr("Vẫn tiếp nhận — Trưởng bộ phận ({OVERRIDE_KEY})").format(OVERRIDE_KEY=OVERRIDE_KEY)
        )
        self.refuse_button.clicked.connect(lambda: emit(self.refuse_requested))
        self.override_button.clicked.connect(lambda: emit(self.override_requested))
        self._layout()
        self.show_missing([])

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.override_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refuse_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.reopened_bar)
        layout.addWidget(self.missing_label)
        layout.addWidget(self.guidance_edit)
        layout.addLayout(buttons)

    def show_missing(self, missing: Sequence[str]) -> None:
        self.missing_label.setText(missing_text(missing) if missing else "")
        self.missing_label.setVisible(bool(missing))
        self.guidance_edit.setVisible(bool(missing))
        self.override_button.setVisible(bool(missing) and self.supervisor)

    def set_reopened(self, code: str | None) -> None:
        if code is None:
            self.reopened_bar.clear_message()
            return
        self.reopened_bar.show_message(
            "info",
            tr("Hồ sơ {code} đang chờ bổ sung: tiếp nhận (hoặc từ chối) dưới cùng mã này.").format(
                code=code
            ),
        )

    def clear(self) -> None:
        self.guidance_edit.clear()
        self.set_reopened(None)
        self.show_missing([])


class ReasonDialog(QDialog):
    """A mandatory reason (refusal, supervisor's override); OK is Ctrl+Enter."""

    def __init__(self, title: str, prompt: str, confirm: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.reason: str | None = None
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setTabChangesFocus(True)
        self.reason_message = FieldMessage()
        self.ok_button = QPushButton(f"{confirm} (Ctrl+Enter)")
        self.cancel_button = QPushButton(tr("Hủy (Esc)"))
        self.ok_button.clicked.connect(self.try_accept)
        self.cancel_button.clicked.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.try_accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        layout = QVBoxLayout(self)
        for widget in (self.prompt, self.reason_edit, self.reason_message):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self.setMinimumWidth(520)
        self.reason_edit.setFocus()

    def try_accept(self) -> None:
        text = self.reason_edit.toPlainText().strip()
        if not text:
            self.reason_message.show_issue(tr("Phải ghi lý do."), True)
            self.reason_edit.setFocus()
            return
        self.reason = text
        self.accept()


def refusal_dialog(parent: QWidget | None) -> ReasonDialog:
    return ReasonDialog(
        tr("Từ chối tiếp nhận hồ sơ (Mẫu 03)"),
        tr("Lý do từ chối (in trên Phiếu từ chối tiếp nhận giải quyết hồ sơ):"),
        tr("Từ chối và in Mẫu 03"),
        parent,
    )


def override_dialog(parent: QWidget | None, missing: Sequence[str]) -> ReasonDialog:
    return ReasonDialog(
        tr("Vẫn tiếp nhận hồ sơ chưa đủ giấy tờ"),
        tr("Còn thiếu: ")
        + "; ".join(missing)
        + tr(".\nLý do vẫn tiếp nhận (ghi vào nhật ký hồ sơ):"),
        tr("Tiếp nhận và in Mẫu 01"),
        parent,
    )


def post_override_dialog(parent: QWidget | None, refusal: str) -> ReasonDialog:
    return ReasonDialog(
        tr("Cho phép nộp hoặc trả kết quả qua bưu điện"),
        tr("{refusal}\nLý do vẫn cho phép qua bưu điện (ghi vào nhật ký hồ sơ):").format(
            refusal=refusal
        ),
        tr("Cho phép và lưu"),
        parent,
    )
