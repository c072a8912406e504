"""The dossier logbook (Sổ theo dõi hồ sơ) as an Excel workbook, written row by row to a file."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import xlsxwriter

from counter_app.documents.logbook_rows import (
    COLUMNS,
    NO_DOSSIERS,
    LogbookHeader,
    LogbookRow,
    period_text,
    row_cells,
)
from counter_app.documents.text import nfc

SHEET = "Sổ theo dõi hồ sơ"
# Column widths in characters, in the order of logbook_rows.COLUMNS.
WIDTHS = (6, 8, 26, 45, 24, 36, 30, 16, 16, 16, 18, 14)
TABLE_ROW = 6  # zero-based row of the column titles (rows above: header and title)


def write_logbook_xlsx(header: LogbookHeader, rows: Iterable[LogbookRow], path: Path) -> None:
    """Write the book to `path`; rows are consumed once and flushed as they are written, so a
    month of dossiers never sits in memory (constant-memory mode)."""
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_numbers": False})
    try:
        sheet = book.add_worksheet(SHEET[:31])
        formats = _formats(book)
        _page_setup(sheet, header)
        _head(sheet, formats, header)
        _rows(sheet, formats, rows)
    finally:
        book.close()


def _formats(book: Any) -> dict[str, Any]:
    base = {"font_name": "Times New Roman", "font_size": 11, "valign": "top", "text_wrap": True}
    cell = {**base, "border": 1}
    return {
        "bold": book.add_format({**base, "bold": True, "align": "center", "text_wrap": False}),
        "plain": book.add_format({**base, "align": "center", "text_wrap": False}),
        "italic": book.add_format({**base, "italic": True, "align": "center", "text_wrap": False}),
        "title": book.add_format({**base, "bold": True, "font_size": 14, "align": "center"}),
        "column": book.add_format({**cell, "bold": True, "align": "center", "valign": "vcenter"}),
        "number": book.add_format({**cell, "italic": True, "align": "center"}),
        "cell": book.add_format(cell),
        "seq": book.add_format({**cell, "align": "center"}),
    }


def _page_setup(sheet: Any, header: LogbookHeader) -> None:
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)  # the width of one page, as many pages down as it takes
    sheet.repeat_rows(TABLE_ROW, TABLE_ROW + 1)
    sheet.set_footer(f"&L{nfc(header.form_caption)}&RTrang &P/&N")
    for index, width in enumerate(WIDTHS):
        sheet.set_column(index, index, width)


def _head(sheet: Any, formats: dict[str, Any], header: LogbookHeader) -> None:
    """Rows 0–7 in order (constant-memory mode writes each row once): issuer and nation, title,
    period, the column titles and their numbers."""
    last = len(COLUMNS) - 1
    split = 5
    left = [header.managing_body.upper() if header.managing_body else "", header.unit_name.upper()]
    right = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    for row, (unit, nation) in enumerate(zip(left, right, strict=True)):
        sheet.merge_range(row, 0, row, split, nfc(unit), formats["plain" if row == 0 else "bold"])
        sheet.merge_range(row, split + 1, row, last, nfc(nation), formats["bold"])
    sheet.merge_range(2, split + 1, 2, last, nfc(header.dateline), formats["italic"])
    sheet.merge_range(3, 0, 3, last, "SỔ THEO DÕI HỒ SƠ", formats["title"])
    period = nfc(period_text(header.first, header.last))
    sheet.merge_range(4, 0, 4, last, period, formats["italic"])
    sheet.set_row(TABLE_ROW, 32)
    for column, (title, _) in enumerate(COLUMNS):
        sheet.write_string(TABLE_ROW, column, nfc(title), formats["column"])
        sheet.write_string(TABLE_ROW + 1, column, f"({column + 1})", formats["number"])
    sheet.freeze_panes(TABLE_ROW + 2, 0)


def _rows(sheet: Any, formats: dict[str, Any], rows: Iterable[LogbookRow]) -> None:
    """One sheet row per dossier; the number is a number (TT), everything else text."""
    row_index = TABLE_ROW + 2
    cell, seq_format = formats["cell"], formats["seq"]
    for row in rows:
        cells = row_cells(row)
        if row.seq is None:
            sheet.write_blank(row_index, 0, None, seq_format)
        else:
            sheet.write_number(row_index, 0, row.seq, seq_format)
        for column in range(1, len(cells)):
            if cells[column]:
                sheet.write_string(row_index, column, nfc(cells[column]), cell)
            else:  # a ruled empty cell, not an empty text
                sheet.write_blank(row_index, column, None, cell)
        row_index += 1
    if row_index == TABLE_ROW + 2:
        last = len(COLUMNS) - 1
        sheet.merge_range(row_index, 0, row_index, last, NO_DOSSIERS, formats["italic"])
