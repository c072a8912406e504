"""`counter-app fees`: a dossier's fees and ledger entries, collecting a line with the receipt the
clerk wrote, giving a pending entry its receipt number, and the daily cash report as PDF."""

from __future__ import annotations

import argparse
import getpass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from counter_app.cli.arguments import add_group
from counter_app.cli.commands import command_help
from counter_app.domain.fee_ledger import Direction, FeeKind, format_dong
from counter_app.services.errors import ServiceError

if TYPE_CHECKING:
    from counter_app.cli.arguments import SubParsers
    from counter_app.cli.host import AppHost, CommandServices
    from counter_app.services.fee_entries import EntryView
    from counter_app.services.fees import FeeService


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"ngày {text!r} không đúng dạng YYYY-MM-DD") from exc


def add_commands(sub: SubParsers) -> None:
    fsub = add_group(sub, "fees", command_help("fees"))
    show = fsub.add_parser("show", help="các khoản phí, lệ phí của hồ sơ và các lần thu")
    show.add_argument("code", help="mã hồ sơ")
    show.set_defaults(handler=cmd_show)
    collect = fsub.add_parser("collect", help="ghi một lần thu theo biên lai đã lập")
    collect.add_argument("code", help="mã hồ sơ")
    collect.add_argument("--line", required=True, help="tên khoản phí, lệ phí của hồ sơ")
    given = collect.add_mutually_exclusive_group(required=True)
    given.add_argument("--receipt", help="ký hiệu/số biên lai, ví dụ 1C26TBL/0000123")
    given.add_argument("--pending", action="store_true", help="chưa có số biên lai")
    collect.add_argument("--amount", type=int, help="số tiền (đồng), khi khác mức thu")
    collect.add_argument("--reason", help="lý do thu khác mức")
    collect.add_argument("--clerk", help="tên đăng nhập cán bộ thu (mặc định: người dùng máy)")
    collect.set_defaults(handler=cmd_collect)
    receipt = fsub.add_parser("receipt", help="bổ sung số biên lai cho một lần thu đang chờ")
    receipt.add_argument("entry", type=int, help="số lần thu (cột đầu của fees show)")
    receipt.add_argument("receipt", help="ký hiệu/số biên lai")
    receipt.add_argument("--clerk", help="tên đăng nhập cán bộ (mặc định: người dùng máy)")
    receipt.set_defaults(handler=cmd_receipt)
    _add_refund(fsub)
    report = fsub.add_parser("report", help="bảng kê thu phí, lệ phí trong ngày (PDF, A4)")
    report.add_argument("--day", type=_day, required=True, help="ngày, dạng YYYY-MM-DD")
    report.add_argument("--clerk", help="chỉ các lần thu của cán bộ này (tên đăng nhập)")
    report.add_argument("--out", required=True, help="tệp PDF ra")
    report.set_defaults(handler=cmd_report)


def _add_refund(fsub: SubParsers) -> None:
    refund = fsub.add_parser("refund", help="hoàn trả tiền của một lần thu (ghi thêm, không sửa)")
    refund.add_argument("entry", type=int, help="số lần thu (cột đầu của fees show)")
    refund.add_argument("--reason", required=True, help="lý do hoàn trả")
    refund.add_argument("--amount", type=int, help="số tiền hoàn (mặc định: cả lần thu)")
    refund.add_argument("--clerk", help="tên đăng nhập cán bộ (mặc định: người dùng máy)")
    refund.set_defaults(handler=cmd_refund)


def _fees(services: CommandServices) -> FeeService:
    """The ledger over the command's store (the CLI needs no other service of it)."""
    from counter_app.services.fees import FeeService

    return FeeService(services.store)


def entry_line(entry: EntryView) -> str:
    """#id, time, line, kind, direction, amount, receipt: one tab-separated line."""
    receipt = entry.receipt or ("chờ số biên lai" if entry.pending else "")
    return "\t".join(
        [
            f"#{entry.id}",
            f"{entry.at:%d/%m/%Y %H:%M}",
            entry.line_name,
            FeeKind(entry.kind).label,
            Direction(entry.direction).label,
            format_dong(entry.amount),
            receipt,
            entry.clerk,
        ]
    )


def cmd_show(args: argparse.Namespace, host: AppHost) -> int:
    with host.opened_services(args.data_dir) as services:
        fees = _fees(services)
        lines, entries = fees.owed(args.code), fees.entries_of(args.code)
    for line in lines:
        owed = "miễn" if line.collected == "exempt" else f"còn {format_dong(line.owed)}"
        print(f"{line.name}\t{format_dong(line.amount)}\t{line.collected}\t{owed}")
    for entry in entries:
        print(entry_line(entry))
    return 0


def cmd_collect(args: argparse.Namespace, host: AppHost) -> int:
    clerk = args.clerk or _os_user()
    with host.opened_services(args.data_dir) as services:
        entry = _fees(services).collect(
            args.code,
            args.line,
            clerk=clerk,
            receipt=None if args.pending else args.receipt,
            amount=args.amount,
            reason=args.reason,
        )
    print(f"Đã ghi: {entry_line(entry)}")
    return 0


def cmd_receipt(args: argparse.Namespace, host: AppHost) -> int:
    with host.opened_services(args.data_dir) as services:
        entry = _fees(services).attach_receipt(
            args.entry, args.receipt, clerk=args.clerk or _os_user()
        )
    print(f"Đã ghi: {entry_line(entry)}")
    return 0


def cmd_refund(args: argparse.Namespace, host: AppHost) -> int:
    with host.opened_services(args.data_dir) as services:
        entry = _fees(services).refund(
            args.entry, clerk=args.clerk or _os_user(), reason=args.reason, amount=args.amount
        )
    print(f"Đã ghi: {entry_line(entry)}")
    return 0


def cmd_report(args: argparse.Namespace, host: AppHost) -> int:
    out = Path(args.out)
    if not out.parent.exists():
        raise ServiceError(f"Thư mục {out.parent} không tồn tại.")
    with host.opened_services(args.data_dir) as services:
        pdf = _fees(services).cash_report(args.day, args.clerk)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_bytes(pdf)
    tmp.replace(out)
    print(f"Đã ghi bảng kê thu ngày {args.day:%d/%m/%Y} vào {out}")
    return 0


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        return "?"
