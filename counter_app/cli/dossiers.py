"""`counter-app find`: stored dossiers from a terminal, with the list's filters."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from counter_app.cli.commands import command_help
from counter_app.services.errors import ServiceError

if TYPE_CHECKING:
    from counter_app.cli.arguments import SubParsers
    from counter_app.cli.host import AppHost
    from counter_app.services.dto import DossierRow

EXIT_NOTHING_FOUND = 1
PAGE = 100  # the list's page (services.search.PAGE_SIZE)
COUNT_CAP = 10_000  # "how many more" is counted up to here: a common name matches a third


def add_commands(sub: SubParsers) -> None:
    find = sub.add_parser("find", help=command_help("find"))
    find.add_argument("text", nargs="*", help="nội dung cần tìm (bỏ trống: mọi hồ sơ)")
    find.add_argument(
        "--status",
        type=int,
        choices=range(1, 11),
        metavar="N",
        help="chỉ hồ sơ có trạng thái N (1–10, mã trạng thái quốc gia)",
    )
    find.add_argument(
        "--form", type=form_number, metavar="NN", help="chỉ hồ sơ đã được cấp mẫu NN (01–06)"
    )
    find.add_argument(
        "--limit",
        type=int,
        default=PAGE,
        help=f"số dòng tối đa (mặc định {PAGE}, như một trang danh sách)",
    )
    find.add_argument(
        "--iso",
        action="store_true",
        help="thời gian dạng YYYY-MM-DD HH:MM (cho chương trình đọc); mặc định dd/mm/yyyy HH:mm",
    )
    find.set_defaults(handler=cmd_find)


def form_number(text: str) -> str:
    """ "1", "01" or "Mẫu 01" → "01"; anything else is a usage error (exit 2)."""
    digits = text.strip().lower().removeprefix("mẫu").strip()
    if not digits.isdigit() or not 1 <= int(digits) <= 6:
        raise argparse.ArgumentTypeError(f"“{text}” không phải số mẫu 01–06")
    return f"{int(digits):02d}"


def cmd_find(args: argparse.Namespace, host: AppHost) -> int:
    """One dossier per line, tab-separated, code first; how many more on stderr; exit 1 when
    nothing matches."""
    from counter_app.services.search import DossierQuery

    if args.limit < 1:
        raise ServiceError("Số dòng tối đa (--limit) phải từ 1 trở lên.")
    query = DossierQuery(
        text=" ".join(args.text),
        statuses=(args.status,) if args.status else (),
        form_no=args.form,
    )
    with host.opened_services(args.data_dir) as services:
        rows = services.search.find(query, limit=args.limit)
        more = services.search.count_after(query, rows[-1], cap=COUNT_CAP + 1) if rows else 0
    for row in rows:
        print(line_of(row, sortable=args.iso))
    if more:
        _say_more(more)
    return 0 if rows else EXIT_NOTHING_FOUND


def line_of(r: DossierRow, *, sortable: bool = False) -> str:
    """Times in Vietnam time: `dd/mm/yyyy HH:mm` as people read them, or sortable for scripts."""
    from counter_protocol.statuses import Status
    from counter_protocol.timefmt import format_vn, format_vn_sortable

    when = format_vn_sortable if sortable else format_vn
    return (
        f"{r.code}\t{r.applicant_name}\t{r.id_number or ''}\t{r.phone or ''}\t"
        f"{r.procedure_code}\t{Status(r.status).label}\t{when(r.received_at)}\t"
        f"hẹn {when(r.due_at)}"
    )


def _say_more(more: int) -> None:
    """On stderr, so that stdout stays one dossier a line for scripts."""
    count = f"hơn {COUNT_CAP:,}" if more > COUNT_CAP else f"{more:,}"
    count = count.replace(",", ".")
    print(
        f"… còn {count} hồ sơ khác khớp (tăng --limit hoặc lọc thêm để xem).",
        file=sys.stderr,
    )
