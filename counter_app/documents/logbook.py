"""The dossier logbook (Sổ theo dõi hồ sơ) as PDF: plain rows in, bytes out, drawn page by page."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from counter_app.documents.blocks import national_header
from counter_app.documents.fonts import BOLD, ITALIC, REGULAR, register_fonts, text_width
from counter_app.documents.layout import TYPOGRAPHY, Typography, baseline
from counter_app.documents.logbook_rows import (
    COLUMNS,
    NO_DOSSIERS,
    LogbookHeader,
    LogbookRow,
    period_text,
    row_cells,
)
from counter_app.documents.text import nfc
from counter_app.documents.wrapping import wrap_lines

PAD = 2.5


def landscape() -> Typography:
    """A4 landscape with the register's small type."""
    base = TYPOGRAPHY["A4"]
    return replace(
        base,
        page_width=A4[1],
        page_height=A4[0],
        margin_left=12 * mm,
        margin_right=12 * mm,
        margin_top=12 * mm,
        margin_bottom=10 * mm,
        body=7.5,
        leading=9.2,
        header=9.5,
    )


def render_logbook(header: LogbookHeader, rows: Iterable[LogbookRow]) -> bytes:
    """The book as PDF bytes; rows are consumed once, in order, and drawn as they come."""
    rl_config.useA85 = 0  # see documents/pdf.py: plain streams are smaller and faster
    register_fonts()
    buffer = io.BytesIO()
    typo = landscape()
    canvas = Canvas(
        buffer,
        pagesize=(typo.page_width, typo.page_height),
        invariant=1,
        pageCompression=1,
        initialFontName=REGULAR,
        initialFontSize=typo.body,
    )
    canvas.setTitle(f"Sổ theo dõi hồ sơ — {period_text(header.first, header.last)}")
    canvas.setCreator("counter_app")
    _BookWriter(canvas, typo, header).write(rows)
    canvas.save()
    return buffer.getvalue()


