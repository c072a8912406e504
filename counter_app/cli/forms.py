"""`counter-app forms` and `counter-app print`: a dossier's issued forms (Mẫu 01–06), listed
and printed again to a PDF file."""

from __future__ import annotations

import argparse
import getpass
from pathlib import Path
from typing import TYPE_CHECKING

from counter_app.cli.commands import command_help
from counter_app.cli.dossiers import form_number
from counter_app.services.errors import NotFound, ServiceError

if TYPE_CHECKING:
    from counter_app.cli.arguments import SubParsers
    from counter_app.cli.host import AppHost, CommandServices
    from counter_app.services.forms import IssuedFormView

EXIT_NO_FORMS = 1


class FormNotIssued(NotFound):
    """The dossier exists but was never issued the form asked for."""

    default_code = "forms.not_issued"
    exit_code = EXIT_NO_FORMS


def add_commands(sub: SubParsers) -> None:
    forms = sub.add_parser("forms", help=command_help("forms"))
    forms.add_argument("code", help="mã hồ sơ")
    forms.set_defaults(handler=cmd_forms)
    prt = sub.add_parser("print", help=command_help("print"))
    prt.add_argument("code", help="mã hồ sơ")
    prt.add_argument(
        "--form",
        type=form_number,
        default="01",
        metavar="NN",
        help="số mẫu 01–06 (mặc định 01: giấy tiếp nhận và hẹn trả kết quả)",
    )
    prt.add_argument("--out", required=True, help="tệp PDF ra")
    prt.set_defaults(handler=cmd_print)


def cmd_forms(args: argparse.Namespace, host: AppHost) -> int:
    """One issued form a line, oldest first: its number, title and date (Vietnam time)."""
    with host.opened_services(args.data_dir) as services:
        views = services.forms.forms_of(args.code)
    for view in views:
        print(form_line(view))
    return 0 if views else EXIT_NO_FORMS


def form_line(view: IssuedFormView) -> str:
    from counter_protocol.timefmt import to_vn

    line = f"{view.form_no}\t{view.title}\t{to_vn(view.issued_at):%d/%m/%Y %H:%M}"
    return f"{line}\tSố {view.number}" if view.number else line


def cmd_print(args: argparse.Namespace, host: AppHost) -> int:
    """The newest issued form NN of the dossier, exactly as first printed, marked "Bản in lại"
    when it was printed before; the print is recorded."""
    out = Path(args.out)
    if not out.parent.exists():
        raise ServiceError(f"Thư mục {out.parent} không tồn tại.")
    with host.opened_services(args.data_dir) as services:
        reprint = _print_to(services, args.code, args.form, out)
    what = "bản in lại" if reprint else "bản in"
    print(f"Đã ghi {what} mẫu {args.form} của hồ sơ {args.code.strip().upper()} vào {out}")
    return 0


def _print_to(services: CommandServices, code: str, form_no: str, out: Path) -> bool:
    """Write the PDF (atomically); whether it was a reprint."""
    view = services.forms.latest(code, form_no)
    if view is None and form_no == "01":
        # A dossier stored before forms were kept: its slip as stored (refused if never received).
        services.slips.save_pdf(code, out)
        return False
    if view is None:
        raise _not_issued(services, code, form_no)
    printed = services.forms.print_form(view.form_id, actor=f"cli:{_os_user()}")
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_bytes(printed.pdf)
    tmp.replace(out)
    return printed.reprint


def _not_issued(services: CommandServices, code: str, form_no: str) -> FormNotIssued:
    issued = sorted({v.form_no for v in services.forms.forms_of(code)})
    has = f"Hồ sơ có: mẫu {', '.join(issued)}." if issued else "Hồ sơ chưa được cấp mẫu nào."
    return FormNotIssued(
        f"Hồ sơ {code.strip().upper()} không có mẫu {form_no}. {has}",
        advice="Xem các mẫu đã cấp: counter-app forms MÃ_HỒ_SƠ.",
    )


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        return "?"
