"""Hỗ trợ nộp trực tuyến: the clerk helped a citizen submit on the national portal; the record
(with the portal's dossier code) counts in the books and makes no dossier of this counter."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.appointments import HelpKind, check_portal_code
from counter_app.domain.vntime import now_vn
from counter_app.services.online_help import HelpInput
from counter_app.ui.fees_view import rows_table
from counter_app.ui.i18n import QT_TR_NOOP, tr
from counter_app.ui.procedure_picker import ProcedurePicker, ProcedureSearch
from counter_app.ui.table_model import ModelIndex, RowsTableModel
from counter_app.ui.texts import label_text
from counter_app.ui.visit_dialog import SAVE_KEYS
from counter_app.ui.widgets import FieldMessage, MessageBar, error_text, vn_when, with_message
from counter_protocol.errors import UserError

if TYPE_CHECKING:
    from counter_app.services.online_help import HelpView
    from counter_app.ui.tasks import TaskRunner

FIELDS = ("portal_code", "citizen_name", "phone")


class HelpDesk(Protocol):
    """What the tab asks of the OnlineHelpService."""

    def add(self, entry: HelpInput) -> int: ...

    def day(self, day: date, clerk: str | None = None) -> list[HelpView]: ...


def help_cells(view: HelpView) -> tuple[str, ...]:
    return (
        vn_when(view.helped_at),
        view.portal_code,
        label_text(view.kind.label),
        view.procedure_code,
        view.citizen_name,
        view.phone or "",
        view.clerk_shown,
        view.note or "",
    )


class HelpModel(RowsTableModel["HelpView"]):
    HEADERS = (
        QT_TR_NOOP("Thời gian"),
        QT_TR_NOOP("Mã hồ sơ trên Cổng"),
        QT_TR_NOOP("Dịch vụ"),
        QT_TR_NOOP("Thủ tục"),
        QT_TR_NOOP("Người dân"),
        QT_TR_NOOP("Điện thoại"),
        QT_TR_NOOP("Cán bộ"),
        QT_TR_NOOP("Ghi chú"),
    )

    def set_rows(self, rows: list[HelpView]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> HelpView:
        return self._rows[row]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return help_cells(self._rows[index.row()])[index.column()]
        return None


class OnlineHelpView(QWidget):
    """The form above (Ctrl+Enter records), today's records below (F5 reloads)."""

    def __init__(
        self,
        desk: HelpDesk,
        procedures: ProcedureSearch,
        runner: TaskRunner,
        clerk: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk, self._runner, self._clerk = desk, runner, clerk
        self.portal_edit = QLineEdit(placeholderText=tr("Mã hồ sơ do Cổng dịch vụ công cấp"))
        self.kind_combo = QComboBox()
        for kind in HelpKind:
            self.kind_combo.addItem(
                tr("Dịch vụ công trực tuyến {lower}").format(lower=label_text(kind.label).lower()),
                kind.value,
            )
        self.picker = ProcedurePicker(procedures, runner)
        self.edits = {"citizen_name": QLineEdit(), "phone": QLineEdit()}
        self.note_edit = QLineEdit(placeholderText=tr("Ghi chú (nếu có)"))
        self.messages = {key: FieldMessage() for key in FIELDS}
        self.save_button = QPushButton(tr("Ghi nhận hỗ trợ (Ctrl+Enter)"))
        self.save_button.setStyleSheet("font-weight: bold; padding: 6px 14px;")
        self.refresh_button = QPushButton(tr("Tải lại (F5)"))
        self.message = MessageBar()
        self.model = HelpModel(self)
        self.table = rows_table(self.model, stretch=7)
        self.count_label = QLabel()
        self._layout()
        self._connect()

    def _layout(self) -> None:
        box = QGroupBox(tr("Ghi nhận hỗ trợ người dân nộp hồ sơ trực tuyến (không tạo hồ sơ mới)"))
        form = QFormLayout(box)
        form.addRow(
            tr("Mã hồ sơ trên Cổng:"), with_message(self.portal_edit, self.messages["portal_code"])
        )
        form.addRow(tr("Loại dịch vụ:"), self.kind_combo)
        form.addRow(tr("Thủ tục:"), self.picker)
        for label, key in (
            (tr("Họ tên người dân:"), "citizen_name"),
            (tr("Số điện thoại:"), "phone"),
        ):
            form.addRow(label, with_message(self.edits[key], self.messages[key]))
        form.addRow(tr("Ghi chú:"), self.note_edit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("<b>Các lần hỗ trợ hôm nay</b>")))
        top.addWidget(self.count_label, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(self.message)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def _connect(self) -> None:
        self.save_button.clicked.connect(self.save)
        self.refresh_button.clicked.connect(self.refresh)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys in SAVE_KEYS:
            QShortcut(QKeySequence(keys), self, self.save, context)
        QShortcut(QKeySequence("F5"), self, self.refresh, context)

    def focus_first_field(self) -> None:
        self.portal_edit.setFocus()

    def refresh(self) -> None:
        desk, today = self._desk, now_vn().date()
        self._runner.run_db(lambda: desk.day(today), self._show, self._failed, owner=self)

    def _show(self, rows: list[HelpView]) -> None:
        self.model.set_rows(rows)
        self.count_label.setText(tr("· {count} lần").format(count=len(rows)))

    def _failed(self, error: BaseException) -> None:
        self.message.show_message("error", error_text(error))

    def entry(self) -> HelpInput:
        info = self.picker.chosen
        return HelpInput(
            portal_code=self.portal_edit.text(),
            kind=HelpKind(self.kind_combo.currentData()),
            procedure_code=info.code if info else "",
            citizen_name=self.edits["citizen_name"].text(),
            clerk=self._clerk,
            phone=self.edits["phone"].text() or None,
            note=self.note_edit.text() or None,
        )

    def save(self) -> None:
        """Ctrl+Enter: the code's shape is checked here first, then the service records it."""
        for message in (*self.messages.values(), self.picker.message):
            message.clear_issue()
        entry = self.entry()
        try:
            check_portal_code(entry.portal_code)
        except UserError as error:
            self._on_refused(error)
            return
        desk = self._desk
        self.save_button.setEnabled(False)
        self._runner.run_db(lambda: desk.add(entry), self._on_saved, self._on_refused, owner=self)

    def _on_saved(self, number: int) -> None:
        self.save_button.setEnabled(True)
        self.message.show_message(
            "success", tr("Đã ghi nhận lần hỗ trợ số {number}.").format(number=number)
        )
        for edit in (self.portal_edit, self.note_edit, *self.edits.values()):
            edit.clear()
        self.picker.clear()
        self.refresh()
        self.portal_edit.setFocus()

    def _on_refused(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        text = error_text(error)
        key = getattr(error, "field", None) or ""
        shown = key == "procedure_code" or key in self.messages
        self.message.show_message(
            "error",
            tr("Chưa ghi nhận: xem chữ đỏ dưới ô nhập.")
            if shown
            else tr("Chưa ghi nhận: {text}").format(text=text),
        )
        if key == "procedure_code":
            self.picker.message.show_issue(text, True)
            self.picker.search_edit.setFocus()
        elif key in self.messages:
            self.messages[key].show_issue(text, True)
            (self.portal_edit if key == "portal_code" else self.edits[key]).setFocus()
