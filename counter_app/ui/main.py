"""Start the counter's window: fonts, first-run wizard, sign-in, then the main window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QDialog

from counter_app.ui.fonts import load_fonts
from counter_app.ui.login import LoginDialog
from counter_app.ui.main_window import MainWindow
from counter_app.ui.setup_wizard import SetupWizard
from counter_app.ui.tasks import TaskRunner

EXIT_CANCELLED = 1


def create_application() -> QApplication:
    """The QApplication (reused if one exists, as under pytest-qt) with the bundled fonts."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("counter_app")
    app.setApplicationDisplayName("Quầy Một cửa")
    app.setStyle("Fusion")  # the same look on every Windows version and under Xvfb
    load_fonts(app)
    return app


def sign_in_flow(services, runner: TaskRunner):
    """Set up the counter if needed, then sign in. Returns (user, identity) or None if cancelled."""
    if not services.setup.is_set_up():
        wizard = SetupWizard(services.setup, runner)
        if wizard.exec() != QDialog.DialogCode.Accepted:
            return None
    identity = services.setup.identity()
    login = LoginDialog(services.accounts, runner,
                        f"{identity.counter_name} · {identity.unit_name}")
    if login.exec() != QDialog.DialogCode.Accepted:
        return None
    return login.user, identity


def run_application(services) -> int:
    """Run the GUI until the main window closes; the exit code of the event loop."""
    app = create_application()
    runner = TaskRunner()
    try:
        signed_in = sign_in_flow(services, runner)
        if signed_in is None:
            return EXIT_CANCELLED
        window = MainWindow(services, runner, *signed_in)
        window.show()
        return app.exec()
    finally:
        runner.shutdown()
