"""The small forms of account administration: a new account, a new password. Each calls the
service off the GUI thread and shows a refusal under the field it concerns."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.roles import role_name
from counter_app.ui.i18n import tr
from counter_app.ui.tasks import TaskRunner
from counter_app.ui.texts import label_text
from counter_app.ui.widgets import FieldMessage, MessageBar, error_text, with_message
from counter_protocol.errors import UserError

MIN_PASSWORD_LENGTH = 8  # services.accounts.MIN_PASSWORD_LENGTH; the service checks it again


class AccountForm(QDialog):
    """A form whose OK runs one service call; fields named as the service names them."""

    def __init__(self, title: str, confirm: str, runner: TaskRunner, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self._runner = runner
        self.form = QFormLayout()
        self.messages: dict[str, FieldMessage] = {}
        self.fields: dict[str, QWidget] = {}
        self.message = MessageBar()
        self.ok_button = QPushButton(f"{confirm} (Ctrl+Enter)")
        self.ok_button.setDefault(True)
        self.cancel_button = QPushButton(tr("Hủy (Esc)"))
        self.ok_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.submit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.setMinimumWidth(480)

    def add_field(self, name: str, label: str, widget: QWidget) -> None:
        self.messages[name] = FieldMessage()
        self.fields[name] = widget
        self.form.addRow(label, with_message(widget, self.messages[name]))

    def show_issue(self, name: str, text: str) -> None:
        """The message under field `name` (or in the message bar) and the cursor there."""
        if name in self.messages:
            self.messages[name].show_issue(text, True)
            self.fields[name].setFocus()
        else:
            self.message.show_message("error", text)

    def clear_issues(self) -> None:
        for message in self.messages.values():
            message.clear_issue()
        self.message.clear_message()

    def check(self) -> bool:
        """The form's own checks before asking the service; True when it may be sent."""
        return True

    def call(self) -> Callable[[], object]:
        raise NotImplementedError

    def submit(self) -> None:
        self.clear_issues()
        if not self.ok_button.isEnabled() or not self.check():
            return
        self.ok_button.setEnabled(False)
        self.message.show_message("info", tr("Đang lưu…"))
        self._runner.run_db(self.call(), self._on_done, self._on_refused, owner=self)

    def _on_done(self, _result: object) -> None:
        self.ok_button.setEnabled(True)
        self.accept()

    def _on_refused(self, error: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.message.clear_message()
        field = error.field if isinstance(error, UserError) else None
        self.show_issue(field or "", error_text(error))


def password_edit() -> QLineEdit:
    return QLineEdit(echoMode=QLineEdit.EchoMode.Password)


class PasswordFields:
    """A new password typed twice; the form's check says when they differ or are too short."""

    def __init__(self, form: AccountForm) -> None:
        self.form = form
        self.password_edit, self.repeat_edit = password_edit(), password_edit()
        form.add_field("password", tr("Mật khẩu mới:"), self.password_edit)
        form.add_field("repeat", tr("Nhập lại mật khẩu:"), self.repeat_edit)

    def check(self) -> bool:
        password = self.password_edit.text()
        if len(password) < MIN_PASSWORD_LENGTH:
            self.form.show_issue(
                "password",
                tr("Mật khẩu phải có ít nhất {MIN_PASSWORD_LENGTH} ký tự.").format(
                    MIN_PASSWORD_LENGTH=MIN_PASSWORD_LENGTH
                ),
            )
            return False
        if self.repeat_edit.text() != password:
            self.form.show_issue("repeat", tr("Hai lần nhập mật khẩu không giống nhau."))
            return False
        return True


class NewAccountDialog(AccountForm):
    """Username, full name, one of the roles the signed-in person may create, the password."""

    def __init__(
        self,
        create: Callable[[str, str, str, str], None],
        roles: Sequence[str],
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr("Tạo tài khoản"), tr("Tạo tài khoản"), runner, parent)
        self._create = create
        self.username_edit = QLineEdit(placeholderText=tr("chữ không dấu, ví dụ: nhung.nt"))
        self.name_edit = QLineEdit()
        self.role_combo = QComboBox()
        for role in roles:
            self.role_combo.addItem(label_text(role_name(role)), role)
        self.add_field("username", tr("Tên đăng nhập:"), self.username_edit)
        self.add_field("full_name", tr("Họ và tên:"), self.name_edit)
        self.add_field("role", tr("Vai trò:"), self.role_combo)
        self.passwords = PasswordFields(self)
        self.username_edit.setFocus()

    def check(self) -> bool:
        if not self.username_edit.text().strip():
            self.show_issue("username", tr("Hãy nhập tên đăng nhập."))
            return False
        if not self.name_edit.text().strip():
            self.show_issue("full_name", tr("Hãy nhập họ và tên."))
            return False
        return self.passwords.check()

    def call(self) -> Callable[[], object]:
        values = (
            self.username_edit.text().strip(),
            self.name_edit.text().strip(),
            str(self.role_combo.currentData()),
            self.passwords.password_edit.text(),
        )
        create = self._create
        return lambda: create(*values)


class ChangePasswordDialog(AccountForm):
    """The signed-in person's own new password, after the current one."""

    def __init__(
        self,
        change: Callable[[str, str], None],
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr("Đổi mật khẩu của tôi"), tr("Đổi mật khẩu"), runner, parent)
        self._change = change
        self.old_edit = password_edit()
        self.add_field("old_password", tr("Mật khẩu hiện tại:"), self.old_edit)
        self.passwords = PasswordFields(self)
        self.old_edit.setFocus()

    def check(self) -> bool:
        if not self.old_edit.text():
            self.show_issue("old_password", tr("Hãy nhập mật khẩu hiện tại."))
            return False
        return self.passwords.check()

    def call(self) -> Callable[[], object]:
        old, new, change = self.old_edit.text(), self.passwords.password_edit.text(), self._change
        return lambda: change(old, new)


class ResetPasswordDialog(AccountForm):
    """A new password for someone who forgot theirs (it also lifts a lock-out)."""

    def __init__(
        self,
        reset: Callable[[str], None],
        who: str,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr("Đặt lại mật khẩu"), tr("Đặt mật khẩu mới"), runner, parent)
        self._reset = reset
        intro = QLabel(tr("Mật khẩu mới cho {who}. Hãy trao tận tay người dùng.").format(who=who))
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.passwords = PasswordFields(self)
        self.passwords.password_edit.setFocus()

    def check(self) -> bool:
        return self.passwords.check()

    def call(self) -> Callable[[], object]:
        password, reset = self.passwords.password_edit.text(), self._reset
        return lambda: reset(password)


class ForcedPasswordDialog(AccountForm):
    """At sign-in after an administrator's reset: the person's own password before anything
    else (the administrator knows the one they set). Esc goes back to the log-in."""

    def __init__(
        self,
        change: Callable[[str], None],
        who: str,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr("Chọn mật khẩu mới"), tr("Lưu mật khẩu mới"), runner, parent)
        self._change = change
        self.intro = QLabel(
            tr(
                "Chào {who}. Mật khẩu của bạn vừa được quản trị đặt lại: hãy chọn mật khẩu mới "
                "của riêng bạn trước khi làm việc."
            ).format(who=who)
        )
        self.intro.setWordWrap(True)
        self.form.addRow(self.intro)
        self.passwords = PasswordFields(self)
        self.passwords.password_edit.setFocus()

    def check(self) -> bool:
        return self.passwords.check()

    def call(self) -> Callable[[], object]:
        password, change = self.passwords.password_edit.text(), self._change
        return lambda: change(password)
