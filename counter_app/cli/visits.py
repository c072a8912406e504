"""`counter-app visits …` (home appointments) and `counter-app online-help …` (help with online
submission), headless."""

from __future__ import annotations

import argparse
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from counter_app.cli.arguments import add_group, add_iso_option, time_format
from counter_app.cli.commands import command_help
from counter_app.services.errors import ServiceError
from counter_protocol.timefmt import VN_TZ

if TYPE_CHECKING:
    from counter_app.cli.arguments import SubParsers
    from counter_app.cli.host import AppHost
    from counter_app.services.home_visit_views import VisitView
    from counter_app.services.online_help import HelpView

EXIT_NOTHING_FOUND = 1


def add_commands(sub: SubParsers) -> None:
    _add_visits(add_group(sub, "visits", command_help("visits")))
    _add_online_help(add_group(sub, "online-help", command_help("online-help")))


def _add_visits(vsub: SubParsers) -> None:
    book = vsub.add_parser("book", help="đặt lịch hẹn tại nhà cho một cán bộ")
    book.add_argument("--clerk", required=True, help="tên đăng nhập của cán bộ đến nhà")
    book.add_argument("--start", required=True, help='"YYYY-MM-DD HH:MM" giờ Việt Nam')
    book.add_argument("--end", required=True, help='"HH:MM" cùng ngày, giờ Việt Nam')
    book.add_argument("--name", required=True, help="họ tên người dân")
    book.add_argument("--phone", required=True, help="số điện thoại người dân")
    book.add_argument("--address", required=True, help="địa chỉ nơi đến")
    book.add_argument("--area", help="mã đơn vị hành chính (tỉnh/xã) của địa chỉ")
    book.add_argument("--procedure", required=True, help="mã thủ tục")
    book.add_argument("--note", help="ghi chú")
    book.set_defaults(handler=cmd_book)
    show = vsub.add_parser("list", help="các lịch hẹn của một ngày (hoặc cả tuần)")
    show.add_argument("--day", required=True, type=parse_day, help="ngày YYYY-MM-DD")
    show.add_argument("--week", action="store_true", help="cả tuần (thứ Hai – Chủ nhật) của ngày")
    show.add_argument("--clerk", help="chỉ lịch của cán bộ này")
    add_iso_option(show)
    show.set_defaults(handler=cmd_list)
    move = vsub.add_parser("move", help="dời lịch hẹn sang giờ khác (lập lịch hẹn mới)")
    move.add_argument("id", type=int, help="số lịch hẹn")
    move.add_argument("--start", required=True, help='"YYYY-MM-DD HH:MM" giờ Việt Nam')
    move.add_argument("--end", required=True, help='"HH:MM" cùng ngày, giờ Việt Nam')
    move.add_argument("--by", required=True, help="tên đăng nhập người dời lịch")
    move.add_argument("--clerk", help="giao cho cán bộ khác (mặc định: cán bộ cũ)")
    move.set_defaults(handler=cmd_move)
    outcome = vsub.add_parser("outcome", help="ghi kết quả của một lịch hẹn")
    outcome.add_argument("id", type=int, help="số lịch hẹn")
    which = outcome.add_mutually_exclusive_group(required=True)
    which.add_argument("--done", action="store_true", help="đã thực hiện")
    which.add_argument("--absent", action="store_true", help="người dân vắng nhà")
    which.add_argument("--cancel", action="store_true", help="hủy lịch hẹn")
    outcome.add_argument("--by", required=True, help="tên đăng nhập người ghi")
    outcome.add_argument("--note", help="ghi chú")
    outcome.set_defaults(handler=cmd_outcome)


def _add_online_help(hsub: SubParsers) -> None:
    add = hsub.add_parser("add", help="ghi nhận đã hỗ trợ người dân nộp hồ sơ trực tuyến")
    add.add_argument("--portal-code", required=True, help="mã hồ sơ trên Cổng dịch vụ công")
    add.add_argument(
        "--kind",
        required=True,
        choices=("full", "partial"),
        help="full: toàn trình; partial: một phần",
    )
    add.add_argument("--procedure", required=True, help="mã thủ tục")
    add.add_argument("--name", required=True, help="họ tên người dân")
    add.add_argument("--phone", help="số điện thoại người dân")
    add.add_argument("--clerk", required=True, help="tên đăng nhập của cán bộ hỗ trợ")
    add.add_argument("--at", help='lúc hỗ trợ "YYYY-MM-DD HH:MM" giờ Việt Nam (mặc định: bây giờ)')
    add.add_argument("--note", help="ghi chú")
    add.set_defaults(handler=cmd_help_add)
    show = hsub.add_parser("list", help="các lần hỗ trợ trong một ngày")
    show.add_argument("--day", required=True, type=parse_day, help="ngày YYYY-MM-DD")
    show.add_argument("--clerk", help="chỉ của cán bộ này")
    add_iso_option(show)
    show.set_defaults(handler=cmd_help_list)


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"“{text}” không phải ngày YYYY-MM-DD") from exc


