"""`counter-app report`: the figures of a period (by procedure, field, channel, status; early, on
time, late; the monthly work counts per clerk) as an Excel workbook with its charts."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from counter_app.cli.books import iso_day
from counter_app.cli.commands import command_help
from counter_app.services.errors import ServiceError

if TYPE_CHECKING:
    from counter_app.cli.arguments import SubParsers
    from counter_app.cli.host import AppHost


def add_commands(sub: SubParsers) -> None:
    report = sub.add_parser("report", help=command_help("report"))
    report.add_argument("--from", dest="first", type=iso_day, required=True, metavar="YYYY-MM-DD")
    report.add_argument(
        "--to", dest="last", type=iso_day, metavar="YYYY-MM-DD", help="mặc định: bằng --from"
    )
    report.add_argument("--out", required=True, help="tệp Excel ra (.xlsx)")
    report.set_defaults(handler=cmd_report)


def cmd_report(args: argparse.Namespace, host: AppHost) -> int:
    """Write the workbook; one line says how many dossiers it counts and where it went."""
    from counter_app.config import resolve_data_dir
    from counter_app.domain.reports import Period
    from counter_app.services.reports import opened_reports

    out = Path(args.out)
    if out.suffix.lower() != ".xlsx":
        raise ServiceError(
            f"Không ghi được báo cáo ra tệp “{out.name}”: chỉ hỗ trợ tệp .xlsx.",
            advice="Đặt tên tệp ra có đuôi .xlsx (để mở bằng Excel).",
        )
    if not out.parent.exists():
        raise ServiceError(f"Thư mục {out.parent} không tồn tại.")
    with opened_reports(resolve_data_dir(args.data_dir)) as reports:
        report = reports.write(Period(args.first, args.last or args.first), out)
    print(
        f"Đã ghi báo cáo ({report.received} hồ sơ đã tiếp nhận, {len(report.work)} dòng công "
        f"việc theo tháng) vào {out}"
    )
    return 0
