"""Local accounts: argon2-hashed passwords, roles, lock-out after repeated failures.

An account is never deleted: a disabled one cannot sign in and still names its holder in every
history. Each change is checked against the actor's role (services/permissions.py) and leaves an
audit line in the same transaction (services/admin_log.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.domain.roles import ROLE_NAMES, Permission, Role, may, role_name
from counter_app.domain.text import nfc
from counter_app.domain.vntime import now_vn
from counter_app.models.tables import User
from counter_app.services.admin_log import AdminAction, AdminEventView, recent_events, record
from counter_app.services.errors import NotFound, ServiceError
from counter_app.services.passwords import (
    PasswordCheck,
    hash_password,
    sign_in_name,
    verify_password,
)
from counter_app.services.permissions import NotAllowed, require, require_manage
from counter_app.services.settings import get_setting
from counter_app.services.store import Store
from counter_protocol.texts import QT_TRANSLATE_NOOP

ROLES = ROLE_NAMES
MIN_PASSWORD_LENGTH = 8
MAX_USERNAME_LENGTH = 60
WRONG_CREDENTIALS = QT_TRANSLATE_NOOP("messages", "Tên đăng nhập hoặc mật khẩu không đúng.")
FORCED = "người dùng phải đổi mật khẩu khi đăng nhập"  # the audit line of a reset
AFTER_RESET = "sau khi được đặt lại"  # … and of the new password that followed it
_WRONG_PASSWORD = "wrong password"  # inside sign_in only: counted, then WRONG_CREDENTIALS


@dataclass(frozen=True)
class SignedInUser:
    username: str
    full_name: str
    role: str
    # An administrator reset the password: the log-in asks for a new one before anything else.
    must_change_password: bool = False


@dataclass(frozen=True)
class AccountView:
    """One account as the administration screen and `user list` show it."""

    username: str
    full_name: str
    role: str
    role_name: str
    active: bool
    locked_until: datetime | None
    created_at: datetime
    must_change_password: bool = False


def check_new_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ServiceError(
            QT_TRANSLATE_NOOP("messages", "Mật khẩu phải có ít nhất {count} ký tự."),
            field="password",
            params={"count": MIN_PASSWORD_LENGTH},
        )


def check_new_account(username: str, full_name: str, role: str) -> None:
    """Field by field, the first problem of a new account (field named for the screen)."""
    if not username:
        raise ServiceError(
            QT_TRANSLATE_NOOP("messages", "Hãy nhập tên đăng nhập."), field="username"
        )
    if len(username) > MAX_USERNAME_LENGTH or not all(
        ch.isascii() and (ch.isalnum() or ch in "._-") for ch in username
    ):
        raise ServiceError(
            QT_TRANSLATE_NOOP(
                "messages",
                "Tên đăng nhập chỉ gồm chữ không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới "
                "(tối đa {count} ký tự).",
            ),
            field="username",
            params={"count": MAX_USERNAME_LENGTH},
        )
    if not full_name.strip():
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Hãy nhập họ và tên."), field="full_name")
    if role not in ROLES:
        raise ServiceError(
            QT_TRANSLATE_NOOP("messages", "Vai trò “{role}” không hợp lệ."),
            field="role",
            params={"role": role},
        )


class AccountService:
    def __init__(
        self,
        store: Store,
        clock: Callable[[], datetime] = now_vn,
        passwords: PasswordCheck | None = None,
    ) -> None:
        self._store = store
        self._clock = clock
        self._passwords = passwords or PasswordCheck()

    def prepare_sign_in(self, username: str, password: str) -> None:
        """Enter was pressed: the password's check may start before the sign-in's turn."""
        self._passwords.start(username, password)

    def has_users(self) -> bool:
        with self._store.read() as session:
            return bool(session.scalar(select(func.count(User.id))))

    def create_user(
        self, username: str, full_name: str, role: str, password: str, *, by: str
    ) -> None:
        """A new account; `by` (a username, or admin_log.CONSOLE) must be allowed to make it."""
        username = username.strip().lower()
        check_new_account(username, full_name, role)
        check_new_password(password)
        with self._store.write() as session:
            require_manage(session, by, Permission.MANAGE_ACCOUNTS, role)
            if session.scalar(select(User.id).where(User.username == username)):
                raise ServiceError(
                    QT_TRANSLATE_NOOP("messages", "Tên đăng nhập “{username}” đã tồn tại."),
                    field="username",
                    params={"username": username},
                )
            now = self._clock()
            session.add(
                User(
                    username=username,
                    full_name=nfc(full_name.strip()),
                    role=role,
                    password_hash=hash_password(password),
                    failed_attempts=0,
                    active=True,
                    created_at=now,
                )
            )
            detail = f"{nfc(full_name.strip())}, vai trò {role_name(role)}"
            record(session, now, by, AdminAction.CREATED, username, detail)

    def disable(self, username: str, *, by: str, reason: str = "") -> None:
        """The account can no longer sign in; its name stays in every history."""
        with self._store.write() as session:
            user = _managed(session, username, by, Permission.MANAGE_ACCOUNTS)
            if user.username == by:
                raise ServiceError(
                    QT_TRANSLATE_NOOP("messages", "Không thể tự khóa hẳn tài khoản của chính mình.")
                )
            if not user.active:
                raise ServiceError(
                    QT_TRANSLATE_NOOP(
                        "messages", "Tài khoản “{username}” đã ngừng sử dụng từ trước."
                    ),
                    params={"username": username},
                )
            user.active = False
            _keep_an_administrator(session)
            detail = nfc(reason.strip()) or None
            record(session, self._clock(), by, AdminAction.DISABLED, user.username, detail)

    def enable(self, username: str, *, by: str) -> None:
        with self._store.write() as session:
            user = _managed(session, username, by, Permission.MANAGE_ACCOUNTS)
            if user.active:
                raise ServiceError(
                    QT_TRANSLATE_NOOP("messages", "Tài khoản “{username}” đang được sử dụng."),
                    params={"username": username},
                )
            user.active, user.failed_attempts, user.locked_until = True, 0, None
            record(session, self._clock(), by, AdminAction.ENABLED, user.username)

    def reset_password(self, username: str, password: str, *, by: str) -> None:
        """A new password chosen by an administrator; it also lifts a lock-out. The holder
        must replace it at the next sign-in: the administrator knows it."""
        check_new_password(password)
        with self._store.write() as session:
            user = _managed(session, username, by, Permission.MANAGE_ACCOUNTS)
            user.password_hash = hash_password(password)
            user.failed_attempts, user.locked_until = 0, None
            user.must_change_password = True
            record(session, self._clock(), by, AdminAction.PASSWORD_RESET, user.username, FORCED)

    def change_own_password(self, username: str, old: str, new: str) -> None:
        """The holder replaces their password (say, after an administrator reset it)."""
        check_new_password(new)
        with self._store.write() as session:
            user = session.scalar(select(User).where(User.username == username))
            if user is None or not user.active or not verify_password(user.password_hash, old):
                raise ServiceError(
                    QT_TRANSLATE_NOOP("messages", "Mật khẩu hiện tại không đúng."),
                    field="old_password",
                )
            if old == new:
                raise ServiceError(
                    QT_TRANSLATE_NOOP("messages", "Mật khẩu mới phải khác mật khẩu cũ."),
                    field="password",
                )
            user.password_hash = hash_password(new)
            detail = AFTER_RESET if user.must_change_password else None
            user.must_change_password = False
            record(session, self._clock(), username, AdminAction.PASSWORD_CHANGED, username, detail)

    def unlock(self, username: str, *, by: str) -> None:
        with self._store.write() as session:
            user = _managed(session, username, by, Permission.UNLOCK)
            was = user.locked_until
            user.failed_attempts, user.locked_until = 0, None
            detail = f"đang khóa đến {was:%H:%M %d/%m/%Y}" if was is not None else None
            record(session, self._clock(), by, AdminAction.UNLOCKED, user.username, detail)

    def users(self, *, by: str) -> list[AccountView]:
        """Every account, disabled ones too (who may see them: those who manage or unlock)."""
        with self._store.read() as session:
            require(session, by, Permission.UNLOCK)
            rows = session.scalars(select(User).order_by(User.active.desc(), User.username))
            return [_account_view(user) for user in rows]

    def history(self, *, by: str, limit: int = 200) -> list[AdminEventView]:
        with self._store.read() as session:
            require(session, by, Permission.UNLOCK)
            return recent_events(session, limit)

    def sign_in(self, username: str, password: str) -> SignedInUser:
        """Check the password; count failures and lock the account after too many.

        A right password is checked by reading only; its record (the failure count cleared, the
        sign-in logged) is written once the store's start-up check has passed, so the person
        starts work while a large store is still being checked (docs/decisions/0035-startup-
        check.md). A wrong one is counted at once (the lock-out must hold)."""
        name, now = sign_in_name(username), self._clock()
        with self._store.read() as session:
            user = session.scalar(select(User).where(User.username == name))
            outcome = self._check(user, password, now)
        if outcome is _WRONG_PASSWORD:
            with self._store.write() as session:  # counted with the row as it is now
                user = session.scalar(select(User).where(User.username == name))
                outcome = (
                    _count_failure(session, user, now)
                    if user
                    else _sign_in_refused(WRONG_CREDENTIALS)
                )
        if isinstance(outcome, ServiceError):
            raise outcome
        assert isinstance(outcome, SignedInUser)
        self._store.write_once_sound(lambda session: _record_sign_in(session, name, now))
        return outcome

    def sign_out(self, username: str) -> None:
        """The person left the counter (log out, or switch to the next clerk)."""
        with self._store.write() as session:
            record(session, self._clock(), username, AdminAction.SIGNED_OUT, username)

    def _check(
        self, user: User | None, password: str, now: datetime
    ) -> SignedInUser | ServiceError | str:
        if user is None or not user.active:
            return _sign_in_refused(WRONG_CREDENTIALS)
        if user.locked_until is not None and user.locked_until > now:
            return _sign_in_refused(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "Tài khoản đang bị khóa đến {until:%H:%M} do nhập sai mật khẩu nhiều lần. "
                    "Hãy chờ hoặc nhờ Trưởng bộ phận (hoặc Cán bộ CNTT) mở khóa.",
                ),
                until=user.locked_until,
            )
        if not self._passwords.verify(user.password_hash, password):
            return _WRONG_PASSWORD
        return SignedInUser(user.username, user.full_name, user.role, user.must_change_password)

    def active_users(self) -> list[SignedInUser]:
        """The counter's working accounts by full name (the clerk pickers of the screens)."""
        with self._store.read() as session:
            users = session.scalars(select(User).where(User.active).order_by(User.full_name))
            return [SignedInUser(u.username, u.full_name, u.role) for u in users]

    def full_name_of(self, username: str) -> str:
        with self._store.read() as session:
            name = session.scalar(select(User.full_name).where(User.username == username))
            return name or username


