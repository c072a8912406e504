"""Account administration: the counter's accounts, what the signed-in person may do to each
(create, reset a password, unlock, stop, re-enable), and the audit of every change.

The buttons follow the role table (domain/roles.py); the service checks the same table again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.roles import MANAGEABLE_ROLES, Permission, may, may_manage
from counter_app.ui.account_forms import NewAccountDialog, ResetPasswordDialog
from counter_app.ui.i18n import tr
from counter_app.ui.intake_outcomes import ReasonDialog
from counter_app.ui.keyboard import enter_clicks
from counter_app.ui.tasks import TaskRunner
from counter_app.ui.widgets import MessageBar, error_text, section_title, vn_when
from counter_app.ui.window_fit import fit_window

if TYPE_CHECKING:
    from counter_app.services.accounts import AccountView, SignedInUser
    from counter_app.services.admin_log import AdminEventView


class AccountAdmin(Protocol):
    """What the screen asks of the AccountService (`by` is the signed-in person)."""

    def users(self, *, by: str) -> list[AccountView]: ...
    def history(self, *, by: str, limit: int = 200) -> list[AdminEventView]: ...
    def create_user(
        self, username: str, full_name: str, role: str, password: str, *, by: str
    ) -> None: ...
    def disable(self, username: str, *, by: str, reason: str = "") -> None: ...
    def enable(self, username: str, *, by: str) -> None: ...
    def reset_password(self, username: str, password: str, *, by: str) -> None: ...
    def unlock(self, username: str, *, by: str) -> None: ...


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))


def account_state(account: AccountView) -> str:
    if not account.active:
        return tr("Đã ngừng sử dụng")
    if account.locked_until is not None:
        return tr("Bị khóa đến {vn_when}").format(vn_when=vn_when(account.locked_until))
    if account.must_change_password:
        return tr("Đang sử dụng, chờ người dùng đổi mật khẩu")
    return tr("Đang sử dụng")


class AccountsDialog(QDialog):
    """The accounts and their audit; each action asks the service, then reloads both tables."""

    def __init__(
        self,
        accounts: AccountAdmin,
        runner: TaskRunner,
        user: SignedInUser,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Quản lý tài khoản"))
        self._accounts, self._runner, self.user = accounts, runner, user
        self.rows: list[AccountView] = []
        self.form: QDialog | None = None  # the open sub-form (new account, password, reason)
        self.table = _table([tr("Tên đăng nhập"), tr("Họ và tên"), tr("Vai trò"), tr("Trạng thái")])
        self.history = _table(
            [tr("Lúc"), tr("Người làm"), tr("Việc"), tr("Tài khoản / cài đặt"), tr("Chi tiết")]
        )
        self.message = MessageBar()
        self.buttons = self._make_buttons()
        enter_clicks(self, self.buttons.values())  # Enter presses the focused button
        self._build()
        self.table.itemSelectionChanged.connect(self._update_buttons)
        fit_window(self, "accounts", 900, 600)
        self.refresh()

    def _make_buttons(self) -> dict[str, QPushButton]:
        specs = {
            "create": (tr("Tạo tài khoản… (Ctrl+N)"), "Ctrl+N", self.create_account),
            "reset": (tr("Đặt lại mật khẩu… (Ctrl+R)"), "Ctrl+R", self.reset_password),
            "unlock": (tr("Mở khóa (Ctrl+U)"), "Ctrl+U", self.unlock),
            "disable": (tr("Ngừng sử dụng… (Ctrl+D)"), "Ctrl+D", self.disable),
            "enable": (tr("Cho dùng lại (Ctrl+E)"), "Ctrl+E", self.enable),
            "close": (tr("Đóng (Esc)"), "", self.reject),
        }
        buttons = {}
        for name, (text, keys, slot) in specs.items():
            buttons[name] = QPushButton(text)
            buttons[name].setAutoDefault(False)
            buttons[name].clicked.connect(slot)
            if keys:
                QShortcut(QKeySequence(keys), self, buttons[name].click)
        buttons["create"].setVisible(may(self.user.role, Permission.MANAGE_ACCOUNTS))
        return buttons

    def _build(self) -> None:
        row = QHBoxLayout()
        for name in ("create", "reset", "unlock", "disable", "enable"):
            row.addWidget(self.buttons[name])
        row.addStretch(1)
        row.addWidget(self.buttons["close"])
        layout = QVBoxLayout(self)
        layout.addWidget(section_title(tr("Tài khoản của quầy")))
        layout.addWidget(self.table, 3)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(section_title(tr("Nhật ký thay đổi tài khoản và cài đặt")))
        layout.addWidget(self.history, 2)

    def refresh(self, select: str | None = None) -> None:
        by, accounts = self.user.username, self._accounts

        def load() -> tuple[list[AccountView], list[AdminEventView]]:
            return accounts.users(by=by), accounts.history(by=by)

        self._runner.run_db(
            load, lambda loaded: self._show(*loaded, select=select), self._on_error, owner=self
        )

    def _show(
        self, rows: list[AccountView], events: list[AdminEventView], select: str | None
    ) -> None:
        self.rows = rows
        _fill(
            self.table,
            [[a.username, a.full_name, a.role_name, account_state(a)] for a in rows],
        )
        _fill(
            self.history,
            [
                [vn_when(e.at), e.actor_name, e.action_name, e.subject_name, e.detail]
                for e in events
            ],
        )
        names = [a.username for a in rows]
        self.table.selectRow(names.index(select) if select in names else 0)
        self._update_buttons()

    def selected(self) -> AccountView | None:
        index = self.table.currentRow()
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def _update_buttons(self) -> None:
        account, role = self.selected(), self.user.role
        manages = account is not None and may_manage(role, account.role)
        self_row = account is not None and account.username == self.user.username
        self.buttons["reset"].setEnabled(manages)
        unlockable = account is not None and account.locked_until is not None
        self.buttons["unlock"].setEnabled(manages and unlockable)
        active = account is not None and account.active
        self.buttons["disable"].setEnabled(manages and not self_row and active)
        self.buttons["enable"].setEnabled(manages and account is not None and not active)

    def create_account(self) -> None:
        if not self.buttons["create"].isVisible():
            return
        accounts, by = self._accounts, self.user.username
        roles = sorted(MANAGEABLE_ROLES.get(self.user.role, frozenset()))
        dialog = NewAccountDialog(
            lambda u, n, r, p: accounts.create_user(u, n, r, p, by=by), roles, self._runner, self
        )
        self.form = dialog
        dialog.accepted.connect(
            lambda: self._done(
                tr("Đã tạo tài khoản “{username}”.").format(
                    username=dialog.username_edit.text().strip()
                )
            )
        )
        dialog.open()

    def reset_password(self) -> None:
        account = self.selected()
        if account is None or not self.buttons["reset"].isEnabled():
            return
        accounts, by, name = self._accounts, self.user.username, account.username
        dialog = ResetPasswordDialog(
            lambda p: accounts.reset_password(name, p, by=by),
            f"{account.full_name} ({name})",
            self._runner,
            self,
        )
        self.form = dialog
        dialog.accepted.connect(
            lambda: self._done(tr("Đã đặt lại mật khẩu của “{name}”.").format(name=name))
        )
        dialog.open()

    def unlock(self) -> None:
        account = self.selected()
        if account is not None and self.buttons["unlock"].isEnabled():
            name, by = account.username, self.user.username
            self._act(
                lambda: self._accounts.unlock(name, by=by),
                tr("Đã mở khóa “{name}”.").format(name=name),
                name,
            )

    def disable(self) -> None:
        account = self.selected()
        if account is None or not self.buttons["disable"].isEnabled():
            return
        dialog = ReasonDialog(
            tr("Ngừng sử dụng tài khoản"),
            tr(
                "{full_name} ({username}) sẽ không đăng nhập được nữa; tên vẫn giữ "
                "trong lịch sử hồ sơ. Lý do:"
            ).format(full_name=account.full_name, username=account.username),
            tr("Ngừng sử dụng"),
            self,
        )
        self.form = dialog
        name, by = account.username, self.user.username

        def stop() -> None:
            reason = dialog.reason or ""
            self._act(
                lambda: self._accounts.disable(name, by=by, reason=reason),
                tr("Đã ngừng tài khoản “{name}”.").format(name=name),
                name,
            )

        dialog.accepted.connect(stop)
        dialog.open()

    def enable(self) -> None:
        account = self.selected()
        if account is not None and self.buttons["enable"].isEnabled():
            name, by = account.username, self.user.username
            self._act(
                lambda: self._accounts.enable(name, by=by),
                tr("“{name}” dùng lại được.").format(name=name),
                name,
            )

    def _act(self, call: Callable[[], object], done: str, select: str) -> None:
        on_ok: Callable[[object], None] = lambda _result: self._done(done, select)  # noqa: E731
        self._runner.run_db(call, on_ok, self._on_error, owner=self)

    def _done(self, text: str, select: str | None = None) -> None:
        self.message.show_message("success", text)
        self.refresh(select)

    def _on_error(self, error: BaseException) -> None:
        self.message.show_message("error", error_text(error))
