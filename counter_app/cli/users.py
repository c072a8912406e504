"""`counter-app user add|list|disable|enable|unlock|reset-password|log`: the counter's accounts
without the window. The command line acts as this machine's administrator (whoever can open the
data folder); every change is audited under "@console" (docs/decisions/0032-roles-and-accounts.md).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from counter_app.cli.arguments import add_group
from counter_app.domain.roles import ROLE_NAMES
from counter_app.services.errors import ServiceError

if TYPE_CHECKING:
    from counter_app.cli.arguments import SubParsers
    from counter_app.cli.host import AppHost
    from counter_app.services.accounts import AccountView

CONSOLE = "@console"  # services.admin_log.CONSOLE (not imported: keeps `--help` light)


def add_commands(sub: SubParsers) -> None:
    usub = add_group(sub, "user", "tài khoản người dùng của quầy (tạo, khóa, mở khóa…)")
    add = usub.add_parser("add", help="tạo tài khoản")
    add.add_argument("--username", required=True, help="tên đăng nhập (chữ không dấu)")
    add.add_argument("--name", required=True, help="họ và tên")
    add.add_argument(
        "--role", required=True, choices=[str(role) for role in ROLE_NAMES], help="vai trò"
    )
    _password_option(add)
    add.set_defaults(handler=cmd_add)
    usub.add_parser("list", help="mọi tài khoản, kể cả đã ngừng").set_defaults(handler=cmd_list)
    disable = usub.add_parser("disable", help="ngừng sử dụng một tài khoản (không xóa)")
    disable.add_argument("username", help="tên đăng nhập")
    disable.add_argument("--reason", default="", help="lý do")
    disable.set_defaults(handler=cmd_disable)
    for name, help_text, handler in (
        ("enable", "cho dùng lại một tài khoản đã ngừng", cmd_enable),
        ("unlock", "mở khóa tài khoản bị khóa do nhập sai mật khẩu", cmd_unlock),
    ):
        command = usub.add_parser(name, help=help_text)
        command.add_argument("username", help="tên đăng nhập")
        command.set_defaults(handler=handler)
    reset = usub.add_parser("reset-password", help="đặt lại mật khẩu (cũng mở khóa)")
    reset.add_argument("username", help="tên đăng nhập")
    _password_option(reset)
    reset.set_defaults(handler=cmd_reset)
    log = usub.add_parser("log", help="nhật ký thay đổi tài khoản và cài đặt (mới nhất trước)")
    log.add_argument("--limit", type=int, default=50, help="số dòng (mặc định 50)")
    log.set_defaults(handler=cmd_log)


def _password_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--password-stdin", action="store_true", help="đọc mật khẩu từ dòng đầu của stdin"
    )


def _read_password(args: argparse.Namespace) -> str:
    password = sys.stdin.readline().rstrip("\r\n") if args.password_stdin else ""
    if not password:
        raise ServiceError("Cần mật khẩu (dùng --password-stdin).", code="accounts.no_password")
    return password


def cmd_add(args: argparse.Namespace, host: AppHost) -> int:
    password = _read_password(args)
    with host.opened_services(args.data_dir) as services:
        services.accounts.create_user(args.username, args.name, args.role, password, by=CONSOLE)
    print(f"Đã tạo tài khoản “{args.username.strip().lower()}” ({ROLE_NAMES[args.role]}).")
    return 0


def cmd_list(args: argparse.Namespace, host: AppHost) -> int:
    with host.opened_services(args.data_dir) as services:
        accounts = services.accounts.users(by=CONSOLE)
    for account in accounts:
        print(account_line(account))
    return 0


def account_line(account: AccountView) -> str:
    """`username  role  name  state` (tab-separated, for people and scripts alike)."""
    state = "đang dùng" if account.active else "đã ngừng"
    if account.locked_until is not None and account.active:
        state = f"bị khóa đến {account.locked_until:%H:%M %d/%m/%Y}"
    elif account.must_change_password and account.active:
        state = "đang dùng, phải đổi mật khẩu khi đăng nhập"
    return "\t".join((account.username, account.role, account.full_name, state))


def cmd_disable(args: argparse.Namespace, host: AppHost) -> int:
    with host.opened_services(args.data_dir) as services:
        services.accounts.disable(args.username, by=CONSOLE, reason=args.reason)
    print(f"Đã ngừng tài khoản “{args.username}” (tên vẫn giữ trong lịch sử).")
    return 0


def cmd_enable(args: argparse.Namespace, host: AppHost) -> int:
    with host.opened_services(args.data_dir) as services:
        services.accounts.enable(args.username, by=CONSOLE)
    print(f"Tài khoản “{args.username}” dùng lại được.")
    return 0


def cmd_unlock(args: argparse.Namespace, host: AppHost) -> int:
    with host.opened_services(args.data_dir) as services:
        services.accounts.unlock(args.username, by=CONSOLE)
    print(f"Đã mở khóa tài khoản “{args.username}”.")
    return 0


def cmd_reset(args: argparse.Namespace, host: AppHost) -> int:
    password = _read_password(args)
    with host.opened_services(args.data_dir) as services:
        services.accounts.reset_password(args.username, password, by=CONSOLE)
    print(
        f"Đã đặt lại mật khẩu của “{args.username}”; người dùng phải chọn mật khẩu mới "
        "khi đăng nhập."
    )
    return 0


def cmd_log(args: argparse.Namespace, host: AppHost) -> int:
    with host.opened_services(args.data_dir) as services:
        events = services.accounts.history(by=CONSOLE, limit=args.limit)
    for event in events:
        at = f"{event.at:%d/%m/%Y %H:%M}"
        line = (at, event.actor_name, event.action_name, event.subject_name, event.detail)
        print("\t".join(line).rstrip())
    return 0
