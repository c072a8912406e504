"""Parts every one-page form shares: its heading (header, title, code, sample warning), the
applicant lines, and the footer caption naming the form and its circular."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from counter_app.documents.barcodes import code128_symbol, draw_symbol
from counter_app.documents.blocks import (
    Segment,
    contact_lines,
    field_lines,
    line_block,
    national_header,
    paragraph,
)
from counter_app.documents.fonts import BOLD, ITALIC, REGULAR
from counter_app.documents.layout import Block, Typography, spacer
from counter_app.documents.templates import FormTemplate


@dataclass(frozen=True)
class Heading:
    """What the top of a form shows."""

    managing_body: str | None
    unit_name: str
    date_text: str
    number_line: str | None
    title: str
    dossier_code: str | None
    sample_warning: str | None


def heading_blocks(head: Heading, typo: Typography) -> list[Block]:
    """National header, the form's title, the dossier's code and any sample-data warning."""
    width = typo.content_width
    blocks = [
        national_header(head.managing_body, head.unit_name, head.date_text, typo, head.number_line),
        spacer(typo.leading * 0.8),
        *paragraph(head.title, BOLD, typo.title, typo.title * 1.4, width, align="center"),
    ]
    if head.dossier_code:
        code = [Segment("Mã hồ sơ: ", REGULAR), Segment(head.dossier_code, BOLD)]
        blocks.append(line_block(code, typo.body, typo.leading, width, align="center"))
        blocks.append(code_bars_block(head.dossier_code, typo))
    return [*blocks, *sample_warning_blocks(head.sample_warning, typo), spacer(typo.leading * 0.6)]


def code_bars_block(code: str, typo: Typography) -> Block:
    """The dossier code as a centred Code128, lower than Mẫu 01's, for the counter's scanner."""
    bars = code128_symbol(code, typo.barcode_height * 0.7, max_width=typo.content_width)
    gap = typo.leading * 0.3

    def draw(canvas: Any, x: float, top: float) -> None:
        left = x + (typo.content_width - bars.width) / 2
        draw_symbol(canvas, bars, left, top - gap - bars.height)

    return Block(bars.height + 2 * gap, draw)


def sample_warning_blocks(warning: str | None, typo: Typography) -> list[Block]:
    """A small centred italic line: the catalogue behind this form is sample data."""
    if not warning:
        return []
    size, lead = typo.small, typo.small_leading
    return paragraph(f"({warning})", ITALIC, size, lead, typo.content_width, align="center")


def applicant_blocks(
    unit_name: str, name: str, address: str, phone: str, email: str, typo: Typography
) -> list[Block]:
    """Who received the dossier and whose it is, with address and contact."""
    return [
        *field_lines("Bộ phận tiếp nhận hồ sơ:", unit_name, typo, value_font=REGULAR),
        *field_lines("Tiếp nhận hồ sơ của Ông/Bà:", name, typo),
        *field_lines("Địa chỉ:", address, typo, value_font=REGULAR),
        *contact_lines(phone, email, typo),
    ]


def footer_caption(form: FormTemplate) -> str:
    """`Mẫu số 02 (Phụ lục I, Thông tư số 03/2025/TT-VPCP)` at the foot of every page."""
    return f"{form.form_caption} ({form.legal_basis})"


def body_paragraph(text: str, typo: Typography, font: str = REGULAR) -> list[Block]:
    return paragraph(text, font, typo.body, typo.leading, typo.content_width)
