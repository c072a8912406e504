"""Page geometry per paper size, measured blocks, and pagination with repeated table headers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.units import mm

PageSize = Literal["A4", "A5", "receipt"]  # receipt: an 80 mm roll, cut at A4 length

DrawFn = Callable[[Any, float, float], None]  # (canvas, frame left x, block top y)


@dataclass(frozen=True)
class Typography:
    """Paper, margins and type sizes for one page size; all lengths in points."""

    page_width: float
    page_height: float
    margin_left: float
    margin_right: float
    margin_top: float
    margin_bottom: float
    body: float
    leading: float
    small: float
    small_leading: float
    header: float
    title: float
    barcode_height: float
    qr_size: float

    @property
    def content_width(self) -> float:
        return self.page_width - self.margin_left - self.margin_right

    @property
    def frame_top(self) -> float:
        return self.page_height - self.margin_top

    @property
    def running_height(self) -> float:
        """Height kept for the running header of continuation pages and for the footer."""
        return self.small_leading * 1.6


TYPOGRAPHY: dict[PageSize, Typography] = {
    "A4": Typography(
        page_width=A4[0],
        page_height=A4[1],
        margin_left=20 * mm,
        margin_right=15 * mm,
        margin_top=15 * mm,
        margin_bottom=12 * mm,
        body=10.5,
        leading=14,
        small=8.5,
        small_leading=11,
        header=10.5,
        title=14,
        barcode_height=12 * mm,
        qr_size=22 * mm,
    ),
    "A5": Typography(
        page_width=A5[0],
        page_height=A5[1],
        margin_left=10 * mm,
        margin_right=10 * mm,
        margin_top=9 * mm,
        margin_bottom=8 * mm,
        body=8.2,
        leading=10.2,
        small=7,
        small_leading=8.4,
        header=8,
        title=10.5,
        barcode_height=9 * mm,
        qr_size=17 * mm,
    ),
    "receipt": Typography(
        page_width=80 * mm,
        page_height=297 * mm,
        margin_left=4 * mm,
        margin_right=4 * mm,
        margin_top=5 * mm,
        margin_bottom=5 * mm,
        body=7.5,
        leading=9.2,
        small=6.5,
        small_leading=7.8,
        header=7,
        title=9.5,
        barcode_height=8 * mm,
        qr_size=16 * mm,
    ),
}


@dataclass(frozen=True)
class Block:
    """A measured piece of a page: drawn downward from its top edge, never split across pages.

    `keep_with_next` moves the block to the next page with its follower (headings, table
    headers). `page_header` is drawn first whenever this block opens a continuation page
    (a table's column header above its continued rows).
    """

    height: float
    draw: DrawFn = field(compare=False)
    keep_with_next: bool = False
    page_header: Block | None = None


def spacer(height: float) -> Block:
    """Empty vertical space."""
    return Block(height, _draw_nothing)


def _draw_nothing(canvas: Any, x: float, top: float) -> None:
    """Spacers draw nothing."""


def _chain_height(blocks: Sequence[Block], start: int) -> float:
    """Height of blocks[start] plus every follower it is kept with."""
    total = 0.0
    for block in blocks[start:]:
        total += block.height
        if not block.keep_with_next:
            break
    return total


def paginate(blocks: Sequence[Block], first_height: float, next_height: float) -> list[list[Block]]:
    """Distribute blocks over pages: the first page offers first_height, the others next_height."""
    pages: list[list[Block]] = [[]]
    remaining = first_height
    for index, block in enumerate(blocks):
        chain = _chain_height(blocks, index)
        fits_chain = chain <= remaining or chain > next_height
        if pages[-1] and (block.height > remaining or not fits_chain):
            pages.append([])
            remaining = next_height
            if block.page_header is not None:
                pages[-1].append(block.page_header)
                remaining -= block.page_header.height
        pages[-1].append(block)
        remaining -= block.height
    return pages


def draw_page_blocks(canvas: Any, typo: Typography, blocks: Sequence[Block], top: float) -> None:
    """Draw one page's blocks from `top` downward in the content frame."""
    y = top
    for block in blocks:
        block.draw(canvas, typo.margin_left, y)
        y -= block.height


def baseline(top: float, leading: float, size: float) -> float:
    """Baseline that centres a line of Noto Sans (ascent 1.069, descent 0.293 em) in its leading."""
    return top - leading / 2 - 0.388 * size
