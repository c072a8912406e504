"""Turn paginated copies of a form into PDF bytes with running headers and page footers."""

from __future__ import annotations

import functools
import io
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from counter_app.documents.fonts import BOLD, ITALIC, REGULAR, register_fonts, text_width
from counter_app.documents.layout import Block, Typography, baseline, draw_page_blocks, paginate
from counter_app.documents.text import nfc


@dataclass(frozen=True)
class DocumentCopy:
    """One copy (liên) of a form: its blocks, the note atop continuation pages, the footer text."""

    blocks: Sequence[Block]
    continuation_note: str
    footer: str


# reportlab does not claim thread safety: the shared TTFont objects keep a dictionary of
# per-document subset state that drawing mutates. Renders are short, so serialise them.
_RENDER_LOCK = threading.Lock()


@functools.cache
def _configure_reportlab() -> None:
    """Process-wide reportlab settings, applied once.

    ASCII85 stream armour only matters for 7-bit mail transport; without it the PDF is 20%
    smaller and saving is faster (the pure-Python encoder is slow without rl_accel).
    """
    rl_config.useA85 = 0
    register_fonts()


def render_copies(
    copies: Sequence[DocumentCopy], typo: Typography, title: str, mark: str | None = None
) -> bytes:
    """Each copy starts on a new page and flows onto further pages if it is too long.

    `mark` ("Bản in lại …") is drawn in the top margin of every page: the page's content and
    layout stay exactly those of the first print.
    """
    _configure_reportlab()
    with _RENDER_LOCK:
        return _render_locked(copies, typo, title, mark)


def _render_locked(
    copies: Sequence[DocumentCopy], typo: Typography, title: str, mark: str | None
) -> bytes:
    buffer = io.BytesIO()
    # invariant=1: no timestamps or random IDs, so equal data gives byte-identical PDFs.
    # initialFontName: otherwise an unused, unembedded Helvetica is referenced on every page.
    canvas = Canvas(
        buffer,
        pagesize=(typo.page_width, typo.page_height),
        invariant=1,
        pageCompression=1,
        initialFontName=REGULAR,
        initialFontSize=typo.body,
    )
    canvas.setTitle(nfc(title))
    canvas.setCreator("counter_app")
    for copy in copies:
        _draw_copy(canvas, typo, copy, mark)
    canvas.save()
    return buffer.getvalue()


def _draw_copy(canvas: Any, typo: Typography, copy: DocumentCopy, mark: str | None) -> None:
    """One copy's pages: continuation note from the second page, footer and mark on each."""
    frame = typo.frame_top - typo.margin_bottom - typo.running_height
    pages = paginate(copy.blocks, frame, frame - typo.running_height)
    for number, page in enumerate(pages, start=1):
        top = typo.frame_top
        if number > 1:
            _running_line(canvas, typo, copy.continuation_note, top, "left")
            top -= typo.running_height
        draw_page_blocks(canvas, typo, page, top)
        if mark:
            _margin_mark(canvas, typo, mark)
        footer = f"{copy.footer} · Trang {number}/{len(pages)}"
        _running_line(canvas, typo, footer, typo.margin_bottom + typo.small_leading, "right")
        canvas.showPage()


def _running_line(canvas: Any, typo: Typography, text: str, top: float, align: str) -> None:
    """A small italic line at the top or bottom of the frame."""
    text = nfc(text)
    width = text_width(text, ITALIC, typo.small)
    size = typo.small * min(1.0, typo.content_width / width) if width else typo.small
    width = width * size / typo.small  # a narrow receipt roll: smaller type, never cut off
    x = typo.margin_left + (typo.content_width - width if align == "right" else 0.0)
    canvas.setFont(ITALIC, size)
    canvas.drawString(x, baseline(top, typo.small_leading, typo.small), text)


def _margin_mark(canvas: Any, typo: Typography, mark: str) -> None:
    """The reprint mark, bold, right-aligned in the middle of the top margin."""
    text = nfc(mark)
    width = text_width(text, BOLD, typo.small)
    x = typo.margin_left + typo.content_width - width
    canvas.setFont(BOLD, typo.small)
    canvas.drawString(x, typo.page_height - typo.margin_top / 2 - typo.small * 0.35, text)
