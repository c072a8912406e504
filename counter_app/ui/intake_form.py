"""The intake screen's form: its widgets, their layout, and the request they read into, each
issue shown under its field. The behaviour (saving, outcomes, re-opening) is IntakeView's."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QTimer
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.validation import ValidationIssue
from counter_app.services.dto import IntakeRequest
from counter_app.services.intake_rules import intake_issues
from counter_app.ui.applicant_form import ApplicantForm
from counter_app.ui.component_checklist import ComponentChecklist, ComponentChecklistModel
from counter_app.ui.i18n import tr
from counter_app.ui.intake_outcomes import OutcomeBar, ReasonDialog, save_text
from counter_app.ui.intake_sections import DeliveryBox, FeesBox, form_warnings
from counter_app.ui.narrow_fit import scrolling_column, show_rows
from counter_app.ui.procedure_picker import ProcedurePicker, ProcedureSearch
from counter_app.ui.texts import issue_text
from counter_app.ui.widgets import FieldMessage, MessageBar, with_message

if TYPE_CHECKING:
    from counter_app.ui.postal_form import UnitList
    from counter_app.ui.slip_preview import SlipPreviewDialog
    from counter_app.ui.tasks import TaskRunner

VALIDATE_DELAY_MS = 150
CHECKLIST_ROWS = 6  # a procedure's usual papers in sight without scrolling the list
APPOINTMENT_REFRESH_MS = 30_000  # the preview follows the clock (15:00 cut-offs, lunch breaks)


class IntakeForm(QWidget):
    """The fields of one intake; the subclass sets what they need before building them."""

    _runner: TaskRunner
    _clerk: str
    _touched: set[str]
    _show_all: bool
    _postal_units: UnitList | None  # the sender's address pickers of a postal intake
    outcome_bar: OutcomeBar

    # --- construction ---------------------------------------------------------------------------

    def _make_widgets(self, procedures: ProcedureSearch) -> None:
        self.preview: SlipPreviewDialog | None = None
        self.reason_dialog: ReasonDialog | None = None
        self.clock_question: QMessageBox | None = None  # open while the clerk decides
        self.applicant_form = ApplicantForm()
        self.picker = ProcedurePicker(procedures, self._runner)
        self.checklist_model = ComponentChecklistModel(self)
        self.checklist = ComponentChecklist(self.checklist_model)
        show_rows(self.checklist, CHECKLIST_ROWS)
        self.components_message = FieldMessage()
        self.delivery = DeliveryBox(self._postal_units)
        self.fees = FeesBox()
        self.fees_message = FieldMessage()
        self.note_edit = QLineEdit(placeholderText=tr("Ghi chú (nếu có)"))
        self.sets_spin = QSpinBox(minimum=1, maximum=99)
        self.appointment_label = QLabel(tr("Ngày hẹn trả: chọn thủ tục để tính."))
        self.appointment_label.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.message = MessageBar()
        self.save_button = QPushButton(save_text([], None))
        self.save_button.setStyleSheet("font-weight: bold; padding: 6px 14px;")
        self.clear_button = QPushButton(tr("Hồ sơ mới (Ctrl+N)"))
        self._validate_timer = QTimer(self, singleShot=True, interval=VALIDATE_DELAY_MS)
        self._appointment_timer = QTimer(self, interval=APPOINTMENT_REFRESH_MS)

    def _layout(self) -> None:
        applicant_box = QGroupBox(tr("Người nộp hồ sơ"))
        a = QVBoxLayout(applicant_box)
        a.addWidget(self.applicant_form)
        if self.delivery.sender_box is not None:  # who posted it, for a dossier sent by post
            a.addWidget(self.delivery.sender_box)
            a.addStretch(1)
        procedure_box = QGroupBox(tr("Thủ tục và thành phần hồ sơ"))
        p = QVBoxLayout(procedure_box)
        p.addWidget(self.picker)
        p.addWidget(with_message(self.checklist, self.components_message), 1)
        p.addWidget(self.outcome_bar)
        other_box = QGroupBox(tr("Nộp, nhận kết quả và lệ phí"))
        o = QFormLayout(other_box)
        o.addRow(self.delivery)
        o.addRow(with_message(self.fees, self.fees_message))
        o.addRow(tr("Số bộ hồ sơ:"), self.sets_spin)
        o.addRow(tr("Ghi chú:"), self.note_edit)
        self._right_column = procedure_box  # errors are read down the left column first
        grid = QGridLayout()
        grid.addWidget(scrolling_column(applicant_box), 0, 0, 2, 1)
        grid.addWidget(scrolling_column(procedure_box, other_box), 0, 1, 2, 1)
        grid.setColumnStretch(0, 1)  # half each: a sender's name and phone side by side at 1024
        grid.setColumnStretch(1, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.appointment_label, 1)
        bottom.addWidget(self.clear_button)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(grid, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)

    # --- validation -----------------------------------------------------------------------------

    def build_request(self) -> tuple[IntakeRequest, list[ValidationIssue]]:
        """The request as the form stands, with every issue (the service's rules + the form's)."""
        applicant, issues = self.applicant_form.applicant()
        info = self.picker.chosen
        request = IntakeRequest(
            procedure_code=info.code if info else "",
            applicant=applicant,
            components=self.checklist_model.components(),
            clerk=self._clerk,
            channel=self.delivery.channel(),
            result_delivery=self.delivery.result_delivery(),
            delivery_address=self.delivery.delivery_address(),
            authorised_person=self.applicant_form.authorised_person(),
            fees=self.fees.fee_lines(),
            note=self.note_edit.text().strip() or None,
            sets_count=self.sets_spin.value(),
            home_commune=self.delivery.home_commune(),
            postal_sender=self.delivery.postal_sender(),
        )
        return request, issues + intake_issues(request) + form_warnings(request, info)

    def validate(self) -> list[ValidationIssue]:
        """Show each issue under its field (touched fields only, until a save was tried)."""
        _request, issues = self.build_request()
        messages = self._messages()
        first_by_field: dict[str, ValidationIssue] = {}
        for issue in issues:
            first_by_field.setdefault(issue.field, issue)
        for key, label in messages.items():
            shown = first_by_field.get(key)
            if shown and (self._show_all or key in self._touched):
                label.show_issue(issue_text(shown), shown.blocking)
            else:
                label.clear_issue()
        return issues

    def _messages(self) -> dict[str, FieldMessage]:
        return {
            **self.applicant_form.messages,
            **self.delivery.messages,
            "procedure": self.picker.message,
            "components": self.components_message,
            "fees": self.fees_message,
        }

    def shows_field(self, key: str) -> bool:
        return key in self._messages()

    def _field_widget(self, key: str) -> QWidget | None:
        targets: dict[str, QWidget] = {
            "procedure": self.picker.search_edit,
            "components": self.checklist,
            "cccd_qr": self.applicant_form.scan_edit,
            "delivery_address": self.delivery.address_edit,
            "sex": self.applicant_form.sex_combo,
        }
        return targets.get(key) or self.applicant_form.edits.get(key)

    def focus_field(self, key: str) -> None:
        target = self._field_widget(key)
        if target is not None:
            target.setFocus()

    def focus_first(self, keys: Sequence[str]) -> None:
        """The cursor on the field of these that comes first as the clerk reads the screen:
        down the applicant column, then down the procedure column."""
        split = self._right_column.mapTo(self, QPoint(0, 0)).x()

        def reading_order(widget: QWidget) -> tuple[int, int, int]:
            at = widget.mapTo(self, QPoint(0, 0))
            return (int(at.x() >= split), at.y(), at.x())

        shown = [w for w in map(self._field_widget, keys) if w is not None and w.isVisible()]
        if shown:
            min(shown, key=reading_order).setFocus()
        elif keys:
            self.focus_field(keys[0])
