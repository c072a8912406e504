"""Mẫu 04 (the apology with a new date) and Mẫu 05 (Thông báo dừng giải quyết hồ sơ): letters
from the competent agency to the applicant."""

from __future__ import annotations

from counter_app.documents.blocks import field_lines, signatures
from counter_app.documents.data import ExtensionData, StopData
from counter_app.documents.fonts import BOLD, REGULAR
from counter_app.documents.layout import TYPOGRAPHY, Block, PageSize, Typography, spacer
from counter_app.documents.letter_parts import (
    Heading,
    body_paragraph,
    footer_caption,
    heading_blocks,
)
from counter_app.documents.pdf import DocumentCopy, render_copies
from counter_app.documents.templates import FormTemplate, template
from counter_app.documents.text import dateline
from counter_app.domain.vntime import format_vn_long

HEAD_SIGNS = ("", "THỦ TRƯỞNG CƠ QUAN")
HEAD_HINT = "(Ký, ghi rõ họ tên và đóng dấu)"
# What the agency asks for: TT 01/2018 sets a new date, TT 03/2025 asks for an extension.
EXTENSION_ASK = {
    "tt01-2018": "{agency} xin lỗi Ông/Bà và hẹn lại thời gian trả kết quả vào lúc: {new}.",
    "tt03-2025": (
        "{agency} xin lỗi Ông/Bà và đề nghị gia hạn thời gian giải quyết hồ sơ đến: {new}."
    ),
}


def render_extension(
    data: ExtensionData,
    page_size: PageSize = "A4",
    *,
    form: FormTemplate | None = None,
    mark: str | None = None,
) -> bytes:
    """Mẫu 04 of the dossier's circular as PDF bytes."""
    form = form or template("tt03-2025/04")
    typo = TYPOGRAPHY[page_size]
    blocks = [
        *heading_blocks(_heading(data, form), typo),
        *_addressee(data.applicant_name, data.applicant_address, data.applicant_phone, typo),
        *_late_story(data, typo),
        *field_lines("Lý do:", data.reason, typo, value_font=REGULAR),
        *_ask_blocks(data, form, typo),
        *body_paragraph("Rất mong nhận được sự thông cảm của Ông/Bà./.", typo),
        spacer(typo.leading * 0.6),
        signatures(HEAD_SIGNS, (None, None), typo, HEAD_HINT),
    ]
    return _one_copy(blocks, form, data.applicant_name, typo, mark)


def _late_story(data: ExtensionData, typo: Typography) -> list[Block]:
    """When the dossier was received, what was promised, and that it was not met."""
    return [
        *body_paragraph(
            f"Lúc {format_vn_long(data.received_at)}, {data.unit_name} tiếp nhận hồ sơ "
            f"“{data.procedure_name}” của Ông/Bà; Mã hồ sơ: {data.dossier_code}; thời gian hẹn "
            f"trả kết quả: {format_vn_long(data.original_due_at)}.",
            typo,
        ),
        *body_paragraph(
            f"Tuy nhiên đến nay {data.agency_name} chưa giải quyết xong hồ sơ đúng hẹn ghi trên "
            "Giấy tiếp nhận hồ sơ và hẹn trả kết quả.",
            typo,
        ),
    ]


def _ask_blocks(data: ExtensionData, form: FormTemplate, typo: Typography) -> list[Block]:
    new = format_vn_long(data.new_due_at)
    ask = EXTENSION_ASK[form.circular].format(agency=data.agency_name, new=new)
    blocks = body_paragraph(ask, typo, BOLD)
    if data.extensions_before:
        earlier = f"(Hồ sơ đã được hẹn lại, gia hạn {data.extensions_before:02d} lần trước đây.)"
        blocks += body_paragraph(earlier, typo)
    return blocks


def render_stop(
    data: StopData,
    page_size: PageSize = "A4",
    *,
    form: FormTemplate | None = None,
    mark: str | None = None,
) -> bytes:
    """Mẫu 05 of TT 03/2025 as PDF bytes (also printed for a TT 01/2018 dossier)."""
    form = form or template("tt03-2025/05")
    typo = TYPOGRAPHY[page_size]
    blocks = [
        *heading_blocks(_heading(data, form), typo),
        *_addressee(data.applicant_name, data.applicant_address, data.applicant_phone, typo),
        *body_paragraph(
            f"{data.agency_name} thông báo dừng giải quyết hồ sơ “{data.procedure_name}” "
            f"(Mã TTHC: {data.procedure_code}) của Ông/Bà, Mã hồ sơ: {data.dossier_code}, "
            f"tiếp nhận lúc {format_vn_long(data.received_at)}.",
            typo,
        ),
        *field_lines("Lý do:", data.reason, typo, value_font=REGULAR),
        *body_paragraph(f"{data.agency_name} thông báo để Ông/Bà được biết./.", typo),
        spacer(typo.leading * 0.6),
        signatures(HEAD_SIGNS, (None, None), typo, HEAD_HINT),
    ]
    return _one_copy(blocks, form, data.applicant_name, typo, mark)


def _heading(data: ExtensionData | StopData, form: FormTemplate) -> Heading:
    """The agency writes these letters: it heads the page, under the body that runs it."""
    suffix = form.number_suffix or ""
    number = f"Số: {data.document_number or '……/' + suffix}"
    return Heading(
        data.managing_body,
        data.agency_name,
        dateline(data.place_name, data.issued_at),
        number,
        form.title,
        data.dossier_code,
        data.sample_warning,
    )


def _addressee(name: str, address: str, phone: str, typo: Typography) -> list[Block]:
    return [
        *field_lines("Kính gửi: Ông/Bà", name, typo),
        *field_lines("Địa chỉ:", address, typo, value_font=REGULAR),
        *field_lines("Số điện thoại:", phone or "không có", typo, value_font=REGULAR),
        spacer(typo.leading * 0.3),
    ]


def _one_copy(
    blocks: list[Block], form: FormTemplate, applicant: str, typo: Typography, mark: str | None
) -> bytes:
    note = f"{form.title.capitalize()} · {applicant} (tiếp theo)"
    copy = DocumentCopy(blocks, note, footer_caption(form))
    return render_copies([copy], typo, form.title.capitalize(), mark)
