"""The `counter-app` command line: start the window, or run one support command headless."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from counter_app import __version__

Handler = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="counter-app", description="Phần mềm quầy Một cửa (counter_app)"
    )
    parser.add_argument("--version", action="version", version=f"counter-app {__version__}")
    parser.add_argument("--data-dir", help="thư mục dữ liệu (mặc định: thư mục người dùng)")
    parser.add_argument("--smoke-test", action="store_true", help="kiểm tra bản cài đặt rồi thoát")
    sub = parser.add_subparsers(dest="command")
    _add_demo(sub)
    _add_calendar(sub)
    _add_setup(sub)
    _add_config(sub)
    from counter_app import cli_extra

    cli_extra.add_commands(sub)
    return parser


def _add_demo(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("demo", help="điền dữ liệu mẫu vào kho")
    p.add_argument("--dossiers", type=int, required=True, help="số hồ sơ mẫu")
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--with-outbox", action="store_true", help="xếp hàng gửi cả hồ sơ mẫu")


def _add_calendar(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("calendar", help="lịch ngày làm việc")
    csub = p.add_subparsers(dest="calendar_command", required=True)
    show = csub.add_parser("show", help="các ngày nghỉ và ngày làm bù của một năm")
    show.add_argument("year", type=int)
    imp = csub.add_parser("import", help="nhập bảng ngày nghỉ / làm bù (CSV date,kind,name)")
    imp.add_argument("file")
    due = csub.add_parser("due", help="tính ngày hẹn trả")
    due.add_argument("--received", required=True, help='"YYYY-MM-DD HH:MM" giờ Việt Nam')
    group = due.add_mutually_exclusive_group(required=True)
    group.add_argument("--procedure", help="mã thủ tục")
    group.add_argument("--working-days", type=str, help="số ngày làm việc")


def _add_setup(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("setup", help="thiết lập máy lần đầu (không giao diện)")
    p.add_argument("--unit", required=True, help="mã định danh đơn vị, ví dụ 000.00.00.H27")
    p.add_argument("--counter-name", required=True)
    p.add_argument("--slot", type=int, default=0, help="số thứ tự máy trong đơn vị (0-9)")
    p.add_argument("--admin", required=True, help="tên đăng nhập quản trị")
    p.add_argument("--admin-name", required=True, help="họ tên quản trị")
    p.add_argument("--password-stdin", action="store_true", help="đọc mật khẩu từ stdin")


def _add_config(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("config", help="xem / đổi cài đặt của quầy (khổ giấy, giờ làm việc…)")
    csub = p.add_subparsers(dest="config_command", required=True)
    csub.add_parser("list", help="mọi cài đặt và giá trị hiện tại")
    setter = csub.add_parser("set", help="đổi một cài đặt")
    setter.add_argument("key")
    setter.add_argument("value")


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    from counter_app import commands
    from counter_app.services.errors import ServiceError

    try:
        if args.smoke_test:
            return commands.smoke_test(args)
        if args.command is None:
            from counter_app.app import run_gui

            return run_gui(args)
        return commands.dispatch(args)
    except ServiceError as exc:
        print(f"Lỗi: {exc.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `counter-app find … | head`: the reader left, which is fine
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
