"""Mẫu 02 (Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ) and Mẫu 03 (Phiếu từ chối tiếp nhận)."""

from __future__ import annotations

from counter_app.documents.blocks import Segment, field_lines, line_block, paragraph, signatures
from counter_app.documents.data import RefusalData, SupplementRequestData
from counter_app.documents.fonts import REGULAR, text_width
from counter_app.documents.layout import TYPOGRAPHY, Block, PageSize, Typography, spacer
from counter_app.documents.letter_parts import (
    Heading,
    applicant_blocks,
    body_paragraph,
    footer_caption,
    heading_blocks,
)
from counter_app.documents.pdf import DocumentCopy, render_copies
from counter_app.documents.tables import Column, table_blocks
from counter_app.documents.templates import FormTemplate, template
from counter_app.documents.text import dateline

SUPPLEMENT_TITLE = "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"
REFUSAL_TITLE = "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"
ONCE_AND_FULLY = (
    "Yêu cầu Ông/Bà hoàn thiện hồ sơ gồm những nội dung như sau (hướng dẫn một lần, đầy đủ):"
)
SUPPLEMENT_COLUMNS = (
    Column("TT", 0.07, "center"),
    Column("Thành phần hồ sơ", 0.51),
    Column("Bản chính", 0.13, "center"),
    Column("Bản chứng thực", 0.16, "center"),
    Column("Bản photo", 0.13, "center"),
)
BLANK_NUMBER = "……"


def render_supplement_request(
    data: SupplementRequestData,
    page_size: PageSize = "A4",
    *,
    form: FormTemplate | None = None,
    mark: str | None = None,
) -> bytes:
    """Mẫu 02 as PDF bytes, one copy for the applicant."""
    form = form or template("tt03-2025/02")
    typo = TYPOGRAPHY[page_size]
    number = f"Số: {data.document_number or BLANK_NUMBER + '/HDHS'}"
    head = Heading(
        data.managing_body,
        data.unit_name,
        dateline(data.place_name, data.issued_at),
        number,
        form.title,
        data.dossier_code,
        data.sample_warning,
    )
    blocks = [*heading_blocks(head, typo), *_supplement_body(data, typo)]
    note = f"{form.title.capitalize()} · {data.applicant_name} (tiếp theo)"
    copy = DocumentCopy(blocks, note, footer_caption(form))
    return render_copies([copy], typo, form.title.capitalize(), mark)


def _supplement_body(data: SupplementRequestData, typo: Typography) -> list[Block]:
    """Everything under the heading: the request, the table of papers, reason, signature."""
    return [
        *_request_blocks(data, typo),
        line_block(
            [Segment(ONCE_AND_FULLY, REGULAR)],
            typo.body,
            typo.leading,
            typo.content_width,
            keep_with_next=True,
        ),
        *table_blocks(SUPPLEMENT_COLUMNS, _supplement_rows(data), typo),
        spacer(typo.leading * 0.3),
        *field_lines("Lý do:", data.reason, typo, value_font=REGULAR),
        *body_paragraph(
            f"Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà liên hệ với "
            f"{data.contact_name}, số điện thoại {data.contact_phone} để được hướng dẫn./.",
            typo,
        ),
        spacer(typo.leading * 0.6),
        signatures(("", "NGƯỜI HƯỚNG DẪN"), (None, data.clerk_name), typo),
    ]


def _request_blocks(data: SupplementRequestData | RefusalData, typo: Typography) -> list[Block]:
    """The applicant and what they asked for."""
    return [
        *applicant_blocks(
            data.unit_name,
            data.applicant_name,
            data.applicant_address,
            data.applicant_phone,
            data.applicant_email,
            typo,
        ),
        *field_lines(
            "Nội dung yêu cầu giải quyết:",
            f"{data.procedure_name} (Mã TTHC: {data.procedure_code})",
            typo,
        ),
    ]


def _supplement_rows(data: SupplementRequestData) -> list[tuple[str, ...]]:
    return [
        (str(i), item.name, str(item.originals), str(item.certified_copies), str(item.photocopies))
        for i, item in enumerate(data.items, start=1)
    ]


def render_refusal(
    data: RefusalData,
    page_size: PageSize = "A4",
    *,
    form: FormTemplate | None = None,
    mark: str | None = None,
) -> bytes:
    """Mẫu 03 as PDF bytes, one copy for the applicant."""
    form = form or template("tt03-2025/03")
    typo = TYPOGRAPHY[page_size]
    number = f"Số: {data.document_number}" if data.document_number else None
    head = Heading(
        data.managing_body,
        data.unit_name,
        dateline(data.place_name, data.issued_at),
        number,
        form.title,
        data.dossier_code,
        data.sample_warning,
    )
    blocks = [*heading_blocks(head, typo), *_refusal_body(data, typo)]
    note = f"{form.title.capitalize()} · {data.applicant_name} (tiếp theo)"
    copy = DocumentCopy(blocks, note, footer_caption(form))
    return render_copies([copy], typo, form.title.capitalize(), mark)


def _refusal_body(data: RefusalData, typo: Typography) -> list[Block]:
    return [
        *_request_blocks(data, typo),
        *body_paragraph(
            f"Qua xem xét, {data.unit_name} thông báo không tiếp nhận, giải quyết hồ sơ "
            "này với lý do cụ thể như sau:",
            typo,
        ),
        *dashed_lines(data.reasons, typo),
        *body_paragraph("Xin thông báo cho Ông/Bà được biết và thực hiện./.", typo),
        spacer(typo.leading * 0.6),
        signatures(("NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ"), (None, data.clerk_name), typo),
    ]


def dashed_lines(items: tuple[str, ...], typo: Typography) -> list[Block]:
    """Each item as its own `- …` paragraph, wrapped under its text."""
    hang = text_width("- ", REGULAR, typo.body)
    return [
        block
        for item in items
        for block in paragraph(
            f"- {item}", REGULAR, typo.body, typo.leading, typo.content_width, hanging=hang
        )
    ]