class _BookWriter:
    """Draws rows onto the current page and opens a new page (with the column header) as
    needed; the page total is a form drawn once at the end, so nothing is held back."""

    def __init__(self, canvas: Any, typo: Typography, header: LogbookHeader) -> None:
        self.canvas, self.typo, self.header = canvas, typo, header
        total = sum(share for _, share in COLUMNS)
        self.widths = [typo.content_width * share / total for _, share in COLUMNS]
        self.page = 0
        self.y = 0.0
        self.footer = f"Sổ theo dõi hồ sơ · {period_text(header.first, header.last)}"
        self.wrapped: dict[tuple[int, str], list[str]] = {}
        self.shows: dict[str, _TextOps] = {}
        self.measure = _Measure(REGULAR, typo.body)
        edges = [typo.margin_left + sum(self.widths[:i]) for i in range(len(self.widths))]
        self.lefts = [edge + PAD for edge in edges]
        self.rules = edges[1:]  # the lines between columns
        # How far below a row's top each line's baseline falls (rows grow to ~40 lines at most).
        self.drops = [
            PAD / 2 + i * typo.leading + typo.leading / 2 + 0.388 * typo.body for i in range(40)
        ]

    def write(self, rows: Iterable[LogbookRow]) -> None:
        self._open_page()
        written = 0
        for row in rows:
            self._row(row_cells(row))
            written += 1
        if not written:
            self._note_row(NO_DOSSIERS)
        self._close_page()
        self.canvas.beginForm("page_total")
        self.canvas.setFont(ITALIC, self.typo.small)
        self.canvas.drawString(0, 0, str(self.page))
        self.canvas.endForm()

    def _open_page(self) -> None:
        self.page += 1
        self.y = self.typo.frame_top
        if self.page == 1:
            self._title()
        self.canvas.setLineWidth(0.5)
        self._column_header()

    def _close_page(self) -> None:
        typo = self.typo
        text = nfc(f"{self.footer} · Trang {self.page}/")
        # Room for a four-digit total after the slash, which is filled in at the end.
        x = typo.page_width - typo.margin_right - text_width("0000", ITALIC, typo.small)
        y = typo.margin_bottom - typo.small
        self.canvas.setFont(ITALIC, typo.small)
        self.canvas.drawRightString(x, y, text)
        self.canvas.saveState()
        self.canvas.translate(x, y)
        self.canvas.doForm("page_total")
        self.canvas.restoreState()
        self.canvas.showPage()

    def _title(self) -> None:
        typo, head = self.typo, self.header
        block = national_header(head.managing_body, head.unit_name, head.dateline, typo)
        self._caption(head.form_caption)
        block.draw(self.canvas, typo.margin_left, self.y)
        self.y -= block.height + 4
        self._centred("SỔ THEO DÕI HỒ SƠ", BOLD, typo.title, typo.title * 1.4)
        self._centred(period_text(head.first, head.last), ITALIC, typo.header, typo.header * 1.6)

    def _caption(self, text: str) -> None:
        """The form's number, small and right-aligned in the top margin."""
        typo = self.typo
        self.canvas.setFont(ITALIC, typo.small)
        right = typo.page_width - typo.margin_right
        self.canvas.drawRightString(right, typo.page_height - typo.margin_top / 2, nfc(text))

    def _centred(self, text: str, font: str, size: float, leading: float) -> None:
        text = nfc(text)
        x = self.typo.margin_left + (self.typo.content_width - text_width(text, font, size)) / 2
        self.canvas.setFont(font, size)
        self.canvas.drawString(x, baseline(self.y, leading, size), text)
        self.y -= leading

    def _column_header(self) -> None:
        titles = [title for title, _ in COLUMNS]
        self._draw_cells(self._wrap(titles, BOLD), BOLD, centred=True)
        numbers = [f"({index})" for index in range(1, len(COLUMNS) + 1)]
        self._draw_cells(self._wrap(numbers, ITALIC), ITALIC, centred=True)

    def _wrap(self, texts: Sequence[str], font: str) -> list[list[str]]:
        size = self.typo.body
        return [
            wrap_lines(text, font, size, width - 2 * PAD, width - 2 * PAD) if text else []
            for text, width in zip(texts, self.widths, strict=True)
        ]

    def _row(self, texts: Sequence[str]) -> None:
        cells = self._wrap_cached(texts)
        height = self._height(cells)
        if self.y - height < self.typo.margin_bottom + self.typo.running_height:
            self._close_page()
            self._open_page()
        self._draw_cells(cells, REGULAR, centred=False)

    def _wrap_cached(self, texts: Sequence[str]) -> list[list[str]]:
        """Cells wrapped to their columns, remembered: procedures, agencies and the delivery
        words recur on most rows of a month (the memory is emptied now and then)."""
        if len(self.wrapped) > 20_000:
            self.wrapped.clear()
        cells = []
        for column, text in enumerate(texts):
            lines = self.wrapped.get((column, text))
            if lines is None:
                limit = self.widths[column] - 2 * PAD
                lines = self.measure.wrap(nfc(text), limit) if text else []
                self.wrapped[(column, text)] = lines
            cells.append(lines)
        return cells

    def _height(self, cells: Sequence[Sequence[str]]) -> float:
        return max(1, *(len(lines) for lines in cells)) * self.typo.leading + PAD

    def _draw_cells(self, cells: Sequence[Sequence[str]], font: str, *, centred: bool) -> None:
        """One ruled row of wrapped cells at the current height, as one run of content-stream
        operators (a month has some 10,000 rows); moves the pen below it."""
        typo, show = self.typo, self._show(font)
        height, top = self._height(cells), self.y
        bottom, left = top - height, typo.margin_left
        ops = [f"{left:.2f} {bottom:.2f} {typo.content_width:.2f} {height:.2f} re S"]
        ops += [f"{x:.2f} {top:.2f} m {x:.2f} {bottom:.2f} l S" for x in self.rules]
        ops.append(f"BT {typo.leading:g} TL")
        first_base = top - self.drops[0]
        for lines, x, width in zip(cells, self.lefts, self.widths, strict=True):
            if not lines:
                continue
            if centred:
                for line, drop in zip(lines, self.drops, strict=False):
                    shift = (width - text_width(line, font, typo.body)) / 2 - PAD
                    ops.append(f"1 0 0 1 {x + shift:.2f} {top - drop:.2f} Tm {show(line)}")
            else:  # T*: the next line down by the leading (TL), without another position
                runs = " T* ".join(map(show, lines))
                ops.append(f"1 0 0 1 {x:.2f} {first_base:.2f} Tm {runs}")
        ops.append("ET")
        self.canvas._code.append("\n".join(ops))
        self.y = bottom

    def _show(self, font: str) -> _TextOps:
        known = self.shows.get(font)
        if known is None:
            known = self.shows[font] = _TextOps(self.canvas, font, self.typo.body)
        return known

    def _note_row(self, text: str) -> None:
        """A full-width italic row (the empty book's line)."""
        typo = self.typo
        height = typo.leading * 1.6
        self.canvas.rect(typo.margin_left, self.y - height, typo.content_width, height, fill=0)
        self._centred(text, ITALIC, typo.body, height)


