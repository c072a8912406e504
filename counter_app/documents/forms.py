"""Mẫu 02 (Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ) and Mẫu 03 (Phiếu từ chối tiếp nhận)."""

from __future__ import annotations

from counter_app.documents.blocks import (
    Segment,
    contact_lines,
    field_lines,
    line_block,
    national_header,
    paragraph,
    signatures,
)
from counter_app.documents.data import RefusalData, SupplementRequestData
from counter_app.documents.fonts import BOLD, REGULAR, text_width
from counter_app.documents.layout import TYPOGRAPHY, Block, PageSize, Typography, spacer
from counter_app.documents.pdf import DocumentCopy, render_copies
from counter_app.documents.tables import Column, table_blocks
from counter_app.documents.text import dateline

SUPPLEMENT_TITLE = "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"
REFUSAL_TITLE = "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"
SUPPLEMENT_COLUMNS = (
    Column("TT", 0.07, "center"),
    Column("Thành phần hồ sơ", 0.51),
    Column("Bản chính", 0.13, "center"),
    Column("Bản chứng thực", 0.16, "center"),
    Column("Bản photo", 0.13, "center"),
)
BLANK_NUMBER = "……"


def render_supplement_request(data: SupplementRequestData, page_size: PageSize = "A4") -> bytes:
    """Mẫu 02 as PDF bytes, one copy for the applicant."""
    typo = TYPOGRAPHY[page_size]
    number = f"Số: {data.document_number or BLANK_NUMBER + '/HDHS'}"
    blocks = [
        *_heading(
            data.agency_name,
            data.unit_name,
            dateline(data.place_name, data.issued_at),
            number,
            SUPPLEMENT_TITLE,
            data.dossier_code,
            typo,
        ),
        *_applicant(
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
        line_block(
            [Segment("Yêu cầu Ông/Bà hoàn thiện hồ sơ gồm những nội dung như sau:", REGULAR)],
            typo.body,
            typo.leading,
            typo.content_width,
            keep_with_next=True,
        ),
        *table_blocks(SUPPLEMENT_COLUMNS, _supplement_rows(data), typo),
        spacer(typo.leading * 0.3),
        *field_lines("Lý do:", data.reason, typo, value_font=REGULAR),
        *paragraph(
            f"Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà liên hệ với "
            f"{data.contact_name}, số điện thoại {data.contact_phone} để được hướng "
            f"dẫn./.",
            REGULAR,
            typo.body,
            typo.leading,
            typo.content_width,
        ),
        spacer(typo.leading * 0.6),
        signatures(("", "NGƯỜI HƯỚNG DẪN"), (None, data.clerk_name), typo),
    ]
    copy = DocumentCopy(
        blocks, f"{SUPPLEMENT_TITLE.capitalize()} · {data.applicant_name} (tiếp theo)", "Mẫu số 02"
    )
    return render_copies([copy], typo, SUPPLEMENT_TITLE.capitalize())


def _supplement_rows(data: SupplementRequestData) -> list[tuple[str, ...]]:
    return [
        (
            str(index),
            item.name,
            str(item.originals),
            str(item.certified_copies),
            str(item.photocopies),
        )
        for index, item in enumerate(data.items, start=1)
    ]


def render_refusal(data: RefusalData, page_size: PageSize = "A4") -> bytes:
    """Mẫu 03 as PDF bytes, one copy for the applicant."""
    typo = TYPOGRAPHY[page_size]
    number = f"Số: {data.document_number}" if data.document_number else None
    width, hang = typo.content_width, text_width("- ", REGULAR, typo.body)
    reasons = [
        block
        for reason in data.reasons
        for block in paragraph(f"- {reason}", REGULAR, typo.body, typo.leading, width, hanging=hang)
    ]
    blocks = [
        *_heading(
            data.agency_name,
            data.unit_name,
            dateline(data.place_name, data.issued_at),
            number,
            REFUSAL_TITLE,
            data.dossier_code,
            typo,
        ),
        *_applicant(
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
        *paragraph(
            f"Qua xem xét, {data.unit_name} thông báo không tiếp nhận, giải quyết hồ sơ "
            "này với lý do cụ thể như sau:",
            REGULAR,
            typo.body,
            typo.leading,
            width,
        ),
        *reasons,
        *paragraph(
            "Xin thông báo cho Ông/Bà được biết và thực hiện./.",
            REGULAR,
            typo.body,
            typo.leading,
            width,
        ),
        spacer(typo.leading * 0.6),
        signatures(("NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ"), (None, data.clerk_name), typo),
    ]
    copy = DocumentCopy(
        blocks, f"{REFUSAL_TITLE.capitalize()} · {data.applicant_name} (tiếp theo)", "Mẫu số 03"
    )
    return render_copies([copy], typo, REFUSAL_TITLE.capitalize())


def _heading(
    agency_name: str,
    unit_name: str,
    date_text: str,
    number_line: str | None,
    title: str,
    dossier_code: str | None,
    typo: Typography,
) -> list[Block]:
    """National header, the form's title and, when the dossier was received, its code."""
    width = typo.content_width
    blocks = [
        national_header(agency_name, unit_name, date_text, typo, number_line),
        spacer(typo.leading * 0.8),
        *paragraph(title, BOLD, typo.title, typo.title * 1.4, width, align="center"),
    ]
    if dossier_code:
        blocks.append(
            line_block(
                [Segment("Mã hồ sơ: ", REGULAR), Segment(dossier_code, BOLD)],
                typo.body,
                typo.leading,
                width,
                align="center",
            )
        )
    return [*blocks, spacer(typo.leading * 0.6)]


def _applicant(
    unit_name: str, name: str, address: str, phone: str, email: str, typo: Typography
) -> list[Block]:
    """Who received the dossier and whose it is, with address and contact."""
    return [
        *field_lines("Bộ phận tiếp nhận hồ sơ:", unit_name, typo, value_font=REGULAR),
        *field_lines("Tiếp nhận hồ sơ của Ông/Bà:", name, typo),
        *field_lines("Địa chỉ:", address, typo, value_font=REGULAR),
        *contact_lines(phone, email, typo),
    ]
