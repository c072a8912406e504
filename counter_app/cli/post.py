"""`counter-app post`: results returned by post (BCCI), the postal status of an item and the
day's hand-over list for the postman as PDF (docs/domain.md#post)."""

from __future__ import annotations

import argparse
import getpass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from counter_app.cli.arguments import add_group, add_iso_option, time_format
from counter_app.cli.commands import command_help
from counter_app.domain.fee_ledger import format_dong
from counter_app.domain.postal import PostalAddress, parse_status
from counter_app.services.errors import ServiceError

if TYPE_CHECKING:
    from counter_app.cli.arguments import SubParsers
    from counter_app.cli.host import AppHost
    from counter_app.services.postal import PostalItemView


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"ngày {text!r} không đúng dạng YYYY-MM-DD") from exc


def add_commands(sub: SubParsers) -> None:
    psub = add_group(sub, "post", command_help("post"))
    _add_return(psub)
    status = psub.add_parser("status", help="trạng thái bưu gửi (và đặt trạng thái mới)")
    status.add_argument("code", help="số hiệu bưu gửi, hoặc mã hồ sơ trả qua bưu điện")
    status.add_argument("--set", dest="new_status", help="trạng thái mới, ví dụ delivered")
    status.add_argument("--note", help="ghi chú")
    status.add_argument("--clerk", help="tên đăng nhập cán bộ (mặc định: người dùng máy)")
    status.set_defaults(handler=cmd_status)
    show = psub.add_parser("show", help="các bưu gửi của một hồ sơ")
    show.add_argument("code", help="mã hồ sơ")
    add_iso_option(show)
    show.set_defaults(handler=cmd_show)
    handover = psub.add_parser("handover", help="danh sách giao bưu gửi trong ngày (PDF)")
    handover.add_argument("--date", dest="day", type=_day, required=True, help="YYYY-MM-DD")
    handover.add_argument("--out", required=True, help="tệp PDF ra")
    handover.set_defaults(handler=cmd_handover)


def _add_return(psub: SubParsers) -> None:
    back = psub.add_parser("return", help="trả kết quả qua bưu điện (lấy mã vận đơn của máy)")
    back.add_argument("code", help="mã hồ sơ")
    back.add_argument("--receiver", required=True, help="họ tên người nhận")
    back.add_argument("--phone", required=True, help="số điện thoại người nhận")
    back.add_argument("--street", required=True, help="số nhà, thôn/xóm, đường")
    back.add_argument("--province", required=True, help="mã tỉnh, thành phố (ví dụ 42)")
    back.add_argument("--commune", required=True, help="mã xã, phường")
    back.add_argument("--postage", type=int, required=True, help="cước (đồng)")
    back.add_argument("--weight", type=int, help="khối lượng (gam)")
    back.add_argument("--receipt", help="ký hiệu/số biên lai cước (không có: chờ số)")
    back.add_argument("--fees-collected", action="store_true", help="đã thu phí, lệ phí khi trả")
    back.add_argument("--clerk", help="tên đăng nhập cán bộ (mặc định: người dùng máy)")
    back.set_defaults(handler=cmd_return)


def item_lines(item: PostalItemView, *, iso: bool = False) -> list[str]:
    """The item, then its status history: Vietnam time, each step's clerk by name."""
    when, a = time_format(iso), item.address
    head = "\t".join(
        [
            item.tracking_number or "—",
            item.dossier_code,
            item.direction.label,
            item.status.label,
            f"{a.name} · {a.phone} · {a.full_text()}",
            f"cước {format_dong(item.postage)}",
        ]
    )
    history = [
        f"  {when(h.at)}\t{h.status.label}\t{h.actor_name or h.actor}"
        + (f"\t{h.note}" if h.note else "")
        for h in item.history
    ]
    return [head, *history]


def cmd_return(args: argparse.Namespace, host: AppHost) -> int:
    from counter_app.services.postal import PostalReturn

    address = PostalAddress(
        args.receiver, args.phone, args.street, args.province, "", args.commune, ""
    )
    request = PostalReturn(address, args.postage, args.weight, args.receipt, args.fees_collected)
    with host.opened_services(args.data_dir) as services:
        item = services.post.return_by_post(args.code, request, args.clerk or _os_user())
    print(f"Đã trả kết quả hồ sơ {item.dossier_code} qua bưu điện, số hiệu {item.tracking_number}.")
    return 0


def cmd_status(args: argparse.Namespace, host: AppHost) -> int:
    with host.opened_services(args.data_dir) as services:
        number = services.post.number_of(args.code)
        if args.new_status:
            status = parse_status(args.new_status)
            item = services.post.set_status(number, status, args.clerk or _os_user(), args.note)
        else:
            item = services.post.item(number)
    print("\n".join(item_lines(item)))
    return 0


def cmd_show(args: argparse.Namespace, host: AppHost) -> int:
    with host.opened_services(args.data_dir) as services:
        items = services.post.items_of(args.code)
    if not items:
        print(f"Hồ sơ {args.code} không có bưu gửi nào.")
        return 1
    for item in items:
        print("\n".join(item_lines(item, iso=args.iso)))
    return 0


def cmd_handover(args: argparse.Namespace, host: AppHost) -> int:
    out = Path(args.out)
    if not out.parent.exists():
        raise ServiceError(f"Thư mục {out.parent} không tồn tại.")
    with host.opened_services(args.data_dir) as services:
        count = len(services.post.handover(args.day))
        pdf = services.post.handover_pdf(args.day)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_bytes(pdf)
    tmp.replace(out)
    print(f"Đã ghi danh sách giao {count} bưu gửi ngày {args.day:%d/%m/%Y} vào {out}")
    return 0


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        return "?"
