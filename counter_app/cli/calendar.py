"""`counter-app calendar show|import|due`: the working-day calendar, headless."""

from __future__ import annotations

import argparse
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING

from counter_app.cli.arguments import add_group
from counter_app.cli.commands import command_help
from counter_app.domain.calendar import DurationUnit
from counter_app.services.errors import ServiceError
from counter_protocol.timefmt import VN_TZ, format_vn, format_vn_sortable

if TYPE_CHECKING:
    from counter_app.cli.arguments import SubParsers
    from counter_app.cli.host import AppHost, CommandServices


def add_commands(sub: SubParsers) -> None:
    csub = add_group(sub, "calendar", command_help("calendar"))
    show = csub.add_parser("show", help="các ngày nghỉ và ngày làm bù của một năm")
    show.add_argument("year", type=int, help="năm, ví dụ 2026")
    show.set_defaults(handler=cmd_show)
    imp = csub.add_parser("import", help="nhập bảng ngày nghỉ / làm bù (CSV date,kind,name)")
    imp.add_argument("file", help="tệp CSV (UTF-8)")
    imp.set_defaults(handler=cmd_import)
    due = csub.add_parser("due", help="tính ngày hẹn trả")
    due.add_argument("--received", required=True, help='"YYYY-MM-DD HH:MM" giờ Việt Nam')
    group = due.add_mutually_exclusive_group(required=True)
    group.add_argument("--procedure", help="mã thủ tục")
    group.add_argument("--working-days", type=str, help="số ngày làm việc")
    due.set_defaults(handler=cmd_due)


def cmd_show(args: argparse.Namespace, host: AppHost) -> int:
    if not 1900 <= args.year <= 2200:
        raise ServiceError(f"Năm {args.year} không hợp lệ.")
    with host.opened_services(args.data_dir) as services:
        table = services.calendar.year_table(args.year)
    for day, kind, name in table:
        label = "nghỉ" if kind == "holiday" else "làm bù"
        print(f"{day.isoformat()}  {kind:<8} {label:<7} {name}")
    return 0


def cmd_import(args: argparse.Namespace, host: AppHost) -> int:
    with host.opened_services(args.data_dir) as services:
        count = services.calendar.import_overrides(Path(args.file))
    print(f"Đã nhập {count} ngày từ {args.file}.")
    return 0


def cmd_due(args: argparse.Namespace, host: AppHost) -> int:
    received = parse_received(args.received)
    with host.opened_services(args.data_dir) as services:
        if args.procedure:
            due, detail = _due_for_procedure(services, received, args.procedure)
        else:
            amount = _working_days(args.working_days)
            due = services.calendar.due(received, amount, DurationUnit.WORKING_DAYS, None)
            detail = f"{args.working_days} ngày làm việc"
    print(format_vn_sortable(due))  # the line scripts read, in the form --received takes
    print(f"Tiếp nhận {format_vn(received)} (giờ Việt Nam); {detail}")
    return 0


def parse_received(text: str) -> datetime:
    try:
        moment = datetime.strptime(text.strip(), "%Y-%m-%d %H:%M")
    except ValueError as exc:
        raise ServiceError(f'Thời điểm “{text}” không đúng dạng "YYYY-MM-DD HH:MM".') from exc
    return moment.replace(tzinfo=VN_TZ)


def _working_days(text: str) -> Decimal:
    try:
        return Decimal(text.replace(",", "."))
    except InvalidOperation as exc:
        raise ServiceError(f"Số ngày làm việc “{text}” không hợp lệ.") from exc


def _due_for_procedure(
    services: CommandServices, received: datetime, code: str
) -> tuple[datetime, str]:
    from counter_app.services.catalogue import ensure_catalogue

    ensure_catalogue(services.store)
    info = services.procedures.get(code)
    due = services.calendar.due(received, info.processing_amount, info.processing_unit, info.cutoff)
    return due, f"{info.code} {info.name}: {info.processing_text}"
