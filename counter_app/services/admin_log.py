"""The audit of account and setting changes: one row per change, written in the change's own
transaction (who did what to whom, when, in Vietnam time), never edited (migration 0014)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from counter_app.models.tables import AdminEvent, User

# The person at this machine's command line: whoever can open the data folder runs the store.
CONSOLE = "@console"
CONSOLE_NAME = "Dòng lệnh trên máy này"


class AdminAction(StrEnum):
    CREATED = "created"
    DISABLED = "disabled"
    ENABLED = "enabled"
    PASSWORD_RESET = "password_reset"
    PASSWORD_CHANGED = "password_changed"  # by its holder
    UNLOCKED = "unlocked"
    LOCKED = "locked"  # too many wrong passwords
    SIGNED_IN = "signed_in"
    SIGNED_OUT = "signed_out"
    SETTING_CHANGED = "setting_changed"


ACTION_NAMES: dict[str, str] = {
    AdminAction.CREATED: "Tạo tài khoản",
    AdminAction.DISABLED: "Ngừng sử dụng",
    AdminAction.ENABLED: "Cho dùng lại",
    AdminAction.PASSWORD_RESET: "Đặt lại mật khẩu",
    AdminAction.PASSWORD_CHANGED: "Tự đổi mật khẩu",
    AdminAction.UNLOCKED: "Mở khóa",
    AdminAction.LOCKED: "Tự khóa do sai mật khẩu",
    AdminAction.SIGNED_IN: "Đăng nhập",
    AdminAction.SIGNED_OUT: "Đăng xuất",
    AdminAction.SETTING_CHANGED: "Đổi cài đặt",
}


@dataclass(frozen=True)
class AdminEventView:
    """One audit line as a screen or the command line shows it: people by name."""

    at: datetime
    actor_name: str
    action: str
    action_name: str
    subject: str
    subject_name: str
    detail: str


def record(
    session: Session,
    at: datetime,
    actor: str,
    action: AdminAction,
    subject: str,
    detail: str | None = None,
) -> None:
    session.add(AdminEvent(at=at, actor=actor, action=action, subject=subject, detail=detail))


def recent_events(
    session: Session, limit: int = 200, subject: str | None = None
) -> list[AdminEventView]:
    """The newest audit lines first (of one account or setting when `subject` is given)."""
    actor, target = aliased(User), aliased(User)
    query = (
        select(AdminEvent, actor.full_name, target.full_name)
        .outerjoin(actor, actor.username == AdminEvent.actor)
        .outerjoin(target, target.username == AdminEvent.subject)
        .order_by(AdminEvent.id.desc())
        .limit(limit)
    )
    if subject is not None:
        query = query.where(AdminEvent.subject == subject)
    return [
        _view(event, actor_name, target_name)
        for event, actor_name, target_name in session.execute(query)
    ]


def _view(event: AdminEvent, actor_name: str | None, target_name: str | None) -> AdminEventView:
    console = CONSOLE_NAME if event.actor == CONSOLE else event.actor
    return AdminEventView(
        at=event.at,
        actor_name=actor_name or console,
        action=event.action,
        action_name=ACTION_NAMES.get(event.action, event.action),
        subject=event.subject,
        subject_name=target_name or event.subject,
        detail=event.detail or "",
    )
