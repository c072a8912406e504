"""First-run wizard: the unit of this counter, its name and slot, the first administrator."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
    QWizard,
    QWizardPage,
)

from counter_app.ui.i18n import tr
from counter_app.ui.qt_compat import emit
from counter_app.ui.tasks import TaskRunner
from counter_app.ui.widgets import MessageBar, error_text
from counter_app.ui.window_fit import fit_window

if TYPE_CHECKING:
    from counter_app.services.setup import CounterIdentity, UnitChoice


class CounterSetup(Protocol):
    """What the wizard asks of the SetupService."""

    def units(self) -> list[UnitChoice]: ...

    def first_run(
        self,
        unit_code: str,
        counter_name: str,
        slot: int,
        admin_username: str,
        admin_full_name: str,
        password: str,
    ) -> CounterIdentity: ...


class UnitPage(QWizardPage):
    """Pick the one-stop unit from the catalogue (loaded in the background)."""

    def __init__(self, setup_service: CounterSetup, runner: TaskRunner) -> None:
        super().__init__()
        self.setTitle(tr("Đơn vị"))
        self.setSubTitle(
            tr("Chọn Bộ phận Một cửa / Trung tâm Phục vụ hành chính công của quầy này.")
        )
        self.unit_combo = QComboBox()
        self.unit_combo.setEnabled(False)
        self.unit_combo.addItem(tr("Đang tải danh mục đơn vị…"), None)
        self.message = MessageBar()
        form = QFormLayout(self)
        form.addRow(tr("Đơn vị:"), self.unit_combo)
        form.addRow(self.message)
        self.loaded = False
        runner.run_db(setup_service.units, self._on_units, self._on_error, owner=self)

    def _on_units(self, units: list[UnitChoice]) -> None:
        self.unit_combo.clear()
        for unit in units:
            self.unit_combo.addItem(f"{unit.name} ({unit.code})", unit.code)
        self.unit_combo.setEnabled(True)
        self.loaded = bool(units)
        if not units:
            self.message.show_message("error", tr("Danh mục không có đơn vị nào."))
        emit(self.completeChanged)

    def _on_error(self, error: BaseException) -> None:
        self.message.show_message("error", error_text(error))

    def isComplete(self) -> bool:  # Qt override
        return self.loaded

    def unit_code(self) -> str:
        return str(self.unit_combo.currentData() or "")


class CounterPage(QWizardPage):
    """Name the counter and give it a numbering slot (unique within the unit)."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(tr("Quầy"))
        self.setSubTitle(
            tr(
                "Mỗi máy trong cùng đơn vị cần một số thứ tự khác nhau (0–9) "
                "để mã hồ sơ không trùng."
            )
        )
        self.name_edit = QLineEdit(tr("Quầy 1"))
        self.slot_spin = QSpinBox()
        self.slot_spin.setRange(0, 9)
        self.slot_spin.setValue(1)
        form = QFormLayout(self)
        form.addRow(tr("Tên quầy:"), self.name_edit)
        form.addRow(tr("Số thứ tự máy:"), self.slot_spin)
        self.name_edit.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:  # Qt override
        return bool(self.name_edit.text().strip())


class AdminPage(QWizardPage):
    """The first administrator; pressing Finish stores everything in one transaction."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(tr("Quản trị viên đầu tiên"))
        self.setSubTitle(
            tr(
                "Tài khoản quản trị (vai trò Cán bộ CNTT): đăng ký máy với máy chủ, "
                "cài đặt quầy và tạo tài khoản cho Trưởng bộ phận, nhân viên tiếp nhận "
                "(menu Tài khoản › Quản lý tài khoản, Ctrl+Shift+U)."
            )
        )
        self.username_edit = QLineEdit()
        self.full_name_edit = QLineEdit()
        self.password_edit = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.message = MessageBar()
        form = QFormLayout(self)
        form.addRow(tr("Tên đăng nhập:"), self.username_edit)
        form.addRow(tr("Họ và tên:"), self.full_name_edit)
        form.addRow(tr("Mật khẩu (ít nhất 8 ký tự):"), self.password_edit)
        form.addRow(tr("Nhập lại mật khẩu:"), self.repeat_edit)
        form.addRow(self.message)
        for edit in (self.username_edit, self.full_name_edit, self.password_edit, self.repeat_edit):
            edit.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:  # Qt override
        return all(
            e.text().strip()
            for e in (self.username_edit, self.full_name_edit, self.password_edit, self.repeat_edit)
        )

    def validatePage(self) -> bool:  # Qt override
        wizard = self.wizard()
        if self.password_edit.text() != self.repeat_edit.text():
            self.message.show_message("error", tr("Hai lần nhập mật khẩu không giống nhau."))
            self.repeat_edit.setFocus()
            return False
        return isinstance(wizard, SetupWizard) and wizard.submit()


class SetupWizard(QWizard):
    """Runs `setup.first_run` when the clerk presses Finish; closes once it has succeeded.

    Signals:
        set_up(object): the CounterIdentity of the new counter.
    """

    set_up = Signal(object)

    def __init__(
        self, setup_service: CounterSetup, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Thiết lập quầy lần đầu"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setButtonText(QWizard.WizardButton.NextButton, tr("Tiếp >"))
        self.setButtonText(QWizard.WizardButton.BackButton, tr("< Quay lại"))
        self.setButtonText(QWizard.WizardButton.FinishButton, tr("Hoàn tất"))
        self.setButtonText(QWizard.WizardButton.CancelButton, tr("Hủy"))
        self._setup, self._runner = setup_service, runner
        self.unit_page, self.counter_page, self.admin_page = (
            UnitPage(setup_service, runner),
            CounterPage(),
            AdminPage(),
        )
        for page in (self.unit_page, self.counter_page, self.admin_page):
            self.addPage(page)
        self.identity: CounterIdentity | None = None
        self._submitting = False
        fit_window(self, "setup_wizard", 640, 420)

    def submit(self) -> bool:
        """Start the set-up in the background; the wizard accepts itself when it is done."""
        if self.identity is not None:
            return True
        if self._submitting:
            return False
        self._submitting = True
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        a, c = self.admin_page, self.counter_page
        args = (
            self.unit_page.unit_code(),
            c.name_edit.text().strip(),
            c.slot_spin.value(),
            a.username_edit.text().strip(),
            a.full_name_edit.text().strip(),
            a.password_edit.text(),
        )
        self._runner.run_db(
            lambda: self._setup.first_run(*args), self._on_done, self._on_error, owner=self
        )
        self.admin_page.message.show_message("info", tr("Đang lưu thiết lập…"))
        return False

    def _on_done(self, identity: CounterIdentity) -> None:
        self.identity = identity
        self._submitting = False
        emit(self.set_up, identity)
        self.accept()

    def _on_error(self, error: BaseException) -> None:
        self._submitting = False
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        self.admin_page.message.show_message("error", error_text(error))
