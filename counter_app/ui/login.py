"""The sign-in dialog: username and password, the service's Vietnamese message when refused."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from counter_app.ui.i18n import tr
from counter_app.ui.tasks import TaskRunner
from counter_app.ui.widgets import MessageBar, error_text, ok_cancel_buttons

if TYPE_CHECKING:  # the log-in window shows before the services (and SQLAlchemy) load
    from counter_app.services.accounts import SignedInUser


class Accounts(Protocol):
    """What the dialog asks of the AccountService (at start-up, a stand-in that waits for it)."""

    def prepare_sign_in(self, username: str, password: str) -> None: ...

    def sign_in(self, username: str, password: str) -> SignedInUser: ...

    def change_own_password(self, username: str, old: str, new: str) -> None: ...


class LoginDialog(QDialog):
    """Accepted once `accounts.sign_in` succeeds; `user` is then the SignedInUser."""

    def __init__(
        self,
        accounts: Accounts,
        runner: TaskRunner,
        counter_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Đăng nhập"))
        self._accounts, self._runner = accounts, runner
        self.user: SignedInUser | None = None
        self.new_password: QDialog | None = None  # asked after an administrator's reset
        self.username_edit = QLineEdit()
        self.password_edit = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.message = MessageBar()
        self.buttons = ok_cancel_buttons(self, tr("Đăng nhập"), tr("Thoát"))
        self.buttons.accepted.connect(self.try_sign_in)
        self._build(counter_text)
        self.username_edit.setFocus()

    def _build(self, counter_text: str) -> None:
        layout = QVBoxLayout(self)
        title = QLabel(tr("Phần mềm quầy Một cửa"))
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        layout.addWidget(title)
        if counter_text:
            layout.addWidget(QLabel(counter_text))
        form = QFormLayout()
        form.addRow(tr("Tên đăng nhập:"), self.username_edit)
        form.addRow(tr("Mật khẩu:"), self.password_edit)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def try_sign_in(self) -> None:
        username, password = self.username_edit.text().strip(), self.password_edit.text()
        if not username or not password:
            self.message.show_message("error", tr("Hãy nhập tên đăng nhập và mật khẩu."))
            return
        self.buttons.setEnabled(False)
        self.message.show_message("info", tr("Đang kiểm tra…"))
        self._accounts.prepare_sign_in(username, password)  # may start before the store opens
        self._runner.run_db(
            lambda: self._accounts.sign_in(username, password),
            lambda user: self._on_signed_in(user, password),
            self._on_refused,
            owner=self,
        )

    def _on_signed_in(self, user: SignedInUser, password: str) -> None:
        self.buttons.setEnabled(True)
        if user.must_change_password:
            self._ask_new_password(user, password)
            return
        self.user = user
        self.accept()

    def _ask_new_password(self, user: SignedInUser, password: str) -> None:
        """Nothing else until the person has chosen their own password; giving up signs no
        one in (the log-in stays, the password field empty)."""
        from counter_app.ui.account_forms import ForcedPasswordDialog

        accounts, username = self._accounts, user.username
        dialog = ForcedPasswordDialog(
            lambda new: accounts.change_own_password(username, password, new),
            user.full_name,
            self._runner,
            self,
        )
        self.new_password = dialog
        signed_in = replace(user, must_change_password=False)
        dialog.accepted.connect(lambda: self._on_signed_in(signed_in, ""))
        dialog.rejected.connect(self._on_new_password_refused)
        dialog.open()

    def _on_new_password_refused(self) -> None:
        self.message.show_message(
            "error", tr("Phải chọn mật khẩu mới trước khi làm việc. Hãy đăng nhập lại.")
        )
        self.password_edit.clear()
        self.activateWindow()  # back from the closed question, typing goes here
        self.password_edit.setFocus()

    def _on_refused(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.message.show_message("error", error_text(error))
        self.password_edit.clear()
        self.password_edit.setFocus()
