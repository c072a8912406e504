"""`counter-app setup`: first-run set-up of a counter without the window."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from counter_app.cli.commands import command_help
from counter_app.services.errors import ServiceError

if TYPE_CHECKING:
    from counter_app.cli.arguments import SubParsers
    from counter_app.cli.host import AppHost


def add_commands(sub: SubParsers) -> None:
    p = sub.add_parser("setup", help=command_help("setup"))
    p.add_argument("--unit", required=True, help="mã định danh đơn vị, ví dụ 000.00.00.H27")
    p.add_argument("--counter-name", required=True, help="tên quầy")
    p.add_argument("--slot", type=int, default=0, help="số thứ tự máy trong đơn vị (0-9)")
    p.add_argument("--admin", required=True, help="tên đăng nhập quản trị")
    p.add_argument("--admin-name", required=True, help="họ tên quản trị")
    p.add_argument("--password-stdin", action="store_true", help="đọc mật khẩu từ stdin")
    p.set_defaults(handler=cmd_setup)


def cmd_setup(args: argparse.Namespace, host: AppHost) -> int:
    password = sys.stdin.readline().rstrip("\r\n") if args.password_stdin else ""
    if not password:
        raise ServiceError("Cần mật khẩu quản trị (dùng --password-stdin).")
    with host.opened_services(args.data_dir) as services:
        identity = services.setup.first_run(
            args.unit, args.counter_name, args.slot, args.admin, args.admin_name, password
        )
    print(
        f"Đã thiết lập quầy “{identity.counter_name}” của {identity.unit_name} "
        f"({identity.unit_code}), máy số {identity.slot}."
    )
    print(
        f"Tài khoản quản trị “{args.admin.strip().lower()}” có vai trò Cán bộ CNTT: tạo tài khoản "
        "Trưởng bộ phận và nhân viên bằng `counter-app user add` hoặc menu Tài khoản."
    )
    return 0
