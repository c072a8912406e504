"""Local accounts: argon2-hashed passwords, roles, lock-out after repeated failures."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.domain.text import nfc
from counter_app.domain.vntime import now_vn
from counter_app.models.tables import User
from counter_app.services.errors import ServiceError
from counter_app.services.settings import get_setting
from counter_app.services.store import Store

ROLES = {"clerk": "Nhân viên tiếp nhận", "supervisor": "Trưởng bộ phận", "it": "Cán bộ CNTT"}
MIN_PASSWORD_LENGTH = 8
_HASHER = PasswordHasher()
WRONG_CREDENTIALS = "Tên đăng nhập hoặc mật khẩu không đúng."


@dataclass(frozen=True)
class SignedInUser:
    username: str
    full_name: str
    role: str


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def check_new_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ServiceError(
            f"Mật khẩu phải có ít nhất {MIN_PASSWORD_LENGTH} ký tự.", field="password"
        )


class AccountService:
    def __init__(self, store: Store, clock: Callable[[], datetime] = now_vn) -> None:
        self._store = store
        self._clock = clock

    def has_users(self) -> bool:
        with self._store.read() as session:
            return bool(session.scalar(select(func.count(User.id))))

    def create_user(self, username: str, full_name: str, role: str, password: str) -> None:
        username = username.strip().lower()
        if not username or not full_name.strip():
            raise ServiceError("Tên đăng nhập và họ tên không được để trống.")
        if role not in ROLES:
            raise ServiceError(f"Vai trò “{role}” không hợp lệ.")
        check_new_password(password)
        with self._store.write() as session:
            if session.scalar(select(User.id).where(User.username == username)):
                raise ServiceError(f"Tên đăng nhập “{username}” đã tồn tại.", field="username")
            session.add(
                User(
                    username=username,
                    full_name=nfc(full_name.strip()),
                    role=role,
                    password_hash=hash_password(password),
                    failed_attempts=0,
                    active=True,
                    created_at=self._clock(),
                )
            )

    def sign_in(self, username: str, password: str) -> SignedInUser:
        """Check the password; count failures and lock the account after too many."""
        with self._store.write() as session:
            user = session.scalar(select(User).where(User.username == username.strip().lower()))
            # The failure count is committed with this transaction; the error is raised after it.
            outcome = self._check(session, user, password, self._clock())
        if isinstance(outcome, str):
            raise ServiceError(outcome)
        return outcome

    def _check(
        self, session: Session, user: User | None, password: str, now: datetime
    ) -> SignedInUser | str:
        if user is None or not user.active:
            return WRONG_CREDENTIALS
        if user.locked_until is not None and user.locked_until > now:
            return (
                f"Tài khoản đang bị khóa đến {user.locked_until:%H:%M} do nhập sai mật khẩu "
                "nhiều lần. Hãy chờ hoặc nhờ trưởng bộ phận mở khóa."
            )
        if not _verify(user.password_hash, password):
            user.failed_attempts += 1
            if user.failed_attempts >= int(get_setting(session, "auth.max_failed_attempts")):
                minutes = int(get_setting(session, "auth.lockout_minutes"))
                user.locked_until, user.failed_attempts = now + timedelta(minutes=minutes), 0
                return f"Nhập sai mật khẩu quá nhiều lần: tài khoản bị khóa {minutes} phút."
            return WRONG_CREDENTIALS
        user.failed_attempts, user.locked_until = 0, None
        return SignedInUser(user.username, user.full_name, user.role)

    def unlock(self, username: str) -> None:
        with self._store.write() as session:
            user = session.scalar(select(User).where(User.username == username))
            if user is None:
                raise ServiceError(f"Không có tài khoản “{username}”.")
            user.failed_attempts, user.locked_until = 0, None

    def active_users(self) -> list[SignedInUser]:
        """The counter's working accounts by full name (the clerk pickers of the screens)."""
        with self._store.read() as session:
            users = session.scalars(select(User).where(User.active).order_by(User.full_name))
            return [SignedInUser(u.username, u.full_name, u.role) for u in users]

    def full_name_of(self, username: str) -> str:
        with self._store.read() as session:
            name = session.scalar(select(User.full_name).where(User.username == username))
            return name or username


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False
