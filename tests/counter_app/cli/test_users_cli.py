"""`counter-app user …` run as a subprocess, each change read back through the log-in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from counter_app.services.errors import ServiceError
from counter_devkit.stores import TEST_PASSWORD
from tests.counter_app.cli.test_cli import run

NEW_PASSWORD = "Nhung@2026x"
ADD = ("user", "add", "--username", "nhung.nt", "--name", "Nguyễn Thị Nhung")


@pytest.fixture
def sign_in(data_dir: Path) -> Iterator[Any]:
    """Signs in through the AccountService on a freshly opened store, as the window does."""
    from counter_app.app import build_services

    def attempt(username: str, password: str) -> Any:
        services = build_services(str(data_dir))
        try:
            return services.accounts.sign_in(username, password)
        finally:
            services.close()

    yield attempt


def test_add_a_clerk_who_then_signs_in(data_dir: Path, sign_in: Any) -> None:
    added = run(
        *ADD, "--role", "clerk", "--password-stdin", stdin=NEW_PASSWORD + "\n", data_dir=data_dir
    )
    assert added.returncode == 0, added.stderr
    assert added.stdout == "Đã tạo tài khoản “nhung.nt” (Nhân viên tiếp nhận).\n"
    user = sign_in("nhung.nt", NEW_PASSWORD)
    assert (user.full_name, user.role) == ("Nguyễn Thị Nhung", "clerk")
    listed = run("user", "list", data_dir=data_dir)
    assert "nhung.nt\tclerk\tNguyễn Thị Nhung\tđang dùng" in listed.stdout.splitlines()
    log = run("user", "log", "--limit", "2", data_dir=data_dir).stdout.splitlines()
    assert log[0].split("\t")[1:4] == ["Nguyễn Thị Nhung", "Đăng nhập", "Nguyễn Thị Nhung"]
    assert log[1].split("\t")[1:4] == [
        "Dòng lệnh trên máy này",
        "Tạo tài khoản",
        "Nguyễn Thị Nhung",
    ]


def test_a_refused_add_is_one_vietnamese_line(data_dir: Path) -> None:
    bad_role = run(*ADD, "--role", "boss", "--password-stdin", stdin="x\n", data_dir=data_dir)
    assert bad_role.returncode == 2
    assert (
        "không có lựa chọn 'boss' (chọn một trong: 'clerk', 'supervisor', 'it')" in bad_role.stderr
    )
    short = run(*ADD, "--role", "clerk", "--password-stdin", stdin="ngan\n", data_dir=data_dir)
    assert (short.returncode, short.stderr) == (2, "Lỗi: Mật khẩu phải có ít nhất 8 ký tự.\n")
    taken = run(
        "user", "add", "--username", "canbo", "--name", "X", "--role", "clerk", "--password-stdin",
        stdin=NEW_PASSWORD + "\n", data_dir=data_dir,
    )  # fmt: skip
    assert taken.returncode == 2 and "đã tồn tại" in taken.stderr


def test_disable_then_enable(data_dir: Path, sign_in: Any) -> None:
    stopped = run("user", "disable", "canbo", "--reason", "Nghỉ việc", data_dir=data_dir)
    assert stopped.returncode == 0, stopped.stderr
    with pytest.raises(ServiceError, match="không đúng"):
        sign_in("canbo", TEST_PASSWORD)
    listed = run("user", "list", data_dir=data_dir).stdout
    assert "canbo\tclerk\tNguyễn Thị Hồng Nhung\tđã ngừng" in listed.splitlines()
    assert run("user", "enable", "canbo", data_dir=data_dir).returncode == 0
    assert sign_in("canbo", TEST_PASSWORD).username == "canbo"


def test_unlock_and_reset_password(data_dir: Path, sign_in: Any) -> None:
    for _ in range(5):
        with pytest.raises(ServiceError):
            sign_in("canbo", "sai mật khẩu")
    with pytest.raises(ServiceError, match="đang bị khóa"):
        sign_in("canbo", TEST_PASSWORD)
    assert (
        "canbo\tclerk\tNguyễn Thị Hồng Nhung\tbị khóa đến"
        in run("user", "list", data_dir=data_dir).stdout
    )
    unlocked = run("user", "unlock", "canbo", data_dir=data_dir)
    assert unlocked.returncode == 0, unlocked.stderr
    assert sign_in("canbo", TEST_PASSWORD).username == "canbo"
    reset = run(
        "user", "reset-password", "canbo", "--password-stdin", stdin=NEW_PASSWORD + "\n",
        data_dir=data_dir,
    )  # fmt: skip
    assert reset.returncode == 0, reset.stderr
    with pytest.raises(ServiceError):
        sign_in("canbo", TEST_PASSWORD)
    assert sign_in("canbo", NEW_PASSWORD).username == "canbo"
    missing = run("user", "unlock", "khongco", data_dir=data_dir)
    assert (missing.returncode, missing.stderr) == (2, "Lỗi: Không có tài khoản “khongco”.\n")


def test_setup_makes_an_it_administrator_and_says_what_it_may_do(tmp_path: Path) -> None:
    blank = tmp_path / "blank"
    done = run(
        "setup", "--unit", "000.23.05.H27", "--counter-name", "Quầy 1", "--admin", "Admin",
        "--admin-name", "Phạm Quốc Đạt", "--password-stdin", stdin=NEW_PASSWORD + "\n",
        data_dir=blank,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1].startswith(
        "Tài khoản quản trị “admin” có vai trò Cán bộ CNTT"
    )
    listed = run("user", "list", data_dir=blank).stdout
    assert listed == "admin\tit\tPhạm Quốc Đạt\tđang dùng\n"


def test_setup_refuses_a_user_name_no_account_may_have_and_drops_a_windows_line_end(
    tmp_path: Path,
) -> None:
    def setup(admin: str, stdin: str):
        return run(
            "setup", "--unit", "000.23.05.H27", "--counter-name", "Quầy 1", "--admin", admin,
            "--admin-name", "Phạm Quốc Đạt", "--password-stdin", stdin=stdin,
            data_dir=tmp_path / "blank",
        )  # fmt: skip

    for bad in ("@console", "quản trị"):
        refused = setup(bad, NEW_PASSWORD + "\n")
        assert refused.returncode == 2 and "Tên đăng nhập chỉ gồm" in refused.stderr, bad
    assert setup("admin", NEW_PASSWORD + "\r\n").returncode == 0
    listed = run("user", "list", data_dir=tmp_path / "blank").stdout
    assert listed == "admin\tit\tPhạm Quốc Đạt\tđang dùng\n"
    from counter_app.app import build_services

    services = build_services(str(tmp_path / "blank"))
    try:  # the password typed is the one stored, without the "\r"
        assert services.accounts.sign_in("admin", NEW_PASSWORD).username == "admin"
    finally:
        services.close()


def test_a_reset_password_must_be_replaced_at_the_next_sign_in(data_dir: Path, sign_in: Any):
    reset = run(
        "user", "reset-password", "canbo", "--password-stdin", stdin=NEW_PASSWORD + "\n",
        data_dir=data_dir,
    )  # fmt: skip
    assert reset.returncode == 0, reset.stderr
    assert "phải chọn mật khẩu mới khi đăng nhập" in reset.stdout
    assert sign_in("canbo", NEW_PASSWORD).must_change_password
    listed = run("user", "list", data_dir=data_dir).stdout.splitlines()
    assert (
        "canbo\tclerk\tNguyễn Thị Hồng Nhung\tđang dùng, phải đổi mật khẩu khi đăng nhập" in listed
    )
    log = run("user", "log", "--limit", "2", data_dir=data_dir).stdout.splitlines()
    assert log[1].split("\t")[1:] == [
        "Dòng lệnh trên máy này",
        "Đặt lại mật khẩu",
        "Nguyễn Thị Hồng Nhung",
        "người dùng phải đổi mật khẩu khi đăng nhập",
    ]
    from counter_app.app import build_services

    services = build_services(str(data_dir))
    try:
        services.accounts.change_own_password("canbo", NEW_PASSWORD, "RiengToi@2026")
    finally:
        services.close()
    assert not sign_in("canbo", "RiengToi@2026").must_change_password
    listed = run("user", "list", data_dir=data_dir).stdout.splitlines()
    assert "canbo\tclerk\tNguyễn Thị Hồng Nhung\tđang dùng" in listed
