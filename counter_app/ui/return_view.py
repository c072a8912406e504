"""Trả kết quả: scan the slip's barcode, check the receiver, confirm; ready for the next scan."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain import fees as fee_rules
from counter_app.domain.kinds import FeeCollection
from counter_app.domain.vntime import format_vn
from counter_app.ui.dossier_detail import status_text
from counter_app.ui.intake_sections import money
from counter_app.ui.qt_compat import emit
from counter_app.ui.tasks import TaskRunner
from counter_app.ui.widgets import MessageBar, error_text


def fees_due_at_return(detail) -> int:
    return fee_rules.owed(detail.fees, FeeCollection.AT_RETURN)


class ReturnView(QWidget):
    """The scan box has the focus; a 1D scanner types the code and Enter.

    Signals:
        dossier_returned(str): the code of a dossier whose result was just handed back.
    """

    dossier_returned = Signal(str)

    def __init__(self, services, runner: TaskRunner, clerk_username: str, parent=None) -> None:
        super().__init__(parent)
        self._returns, self._runner, self._clerk = services.returns, runner, clerk_username
        self.detail = None
        self._busy = False
        self._make_widgets()
        self._layout()
        self.scan_edit.returnPressed.connect(self.look_up)
        self.confirm_button.clicked.connect(self.confirm)
        self.cancel_button.clicked.connect(self.reset)
        for keys in ("Ctrl+Return", "F9"):
            QShortcut(QKeySequence(keys), self, activated=self.confirm,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._show_dossier(None)

    def _make_widgets(self) -> None:
        self.scan_edit = QLineEdit(placeholderText="Quét mã vạch trên giấy tiếp nhận, "
                                                   "hoặc gõ mã hồ sơ rồi nhấn Enter")
        self.scan_edit.setStyleSheet("font-size: 13pt; padding: 4px;")
        self.message = MessageBar()
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.receiver_name_edit = QLineEdit()
        self.receiver_id_edit = QLineEdit()
        self.fees_check = QCheckBox()
        self.note_edit = QLineEdit(placeholderText="Ghi chú (nếu có)")
        self.confirm_button = QPushButton("Xác nhận trả kết quả (Ctrl+Enter)")
        self.confirm_button.setStyleSheet("font-weight: bold; padding: 6px 14px;")
        self.cancel_button = QPushButton("Bỏ qua")

    def _layout(self) -> None:
        self.dossier_box = QGroupBox("Hồ sơ")
        form = QFormLayout(self.dossier_box)
        form.addRow(self.summary_label)
        form.addRow("Người nhận kết quả:", self.receiver_name_edit)
        form.addRow("Số CCCD người nhận:", self.receiver_id_edit)
        form.addRow(self.fees_check)
        form.addRow("Ghi chú:", self.note_edit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.confirm_button)
        form.addRow(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<b>Mã hồ sơ:</b>"))
        layout.addWidget(self.scan_edit)
        layout.addWidget(self.message)
        layout.addWidget(self.dossier_box)
        layout.addStretch(1)

    def focus_first_field(self) -> None:
        self.scan_edit.setFocus()
        self.scan_edit.selectAll()

    def look_up(self) -> None:
        code = self.scan_edit.text().strip().upper()
        if not code or self._busy:
            return
        self._busy = True
        self.message.show_message("info", f"Đang tìm hồ sơ {code}…")
        self._runner.run_db(lambda: self._returns.check(code), self._on_found,
                            lambda error: self._on_refused(code, error), owner=self)

    def _on_found(self, detail) -> None:
        self._busy = False
        self._show_dossier(detail)
        self.message.show_message("info", "Kiểm tra giấy tờ người nhận, rồi nhấn F9 "
                                          "(hoặc Ctrl+Enter) để xác nhận trả kết quả.")
        # The cursor stays in the scan box: a scanner's next code must never be typed into
        # the receiver's name. Tab reaches the receiver fields when someone else collects.
        self.scan_edit.clear()
        self.scan_edit.setFocus()

    def _on_refused(self, code: str, error: BaseException) -> None:
        self._busy = False
        self._show_dossier(None)
        self.message.show_message("error", f"{code}: {error_text(error)}")
        self.scan_edit.clear()
        self.scan_edit.setFocus()

    def _show_dossier(self, detail) -> None:
        self.detail = detail
        self.dossier_box.setEnabled(detail is not None)
        if detail is None:
            self.summary_label.setText("Chưa có hồ sơ. Quét mã vạch trên giấy tiếp nhận.")
            for edit in (self.receiver_name_edit, self.receiver_id_edit, self.note_edit):
                edit.clear()
            self.fees_check.setVisible(False)
            return
        a = detail.applicant
        self.summary_label.setText(
            f"<b style='font-size:12pt'>{escape(detail.code)}</b><br>"
            f"{escape(detail.procedure_name)}<br>"
            f"Người nộp: <b>{escape(a.full_name)}</b> · CCCD: {escape(a.id_number or '—')}<br>"
            f"Trạng thái: {status_text(detail.status)} · Hẹn trả: {format_vn(detail.due_at)}")
        self.receiver_name_edit.setText(a.full_name)
        self.receiver_id_edit.setText(a.id_number or "")
        due = fees_due_at_return(detail)
        self.fees_check.setVisible(due > 0)
        self.fees_check.setChecked(False)
        self.fees_check.setText(f"Đã thu {money(due)} phí, lệ phí khi trả kết quả")

    def confirm(self) -> None:
        detail = self.detail
        if detail is None or self._busy:
            return
        name = self.receiver_name_edit.text().strip()
        id_number = self.receiver_id_edit.text().strip()
        if not name:
            self.message.show_message("error", "Hãy nhập họ tên người nhận kết quả.")
            self.receiver_name_edit.setFocus()
            return
        if fees_due_at_return(detail) and not self.fees_check.isChecked():
            self.message.show_message("error", "Hồ sơ còn phí, lệ phí thu khi trả kết quả: "
                                               "thu xong rồi đánh dấu “Đã thu”.")
            self.fees_check.setFocus()
            return
        self._busy = True
        fees_collected = self.fees_check.isChecked()
        note = self.note_edit.text().strip() or None
        self._runner.run_db(
            lambda: self._returns.return_result(detail.code, name, id_number, self._clerk,
                                                fees_collected, note),
            lambda _none: self._on_returned(detail.code, name),
            lambda error: self._on_return_failed(detail.code, error), owner=self)

    def _on_returned(self, code: str, receiver: str) -> None:
        self._busy = False
        self._show_dossier(None)
        self.message.show_message("success", f"Đã trả kết quả hồ sơ {code} cho {receiver}.")
        emit(self.dossier_returned, code)
        self.focus_first_field()

    def _on_return_failed(self, code: str, error: BaseException) -> None:
        self._busy = False
        self.message.show_message("error", f"Chưa trả được hồ sơ {code}: {error_text(error)}")

    def reset(self) -> None:
        self._show_dossier(None)
        self.message.clear_message()
        self.focus_first_field()
