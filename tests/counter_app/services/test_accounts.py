"""Accounts and roles: who may create, stop, reset and unlock whom; every change audited; the
role table enforced by the services whatever a screen shows."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest

from counter_app.services.accounts import FORCED, WRONG_CREDENTIALS
from counter_app.services.admin_log import CONSOLE
from counter_app.services.errors import NotFound, ServiceError
from counter_app.services.permissions import NotAllowed
from counter_devkit.intake import intake
from counter_devkit.stores import TEST_PASSWORD

IT, SUPERVISOR, CLERK = "cntt", "quantri", "canbo"  # counter_devkit/stores.py
NEW_PASSWORD = "MoiMoi@2026"


def audit(services: Any) -> list[tuple[str, str, str, str]]:
    return [
        (e.actor_name, e.action, e.subject_name, e.detail) for e in services.accounts.history(by=IT)
    ]


def test_the_first_account_is_an_it_administrator_who_may_create_every_role(services: Any):
    assert services.accounts.sign_in(IT, TEST_PASSWORD).role == "it"
    services.accounts.create_user("thuha", "Lê Thị Thu Hà", "supervisor", NEW_PASSWORD, by=IT)
    services.accounts.create_user("dat2", "Phạm Văn Đạt", "it", NEW_PASSWORD, by=IT)
    assert services.accounts.sign_in("thuha", NEW_PASSWORD).role == "supervisor"
    assert audit(services)[1][:3] == ("Phạm Quốc Đạt", "created", "Phạm Văn Đạt")


def test_a_supervisor_creates_a_clerk_who_then_signs_in(services: Any):
    services.accounts.create_user(
        "nhung.nt", "Nguyễn Thị Nhung", "clerk", NEW_PASSWORD, by=SUPERVISOR
    )
    user = services.accounts.sign_in("nhung.nt", NEW_PASSWORD)
    assert (user.full_name, user.role) == ("Nguyễn Thị Nhung", "clerk")
    created = next(line for line in audit(services) if line[1] == "created")
    assert created == (
        "Hoàng Văn Quản",
        "created",
        "Nguyễn Thị Nhung",
        "Nguyễn Thị Nhung, vai trò Nhân viên tiếp nhận",
    )


@pytest.mark.parametrize(
    ("actor", "role"),
    [(SUPERVISOR, "supervisor"), (SUPERVISOR, "it"), (CLERK, "clerk")],
)
def test_a_role_may_not_create_accounts_above_it(services: Any, actor: str, role: str):
    before = len(services.accounts.users(by=IT))
    with pytest.raises(NotAllowed) as refused:
        services.accounts.create_user("moi", "Người Mới", role, NEW_PASSWORD, by=actor)
    assert refused.value.code == "accounts.not_allowed"
    assert "không" in refused.value.message and refused.value.advice
    assert len(services.accounts.users(by=IT)) == before


def test_a_clerk_calling_supervisor_actions_is_refused_with_a_stable_code(services: Any):
    for call in (
        lambda: services.accounts.unlock(CLERK, by=CLERK),
        lambda: services.accounts.users(by=CLERK),
        lambda: services.accounts.history(by=CLERK),
        lambda: services.accounts.reset_password(SUPERVISOR, NEW_PASSWORD, by=CLERK),
        lambda: services.accounts.disable(SUPERVISOR, by=CLERK),
    ):
        with pytest.raises(NotAllowed) as refused:
            call()
        assert refused.value.code == "accounts.not_allowed"
        assert refused.value.message.startswith("Nhân viên tiếp nhận không")
    assert services.accounts.sign_in(SUPERVISOR, TEST_PASSWORD).role == "supervisor"


def test_a_locked_clerk_is_unlocked_by_a_supervisor_and_it_is_audited(services: Any):
    for _ in range(5):
        with pytest.raises(ServiceError):
            services.accounts.sign_in(CLERK, "sai mật khẩu")
    with pytest.raises(ServiceError, match="đang bị khóa"):
        services.accounts.sign_in(CLERK, TEST_PASSWORD)
    locked = next(a for a in services.accounts.users(by=SUPERVISOR) if a.username == CLERK)
    assert locked.locked_until is not None
    services.accounts.unlock(CLERK, by=SUPERVISOR)
    assert services.accounts.sign_in(CLERK, TEST_PASSWORD).username == CLERK
    actions = [(line[0], line[1]) for line in audit(services)]
    assert actions[:3] == [
        ("Nguyễn Thị Hồng Nhung", "signed_in"),
        ("Hoàng Văn Quản", "unlocked"),
        ("Nguyễn Thị Hồng Nhung", "locked"),
    ]


def test_a_supervisor_may_not_unlock_another_supervisor(services: Any):
    services.accounts.create_user("thuha", "Lê Thị Thu Hà", "supervisor", NEW_PASSWORD, by=IT)
    with pytest.raises(NotAllowed, match="không quản lý được tài khoản Trưởng bộ phận"):
        services.accounts.unlock("thuha", by=SUPERVISOR)
    services.accounts.unlock("thuha", by=IT)


def test_a_disabled_clerk_cannot_sign_in_but_keeps_their_name(services: Any):
    code = services.dossiers.receive(intake(clerk=CLERK))
    services.accounts.disable(CLERK, by=SUPERVISOR, reason="Chuyển công tác")
    with pytest.raises(ServiceError) as refused:
        services.accounts.sign_in(CLERK, TEST_PASSWORD)
    assert refused.value.message == WRONG_CREDENTIALS
    assert services.accounts.full_name_of(CLERK) == "Nguyễn Thị Hồng Nhung"
    assert services.details.get(code).received_by == CLERK
    assert audit(services)[0] == (
        "Hoàng Văn Quản",
        "disabled",
        "Nguyễn Thị Hồng Nhung",
        "Chuyển công tác",
    )
    services.accounts.enable(CLERK, by=SUPERVISOR)
    assert services.accounts.sign_in(CLERK, TEST_PASSWORD).username == CLERK


def test_nobody_disables_themselves_or_the_last_administrator(services: Any):
    with pytest.raises(ServiceError, match="chính mình"):
        services.accounts.disable(IT, by=IT)
    services.accounts.disable(SUPERVISOR, by=IT)
    with pytest.raises(NotAllowed, match="quản trị cuối cùng"):
        services.accounts.disable(IT, by=CONSOLE)
    assert services.accounts.sign_in(IT, TEST_PASSWORD).role == "it"


def test_a_reset_password_replaces_the_old_one_and_lifts_a_lock(services: Any):
    for _ in range(5):
        with pytest.raises(ServiceError):
            services.accounts.sign_in(CLERK, "sai")
    services.accounts.reset_password(CLERK, NEW_PASSWORD, by=SUPERVISOR)
    with pytest.raises(ServiceError):
        services.accounts.sign_in(CLERK, TEST_PASSWORD)
    assert services.accounts.sign_in(CLERK, NEW_PASSWORD).username == CLERK
    with pytest.raises(ServiceError, match="ít nhất 8 ký tự"):
        services.accounts.reset_password(CLERK, "ngan", by=SUPERVISOR)


def test_after_a_reset_nothing_is_done_until_the_holder_chooses_a_password(services: Any):
    services.accounts.reset_password(CLERK, NEW_PASSWORD, by=SUPERVISOR)
    assert services.accounts.sign_in(CLERK, NEW_PASSWORD).must_change_password
    with pytest.raises(NotAllowed, match="hãy chọn mật khẩu mới trước khi làm việc"):
        services.dossiers.receive(intake(clerk=CLERK))
    with pytest.raises(ServiceError, match="phải khác"):
        services.accounts.change_own_password(CLERK, NEW_PASSWORD, NEW_PASSWORD)
    services.accounts.change_own_password(CLERK, NEW_PASSWORD, "RiengToi@2026")
    user = services.accounts.sign_in(CLERK, "RiengToi@2026")
    assert not user.must_change_password
    assert services.dossiers.receive(intake(clerk=CLERK))
    changed, reset = [line for line in audit(services) if "password" in line[1]][:2]
    assert reset == ("Hoàng Văn Quản", "password_reset", "Nguyễn Thị Hồng Nhung", FORCED)
    assert changed == ("Nguyễn Thị Hồng Nhung", "password_changed", "Nguyễn Thị Hồng Nhung",
                       "sau khi được đặt lại")  # fmt: skip


def test_an_unknown_account_is_not_found_for_those_who_may_ask(services: Any):
    with pytest.raises(NotFound):
        services.accounts.unlock("khongco", by=SUPERVISOR)
    with pytest.raises(NotAllowed):
        services.accounts.unlock("khongco", by=CLERK)


@pytest.mark.parametrize(
    ("username", "field"),
    [("", "username"), ("nhung nt", "username"), ("nhung_đ", "username")],
)
def test_a_new_account_is_checked_field_by_field(services: Any, username: str, field: str):
    with pytest.raises(ServiceError) as refused:
        services.accounts.create_user(username, "Tên", "clerk", NEW_PASSWORD, by=IT)
    assert refused.value.field == field


def test_it_staff_do_not_receive_dossiers(services: Any):
    with pytest.raises(NotAllowed) as refused:
        services.dossiers.receive(intake(clerk=IT))
    assert refused.value.message == "Cán bộ CNTT không có quyền tiếp nhận hồ sơ."


def test_the_audit_and_the_accounts_are_never_deleted_or_rewritten(services: Any, data_dir):
    services.accounts.sign_in(CLERK, TEST_PASSWORD)
    conn = sqlite3.connect(data_dir / "counter.sqlite3")
    try:
        for statement in (
            "DELETE FROM admin_events",
            "UPDATE admin_events SET actor = 'x'",
            "DELETE FROM users WHERE username = 'canbo'",
        ):
            with pytest.raises(sqlite3.DatabaseError, match="never"):
                conn.execute(statement)
    finally:
        conn.close()
