"""The counter's settings screen: working sessions, Saturday, slip size, default printer, the
due-soon threshold, the place name on forms. Each refusal shows under its field."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counter_app.ui.i18n import QT_TR_NOOP, tr
from counter_app.ui.printing import remember_printer
from counter_app.ui.tasks import TaskRunner
from counter_app.ui.texts import message_text
from counter_app.ui.widgets import FieldMessage, MessageBar, error_text, with_message
from counter_protocol.errors import UserError
from counter_protocol.texts import Marked

if TYPE_CHECKING:
    from counter_app.services.counter_settings import CounterSettings

SLIP_SIZES = (
    ("A4", "A4 (210 × 297 mm)"),
    ("A5", "A5 (148 × 210 mm)"),
    ("receipt", QT_TR_NOOP("Giấy cuộn máy in hóa đơn (rộng 80 mm)")),
)
SYSTEM_PRINTER = QT_TR_NOOP("(máy in mặc định của hệ thống)")
# Each language by its own name, untranslated: a clerk finds their language whatever is shown.
LANGUAGE_NAMES = (("vi", "Tiếng Việt"), ("en", "English"))
FIELD_NAMES = (
    "sessions", "saturday", "slip_size", "printer", "due_soon_days", "place_name",
    "duplicate_days", "language",
)  # fmt: skip


class CounterSettingsDesk(Protocol):
    """What the screen asks of the SettingsService."""

    def current(self) -> CounterSettings: ...
    def save(self, values: CounterSettings, *, by: str) -> list[str]: ...


def installed_printers() -> list[str]:
    """Qt's list of the printers this machine knows (empty on a machine without any)."""
    return list(QPrinterInfo.availablePrinterNames())


