"""Support commands added by later issues: find, print (issue 3), enrol, sync (issue 4)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from counter_app.cli_sync import add_sync_commands, cmd_enrol, cmd_sync
from counter_app.services.errors import ServiceError

Handler = Callable[[argparse.Namespace], int]
if TYPE_CHECKING:  # not subscriptable at run time on Python 3.11
    SubParsers = argparse._SubParsersAction[argparse.ArgumentParser]


def add_commands(sub: SubParsers) -> None:
    find = sub.add_parser("find", help="tìm hồ sơ (mã, CCCD, điện thoại, họ tên có/không dấu)")
    find.add_argument("text", nargs="+")
    find.add_argument("--limit", type=int, default=50)
    prt = sub.add_parser("print", help="in một mẫu của hồ sơ đã lưu ra tệp PDF")
    prt.add_argument("code")
    prt.add_argument("--form", default="01", choices=["01"], help="mẫu (01: giấy tiếp nhận)")
    prt.add_argument("--out", required=True, help="tệp PDF ra")
    add_sync_commands(sub)


def cmd_find(args: argparse.Namespace) -> int:
    from counter_app.app import opened_services
    from counter_app.services.search import DossierQuery
    from counter_protocol.statuses import Status
    from counter_protocol.timefmt import format_vn

    with opened_services(args.data_dir) as services:
        rows = services.search.find(DossierQuery(text=" ".join(args.text)), limit=args.limit)
    for r in rows:
        print(f"{r.code}\t{r.applicant_name}\t{r.id_number or ''}\t{r.phone or ''}\t"
              f"{r.procedure_code}\t{Status(r.status).label}\t{format_vn(r.received_at)}\t"
              f"hẹn {format_vn(r.due_at)}")
    return 0 if rows else 1


def cmd_print(args: argparse.Namespace) -> int:
    from counter_app.app import opened_services

    out = Path(args.out)
    if not out.parent.exists():
        raise ServiceError(f"Thư mục {out.parent} không tồn tại.")
    with opened_services(args.data_dir) as services:
        services.slips.save_pdf(args.code, out)
    print(f"Đã ghi mẫu {args.form} của hồ sơ {args.code.strip().upper()} vào {out}")
    return 0


HANDLERS: dict[str, Handler] = {"find": cmd_find, "print": cmd_print, "enrol": cmd_enrol,
                                "sync": cmd_sync}
