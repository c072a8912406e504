"""Start the counter's window: fonts, first-run wizard, sign-in, then the main window.

On a set-up counter the log-in window is shown first and the store (SQLAlchemy, migrations) opens
behind it on the store lane, so a clerk sees the window as fast as a bare Qt program would; the
sign-in request simply queues after the opening on the same serial lane.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QApplication, QDialog

from counter_app.ui.fonts import load_fonts
from counter_app.ui.login import LoginDialog
from counter_app.ui.tasks import TaskRunner

EXIT_CANCELLED = 1
BENCH_ENV = "COUNTER_APP_BENCH"  # start-up benchmark hooks (bench/bench_startup.py)


def create_application() -> QApplication:
    """The QApplication (reused if one exists, as under pytest-qt) with the bundled fonts."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("counter_app")
    app.setApplicationDisplayName("Quầy Một cửa")
    app.setStyle("Fusion")  # the same look on every Windows version and under Xvfb
    load_fonts(app)
    return app


class ServicesHolder:
    """The services once the store lane has opened them (or the error that stopped it)."""

    def __init__(self) -> None:
        self.services: Any = None
        self.error: BaseException | None = None

    def open_with(self, open_services: Callable[[], Any]) -> None:
        """Runs on the store lane. Stores the result there, not in a GUI-thread callback, so the
        sign-in task queued right behind it on the same lane always finds it."""
        try:
            self.services = open_services()
        except BaseException as exc:
            self.error = exc
            raise

    def get(self) -> Any:
        if self.error is not None:
            raise self.error
        return self.services


class _LazyAccounts:
    """`accounts` for the log-in dialog before the store is open: runs on the same serial lane."""

    def __init__(self, holder: ServicesHolder) -> None:
        self._holder = holder

    def sign_in(self, username: str, password: str) -> Any:
        return self._holder.get().accounts.sign_in(username, password)


def sign_in_flow(services, runner: TaskRunner):
    """Set up the counter if needed, then sign in. Returns (user, identity) or None if cancelled."""
    from counter_app.ui.setup_wizard import SetupWizard

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


def _open_main_window(services, runner: TaskRunner, user, identity):
    from counter_app.ui.main_window import MainWindow
    from counter_app.ui.sync_status import install_sync

    window = MainWindow(services, runner, user, identity)
    # Background sync (single-flight, backoff, first retry within seconds of the link returning);
    # the status bar shows the honest outbox status.
    window.sync_controller = install_sync(window, services, runner)
    window.show()
    _bench_after_main_window(window)
    return window


def run_application(services) -> int:
    """Run the GUI with already opened services until the main window closes."""
    app = create_application()
    runner = TaskRunner()
    try:
        signed_in = sign_in_flow(services, runner)
        if signed_in is None:
            return EXIT_CANCELLED
        window = _open_main_window(services, runner, *signed_in)  # noqa: F841 - kept alive
        return app.exec()
    finally:
        runner.shutdown()


def run_fast_start(open_services: Callable[[], Any], counter_text: str) -> int:
    """A set-up counter: show the log-in window at once, open the store behind it."""
    app = create_application()
    runner = TaskRunner()
    holder = ServicesHolder()
    runner.run_db(lambda: holder.open_with(open_services), lambda _: None, lambda _: None)
    try:
        login = LoginDialog(_LazyAccounts(holder), runner, counter_text)
        login.show()
        app.processEvents()
        _bench_after_login_shown(login)
        if login.exec() != QDialog.DialogCode.Accepted:
            return EXIT_CANCELLED
        services = holder.get()
        window = _open_main_window(services, runner, login.user,  # noqa: F841 - kept alive
                                   services.setup.identity())
        return app.exec()
    finally:
        runner.shutdown()
        if holder.services is not None:
            holder.services.close()


def _bench_after_login_shown(login: LoginDialog) -> None:
    mode = os.environ.get(BENCH_ENV)
    if mode == "startup":
        print("SHOWN", flush=True)
    elif mode == "open-list":
        login.username_edit.setText(os.environ.get("COUNTER_APP_BENCH_USER", "canbo1"))
        login.password_edit.setText(os.environ.get("COUNTER_APP_BENCH_PASSWORD", "Demo@2026"))
        login.try_sign_in()


def _bench_after_main_window(window) -> None:
    if os.environ.get(BENCH_ENV) != "open-list":
        return
    from PySide6.QtCore import QTimer

    window.show_tab(1)
    model = window.dossiers.model
    timer = QTimer(window)

    def check() -> None:  # polled: a tiny store can answer before any signal is connected
        if not model.loading:
            timer.stop()
            print(f"SHOWN rows={model.rowCount()}", flush=True)
            QApplication.instance().quit()

    timer.timeout.connect(check)
    timer.start(20)
