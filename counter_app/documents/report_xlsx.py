"""The report of a period as an Excel workbook: one sheet per breakdown, each with its table and a
native Excel chart drawn from that table's cells, and a sheet of the monthly work counts."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import xlsxwriter

from counter_app.documents.text import nfc
from counter_app.domain.reports import VERDICTS, Line, PeriodReport, WorkLine
from counter_protocol.workload import TASKS

TITLE_ROW, TABLE_ROW = 0, 3  # zero-based: the sheet's title, then the table's column titles
WORK_SHEET = "Công việc theo tháng"
BREAKDOWNS = (  # sheet name, the report's attribute, the first column's heading
    ("Theo thủ tục", "by_procedure", "Thủ tục"),
    ("Theo lĩnh vực", "by_field", "Lĩnh vực"),
    ("Theo kênh", "by_channel", "Kênh tiếp nhận"),
)


def write_report_xlsx(report: PeriodReport, path: Path) -> None:
    """Write every sheet of the report to `path`."""
    book = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False})
    try:
        formats = _formats(book)
        _summary_sheet(book, formats, report)
        for name, attribute, heading in BREAKDOWNS:
            lines: Sequence[Line] = getattr(report, attribute)
            _verdict_sheet(book, formats, report, name, heading, lines)
        _status_sheet(book, formats, report)
        _work_sheet(book, formats, report)
    finally:
        book.close()


def period_title(report: PeriodReport) -> str:
    return (
        f"{report.unit_name}: từ ngày {report.first:%d/%m/%Y} đến ngày {report.last:%d/%m/%Y} "
        f"(số liệu lúc {report.at:%H:%M %d/%m/%Y})"
    )


def _formats(book: Any) -> dict[str, Any]:
    base = {"font_name": "Times New Roman", "font_size": 11}
    return {
        "title": book.add_format({**base, "bold": True, "font_size": 13}),
        "italic": book.add_format({**base, "italic": True}),
        "head": book.add_format({**base, "bold": True, "border": 1, "text_wrap": True}),
        "cell": book.add_format({**base, "border": 1}),
        "total": book.add_format({**base, "bold": True, "border": 1}),
    }


def _titled_sheet(book: Any, formats: dict[str, Any], report: PeriodReport, name: str) -> Any:
    sheet = book.add_worksheet(name[:31])
    sheet.write(
        TITLE_ROW, 0, nfc(f"BÁO CÁO TÌNH HÌNH GIẢI QUYẾT HỒ SƠ — {name.upper()}"), formats["title"]
    )
    sheet.write(TITLE_ROW + 1, 0, nfc(period_title(report)), formats["italic"])
    return sheet


def _table(
    sheet: Any, formats: dict[str, Any], headings: Sequence[str], rows: Sequence[Sequence[Any]]
) -> int:
    """Headings at TABLE_ROW and the rows below; the index of the last row written."""
    for col, heading in enumerate(headings):
        sheet.write(TABLE_ROW, col, nfc(heading), formats["head"])
    for offset, values in enumerate(rows, start=1):
        for col, value in enumerate(values):
            sheet.write(
                TABLE_ROW + offset,
                col,
                nfc(value) if isinstance(value, str) else value,
                formats["cell"],
            )
    return TABLE_ROW + len(rows)


def _verdict_rows(lines: Sequence[Line]) -> list[list[Any]]:
    return [[line.label, line.total, *(line.verdict(v) for v in VERDICTS)] for line in lines]


def _summary_sheet(book: Any, formats: dict[str, Any], report: PeriodReport) -> None:
    sheet = _titled_sheet(book, formats, report, "Tổng hợp")
    sheet.set_column(0, 0, 34)
    sheet.set_column(1, 1, 12)
    rows = [[v.label, report.timeliness.verdict(v)] for v in VERDICTS]
    rows.append(["Tổng số hồ sơ đã tiếp nhận", report.received])
    last = _table(sheet, formats, ["Kết quả giải quyết", "Số hồ sơ"], rows)
    chart = book.add_chart({"type": "pie"})
    chart.add_series(
        {
            "name": "Kết quả giải quyết",
            "categories": [sheet.name, TABLE_ROW + 1, 0, last - 1, 0],
            "values": [sheet.name, TABLE_ROW + 1, 1, last - 1, 1],
            "data_labels": {"value": True},
        }
    )
    chart.set_title({"name": "Trước hạn, đúng hạn, quá hạn"})
    sheet.insert_chart(TABLE_ROW, 3, chart)


def _verdict_sheet(
    book: Any,
    formats: dict[str, Any],
    report: PeriodReport,
    name: str,
    heading: str,
    lines: Sequence[Line],
) -> None:
    sheet = _titled_sheet(book, formats, report, name)
    sheet.set_column(0, 0, 48)
    sheet.set_column(1, 1 + len(VERDICTS), 13)
    headings = [heading, "Tổng số", *(v.label for v in VERDICTS)]
    last = _table(sheet, formats, headings, _verdict_rows(lines))
    if not lines:
        return
    chart = book.add_chart({"type": "bar", "subtype": "stacked"})
    for col in range(2, 2 + len(VERDICTS)):
        chart.add_series(
            {
                "name": [sheet.name, TABLE_ROW, col],
                "categories": [sheet.name, TABLE_ROW + 1, 0, last, 0],
                "values": [sheet.name, TABLE_ROW + 1, col, last, col],
            }
        )
    chart.set_title({"name": f"Số hồ sơ {heading.lower()}"})
    chart.set_y_axis({"reverse": True})
    chart.set_size({"width": 760, "height": max(320, 26 * len(lines) + 120)})
    sheet.insert_chart(last + 2, 0, chart)


def _status_sheet(book: Any, formats: dict[str, Any], report: PeriodReport) -> None:
    sheet = _titled_sheet(book, formats, report, "Theo trạng thái")
    sheet.set_column(0, 0, 40)
    rows = [[line.label, line.total] for line in report.by_status]
    last = _table(sheet, formats, ["Trạng thái", "Số hồ sơ"], rows)
    if not rows:
        return
    chart = book.add_chart({"type": "column"})
    chart.add_series(
        {
            "name": "Số hồ sơ",
            "categories": [sheet.name, TABLE_ROW + 1, 0, last, 0],
            "values": [sheet.name, TABLE_ROW + 1, 1, last, 1],
            "data_labels": {"value": True},
        }
    )
    chart.set_title({"name": "Hồ sơ theo trạng thái"})
    chart.set_legend({"none": True})
    sheet.insert_chart(TABLE_ROW, 3, chart)


def _work_sheet(book: Any, formats: dict[str, Any], report: PeriodReport) -> None:
    """A line per month and clerk, then the unit's total per month, and a column chart of the
    unit's monthly totals by task (drawn from those total lines)."""
    sheet = _titled_sheet(book, formats, report, WORK_SHEET)
    sheet.set_column(0, 2, 18)
    sheet.set_column(3, 3 + len(TASKS), 14)
    headings = ["Tháng", "Đơn vị", "Cán bộ", "Họ tên", *(t.label for t in TASKS)]
    months = sorted({w.month for w in report.work})
    rows: list[list[Any]] = [_work_row(line) for line in report.work]
    rows += [_unit_row(report, month) for month in months]
    last = _table(sheet, formats, headings, rows)
    if not months:
        return
    first_total = last - len(months) + 1
    chart = book.add_chart({"type": "column"})
    for col in range(4, 4 + len(TASKS)):
        chart.add_series(
            {
                "name": [sheet.name, TABLE_ROW, col],
                "categories": [sheet.name, first_total, 0, last, 0],
                "values": [sheet.name, first_total, col, last, col],
            }
        )
    chart.set_title({"name": "Công việc của đơn vị theo tháng"})
    chart.set_size({"width": 760, "height": 360})
    sheet.insert_chart(last + 2, 0, chart)


def _work_row(line: WorkLine) -> list[Any]:
    return [
        _month_text(line.month),
        line.unit_code,
        line.clerk,
        line.clerk_name,
        *(line.count(t) for t in TASKS),
    ]


def _unit_row(report: PeriodReport, month: str) -> list[Any]:
    lines = [w for w in report.work if w.month == month]
    totals = [sum(w.count(t) for w in lines) for t in TASKS]
    return [_month_text(month), report.unit_code, "", "Cả đơn vị", *totals]


def _month_text(month: str) -> str:
    year, number = month.split("-")
    return f"{number}/{year}"
