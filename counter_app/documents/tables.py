"""Ruled tables as blocks: a bold column header repeated on every page, one block per row."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from counter_app.documents.blocks import Align, Segment, draw_segments
from counter_app.documents.fonts import BOLD, REGULAR, text_width
from counter_app.documents.layout import Block, Typography, baseline
from counter_app.documents.wrapping import wrap_lines

CELL_PADDING = 3.0


@dataclass(frozen=True)
class Column:
    """A table column: its header text, share of the table width, and cell alignment."""

    title: str
    share: float
    align: Align = "left"


def table_blocks(
    columns: Sequence[Column], rows: Sequence[Sequence[str]], typo: Typography
) -> list[Block]:
    """The header block (kept with the first row) followed by one block per row."""
    total = sum(c.share for c in columns)
    widths = [typo.content_width * c.share / total for c in columns]
    header_cells = _wrap_cells([c.title for c in columns], widths, BOLD, typo.body)
    header = _row_block(header_cells, widths, ["center"] * len(columns), BOLD, typo, None)
    header = Block(header.height, header.draw, keep_with_next=True)
    aligns = [c.align for c in columns]
    body = [
        _row_block(
            _wrap_cells(row, widths, REGULAR, typo.body), widths, aligns, REGULAR, typo, header
        )
        for row in rows
    ]
    return [header, *body]


def _wrap_cells(
    texts: Sequence[str], widths: Sequence[float], font: str, size: float
) -> list[list[str]]:
    """Each cell's text wrapped to its column's inner width."""
    return [
        wrap_lines(text, font, size, w - 2 * CELL_PADDING, w - 2 * CELL_PADDING)
        for text, w in zip(texts, widths, strict=True)
    ]


def _row_block(
    cells: Sequence[Sequence[str]],
    widths: Sequence[float],
    aligns: Sequence[Align],
    font: str,
    typo: Typography,
    header: Block | None,
) -> Block:
    """A ruled row of pre-wrapped cells, as tall as its tallest cell."""
    lead, size = typo.leading, typo.body
    height = max(len(lines) for lines in cells) * lead + CELL_PADDING

    def draw(canvas: Any, x: float, top: float) -> None:
        canvas.setLineWidth(0.5)
        canvas.rect(x, top - height, sum(widths), height, stroke=1, fill=0)
        cell_x = x
        for lines, width, align in zip(cells, widths, aligns, strict=True):
            if cell_x > x:
                canvas.line(cell_x, top, cell_x, top - height)
            for index, line in enumerate(lines):
                free = width - 2 * CELL_PADDING - text_width(line, font, size)
                shift = {"left": 0.0, "center": free / 2, "right": free}[align]
                base = baseline(top - CELL_PADDING / 2 - index * lead, lead, size)
                draw_segments(
                    canvas, [Segment(line, font)], cell_x + CELL_PADDING + shift, base, size
                )
            cell_x += width

    return Block(height, draw, page_header=header)
