"""First-run wizard and sign-in, driven through the keyboard and buttons as a clerk would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWizard

from counter_app.services.accounts import WRONG_CREDENTIALS
from counter_app.ui.login import LoginDialog
from counter_app.ui.setup_wizard import SetupWizard
from counter_devkit.stores import TEST_PASSWORD
from tests.counter_app.ui.helpers import CLERK, type_text, wait_idle

NEW_PASSWORD = "Quay2@Thach"


def _open_wizard(qtbot, services, runner) -> SetupWizard:
    wizard = SetupWizard(services.setup, runner)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.unit_page.loaded)
    return wizard


def _fill_to_admin_page(qtbot, wizard: SetupWizard, unit_index: int = 1) -> None:
    wizard.unit_page.unit_combo.setCurrentIndex(unit_index)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    name = wizard.counter_page.name_edit
    name.selectAll()
    type_text(name, "Quầy tiếp nhận số 2")
    spin = wizard.counter_page.slot_spin
    spin.lineEdit().selectAll()
    type_text(spin, "2")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    page = wizard.admin_page
    assert wizard.currentPage() is page
    type_text(page.username_edit, "ThuHa")
    type_text(page.full_name_edit, "Lê Thị Thu Hà")
    type_text(page.password_edit, NEW_PASSWORD)


def test_wizard_completes_and_creates_the_administrator(qtbot, blank_services, blank_runner):
    wizard = _open_wizard(qtbot, blank_services, blank_runner)
    chosen_unit = wizard.unit_page.unit_combo.itemData(1)
    _fill_to_admin_page(qtbot, wizard)
    type_text(wizard.admin_page.repeat_edit, NEW_PASSWORD)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: wizard.result() == QDialog.DialogCode.Accepted)
    identity = blank_services.setup.identity()
    assert (identity.unit_code, identity.counter_name, identity.slot) == (
        chosen_unit,
        "Quầy tiếp nhận số 2",
        2,
    )
    admin = blank_services.accounts.sign_in("thuha", NEW_PASSWORD)
    assert (admin.full_name, admin.role) == ("Lê Thị Thu Hà", "it")


def test_wizard_refuses_two_different_passwords(qtbot, blank_services, blank_runner):
    wizard = _open_wizard(qtbot, blank_services, blank_runner)
    _fill_to_admin_page(qtbot, wizard)
    type_text(wizard.admin_page.repeat_edit, NEW_PASSWORD + "x")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)

    wait_idle(qtbot, blank_runner)
    assert wizard.admin_page.message.text() == "Hai lần nhập mật khẩu không giống nhau."
    assert wizard.isVisible()
    assert not blank_services.setup.is_set_up()


def test_wizard_shows_the_service_refusal_of_a_short_password(qtbot, blank_services, blank_runner):
    wizard = _open_wizard(qtbot, blank_services, blank_runner)
    _fill_to_admin_page(qtbot, wizard)
    page = wizard.admin_page
    for edit in (page.password_edit, page.repeat_edit):
        edit.clear()
        type_text(edit, "ngan")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: page.message.kind == "error")
    assert "ít nhất 8 ký tự" in page.message.text()
    assert not blank_services.setup.is_set_up()
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def _login(qtbot, services, runner) -> LoginDialog:
    dialog = LoginDialog(services.accounts, runner, "Quầy số 1")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _submit(qtbot, dialog: LoginDialog, username: str, password: str) -> None:
    dialog.username_edit.clear()
    dialog.password_edit.clear()
    type_text(dialog.username_edit, username)
    type_text(dialog.password_edit, password)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.kind != "info" or dialog.user is not None)


def test_login_with_the_right_password_signs_the_clerk_in(qtbot, services, runner):
    dialog = _login(qtbot, services, runner)
    _submit(qtbot, dialog, CLERK, TEST_PASSWORD)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    assert dialog.user.username == CLERK
    assert dialog.user.full_name == "Nguyễn Thị Hồng Nhung"


def test_login_with_a_wrong_password_says_so_in_vietnamese(qtbot, services, runner):
    dialog = _login(qtbot, services, runner)
    _submit(qtbot, dialog, CLERK, "sai-mat-khau")
    assert dialog.message.text() == WRONG_CREDENTIALS
    assert dialog.user is None
    assert dialog.password_edit.text() == ""
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_login_locks_the_account_after_repeated_failures(qtbot, services, runner):
    dialog = _login(qtbot, services, runner)
    for _ in range(5):
        _submit(qtbot, dialog, CLERK, "sai-mat-khau")
    assert "khóa" in dialog.message.text()
    _submit(qtbot, dialog, CLERK, TEST_PASSWORD)  # even the right password is refused now
    assert dialog.user is None
    assert "bị khóa" in dialog.message.text()
