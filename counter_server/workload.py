"""The province's monthly work counts: per unit, per clerk and per task, across every counter
(docs/domain.md#work-counts). Read from the `work_counts` rollup that ingest keeps, shown on the
dashboard, written as Excel, printed by `counter-server workload`."""

from __future__ import annotations

import html
import io
from collections import Counter
from datetime import datetime
from pathlib import Path

import xlsxwriter
from sqlalchemy import Engine, select

from counter_protocol.timefmt import to_vn
from counter_protocol.workload import TASKS, Task, WorkKey, WorkRow, month_rows, month_span
from counter_server.errors import Refused
from counter_server.models import Unit, WorkCount

BAD_MONTH = "Tháng “{month}” không hợp lệ: nhập theo dạng NNNN-TT, ví dụ 2026-12."
HEADERS = ("Đơn vị", "Tên đơn vị", "Cán bộ", *(t.label for t in TASKS))


def checked_month(text: str) -> str:
    """`text` as a month "YYYY-MM"; Refused (with a Vietnamese message) for anything else."""
    try:
        month_span(text)
    except ValueError:
        raise Refused("bad_month", BAD_MONTH.format(month=text[:20])) from None
    return text.strip()


def checked_output(name: str | None) -> Path | None:
    """The Excel file `counter-server workload --out` writes; Refused unless it ends .xlsx."""
    if not name:
        return None
    out = Path(name)
    if out.suffix.lower() != ".xlsx":
        raise Refused("bad_output", f"Tệp “{out.name}” phải có đuôi .xlsx (tệp Excel).")
    return out


def month_report(engine: Engine, month: str, out: Path | None) -> str:
    """The month's table as text, after writing it to `out` as Excel when given."""
    rows, names = month_table(engine, month), unit_names(engine)
    text = format_table(rows, month, names)
    if out is None:
        return text
    try:
        out.write_bytes(workbook_bytes(rows, month, names))
    except OSError as exc:
        raise Refused("cannot_write", f"Không ghi được tệp {out}: {exc.strerror}.") from exc
    return f"{text}\nĐã ghi {out}"


def current_month(now: datetime) -> str:
    return f"{to_vn(now):%Y-%m}"


def month_table(engine: Engine, month: str) -> list[WorkRow]:
    """The month's rows, by unit then clerk."""
    t = WorkCount.__table__.c
    with engine.connect() as conn:
        found = conn.execute(select(t.unit_code, t.clerk, t.task, t.n).where(t.month == month))
        counts = Counter({WorkKey(month, r.unit_code, r.clerk, Task(r.task)): r.n for r in found})
    return month_rows(counts, month)


def unit_names(engine: Engine) -> dict[str, str]:
    u = Unit.__table__.c
    with engine.connect() as conn:
        return {r.code: r.name or "" for r in conn.execute(select(u.code, u.name))}


def totals(rows: list[WorkRow]) -> list[int]:
    return [sum(r.count(t) for r in rows) for t in TASKS]


def _lines(rows: list[WorkRow], names: dict[str, str]) -> list[list[str | int]]:
    return [
        [r.unit_code, names.get(r.unit_code, ""), r.clerk, *(r.count(t) for t in TASKS)]
        for r in rows
    ]


def format_table(rows: list[WorkRow], month: str, names: dict[str, str]) -> str:
    """Plain text for the command line."""
    if not rows:
        return f"Tháng {month}: chưa có số liệu công việc nào."
    table: list[list[str | int]] = [list(HEADERS), *_lines(rows, names)]
    table.append(["Tổng cộng", "", "", *totals(rows)])
    cells = [[str(c) for c in line] for line in table]
    widths = [max(len(line[i]) for line in cells) for i in range(len(HEADERS))]
    out = [
        "  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() for line in cells
    ]
    out.insert(1, "  ".join("-" * w for w in widths))
    return f"Số liệu công việc tháng {month}\n" + "\n".join(out)


def workbook_bytes(rows: list[WorkRow], month: str, names: dict[str, str]) -> bytes:
    """The month's table as an .xlsx file: a title, one row per unit and clerk, a total row."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet(f"Tháng {month}")
    bold = book.add_format({"bold": True})
    head = book.add_format({"bold": True, "border": 1, "bg_color": "#EEEEEE", "text_wrap": True})
    cell = book.add_format({"border": 1})
    sheet.write(0, 0, f"SỐ LIỆU CÔNG VIỆC CỦA NHÂN VIÊN BƯU ĐIỆN THÁNG {month}", bold)
    sheet.write_row(2, 0, HEADERS, head)
    lines = _lines(rows, names)
    for i, line in enumerate(lines, start=3):
        sheet.write_row(i, 0, line, cell)
    sheet.write_row(3 + len(lines), 0, ["Tổng cộng", "", "", *totals(rows)], head)
    sheet.set_column(0, 0, 18)
    sheet.set_column(1, 1, 32)
    sheet.set_column(2, 2, 20)
    sheet.set_column(3, 2 + len(TASKS), 14)
    book.close()
    return buffer.getvalue()


def workload_html(
    rows: list[WorkRow], month: str, names: dict[str, str], form: str, xlsx: str
) -> str:
    """The dashboard's section: a month picker (to `form`), the table, the Excel link (to
    `xlsx`); every value escaped."""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in HEADERS)
    body = "\n".join(
        "<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in line) + "</tr>"
        for line in _lines(rows, names)
    )
    if not rows:
        body = f'<tr><td colspan="{len(HEADERS)}">Chưa có số liệu của tháng này.</td></tr>'
    total = "".join(f"<th>{n}</th>" for n in totals(rows))
    m = html.escape(month)
    return (
        f'<h2 id="work">Số liệu công việc tháng {m}</h2>\n'
        f'<form id="work-month" method="get" action="{html.escape(form)}#work">'
        f'<label for="month">Tháng</label> <input id="month" name="month" type="month" '
        f'value="{m}"> <button type="submit">Xem</button> '
        f'<a id="work-xlsx" href="{html.escape(xlsx)}?month={m}">Tải Excel</a></form>\n'
        f'<table class="work"><thead><tr>{head}</tr></thead><tbody>\n{body}\n</tbody>'
        f'<tfoot><tr><th colspan="3">Tổng cộng</th>{total}</tr></tfoot></table>'
    )