def _record_sign_in(session: Session, name: str, now: datetime) -> None:
    user = session.scalar(select(User).where(User.username == name))
    if user is not None:
        user.failed_attempts, user.locked_until = 0, None
        record(session, now, user.username, AdminAction.SIGNED_IN, user.username)


def _sign_in_refused(template: str, **params: object) -> ServiceError:
    """Built inside the transaction that counts the failure, raised after it commits."""
    return ServiceError(template, code="accounts.sign_in_refused", params=params)


def _count_failure(session: Session, user: User, now: datetime) -> ServiceError:
    user.failed_attempts += 1
    if user.failed_attempts < int(get_setting(session, "auth.max_failed_attempts")):
        return _sign_in_refused(WRONG_CREDENTIALS)
    minutes = int(get_setting(session, "auth.lockout_minutes"))
    user.locked_until, user.failed_attempts = now + timedelta(minutes=minutes), 0
    detail = f"khóa {minutes} phút"
    record(session, now, user.username, AdminAction.LOCKED, user.username, detail)
    return _sign_in_refused(
        QT_TRANSLATE_NOOP(
            "messages", "Nhập sai mật khẩu quá nhiều lần: tài khoản bị khóa {minutes} phút."
        ),
        minutes=minutes,
    )


def _managed(session: Session, username: str, by: str, permission: Permission) -> User:
    """The target account once `by` may act on it (NotFound / NotAllowed otherwise)."""
    user = session.scalar(select(User).where(User.username == username.strip().lower()))
    if user is None:
        require(session, by, permission)  # a clerk learns nothing about which accounts exist
        raise NotFound(
            QT_TRANSLATE_NOOP("messages", "Không có tài khoản “{username}”."),
            field="username",
            params={"username": username},
        )
    require_manage(session, by, permission, user.role)
    return user


def _keep_an_administrator(session: Session) -> None:
    """Refuse to leave the counter with no active account that can manage the others."""
    session.flush()
    roles = session.scalars(select(User.role).where(User.active.is_(True)))
    if not any(may(role, Permission.MANAGE_ACCOUNTS) for role in roles):
        raise NotAllowed(
            QT_TRANSLATE_NOOP(
                "messages", "Đây là tài khoản quản trị cuối cùng còn hoạt động: không thể khóa hẳn."
            ),
            advice=QT_TRANSLATE_NOOP("messages", "Tạo tài khoản {role} khác trước."),
            params={"role": role_name(Role.IT)},
        )


def _account_view(user: User) -> AccountView:
    return AccountView(
        user.username,
        user.full_name,
        user.role,
        role_name(user.role),
        user.active,
        user.locked_until,
        user.created_at,
        user.must_change_password,
    )