# PDF literal-string escapes of each byte of a font subset's codes (PDF 32000-1 §7.3.4.2).
_ESCAPES = tuple(
    f"\\{c:03o}" if c < 32 or c > 126 else ("\\" + chr(c) if chr(c) in "\\()" else chr(c))
    for c in range(256)
)


class _TextOps:
    """Writes text straight into the page's content stream.

    What `canvas.drawString` emits, without its per-call text object and number formatting,
    which cost most of the time of a month's book. A line's encoded runs are remembered: dates,
    times, procedures and agencies recur on most rows (the codes a subset gives a character stay
    the same for the whole document)."""

    def __init__(self, canvas: Any, font: str, size: float) -> None:
        self.doc = canvas._doc
        self.font = pdfmetrics.getFont(font)
        self.size = f"{size:g}"
        self.encoded: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        """The text's font and show operators (to follow a text matrix)."""
        runs = self.encoded.get(text)
        if runs is None:
            if len(self.encoded) > 20_000:
                self.encoded.clear()
            runs = self.encoded[text] = " ".join(
                f"{self.font.getSubsetInternalName(subset, self.doc)} {self.size} Tf "
                f"({''.join(map(_ESCAPES.__getitem__, codes))}) Tj"
                for subset, codes in self.font.splitString(text, self.doc)
            )
        return runs


class _Measure:
    """Widths from the face's character widths in one C-level pass (what reportlab's
    stringWidth computes for a TrueType face), and greedy word wrapping with them."""

    def __init__(self, font: str, size: float) -> None:
        face = pdfmetrics.getFont(font).face
        self.size = size
        self.table = _Widths(face.defaultWidth * size / 1000)
        self.table.update({chr(cp): w * size / 1000 for cp, w in face.charWidths.items()})
        self.space = self.table[" "]

    def width(self, text: str) -> float:
        return sum(map(self.table.__getitem__, text))

    def wrap(self, text: str, limit: float) -> list[str]:
        """Lines no wider than `limit`; a word longer than a line is cut as wrapping.wrap_lines
        cuts it."""
        if self.width(text) <= limit:
            return [text]
        words = text.split()
        widths = [self.width(word) for word in words]
        if max(widths) > limit:
            return wrap_lines(text, REGULAR, self.size, limit, limit)
        lines, current, used = [], [words[0]], widths[0]
        for word, width in zip(words[1:], widths[1:], strict=True):
            if used + self.space + width <= limit:
                current.append(word)
                used += self.space + width
            else:
                lines.append(" ".join(current))
                current, used = [word], width
        lines.append(" ".join(current))
        return lines


class _Widths(dict[str, float]):
    """Character widths at one size; a character the face lacks has the face's default."""

    def __init__(self, default: float) -> None:
        super().__init__()
        self.default = default

    def __missing__(self, char: str) -> float:
        return self.default
