"""Start-up: bundled fonts, the first-run wizard then the sign-in, and the fast start of a set-up
counter (log-in first, the store opening behind it)."""

from __future__ import annotations

import threading

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWizard

from counter_app.ui.login import LoginDialog
from counter_app.ui.main import create_application, sign_in_flow
from counter_app.ui.setup_wizard import SetupWizard
from counter_devkit.stores import TEST_PASSWORD
from tests.counter_app.ui.helpers import CLERK, type_text

PASSWORD = "Quay1@HaTinh"


def test_the_bundled_font_is_the_application_font(qapp):
    app = create_application()
    assert app is qapp
    assert app.font().family() == "Noto Sans"
    assert "Noto Sans" in QFontDatabase.families()


def test_first_start_runs_the_wizard_then_signs_the_new_administrator_in(
    qtbot, blank_services, blank_runner
):
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
    assert (user.username, user.role) == ("admin", "it")  # the first account is IT (0032)
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


def test_a_set_up_counter_shows_the_login_while_the_store_opens_behind_it(qtbot, data_dir):
    """The clerk can type and press Enter before the store is open: the sign-in waits for it on
    the store lane, then the main window opens with its sync."""
    from counter_app.app import build_context
    from counter_app.ui.main import FastStart

    steps: list[str] = []
    store_may_open = threading.Event()

    def open_context():
        store_may_open.wait(30)  # a large store still migrating
        steps.append("store open")
        return build_context(str(data_dir))

    start = FastStart(open_context, "Quầy số 1 · Hà Tĩnh")
    window = None
    try:
        login = start.show_login()
        assert login.isVisible() and start.holder.context is None

        def clerk_signs_in() -> None:
            type_text(login.username_edit, CLERK)
            type_text(login.password_edit, TEST_PASSWORD)
            login.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
            steps.append("sign-in asked")
            store_may_open.set()

        QTimer.singleShot(0, clerk_signs_in)
        window = start.sign_in()
        assert steps == ["sign-in asked", "store open"]
        assert window is not None and window.isVisible()
        assert window.user.username == CLERK
        # The sync line and button come once the list's first page is in (the sync service
        # loads after the first screen).
        qtbot.waitUntil(lambda: window.sync_controller is not None, timeout=10_000)
        qtbot.waitUntil(lambda: window.sync_controller.status is not None, timeout=10_000)
        assert "chưa đăng ký" in window.sync_label.text().lower()
    finally:
        store_may_open.set()
        if window is not None:
            if window.sync_controller is not None:
                window.sync_controller.stop()
            window.close()
        start.close()


def test_a_damaged_store_at_start_names_the_newest_backup_and_the_restore_command(qtbot, data_dir):
    """The store failed its start-up check: the log-in window says so and how to restore."""
    from counter_app.app import build_context
    from counter_app.services.backups import create_backup
    from counter_app.ui.main import FastStart
    from counter_devkit.intake import overwrite_table_pages

    backup = create_backup(data_dir)
    overwrite_table_pages(data_dir / "counter.sqlite3", ("dossiers", "applicants"))
    start = FastStart(lambda: build_context(str(data_dir)), "Quầy số 1 · Hà Tĩnh")
    try:
        login = start.show_login()
        shown: list[str] = []

        def clerk_signs_in() -> None:
            type_text(login.username_edit, CLERK)
            type_text(login.password_edit, TEST_PASSWORD)
            login.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

        def read_and_close() -> None:
            if login.message.kind != "error":
                QTimer.singleShot(20, read_and_close)
                return
            shown.append(login.message.text())
            login.reject()

        QTimer.singleShot(0, clerk_signs_in)
        QTimer.singleShot(20, read_and_close)
        assert start.sign_in() is None
        assert "bị hỏng" in shown[0] and backup.name in shown[0]
        assert f'counter-app backup restore "{backup}"' in shown[0]
    finally:
        start.close()


def test_the_password_is_checked_while_the_store_is_still_opening(qtbot, data_dir, monkeypatch):
    """Enter starts the password's check at once (services/passwords.py); the sign-in, its turn
    come once the store is open, uses that answer instead of hashing again."""
    from counter_app.app import window_context
    from counter_app.services import passwords as passwords_module
    from counter_app.services.passwords import EARLY_CHECK_THREAD, PasswordCheck
    from counter_app.ui.main import FastStart

    steps: list[str] = []
    real_verify = passwords_module.verify_password

    def verify(password_hash: str, password: str) -> bool:
        steps.append("password checked")
        return real_verify(password_hash, password)

    monkeypatch.setattr(passwords_module, "verify_password", verify)
    store_may_open = threading.Event()
    passwords = PasswordCheck(data_dir / "counter.sqlite3")

    def open_context():
        store_may_open.wait(30)
        steps.append("store open")
        return window_context(str(data_dir), passwords)

    start = FastStart(open_context, "Quầy số 1 · Hà Tĩnh", passwords=passwords)
    try:
        login = start.show_login()

        def clerk_signs_in() -> None:
            type_text(login.username_edit, CLERK)
            type_text(login.password_edit, TEST_PASSWORD)
            login.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
            for thread in threading.enumerate():
                if thread.name == EARLY_CHECK_THREAD:
                    thread.join()
            store_may_open.set()

        QTimer.singleShot(0, clerk_signs_in)
        window = start.sign_in()
        assert window is not None and window.user.username == CLERK
        assert steps == ["password checked", "store open"]
        window.close()
    finally:
        store_may_open.set()
        start.close()
