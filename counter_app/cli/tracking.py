"""`counter-app tracking`: this PC's postal tracking numbers (S10): import a file of numbers as
this PC's own, and how many are left (docs/decisions/0027)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from counter_app.cli.arguments import add_group
from counter_app.cli.commands import command_help
from counter_app.services.errors import ServiceError

if TYPE_CHECKING:
    from counter_app.cli.arguments import SubParsers
    from counter_app.cli.host import AppHost


def add_commands(sub: SubParsers) -> None:
    tsub = add_group(sub, "tracking", command_help("tracking"))
    load = tsub.add_parser("import", help="nạp tệp mã vận đơn (mỗi dòng một mã), cả tệp hoặc không")
    load.add_argument("file", help="tệp văn bản UTF-8, mỗi dòng một mã S10")
    load.set_defaults(handler=cmd_import)
    status = tsub.add_parser("status", help="số mã còn lại, đã dùng, cảnh báo khi sắp hết")
    status.set_defaults(handler=cmd_status)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise ServiceError(f"Không có tệp {path}.", code="post.pool_file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ServiceError(
            f"Không đọc được tệp {path} (cần tệp văn bản UTF-8): {exc}", code="post.pool_file"
        ) from exc


def cmd_import(args: argparse.Namespace, host: AppHost) -> int:
    path = Path(args.file)
    text = _read(path)
    with host.opened_services(args.data_dir) as services:
        count = services.tracking_pool.import_text(text, path.name)
        left = services.tracking_pool.status().unused
    print(f"Đã nạp {count} mã vận đơn từ {path.name} cho máy này; còn {left} mã chưa dùng.")
    return 0


def cmd_status(args: argparse.Namespace, host: AppHost) -> int:
    with host.opened_services(args.data_dir) as services:
        status = services.tracking_pool.status()
    print(f"Còn lại: {status.unused}")
    print(f"Đã dùng: {status.used}")
    if status.pending_claims:
        print(f"Chờ máy chủ xác nhận (mã nạp từ tệp): {status.pending_claims}")
    if status.refused:
        print(f"Máy chủ từ chối (máy khác đã giữ, không dùng): {status.refused}")
    if status.unit_held:
        print(f"Cấp chung cho đơn vị (chỉ lưu, không dùng): {status.unit_held}")
    if status.low:
        print(
            f"Cảnh báo: còn {status.unused} mã, dưới mức {status.low_at}. Hãy đồng bộ hoặc "
            "xin thêm mã vận đơn."
        )
    return 0
