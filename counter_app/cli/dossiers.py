"""`counter-app find` and `counter-app print`: stored dossiers, from a terminal."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from counter_app.services.errors import ServiceError

if TYPE_CHECKING:
    from counter_app.cli.arguments import SubParsers
    from counter_app.cli.host import AppHost

EXIT_NOTHING_FOUND = 1


def add_commands(sub: SubParsers) -> None:
    find = sub.add_parser("find", help="tìm hồ sơ (mã, CCCD, điện thoại, họ tên có/không dấu)")
    find.add_argument("text", nargs="+", help="nội dung cần tìm")
    find.add_argument("--limit", type=int, default=50, help="số dòng tối đa (mặc định 50)")
    find.set_defaults(handler=cmd_find)
    prt = sub.add_parser("print", help="in một mẫu của hồ sơ đã lưu ra tệp PDF")
    prt.add_argument("code", help="mã hồ sơ")
    prt.add_argument("--form", default="01", choices=["01"], help="mẫu (01: giấy tiếp nhận)")
    prt.add_argument("--out", required=True, help="tệp PDF ra")
    prt.set_defaults(handler=cmd_print)


def cmd_find(args: argparse.Namespace, host: AppHost) -> int:
    """One dossier per line, tab-separated, code first; exit 1 when nothing matches."""
    from counter_app.services.search import DossierQuery
    from counter_protocol.statuses import Status
    from counter_protocol.timefmt import format_vn

    with host.opened_services(args.data_dir) as services:
        rows = services.search.find(DossierQuery(text=" ".join(args.text)), limit=args.limit)
    for r in rows:
        print(
            f"{r.code}\t{r.applicant_name}\t{r.id_number or ''}\t{r.phone or ''}\t"
            f"{r.procedure_code}\t{Status(r.status).label}\t{format_vn(r.received_at)}\t"
            f"hẹn {format_vn(r.due_at)}"
        )
    return 0 if rows else EXIT_NOTHING_FOUND


def cmd_print(args: argparse.Namespace, host: AppHost) -> int:
    out = Path(args.out)
    if not out.parent.exists():
        raise ServiceError(f"Thư mục {out.parent} không tồn tại.")
    with host.opened_services(args.data_dir) as services:
        services.slips.save_pdf(args.code, out)
    print(f"Đã ghi mẫu {args.form} của hồ sơ {args.code.strip().upper()} vào {out}")
    return 0
