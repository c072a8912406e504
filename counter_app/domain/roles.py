"""Roles of the counter's accounts and what each may do (docs/decisions/0032-roles-and-accounts.md).

One table for the services (which refuse) and the screens (which hide what a role may not use),
so the two can never disagree.
"""

from __future__ import annotations

from enum import StrEnum

from counter_protocol.texts import QT_TRANSLATE_NOOP


class Role(StrEnum):
    CLERK = "clerk"
    SUPERVISOR = "supervisor"
    IT = "it"


ROLE_NAMES: dict[str, str] = {
    Role.CLERK: QT_TRANSLATE_NOOP("labels", "Nhân viên tiếp nhận"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("labels", "Trưởng bộ phận"),
    Role.IT: QT_TRANSLATE_NOOP("labels", "Cán bộ CNTT"),
}


class Permission(StrEnum):
    RECEIVE = "receive"  # intake, home appointments
    RETURN = "return"  # hand results back
    STEPS = "steps"  # the lifecycle steps of a dossier
    OVERRIDE = "override"  # bend a rule with a logged reason
    UNLOCK = "unlock"  # unlock a locked account
    REPORTS = "reports"
    MANAGE_ACCOUNTS = "manage_accounts"  # create, disable, reset; whom: MANAGEABLE_ROLES
    SETTINGS = "settings"
    ENROL = "enrol"
    SYNC = "sync"
    DIAGNOSTICS = "diagnostics"


_DESK = {Permission.RECEIVE, Permission.RETURN, Permission.STEPS}
_ADMIN = {Permission.UNLOCK, Permission.MANAGE_ACCOUNTS, Permission.SETTINGS}

PERMISSIONS: dict[str, frozenset[Permission]] = {
    Role.CLERK: frozenset(_DESK),
    Role.SUPERVISOR: frozenset(_DESK | _ADMIN | {Permission.OVERRIDE, Permission.REPORTS}),
    Role.IT: frozenset(_ADMIN | {Permission.ENROL, Permission.SYNC, Permission.DIAGNOSTICS}),
}

# Whose accounts a role may create, disable, re-enable, reset or unlock.
MANAGEABLE_ROLES: dict[str, frozenset[str]] = {
    Role.CLERK: frozenset(),
    Role.SUPERVISOR: frozenset({Role.CLERK}),
    Role.IT: frozenset({Role.CLERK, Role.SUPERVISOR, Role.IT}),
}

# The account made by the first-run set-up: the one who may create every other account.
FIRST_ACCOUNT_ROLE = Role.IT

PERMISSION_NAMES: dict[Permission, str] = {
    Permission.RECEIVE: QT_TRANSLATE_NOOP("labels", "tiếp nhận hồ sơ"),
    Permission.RETURN: QT_TRANSLATE_NOOP("labels", "trả kết quả"),
    Permission.STEPS: QT_TRANSLATE_NOOP("labels", "cập nhật bước xử lý hồ sơ"),
    Permission.OVERRIDE: QT_TRANSLATE_NOOP("labels", "cho phép ngoại lệ có ghi lý do"),
    Permission.UNLOCK: QT_TRANSLATE_NOOP("labels", "mở khóa tài khoản"),
    Permission.REPORTS: QT_TRANSLATE_NOOP("labels", "xem báo cáo"),
    Permission.MANAGE_ACCOUNTS: QT_TRANSLATE_NOOP("labels", "quản lý tài khoản"),
    Permission.SETTINGS: QT_TRANSLATE_NOOP("labels", "thay đổi cài đặt của quầy"),
    Permission.ENROL: QT_TRANSLATE_NOOP("labels", "đăng ký máy với máy chủ"),
    Permission.SYNC: QT_TRANSLATE_NOOP("labels", "đồng bộ"),
    Permission.DIAGNOSTICS: QT_TRANSLATE_NOOP("labels", "chẩn đoán"),
}


def may(role: str, permission: Permission) -> bool:
    return permission in PERMISSIONS.get(role, frozenset())


def may_manage(role: str, target_role: str) -> bool:
    return target_role in MANAGEABLE_ROLES.get(role, frozenset())


def role_name(role: str) -> str:
    return ROLE_NAMES.get(role, role)
