"""Start the counter's window: fonts, first-run wizard, sign-in, then the main window.

On a set-up counter the log-in window is shown first and the store (SQLAlchemy, migrations) opens
behind it on the store lane, so a clerk sees the window as fast as a bare Qt program would; the
sign-in request simply queues after the opening on the same serial lane.

Everything runs on a context built by `counter_app/app.py` (the composition root): its services
and its sync service. Nothing here builds a service.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QApplication, QDialog

from counter_app.ui.fonts import load_fonts
from counter_app.ui.i18n import DEFAULT_LANGUAGE, install_language, tr
from counter_app.ui.login import LoginDialog
from counter_app.ui.opening import Opening
from counter_app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    # For the type checker only: at run time these load after the log-in window is shown.
    from counter_app.services.accounts import SignedInUser
    from counter_app.services.setup import CounterIdentity
    from counter_app.sync.service import SyncService
    from counter_app.ui.main_window import MainWindow, TabServices
    from counter_app.ui.setup_wizard import CounterSetup

    class CounterStart(CounterSetup, Protocol):
        """What start-up asks of the SetupService."""

        def is_set_up(self) -> bool: ...

        def identity(self) -> CounterIdentity: ...

    class CounterServices(TabServices, Protocol):
        """The services the windows use (services.wiring.Services is the program's)."""

        @property
        def setup(self) -> CounterStart: ...


EXIT_CANCELLED = 1


class CounterContext(Protocol):
    """What the window runs on (app.AppContext is the program's)."""

    @property
    def services(self) -> CounterServices: ...
    @property
    def sync(self) -> SyncService: ...

    def when_damaged(self, listener: Callable[[Exception], None]) -> None: ...

    def first_screen_shown(self) -> None: ...

    def close(self) -> None: ...


def create_application(language: str = DEFAULT_LANGUAGE) -> QApplication:
    """The QApplication (reused if one exists, as under pytest-qt) with the bundled fonts and
    `language`'s translators."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    install_language(app, language)
    app.setApplicationName("counter_app")
    app.setApplicationDisplayName(tr("Quầy Một cửa"))
    app.setStyle("Fusion")  # the same look on every Windows version and under Xvfb
    load_fonts(app)
    return app


class EarlyPasswordCheck(Protocol):
    """services.passwords.PasswordCheck: starts a sign-in's password check before the store
    has opened (docs/decisions/0036-early-password-check.md)."""

    def start(self, username: str, password: str) -> None: ...


class _LazyAccounts:
    """`accounts` for the log-in dialog before the store is open: runs on the same serial lane;
    the password's check starts at once on a thread of its own (`passwords`)."""

    def __init__(
        self, holder: Opening[CounterContext], passwords: EarlyPasswordCheck | None
    ) -> None:
        self._holder, self._passwords = holder, passwords

    def prepare_sign_in(self, username: str, password: str) -> None:
        if self._passwords is not None:
            self._passwords.start(username, password)

    def sign_in(self, username: str, password: str) -> SignedInUser:
        return self._holder.get().services.accounts.sign_in(username, password)

    def change_own_password(self, username: str, old: str, new: str) -> None:
        self._holder.get().services.accounts.change_own_password(username, old, new)


def sign_in_flow(
    services: CounterServices, runner: TaskRunner
) -> tuple[SignedInUser, CounterIdentity] | None:
    """Set up the counter if needed, then sign in. Returns (user, identity) or None if cancelled."""
    from counter_app.ui.setup_wizard import SetupWizard

    if not services.setup.is_set_up():
        wizard = SetupWizard(services.setup, runner)
        if wizard.exec() != QDialog.DialogCode.Accepted:
            return None
    identity = services.setup.identity()
    login = LoginDialog(
        services.accounts, runner, f"{identity.counter_name} · {identity.unit_name}"
    )
    if login.exec() != QDialog.DialogCode.Accepted or login.user is None:
        return None
    return login.user, identity


def open_main_window(
    context: CounterContext, runner: TaskRunner, user: SignedInUser, identity: CounterIdentity
) -> MainWindow:
    """The main window on the context's services and sync, shown, its background sync started;
    its menu switches to the next clerk without quitting (ui/shift.py). A damage the store's
    start-up check finds later is shown over it (ui/store_alarm.py)."""
    from counter_app.ui.shift import Shift
    from counter_app.ui.store_alarm import StoreAlarm

    window = Shift(context, runner, identity).start(user)
    StoreAlarm(context.when_damaged)  # kept by the application
    return window  # the Shift also handles "Đổi cán bộ"


def load_window_modules() -> None:
    """Load the main window's modules (the dossier list's) on a thread of their own while the
    person signs in: after signing in, the window then only builds its widgets."""
    import counter_app.ui.main_window
    import counter_app.ui.shift
    import counter_app.ui.store_alarm  # noqa: F401 - these are loaded for later, not used here


def load_later_modules() -> None:
    """The other tabs' and windows' modules, loaded once the first screen is shown: a tab opened
    later only builds its widgets (ui/lazy_page.py)."""
    import counter_app.ui.dossier_detail
    import counter_app.ui.fees_view
    import counter_app.ui.intake_view
    import counter_app.ui.late_view
    import counter_app.ui.online_help_view
    import counter_app.ui.report_view
    import counter_app.ui.return_view
    import counter_app.ui.sync_window
    import counter_app.ui.visits_view  # noqa: F401 - loaded for later, not used here


def run_application(context: CounterContext, language: str = DEFAULT_LANGUAGE) -> int:
    """Run the GUI on an already opened context until the main window closes."""
    app = create_application(language)
    runner = TaskRunner()
    try:
        signed_in = sign_in_flow(context.services, runner)
        if signed_in is None:
            return EXIT_CANCELLED
        window = open_main_window(context, runner, *signed_in)  # noqa: F841 - kept alive
        return app.exec()
    finally:
        runner.shutdown()


class FastStart:
    """The steps of a fast start, in order: `show_login`, `sign_in`, then the application's
    event loop; `close` at the end whatever happened. `run_fast_start` is the program's use."""

    def __init__(
        self,
        opening: Opening[CounterContext] | Callable[[], CounterContext],
        counter_text: str,
        language: str = DEFAULT_LANGUAGE,
        passwords: EarlyPasswordCheck | None = None,
    ) -> None:
        """`opening`: started by the caller once Qt was imported (app.run_gui), or what opens
        the context, started here; `passwords`: the one the opened AccountService verifies with."""
        self.holder = opening if isinstance(opening, Opening) else Opening(opening)
        self.app = create_application(language)
        self.runner = TaskRunner()
        self.runner.run_db(self.holder.wait, lambda _: None, lambda _: None)  # sign-in queues
        self.login = LoginDialog(_LazyAccounts(self.holder, passwords), self.runner, counter_text)
        self.window: MainWindow | None = None

    def show_login(self) -> LoginDialog:
        """The log-in window on screen (painted) while the store is still opening."""
        self.login.show()
        self.app.processEvents()
        return self.login

    def sign_in(self) -> MainWindow | None:
        """Wait for the clerk to sign in, then open the main window; None if they gave up."""
        login = self.login
        if login.exec() != QDialog.DialogCode.Accepted or login.user is None:
            return None
        context = self.holder.get()
        self.window = open_main_window(
            context, self.runner, login.user, context.services.setup.identity()
        )
        self.runner.run_db(context.first_screen_shown, lambda _: None)  # after the list's page
        self.holder.started()
        return self.window

    def close(self) -> None:
        """Finish the background work, then close the store (if it ever opened)."""
        self.holder.started()
        self.runner.shutdown()
        if self.holder.context is not None:
            self.holder.context.close()


def run_fast_start(
    opening: Opening[CounterContext] | Callable[[], CounterContext],
    counter_text: str,
    language: str = DEFAULT_LANGUAGE,
    passwords: EarlyPasswordCheck | None = None,
) -> int:
    """A set-up counter: show the log-in window at once, open the store behind it."""
    start = FastStart(opening, counter_text, language, passwords)
    try:
        start.show_login()
        if start.sign_in() is None:
            return EXIT_CANCELLED
        return start.app.exec()
    finally:
        start.close()
