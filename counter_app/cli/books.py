"""`counter-app books`: the dossier logbook (Sổ theo dõi hồ sơ) of a day or a period, as a PDF or
an Excel file."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from counter_app.cli.commands import command_help
from counter_app.services.errors import ServiceError

if TYPE_CHECKING:
    from counter_app.cli.arguments import SubParsers
    from counter_app.cli.host import AppHost


def iso_day(text: str) -> date:
    """A YYYY-MM-DD day, or argparse's one-line usage error (exit 2)."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"ngày “{text}” không hợp lệ (dạng YYYY-MM-DD, ví dụ 2026-03-05)"
        ) from None


def add_commands(sub: SubParsers) -> None:
    books = sub.add_parser("books", help=command_help("books"))
    books.add_argument("--from", dest="first", type=iso_day, required=True, metavar="YYYY-MM-DD")
    books.add_argument(
        "--to", dest="last", type=iso_day, metavar="YYYY-MM-DD", help="mặc định: bằng --from"
    )
    books.add_argument("--out", required=True, help="tệp ra: .pdf (để in) hoặc .xlsx (Excel)")
    books.set_defaults(handler=cmd_books)


def cmd_books(args: argparse.Namespace, host: AppHost) -> int:
    """Write the book; one line says how many dossiers it holds and where it went."""
    from counter_app.config import resolve_data_dir
    from counter_app.domain.reports import Period
    from counter_app.services.books import book_format, opened_books

    out = Path(args.out)
    book_format(out)  # refuse an unknown format before the store is opened
    if not out.parent.exists():
        raise ServiceError(f"Thư mục {out.parent} không tồn tại.")
    period = Period(args.first, args.last or args.first)
    with opened_books(resolve_data_dir(args.data_dir)) as books:
        count = books.write(period, out)
    print(f"Đã ghi sổ theo dõi hồ sơ ({count} hồ sơ) vào {out}")
    return 0
