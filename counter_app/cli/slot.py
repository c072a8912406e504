"""`counter-app slot import FILE`: number above what an earlier PC of this slot issued (offline)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from counter_app.cli.arguments import add_group
from counter_app.cli.commands import command_help
from counter_app.services.errors import ServiceError
from counter_app.services.slot_file import import_slot_file

if TYPE_CHECKING:
    from counter_app.cli.arguments import SubParsers
    from counter_app.cli.host import AppHost


def add_commands(sub: SubParsers) -> None:
    ssub = add_group(sub, "slot", command_help("slot"))
    imp = ssub.add_parser(
        "import",
        help="nạp tệp số thứ tự đã dùng của máy số này (do máy chủ ký, "
        "tạo bằng “counter-server slot-file”)",
    )
    imp.add_argument("file", help="tệp JSON do máy chủ ký")
    imp.add_argument(
        "--server-key", help="khoá công khai của máy chủ (base64), khi máy chưa từng đăng ký"
    )
    imp.set_defaults(handler=cmd_import)


def cmd_import(args: argparse.Namespace, host: AppHost) -> int:
    try:
        data = Path(args.file).read_bytes()
    except OSError as exc:
        raise ServiceError(f"Không đọc được tệp {args.file}: {exc.strerror}.") from exc
    with host.opened_services(args.data_dir) as services:
        done = import_slot_file(services.store, data, args.server_key)
    if done.latest is None:
        print(
            f"Đã kiểm tra tệp của đơn vị {done.unit_code}, máy số {done.slot}: máy này chưa cấp "
            "mã nào gần đây."
        )
        return 0
    day = f"{done.latest[4:6]}/{done.latest[2:4]}/20{done.latest[:2]}"
    print(
        f"Đã nạp số thứ tự hồ sơ của đơn vị {done.unit_code}, máy số {done.slot} ({done.days} "
        f"ngày). Ngày {day}: mã tiếp theo từ số {done.slot * 1000 + done.latest_seq + 1:04d}."
    )
    return 0
