"""The small dialog of one lifecycle step: its fields, the rule it may break, then Ctrl+Enter."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import msgspec
from PySide6.QtCore import QDate
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.vntime import now_vn
from counter_app.ui.i18n import tr
from counter_app.ui.step_specs import (
    SECOND_EXTENSION_REFUSAL,
    SECOND_SUPPLEMENT_CONFIRM,
    SECOND_SUPPLEMENT_WARNING,
    FieldKind,
    StepField,
    StepSpec,
)
from counter_app.ui.texts import label_text
from counter_app.ui.widgets import FieldMessage, MessageBar, with_message
from counter_protocol.lifecycle import Action, StepData
from counter_protocol.timefmt import VN_TZ
from counter_protocol.tracking import normalise_tracking_number, s10_fault

END_OF_DAY = time(17, 0)  # a new appointment day means the end of that working day


@dataclass(frozen=True)
class StepContext:
    """What the dialog knows of the dossier: defaults, earlier requests, who is at the counter."""

    code: str
    defaults: dict[str, str]
    earlier: int = 0  # times this action was already taken on the dossier
    due_at: datetime | None = None
    extension_limit: int = 1  # re-appointments allowed (the setting lifecycle.extension_limit)


class PostField(QWidget):
    """“Gửi qua bưu điện” tick and the item's postal (S10) number, asked only when ticked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.by_post = QCheckBox(tr("Gửi qua bưu điện, số bưu gửi:"))
        self.number_edit = QLineEdit(placeholderText=tr("VD: EE123456785VN"))
        self.number_edit.setEnabled(False)
        self.by_post.toggled.connect(self.number_edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.by_post)
        layout.addWidget(self.number_edit, 1)

    def number(self) -> str | None:
        if not self.by_post.isChecked():
            return None
        return normalise_tracking_number(self.number_edit.text())