def parse_moment(text: str, what: str) -> datetime:
    """ "YYYY-MM-DD HH:MM" in Vietnam time."""
    try:
        return datetime.strptime(text.strip(), "%Y-%m-%d %H:%M").replace(tzinfo=VN_TZ)
    except ValueError as exc:
        raise ServiceError(f'{what} “{text}” không đúng dạng "YYYY-MM-DD HH:MM".') from exc


def parse_slot(start_text: str, end_text: str) -> tuple[datetime, datetime]:
    """ "YYYY-MM-DD HH:MM" and "HH:MM" (the same day) in Vietnam time."""
    start = parse_moment(start_text, "Giờ bắt đầu")
    try:
        end_clock = time.fromisoformat(end_text.strip())
    except ValueError as exc:
        raise ServiceError(f'Giờ kết thúc “{end_text}” không đúng dạng "HH:MM".') from exc
    return start, datetime.combine(start.date(), end_clock, tzinfo=VN_TZ)


def cmd_book(args: argparse.Namespace, host: AppHost) -> int:
    from counter_app.services.home_visits import VisitRequest

    start, end = parse_slot(args.start, args.end)
    request = VisitRequest(
        clerk=args.clerk,
        start=start,
        end=end,
        citizen_name=args.name,
        phone=args.phone,
        address=args.address,
        procedure_code=args.procedure,
        area_code=args.area,
        note=args.note,
    )
    with host.opened_services(args.data_dir) as services:
        visit = services.home_visits.get(services.home_visits.book(request))
    print(f"Đã đặt lịch hẹn số {visit.id}.")
    print(visit_line(visit))
    return 0


def cmd_list(args: argparse.Namespace, host: AppHost) -> int:
    """One appointment a line, by start time; exit 1 when there is none."""
    with host.opened_services(args.data_dir) as services:
        listing = services.home_visits.week if args.week else services.home_visits.day
        visits = listing(args.day, args.clerk)
    for visit in visits:
        print(visit_line(visit, iso=args.iso))
    return 0 if visits else EXIT_NOTHING_FOUND


def cmd_move(args: argparse.Namespace, host: AppHost) -> int:
    start, end = parse_slot(args.start, args.end)
    with host.opened_services(args.data_dir) as services:
        visits = services.home_visits
        visit = visits.get(visits.reschedule(args.id, start, end, args.by, clerk=args.clerk))
    print(f"Đã dời lịch hẹn số {args.id} sang lịch hẹn số {visit.id}.")
    print(visit_line(visit))
    return 0


def cmd_outcome(args: argparse.Namespace, host: AppHost) -> int:
    from counter_app.domain.appointments import VisitStatus

    if args.done:
        outcome = VisitStatus.DONE
    elif args.absent:
        outcome = VisitStatus.ABSENT
    else:
        outcome = VisitStatus.CANCELLED
    with host.opened_services(args.data_dir) as services:
        services.home_visits.record_outcome(args.id, outcome, args.by, args.note)
    print(f"Lịch hẹn số {args.id}: {outcome.label}.")
    return 0


def cmd_help_add(args: argparse.Namespace, host: AppHost) -> int:
    from counter_app.domain.appointments import HelpKind
    from counter_app.services.online_help import HelpInput

    entry = HelpInput(
        portal_code=args.portal_code,
        kind=HelpKind(args.kind),
        procedure_code=args.procedure,
        citizen_name=args.name,
        clerk=args.clerk,
        phone=args.phone,
        note=args.note,
        helped_at=parse_moment(args.at, "Thời điểm hỗ trợ") if args.at else None,
    )
    with host.opened_services(args.data_dir) as services:
        number = services.online_help.add(entry)
    print(f"Đã ghi nhận hỗ trợ số {number} (hồ sơ {args.portal_code.strip()} trên Cổng).")
    return 0


def cmd_help_list(args: argparse.Namespace, host: AppHost) -> int:
    with host.opened_services(args.data_dir) as services:
        rows = services.online_help.day(args.day, args.clerk)
    for row in rows:
        print(help_line(row, iso=args.iso))
    return 0 if rows else EXIT_NOTHING_FOUND


def visit_line(v: VisitView, *, iso: bool = False) -> str:
    """Vietnam time (`dd/mm/yyyy HH:mm`, or sortable with `iso`); the clerk by name."""
    when = time_format(iso)
    dossier = f"\thồ sơ {v.dossier_code}" if v.dossier_code else ""
    return (
        f"{v.id}\t{when(v.start)}–{when(v.end)[-5:]}\t{v.clerk_name or v.clerk}\t"
        f"{v.status.label}\t{v.citizen_name}\t{v.phone}\t{v.address}\t{v.procedure_code}{dossier}"
    )


def help_line(h: HelpView, *, iso: bool = False) -> str:
    return (
        f"{h.id}\t{time_format(iso)(h.helped_at)}\t{h.portal_code}\t{h.kind.label}\t"
        f"{h.procedure_code}\t{h.citizen_name}\t{h.phone or ''}\t{h.clerk_shown}"
    )
