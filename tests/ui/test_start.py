"""Start-up: bundled fonts, then the first-run wizard and the sign-in dialog in a row."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWizard

from counter_app.ui.login import LoginDialog
from counter_app.ui.main import create_application, sign_in_flow
from counter_app.ui.setup_wizard import SetupWizard
from tests.ui.helpers import type_text

PASSWORD = "Quay1@HaTinh"


def test_the_bundled_font_is_the_application_font(qapp):
    app = create_application()
    assert app is qapp
    assert app.font().family() == "Noto Sans"
    assert "Noto Sans" in QFontDatabase.families()


def test_first_start_runs_the_wizard_then_signs_the_new_administrator_in(qtbot, blank_services,
                                                                          blank_runner):
    seen: list[str] = []

    def drive_modal() -> None:
        """What the clerk does in whichever dialog is open; runs inside its exec() loop."""
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, SetupWizard) and dialog.unit_page.loaded and "wizard" not in seen:
            seen.append("wizard")
            fill_wizard(dialog)
        elif isinstance(dialog, LoginDialog) and "login" not in seen:
            seen.append("login")
            type_text(dialog.username_edit, "admin")
            type_text(dialog.password_edit, PASSWORD)
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        if "login" not in seen:
            QTimer.singleShot(20, drive_modal)

    QTimer.singleShot(20, drive_modal)
    user, identity = sign_in_flow(blank_services, blank_runner)
    assert seen == ["wizard", "login"]
    assert (user.username, user.role) == ("admin", "supervisor")
    assert identity.counter_name == "Quầy 1"


def fill_wizard(wizard: SetupWizard) -> None:
    wizard.next()
    wizard.next()
    page = wizard.admin_page
    type_text(page.username_edit, "admin")
    type_text(page.full_name_edit, "Phan Thị Thanh Thủy")
    type_text(page.password_edit, PASSWORD)
    type_text(page.repeat_edit, PASSWORD)
    wizard.button(QWizard.WizardButton.FinishButton).click()
