"""What a person may do, checked inside the use case's own transaction whatever a screen shows
(the table is counter_app/domain/roles.py; docs/decisions/0032-roles-and-accounts.md)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.roles import PERMISSION_NAMES, Permission, may, may_manage, role_name
from counter_app.models.tables import User
from counter_app.services.admin_log import CONSOLE
from counter_app.services.errors import ServiceError
from counter_protocol.texts import QT_TRANSLATE_NOOP

MUST_CHANGE = QT_TRANSLATE_NOOP(
    "messages", "Mật khẩu vừa được đặt lại: hãy chọn mật khẩu mới trước khi làm việc."
)


class NotAllowed(ServiceError):
    """The person's role does not include this action."""

    default_code = "accounts.not_allowed"


def require(session: Session, actor: str, permission: Permission) -> User | None:
    """The actor's account when its role may do `permission` (None for the command line, which
    may do everything); NotAllowed otherwise, before anything is written."""
    if actor == CONSOLE:
        return None
    user = session.scalar(select(User).where(User.username == actor))
    if user is None or not user.active:
        raise NotAllowed(
            QT_TRANSLATE_NOOP("messages", "Tài khoản “{username}” không còn được sử dụng."),
            advice=QT_TRANSLATE_NOOP("messages", "Hãy đăng nhập lại."),
            params={"username": actor},
        )
    if not may(user.role, permission):
        raise NotAllowed(
            QT_TRANSLATE_NOOP("messages", "{role} không có quyền {permission}."),
            advice=_ask_for(permission),
            params={"role": role_name(user.role), "permission": PERMISSION_NAMES[permission]},
        )
    if user.must_change_password:
        raise NotAllowed(
            MUST_CHANGE, advice=QT_TRANSLATE_NOOP("messages", "Đăng nhập lại và chọn mật khẩu mới.")
        )
    return user


def require_desk(session: Session, actor: str, permission: Permission) -> None:
    """A desk action (receive, return, a step) refused to an account whose role excludes it or
    that was disabled. A name with no account passes: steps record agency staff by name."""
    # One small column query: this runs on every intake and every step.
    row = session.execute(
        select(User.role, User.active, User.must_change_password).where(User.username == actor)
    ).first()
    if row is not None and (
        not row.active or not may(row.role, permission) or row.must_change_password
    ):
        require(session, actor, permission)  # raises with the full message


def require_manage(session: Session, actor: str, permission: Permission, target_role: str) -> None:
    """`permission` on an account of `target_role`: a supervisor manages clerks, IT everyone."""
    user = require(session, actor, permission)
    if user is not None and not may_manage(user.role, target_role):
        raise NotAllowed(
            QT_TRANSLATE_NOOP("messages", "{role} không quản lý được tài khoản {target}."),
            advice=QT_TRANSLATE_NOOP("messages", "Nhờ Cán bộ CNTT thực hiện."),
            params={"role": role_name(user.role), "target": role_name(target_role)},
        )


def _ask_for(permission: Permission) -> str:
    if permission in (Permission.OVERRIDE, Permission.REPORTS):
        return QT_TRANSLATE_NOOP("messages", "Nhờ Trưởng bộ phận thực hiện.")
    if permission in (Permission.RECEIVE, Permission.RETURN, Permission.STEPS):
        return QT_TRANSLATE_NOOP(
            "messages", "Việc này do nhân viên tiếp nhận hoặc Trưởng bộ phận làm."
        )
    return QT_TRANSLATE_NOOP("messages", "Nhờ Trưởng bộ phận hoặc Cán bộ CNTT thực hiện.")
