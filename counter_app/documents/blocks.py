"""Block builders shared by the forms: lines, labelled fields, the national header, signatures."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from counter_app.documents.fonts import BOLD, ITALIC, REGULAR, text_width
from counter_app.documents.layout import Block, Typography, baseline
from counter_app.documents.text import nfc
from counter_app.documents.wrapping import wrap_lines

Align = Literal["left", "center", "right"]

NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
SIGN_HINT = "(Ký và ghi rõ họ tên)"


@dataclass(frozen=True)
class Segment:
    """A run of text in one font within a line."""

    text: str
    font: str


def draw_segments(
    canvas: Any, segments: Sequence[Segment], x: float, base: float, size: float
) -> float:
    """Draw the runs left to right from x on one baseline; returns the x after the last run."""
    for segment in segments:
        canvas.setFont(segment.font, size)
        canvas.drawString(x, base, segment.text)
        x += text_width(segment.text, segment.font, size)
    return x


def line_block(
    segments: Sequence[Segment],
    size: float,
    leading: float,
    width: float,
    *,
    align: Align = "left",
    indent: float = 0.0,
    underline: bool = False,
    keep_with_next: bool = False,
) -> Block:
    """One line of text runs, aligned in a box `width` wide starting `indent` from the frame."""
    runs = [Segment(nfc(s.text), s.font) for s in segments]
    line_width = sum(text_width(s.text, s.font, size) for s in runs)
    offset = {"left": 0.0, "center": (width - line_width) / 2, "right": width - line_width}[align]

    def draw(canvas: Any, x: float, top: float) -> None:
        start = x + indent + offset
        base = baseline(top, leading, size)
        draw_segments(canvas, runs, start, base, size)
        if underline:
            canvas.setLineWidth(0.6)
            canvas.line(start, base - 0.2 * size, start + line_width, base - 0.2 * size)

    return Block(leading, draw, keep_with_next=keep_with_next)


def paragraph(
    text: str,
    font: str,
    size: float,
    leading: float,
    width: float,
    *,
    align: Align = "left",
    indent: float = 0.0,
    hanging: float = 0.0,
) -> list[Block]:
    """A wrapped paragraph, one block per line; `hanging` indents the lines after the first."""
    lines = wrap_lines(text, font, size, width, width - hanging)
    return [
        line_block(
            [Segment(line, font)],
            size,
            leading,
            width - (hanging if i else 0.0),
            align=align,
            indent=indent + (hanging if i else 0.0),
        )
        for i, line in enumerate(lines)
    ]


def field_lines(
    label: str,
    value: str,
    typo: Typography,
    *,
    value_font: str = BOLD,
    indent: float = 0.0,
    width: float | None = None,
) -> list[Block]:
    """`Label: value`, the label regular and the value in `value_font`, wrapped under the label."""
    size = typo.body
    width = (typo.content_width if width is None else width) - indent
    label_text = nfc(label) + " "
    label_width = text_width(label_text, REGULAR, size)
    lines = wrap_lines(value, value_font, size, width - label_width, width)
    first = line_block(
        [Segment(label_text, REGULAR), Segment(lines[0], value_font)],
        size,
        typo.leading,
        width,
        indent=indent,
    )
    rest = [
        line_block([Segment(line, value_font)], size, typo.leading, width, indent=indent)
        for line in lines[1:]
    ]
    return [first, *rest]


def columns_block(left: Sequence[Block], right: Sequence[Block], left_width: float) -> Block:
    """Two stacks of blocks side by side; the right stack starts `left_width` from the frame."""
    height = max(sum(b.height for b in left), sum(b.height for b in right))

    def draw(canvas: Any, x: float, top: float) -> None:
        for stack, stack_x in ((left, x), (right, x + left_width)):
            y = top
            for block in stack:
                block.draw(canvas, stack_x, y)
                y -= block.height

    return Block(height, draw)


def national_header(
    managing_body: str | None,
    unit_name: str,
    dateline: str,
    typo: Typography,
    number_line: str | None = None,
) -> Block:
    """Left: the managing body, the unit (bold, ruled) and the document number; right: the
    nation, motto and dateline. Without a managing body the unit stands alone."""
    left_width = typo.content_width * 0.42
    right_width = typo.content_width - left_width
    size, lead = typo.header, typo.header * 1.35
    body = managing_body.upper() if managing_body else ""
    above = _centred(body, REGULAR, size, lead, left_width) if body else []
    left = [*above, *_centred(unit_name.upper(), BOLD, size, lead, left_width)]
    left.append(_short_rule(left_width, size))
    if number_line:
        left += _centred(number_line, REGULAR, size, lead, left_width)
    right = [
        *_centred(NATION, BOLD, size, lead, right_width),
        line_block(
            [Segment(MOTTO, BOLD)], size + 0.5, lead, right_width, align="center", underline=True
        ),
        *_centred(dateline, ITALIC, size, lead * 1.3, right_width),
    ]
    return columns_block(left, right, left_width)


def _centred(text: str, font: str, size: float, leading: float, width: float) -> list[Block]:
    return paragraph(text, font, size, leading, width, align="center")


def _short_rule(width: float, size: float) -> Block:
    """The short centred line under the issuing unit's name (Nghị định 30/2020 header style)."""

    def draw(canvas: Any, x: float, top: float) -> None:
        canvas.setLineWidth(0.6)
        canvas.line(x + width * 0.35, top - size * 0.35, x + width * 0.65, top - size * 0.35)

    return Block(size * 0.8, draw)


def signatures(
    titles: Sequence[str], names: Sequence[str | None], typo: Typography, hint: str = SIGN_HINT
) -> Block:
    """Signature columns: bold title, italic hint, room to sign, then the printed name if known.

    An empty title leaves its column blank (a single signer on the right).
    """
    width = typo.content_width / len(titles)
    lead = typo.leading
    sign_room = lead * (4.2 if typo.page_height > 700 else 2.6)  # A5 is short of room
    height = lead * 2 + sign_room + lead

    def draw(canvas: Any, x: float, top: float) -> None:
        for index, (title, name) in enumerate(zip(titles, names, strict=True)):
            if not title:
                continue
            column_x = x + index * width
            lines = [(title, BOLD, top), (hint, ITALIC, top - lead)]
            if name:
                lines.append((name, BOLD, top - 2 * lead - sign_room))
            for text, font, line_top in lines:
                block = line_block([Segment(text, font)], typo.body, lead, width, align="center")
                block.draw(canvas, column_x, line_top)

    return Block(height, draw)


def contact_lines(phone: str, email: str, typo: Typography) -> list[Block]:
    """`Số điện thoại: … Email: …` on one line when both fit in half the width, else two lines."""
    phone_lines = field_lines("Số điện thoại:", phone or "không có", typo, value_font=REGULAR)
    if not email:
        return phone_lines
    half = typo.content_width / 2
    email_lines = field_lines("Email:", email, typo, value_font=REGULAR, width=half)
    short_phone = field_lines("Số điện thoại:", phone, typo, value_font=REGULAR, width=half)
    if len(email_lines) == 1 and len(short_phone) == 1:
        return [columns_block(short_phone, email_lines, half)]
    return [*phone_lines, *field_lines("Email:", email, typo, value_font=REGULAR)]
