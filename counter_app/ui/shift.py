"""The person at the counter: one main window at a time. “Đổi cán bộ” signs the person out,
closes their window and shows the log-in for the next one, whose work is then recorded under
their own name; the program keeps running (the store and background tasks stay open)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from counter_app.ui.login import LoginDialog
from counter_app.ui.printing import remember_printer
from counter_app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from counter_app.services.accounts import SignedInUser
    from counter_app.services.setup import CounterIdentity
    from counter_app.sync.service import SyncService
    from counter_app.ui.main_window import MainWindow, TabServices


class ShiftContext(Protocol):
    """What the windows run on (ui.main.CounterContext, app.AppContext)."""

    @property
    def services(self) -> TabServices: ...
    @property
    def sync(self) -> SyncService: ...


class Shift(QObject):
    """Owns the main window of whoever is signed in; kept alive by the application."""

    def __init__(
        self, context: ShiftContext, runner: TaskRunner, identity: CounterIdentity
    ) -> None:
        super().__init__(QApplication.instance())
        self._context, self._runner, self._identity = context, runner, identity
        self.window: MainWindow | None = None
        self.login: LoginDialog | None = None
        app = QApplication.instance()
        if app is not None:  # closing the window (or the session) also signs the person out
            app.aboutToQuit.connect(self._close_window)

    def start(self, user: SignedInUser) -> MainWindow:
        """The main window of `user`, shown, its background sync started."""
        from counter_app.ui.main_window import MainWindow

        window = MainWindow(self._context.services, self._runner, user, self._identity)
        window.shift = self
        window.switch_requested.connect(self.switch)
        window.quit_requested.connect(self.quit)
        self.window = window
        window.show()  # the list's first page is asked for on the store lane
        settings, context = self._context.services.settings, self._context
        self._runner.run_db(lambda: settings.current().printer, remember_printer)
        self._runner.run_db(lambda: context.sync, partial(self._start_sync, window), owner=window)
        return window

    def _start_sync(self, window: MainWindow, sync: SyncService | None) -> None:
        """After the first page (the sync service may still be loading then): the status bar's
        sync line and button, and the background runs (none on a context without sync)."""
        if self.window is window and sync is not None:
            window.attach_sync(sync)
            window.start_sync()

    def _close_window(self) -> None:
        """Record the sign-out (on the store lane, so before the next sign-in) and close."""
        window, self.window = self.window, None
        if window is None:
            return
        accounts = self._context.services.accounts
        username = window.user.username
        self._runner.run_db(lambda: accounts.sign_out(username))
        if window.sync_controller is not None:
            window.sync_controller.stop()
        window.leave_guard.agreed = True  # asked before, or the program is ending anyway
        window.close()
        window.deleteLater()

    def switch(self) -> LoginDialog:
        """Back to the log-in window; the program quits only if nobody signs in."""
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.setQuitOnLastWindowClosed(False)  # between the two windows there is only the log-in
        self._close_window()
        identity = self._identity
        login = LoginDialog(
            self._context.services.accounts,
            self._runner,
            f"{identity.counter_name} · {identity.unit_name}",
        )
        self.login = login
        login.accepted.connect(self._signed_in)
        login.rejected.connect(app.quit)
        login.open()
        return login

    def _signed_in(self) -> None:
        login = self.login
        if login is None or login.user is None:
            return
        self.start(login.user)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(True)

    def quit(self) -> None:
        """Sign out and end the program."""
        self._close_window()
        app = QApplication.instance()
        if app is not None:
            app.quit()
