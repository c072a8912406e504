"""Danh sách giao bưu gửi: the day's results sent by post, for the postman to sign for, each item
with its tracking number as Code 128 (docs/domain.md#post)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from reportlab.lib.units import mm

from counter_app.documents.barcodes import code128_symbol, draw_symbol
from counter_app.documents.blocks import Segment, draw_segments, field_lines, paragraph
from counter_app.documents.fonts import BOLD, ITALIC, REGULAR, text_width
from counter_app.documents.layout import TYPOGRAPHY, Block, Typography, baseline, spacer
from counter_app.documents.pdf import DocumentCopy, render_copies
from counter_app.documents.tables import CELL_PADDING, Column, table_blocks
from counter_app.documents.wrapping import wrap_lines
from counter_app.domain.fee_ledger import format_dong

TITLE = "DANH SÁCH GIAO BƯU GỬI TRẢ KẾT QUẢ"
BARCODE_HEIGHT = 10 * mm
COLUMNS = (
    Column("TT", 0.05, "center"),
    Column("SỐ HIỆU BƯU GỬI, MÃ HỒ SƠ", 0.40),
    Column("NGƯỜI NHẬN, ĐIỆN THOẠI, ĐỊA CHỈ", 0.41),
    Column("KL (g), CƯỚC (đ)", 0.14, "right"),
)


@dataclass(frozen=True)
class HandoverRow:
    tracking_number: str
    receiver: str
    phone: str
    address: str
    weight_g: int | None
    postage: int
    dossier_code: str


@dataclass(frozen=True)
class HandoverData:
    day: date
    unit_name: str
    printed_at: datetime  # Vietnam time
    rows: Sequence[HandoverRow]


def _widths(typo: Typography) -> list[float]:
    total = sum(c.share for c in COLUMNS)
    return [typo.content_width * c.share / total for c in COLUMNS]


def _cells(index: int, row: HandoverRow, widths: list[float], size: float) -> list[list[str]]:
    """Wrapped cell lines; the number's cell is its number, then the dossier code below it."""
    weight = f"{row.weight_g} g" if row.weight_g else "—"

    def wrap(text: str, width: float, font: str = REGULAR) -> list[str]:
        inner = width - 2 * CELL_PADDING
        return wrap_lines(text, font, size, inner, inner)

    return [
        [str(index)],
        [row.tracking_number, *wrap(row.dossier_code, widths[1])],
        wrap(f"{row.receiver} · {row.phone} · {row.address}", widths[2]),
        [weight, format_dong(row.postage)],
    ]


def _item_block(index: int, row: HandoverRow, typo: Typography, header: Block) -> Block:
    """A ruled row: the number's Code 128 above its text in the second column."""
    widths, lead, size = _widths(typo), typo.leading, typo.body
    cells = _cells(index, row, widths, size)
    symbol = code128_symbol(row.tracking_number, BARCODE_HEIGHT, widths[1] - 2 * CELL_PADDING)
    bar_space = BARCODE_HEIGHT + CELL_PADDING * 2
    height = max(max(len(c) for c in cells) * lead, bar_space + len(cells[1]) * lead)
    height += CELL_PADDING

    def draw(canvas: Any, x: float, top: float) -> None:
        canvas.setLineWidth(0.5)
        canvas.rect(x, top - height, sum(widths), height, stroke=1, fill=0)
        cell_x = x
        for col, (lines, width) in enumerate(zip(cells, widths, strict=True)):
            if cell_x > x:
                canvas.line(cell_x, top, cell_x, top - height)
            first = top - CELL_PADDING / 2
            if col == 1:
                bars_y = top - CELL_PADDING - BARCODE_HEIGHT
                draw_symbol(canvas, symbol, cell_x + CELL_PADDING, bars_y)
                first = top - bar_space
            _cell_lines(canvas, lines, col, (cell_x, first, width), lead, size)
            cell_x += width

    return Block(height, draw, page_header=header)


def _cell_lines(
    canvas: Any,
    lines: Sequence[str],
    col: int,
    box: tuple[float, float, float],
    lead: float,
    size: float,
) -> None:
    """A cell's lines from the top of `box` (x, top, width), aligned as its column says; the
    number (first line of the second column) in bold."""
    x, top, width = box
    for n, line in enumerate(lines):
        font = BOLD if col == 1 and n == 0 else REGULAR
        free = width - 2 * CELL_PADDING - text_width(line, font, size)
        shift = {"left": 0.0, "center": free / 2, "right": free}[COLUMNS[col].align]
        base = baseline(top - n * lead, lead, size)
        draw_segments(canvas, [Segment(line, font)], x + CELL_PADDING + shift, base, size)


def _two_columns(left: str, right: str, font: str, size: float, leading: float) -> Block:
    """Two texts side by side, each centred in its half of the line (the signatures)."""

    def draw(canvas: Any, x: float, top: float) -> None:
        width = TYPOGRAPHY["A4"].content_width
        for text, centre in ((left, x + width / 4), (right, x + width * 3 / 4)):
            start = centre - text_width(text, font, size) / 2
            draw_segments(canvas, [Segment(text, font)], start, baseline(top, leading, size), size)

    return Block(leading, draw)


def _head(data: HandoverData, typo: Typography) -> list[Block]:
    width = typo.content_width
    return [
        *paragraph(TITLE, BOLD, typo.title, typo.title * 1.4, width, align="center"),
        spacer(typo.leading * 0.5),
        *field_lines("Đơn vị gửi:", data.unit_name, typo),
        *field_lines("Ngày giao:", f"{data.day:%d/%m/%Y}", typo),
        *field_lines("Số bưu gửi:", str(len(data.rows)), typo),
        spacer(typo.leading * 0.5),
    ]


def _foot(data: HandoverData, typo: Typography) -> list[Block]:
    total = sum(r.postage for r in data.rows)
    sign = "(Ký, ghi rõ họ tên)"
    printed = f"In lúc {data.printed_at:%H:%M %d/%m/%Y}."
    return [
        spacer(typo.leading * 0.5),
        *field_lines("Tổng cước:", f"{format_dong(total)} đồng", typo),
        spacer(typo.leading),
        _two_columns("NGƯỜI GIAO", "NHÂN VIÊN BƯU CHÍNH NHẬN", BOLD, typo.body, typo.leading),
        _two_columns(sign, sign, ITALIC, typo.small, typo.small_leading),
        spacer(typo.leading * 3),
        *paragraph(printed, ITALIC, typo.small, typo.small_leading, typo.content_width),
    ]


def render_handover(data: HandoverData) -> bytes:
    """The list on A4 as PDF bytes: one row per item, totals and the two signatures below."""
    typo = TYPOGRAPHY["A4"]
    header = table_blocks(COLUMNS, [], typo)[0]
    items = [_item_block(i, row, typo, header) for i, row in enumerate(data.rows, start=1)]
    blocks = [*_head(data, typo), header, *items, *_foot(data, typo)]
    note = f"Danh sách giao bưu gửi ngày {data.day:%d/%m/%Y} (tiếp theo)"
    copy = DocumentCopy(blocks, note, f"Giao bưu gửi ngày {data.day:%d/%m/%Y} · {data.unit_name}")
    return render_copies([copy], typo, TITLE.capitalize())
