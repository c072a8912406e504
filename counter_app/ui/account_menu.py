"""The main window's “Tài khoản” menu (switch clerk, quit, accounts, settings) and the tabs a
role may not use taken off screen. The services refuse the same actions (domain/roles.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow, QTabWidget, QWidget

from counter_app.domain.roles import Permission, may, role_name
from counter_app.ui.account_forms import ChangePasswordDialog
from counter_app.ui.accounts_dialog import AccountAdmin, AccountsDialog
from counter_app.ui.i18n import tr
from counter_app.ui.login import Accounts
from counter_app.ui.settings_dialog import CounterSettingsDesk, SettingsDialog
from counter_app.ui.tasks import TaskRunner
from counter_app.ui.texts import label_text

if TYPE_CHECKING:
    from counter_app.services.accounts import SignedInUser


class AccountDesk(AccountAdmin, Accounts, Protocol):
    """The AccountService as the windows use it: sign in and out, administer accounts."""

    def sign_out(self, username: str) -> None: ...
    def change_own_password(self, username: str, old: str, new: str) -> None: ...

    def active_users(self) -> list[SignedInUser]: ...  # the clerk pickers of the tabs


class AccountServices(Protocol):
    @property
    def accounts(self) -> AccountDesk: ...
    @property
    def settings(self) -> CounterSettingsDesk: ...


def hide_tabs_for_role(tabs: QTabWidget, role: str, needs: dict[QWidget, Permission]) -> None:
    """Tabs whose work the role may not do are not shown (their shortcuts do nothing)."""
    for widget, permission in needs.items():
        index = tabs.indexOf(widget)
        if index >= 0 and not may(role, permission):
            tabs.setTabVisible(index, False)
    if not tabs.isTabVisible(tabs.currentIndex()):
        visible = [i for i in range(tabs.count()) if tabs.isTabVisible(i)]
        if visible:
            tabs.setCurrentIndex(visible[0])


class AccountMenu:
    """Builds the menu on `window`; `switch` and `quit` are the window's own requests."""

    def __init__(
        self,
        window: QMainWindow,
        services: AccountServices,
        runner: TaskRunner,
        user: SignedInUser,
    ) -> None:
        self._window, self._services, self._runner, self._user = window, services, runner, user
        self.dialog: QDialog | None = None
        menu = window.menuBar().addMenu(tr("&Tài khoản"))
        menu.setToolTip(f"{user.full_name} — {label_text(role_name(user.role))}")
        self.switch_action = self._add(menu, tr("Đổi cán bộ (đăng xuất)…"), "Ctrl+L")
        self.password_action = self._add(menu, tr("Đổi mật khẩu của tôi…"), "Ctrl+Shift+P")
        self.password_action.triggered.connect(self.change_password)
        self.accounts_action = self._add(menu, tr("Quản lý tài khoản…"), "Ctrl+Shift+U")
        self.accounts_action.setVisible(may(user.role, Permission.UNLOCK))
        self.accounts_action.triggered.connect(self.open_accounts)
        self.settings_action = self._add(menu, tr("Cài đặt của quầy…"), "Ctrl+Shift+C")
        self.settings_action.setVisible(may(user.role, Permission.SETTINGS))
        self.settings_action.triggered.connect(self.open_settings)
        menu.addSeparator()
        self.quit_action = self._add(menu, tr("Đăng xuất và thoát chương trình"), "Ctrl+Q")

    def _add(self, menu: object, text: str, keys: str) -> QAction:
        action = QAction(text, self._window)
        action.setShortcut(QKeySequence(keys))
        action.setToolTip(f"{text} ({keys})")
        menu.addAction(action)  # type: ignore[attr-defined]
        self._window.addAction(action)  # the shortcut works with the menu closed
        return action

    def change_password(self) -> ChangePasswordDialog:
        accounts, username = self._services.accounts, self._user.username
        dialog = ChangePasswordDialog(
            lambda old, new: accounts.change_own_password(username, old, new),
            self._runner,
            self._window,
        )
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_accounts(self) -> AccountsDialog | None:
        if not self.accounts_action.isVisible():
            return None
        dialog = AccountsDialog(self._services.accounts, self._runner, self._user, self._window)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_settings(self) -> SettingsDialog | None:
        if not self.settings_action.isVisible():
            return None
        dialog = SettingsDialog(
            self._services.settings, self._runner, self._user.username, parent=self._window
        )
        self.dialog = dialog
        dialog.open()
        return dialog