class SettingsDialog(QDialog):
    """Loads the current values on open; “Lưu” stores them all or none (the service checks)."""

    def __init__(
        self,
        settings: CounterSettingsDesk,
        runner: TaskRunner,
        username: str,
        printers: Sequence[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Cài đặt của quầy"))
        self._settings, self._runner, self._username = settings, runner, username
        self._make_fields(installed_printers() if printers is None else printers)
        self.messages = {name: FieldMessage() for name in FIELD_NAMES}
        self.message = MessageBar()
        self.save_button = QPushButton(tr("Lưu cài đặt (Ctrl+S)"))
        self.save_button.setDefault(True)
        self.close_button = QPushButton(tr("Đóng (Esc)"))
        self._build()
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save)
        self.setMinimumWidth(640)
        self.load()

    def _make_fields(self, printers: Sequence[str]) -> None:
        self.sessions_edit = QLineEdit(placeholderText="07:00-11:30,13:30-17:00")
        self.saturday_edit = QLineEdit(placeholderText=tr("để trống nếu thứ Bảy nghỉ"))
        self.slip_combo = QComboBox()
        for value, text in SLIP_SIZES:
            self.slip_combo.addItem(tr(text), value)
        self.printer_combo = QComboBox()
        self.printer_combo.addItem(tr(SYSTEM_PRINTER), "")
        for name in printers:
            self.printer_combo.addItem(name, name)
        self.due_soon_spin = QSpinBox(minimum=1, maximum=30, suffix=tr(" ngày làm việc"))
        self.place_edit = QLineEdit(placeholderText=tr("ví dụ: Hà Tĩnh, Đức Thọ"))
        self.duplicate_spin = QSpinBox(minimum=0, maximum=30, suffix=tr(" ngày, kể cả hôm nay"))
        self.duplicate_spin.setSpecialValueText(tr("không hỏi"))
        self.duplicate_spin.setToolTip(
            tr(
                "Khi lưu hồ sơ cùng số định danh và cùng thủ tục với hồ sơ đã nhận trong chừng ấy "
                "ngày, quầy hỏi lại trước khi lưu (1: chỉ trong hôm nay)."
            )
        )
        self.language_combo = QComboBox()
        for value, text in LANGUAGE_NAMES:
            self.language_combo.addItem(text, value)
        widgets = (
            self.sessions_edit,
            self.saturday_edit,
            self.slip_combo,
            self.printer_combo,
            self.due_soon_spin,
            self.place_edit,
            self.duplicate_spin,
            self.language_combo,
        )
        self.fields: dict[str, QWidget] = dict(zip(FIELD_NAMES, widgets, strict=True))

    def _build(self) -> None:
        form = QFormLayout()
        labels = (
            tr("Buổi làm việc (thứ Hai – thứ Sáu):"),
            tr("Buổi làm việc thứ Bảy:"),
            tr("Khổ Giấy tiếp nhận (Mẫu 01):"),
            tr("Máy in mặc định:"),
            tr("Báo “sắp đến hạn” trước:"),
            tr("Địa danh ghi trên phiếu:"),
            tr("Hỏi hồ sơ có thể trùng trong:"),
            tr("Ngôn ngữ màn hình (khi mở lại chương trình):"),
        )
        for label, name in zip(labels, FIELD_NAMES, strict=True):
            form.addRow(label, with_message(self.fields[name], self.messages[name]))
        hint = QLabel(
            tr(
                "Giờ làm việc dùng để tính ngày hẹn trả cho hồ sơ nhận từ nay; hồ sơ đã nhận "
                "giữ ngày hẹn đã in. Dạng: 07:00-11:30,13:30-17:00."
            )
        )
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def load(self) -> None:
        self.save_button.setEnabled(False)
        self._runner.run_db(self._settings.current, self.show_values, self._on_error, owner=self)

    def show_values(self, values: CounterSettings) -> None:
        self.sessions_edit.setText(values.sessions)
        self.saturday_edit.setText(values.saturday)
        self.slip_combo.setCurrentIndex(max(self.slip_combo.findData(values.slip_size), 0))
        if values.printer and self.printer_combo.findData(values.printer) < 0:
            self.printer_combo.addItem(
                tr("{printer} (không thấy trên máy này)").format(printer=values.printer),
                values.printer,
            )
        self.printer_combo.setCurrentIndex(max(self.printer_combo.findData(values.printer), 0))
        days = values.due_soon_days
        self.due_soon_spin.setValue(int(days) if days.isdigit() else 1)
        self.place_edit.setText(values.place_name)
        duplicate = values.duplicate_days
        self.duplicate_spin.setValue(int(duplicate) if duplicate.isdigit() else 1)
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(values.language), 0))
        self.save_button.setEnabled(True)
        self.sessions_edit.setFocus()

    def values(self) -> CounterSettings:
        from counter_app.services.counter_settings import CounterSettings

        return CounterSettings(
            sessions=self.sessions_edit.text(),
            saturday=self.saturday_edit.text(),
            slip_size=str(self.slip_combo.currentData()),
            printer=str(self.printer_combo.currentData() or ""),
            due_soon_days=str(self.due_soon_spin.value()),
            place_name=self.place_edit.text(),
            duplicate_days=str(self.duplicate_spin.value()),
            language=str(self.language_combo.currentData()),
        )

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        for message in self.messages.values():
            message.clear_issue()
        values, settings, by = self.values(), self._settings, self._username
        self.save_button.setEnabled(False)
        self.message.show_message("info", tr("Đang lưu…"))
        self._runner.run_db(
            lambda: settings.save(values, by=by), self._on_saved, self._on_error, owner=self
        )

    def _on_saved(self, changed: list[str]) -> None:
        self.save_button.setEnabled(True)
        remember_printer(str(self.printer_combo.currentData() or ""))
        text = tr("Đã lưu cài đặt.") if changed else tr("Không có gì thay đổi.")
        self.message.show_message("success", text)

    def _on_error(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        problems: dict[str, Marked] = getattr(error, "problems", {})
        if not problems and isinstance(error, UserError) and error.field in self.messages:
            problems = {error.field: Marked(error.template, error.params)}
        for name, problem in problems.items():  # each in the clerk's language (decision 0034)
            self.messages[name].show_issue(message_text(problem.template, problem.params), True)
        if problems:
            self.message.show_message("error", tr("Chưa lưu: hãy sửa các ô báo đỏ."))
            self.fields[next(iter(problems))].setFocus()
            self.adjustSize()  # the wrapped messages need their height
        else:
            self.message.show_message("error", error_text(error))