class StepDialog(QDialog):
    """Builds its fields from a StepSpec; `data` is the StepData once the clerk pressed OK."""

    def __init__(self, spec: StepSpec, context: StepContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec, self.context = spec, context
        self.setWindowTitle(f"{label_text(spec.action.label)} — {context.code}")
        self.inputs: dict[str, QWidget] = {}
        self.messages: dict[str, FieldMessage] = {}
        self.data: StepData | None = None
        self.form = QFormLayout()
        for field in spec.fields:
            self._add_field(field)
        self.rule = MessageBar()
        self.rule_check = QCheckBox(tr(SECOND_SUPPLEMENT_CONFIRM))
        self.rule_check.setVisible(False)
        self.ok_button = QPushButton(f"{tr(spec.confirm)} (Ctrl+Enter)")
        self.cancel_button = QPushButton(tr("Hủy (Esc)"))
        self._apply_rule()
        self._layout()
        self.ok_button.clicked.connect(self.try_accept)
        self.cancel_button.clicked.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.try_accept)
        self.setMinimumWidth(560)

    def _add_field(self, field: StepField) -> None:
        widget = _input_for(field, self.context)
        self.inputs[field.key] = widget
        self.messages[field.key] = FieldMessage()
        label = tr(field.label) + (" *" if field.required else "")
        if field.hint:
            widget.setToolTip(tr(field.hint))
        self.form.addRow(f"{label}:", with_message(widget, self.messages[field.key]))

    def _apply_rule(self) -> None:
        """A second supplement request counts as late; a second extension is refused."""
        if self.context.earlier < 1:
            return
        if self.spec.action is Action.ASK_SUPPLEMENT:
            self.rule.show_message("warning", tr(SECOND_SUPPLEMENT_WARNING))
            self.rule_check.setVisible(True)
        elif self.spec.action is Action.EXTEND and self.context.earlier >= (
            self.context.extension_limit
        ):
            self._refuse_second_extension()

    def _refuse_second_extension(self) -> None:
        """The new date may be set only once: the dialog says so and stores nothing."""
        self.rule.show_message("error", tr(SECOND_EXTENSION_REFUSAL))
        self.ok_button.setEnabled(False)
        for widget in self.inputs.values():
            widget.setEnabled(False)

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        layout = QVBoxLayout(self)
        title = QLabel(
            tr("<b>{label}</b> — hồ sơ {code}").format(
                label=label_text(self.spec.action.label), code=self.context.code
            )
        )
        layout.addWidget(title)
        layout.addWidget(self.rule)
        layout.addWidget(self.rule_check)
        layout.addLayout(self.form)
        layout.addLayout(buttons)
        self.ok_button.setDefault(True)

    # --- reading and checking -------------------------------------------------------------------

    def values(self) -> dict[str, object]:
        """The field values by StepData attribute (text stripped; empty text is None)."""
        values: dict[str, object] = {}
        for field in self.spec.fields:
            value = _read(self.inputs[field.key])
            if field.kind is FieldKind.LINES and isinstance(value, str):
                value = [line.strip() for line in value.splitlines() if line.strip()]
            values[field.key] = value
        return values

    def issues(self) -> dict[str, str]:
        """What stops the step, by field; empty when it may be stored."""
        values, found = self.values(), {}
        for field in self.spec.fields:
            value = values.get(field.key)
            if field.required and not value:
                found[field.key] = tr("Chưa nhập {lower}.").format(lower=tr(field.label).lower())
        post = self.inputs.get("postal_number")
        if isinstance(post, PostField) and post.by_post.isChecked():
            fault = s10_fault(post.number() or "")
            if fault is not None:
                found["postal_number"] = fault[1]
        found.update(self._date_issue(values.get("due_at")))
        return found

    def _date_issue(self, value: object) -> dict[str, str]:
        due = self.context.due_at
        if isinstance(value, date) and due is not None and value <= due.astimezone(VN_TZ).date():
            return {"due_at": tr("Ngày hẹn mới phải sau ngày hẹn hiện tại.")}
        return {}

    def try_accept(self) -> None:
        """OK: show what is missing under its field, or keep the StepData and close."""
        if not self.ok_button.isEnabled():
            return
        found = self.issues()
        if self.rule_check.isVisible() and not self.rule_check.isChecked():
            warning = tr(SECOND_SUPPLEMENT_WARNING)
            self.rule.show_message("error", warning + tr(" Đánh dấu ô xác nhận."))
            found["rule"] = "unconfirmed"
        for key, message in self.messages.items():
            if key in found:
                message.show_issue(found[key], True)
            else:
                message.clear_issue()
        if found:
            return
        self.data = self.step_data()
        self.accept()

    def step_data(self) -> StepData:
        values = self.values()
        due = values.pop("due_at", None)
        if isinstance(due, date):
            values["due_at"] = datetime.combine(due, END_OF_DAY, VN_TZ).isoformat()
        if self.rule_check.isVisible():
            values["late_warning"] = True
        return msgspec.convert({k: v for k, v in values.items() if v not in (None, [])}, StepData)


def _input_for(field: StepField, context: StepContext) -> QWidget:
    default = context.defaults.get(field.key, "")
    if field.kind is FieldKind.POST:
        return PostField()
    if field.kind in (FieldKind.TEXT, FieldKind.LINES):
        edit = QPlainTextEdit(default)
        edit.setTabChangesFocus(True)  # keyboard-first: Tab moves on, Enter adds a line
        edit.setPlaceholderText(tr(field.hint))
        edit.setFixedHeight(72 if field.kind is FieldKind.TEXT else 96)
        return edit
    if field.kind is FieldKind.DATE:
        return _date_edit(context.due_at)
    line = QLineEdit(default)
    line.setPlaceholderText(tr(field.hint))
    return line


def _date_edit(due_at: datetime | None) -> QDateEdit:
    start = (due_at if due_at else now_vn()).astimezone(VN_TZ).date() + timedelta(days=1)
    edit = QDateEdit(QDate(start.year, start.month, start.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    return edit


def _read(widget: QWidget) -> object:
    if isinstance(widget, PostField):
        return widget.number()
    if isinstance(widget, QDateEdit):
        return widget.date().toPython()
    if isinstance(widget, QPlainTextEdit):
        text = widget.toPlainText().strip()
        return text or None
    if isinstance(widget, QLineEdit):
        return widget.text().strip() or None
    return None
