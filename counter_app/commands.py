"""Headless commands of `counter-app` (support staff and scripts). Each prints one clear line on
error and exits non-zero; nothing is half-written because each write is one transaction."""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING

from counter_app.domain.calendar import DurationUnit
from counter_app.services.errors import ServiceError
from counter_protocol.timefmt import VN_TZ, format_vn

if TYPE_CHECKING:
    from counter_app.app import Services


def dispatch(args: argparse.Namespace) -> int:
    handlers = {
        "demo": cmd_demo,
        "calendar": cmd_calendar,
        "setup": cmd_setup,
        "config": cmd_config,
    }
    from counter_app import cli_extra

    handlers.update(cli_extra.HANDLERS)
    return handlers[args.command](args)


def smoke_test(args: argparse.Namespace) -> int:
    """Open (or create) the store, migrate, check the catalogue and the calendar, and more."""
    from counter_app.app import opened_services
    from counter_app.services.catalogue import ensure_catalogue
    from counter_app.smoke import extra_checks

    with opened_services(args.data_dir) as services:
        version = ensure_catalogue(services.store)
        count = len(services.procedures.search("", limit=10_000))
        if count == 0:
            raise ServiceError("Danh mục thủ tục trống.")
        due = services.calendar.due(
            datetime(2026, 2, 13, 9, 0, tzinfo=VN_TZ), Decimal(1), "working_days", None
        )
        if due.date() != date(2026, 2, 23):  # Tết 2026: 16–20/02 off
            raise ServiceError(f"Lịch ngày làm việc tính sai: {format_vn(due)}.")
        extra = extra_checks(services)
    print(f"smoke-test: ok (kho {services.store.paths.db_file}, danh mục {version}, "
          f"{count} thủ tục{extra})")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from counter_app.app import opened_services
    from counter_app.services.demo import fill_demo

    if args.dossiers < 0:
        raise ServiceError("Số hồ sơ mẫu phải là số không âm.")
    with opened_services(args.data_dir) as services:
        report = fill_demo(services.store, services.calendar, args.dossiers, seed=args.seed,
                           with_outbox=args.with_outbox, progress=_progress)
    print(report)
    return 0


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)


def cmd_calendar(args: argparse.Namespace) -> int:
    from counter_app.app import opened_services

    with opened_services(args.data_dir) as services:
        if args.calendar_command == "show":
            return _calendar_show(services, args.year)
        if args.calendar_command == "import":
            count = services.calendar.import_overrides(Path(args.file))
            print(f"Đã nhập {count} ngày từ {args.file}.")
            return 0
        return _calendar_due(services, args)


def _calendar_show(services: Services, year: int) -> int:
    if not 1900 <= year <= 2200:
        raise ServiceError(f"Năm {year} không hợp lệ.")
    for day, kind, name in services.calendar.year_table(year):
        label = "nghỉ" if kind == "holiday" else "làm bù"
        print(f"{day.isoformat()}  {kind:<8} {label:<7} {name}")
    return 0


def parse_received(text: str) -> datetime:
    try:
        moment = datetime.strptime(text.strip(), "%Y-%m-%d %H:%M")
    except ValueError as exc:
        raise ServiceError(f"Thời điểm “{text}” không đúng dạng \"YYYY-MM-DD HH:MM\".") from exc
    return moment.replace(tzinfo=VN_TZ)


def _calendar_due(services: Services, args: argparse.Namespace) -> int:
    received = parse_received(args.received)
    if args.procedure:
        from counter_app.services.catalogue import ensure_catalogue

        ensure_catalogue(services.store)
        info = services.procedures.get(args.procedure)
        cutoff = info.cutoff
        due = services.calendar.due(received, info.processing_amount, info.processing_unit, cutoff)
        detail = f"{info.code} {info.name}: {info.processing_text}"
    else:
        try:
            amount = Decimal(args.working_days.replace(",", "."))
        except InvalidOperation as exc:
            raise ServiceError(f"Số ngày làm việc “{args.working_days}” không hợp lệ.") from exc
        due = services.calendar.due(received, amount, DurationUnit.WORKING_DAYS, None)
        detail = f"{args.working_days} ngày làm việc"
    print(format_vn(due))
    print(f"Tiếp nhận {format_vn(received)} (giờ Việt Nam); {detail}")
    return 0


def cmd_setup(args: argparse.Namespace) -> int:
    from counter_app.app import opened_services

    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else ""
    if not password:
        raise ServiceError("Cần mật khẩu quản trị (dùng --password-stdin).")
    with opened_services(args.data_dir) as services:
        identity = services.setup.first_run(
            args.unit, args.counter_name, args.slot, args.admin, args.admin_name, password
        )
    print(f"Đã thiết lập quầy “{identity.counter_name}” của {identity.unit_name} "
          f"({identity.unit_code}), slot {identity.slot}.")
    return 0


def cmd_config(args: argparse.Namespace) -> int:
    from counter_app.app import opened_services
    from counter_app.services.settings import DEFAULTS, check_setting, get_setting, set_setting

    with opened_services(args.data_dir) as services:
        if args.config_command == "list":
            with services.store.read() as session:
                for key in DEFAULTS:
                    print(f"{key} = {get_setting(session, key)}")
            return 0
        if args.key not in DEFAULTS:
            raise ServiceError(f"Không có cài đặt “{args.key}”. Xem: counter-app config list")
        check_setting(args.key, args.value)
        with services.store.write() as session:
            set_setting(session, args.key, args.value)
    print(f"Đã đặt {args.key} = {args.value}")
    return 0
