"""Phiếu kiểm soát quá trình giải quyết hồ sơ (TT 03/2025 Mẫu 06, TT 01/2018 Mẫu 05): every
hand-over of the dossier as a Giao / Nhận pair with its time, standing and signatures."""

from __future__ import annotations

from counter_app.documents.blocks import field_lines, paragraph
from counter_app.documents.data import ControlSheetData, HandoverRow
from counter_app.documents.fonts import ITALIC, REGULAR
from counter_app.documents.layout import TYPOGRAPHY, Block, PageSize, Typography, spacer
from counter_app.documents.letter_parts import Heading, footer_caption, heading_blocks
from counter_app.documents.pdf import DocumentCopy, render_copies
from counter_app.documents.tables import Column, table_blocks
from counter_app.documents.templates import FormTemplate, template
from counter_app.documents.text import dateline
from counter_app.domain.vntime import format_vn_long

COLUMNS = (
    Column("TÊN CƠ QUAN", 0.30),
    Column("THỜI GIAN GIAO, NHẬN HỒ SƠ", 0.27),
    Column("KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn/đúng hạn/quá hạn)", 0.20, "center"),
    Column("GHI CHÚ", 0.23),
)
NOTES = (
    "Trường hợp hồ sơ được chuyển qua dịch vụ bưu chính thì thời gian giao, nhận hồ sơ và việc "
    "ký nhận thể hiện trong hóa đơn của cơ quan bưu chính.",
    "Kết quả giải quyết hồ sơ do bên nhận hồ sơ ghi khi nhận bàn giao.",
)


def render_control_sheet(
    data: ControlSheetData,
    page_size: PageSize = "A4",
    *,
    form: FormTemplate | None = None,
    mark: str | None = None,
) -> bytes:
    """The control sheet of the dossier's circular as PDF bytes."""
    form = form or template("tt03-2025/06")
    typo = TYPOGRAPHY[page_size]
    head = Heading(
        data.managing_body,
        data.unit_name,
        dateline(data.place_name, data.issued_at),
        None,
        form.title,
        data.dossier_code,
        data.sample_warning,
    )
    blocks = [
        *heading_blocks(head, typo),
        *_facts_blocks(data, typo),
        *table_blocks(COLUMNS, [cells for row in data.rows for cells in _row_pair(row)], typo),
        *_notes(typo),
    ]
    note = f"{form.title.capitalize()} · Mã hồ sơ: {data.dossier_code} (tiếp theo)"
    copy = DocumentCopy(blocks, note, footer_caption(form))
    return render_copies([copy], typo, form.title.capitalize(), mark)


def _facts_blocks(data: ControlSheetData, typo: Typography) -> list[Block]:
    return [
        *field_lines(
            "Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả, mã hồ sơ:", data.dossier_code, typo
        ),
        *field_lines("Người nộp hồ sơ:", data.applicant_name, typo),
        *field_lines("Thủ tục:", data.procedure_name, typo, value_font=REGULAR),
        *field_lines(
            "Thời gian hẹn trả kết quả:", format_vn_long(data.due_at), typo, value_font=REGULAR
        ),
        *field_lines("Cơ quan (bộ phận) giải quyết hồ sơ:", data.deciding_agency, typo),
        *field_lines(
            "Cơ quan phối hợp giải quyết hồ sơ:",
            data.cooperating_agency or "Không",
            typo,
            value_font=REGULAR,
        ),
        spacer(typo.leading * 0.4),
    ]


def _row_pair(row: HandoverRow) -> list[tuple[str, str, str, str]]:
    """`1. Giao: …` and `2. Nhận: …`, the time on both, signatures or the postal item number."""
    when = format_vn_long(row.at)
    if row.postal_number:
        giver = receiver = f"Qua bưu chính, số hiệu bưu gửi {row.postal_number}"
    else:
        giver = f"Người giao (ký): {row.handed_by}".strip()
        receiver = f"Người nhận (ký): {row.received_by}".strip()
    extra = f"; {row.note}" if row.note else ""
    return [
        (f"1. Giao: {row.from_unit}", when, "", giver + extra),
        (f"2. Nhận: {row.to_unit}", when, row.standing, receiver),
    ]


def _notes(typo: Typography) -> list[Block]:
    size, lead, width = typo.small, typo.small_leading, typo.content_width
    blocks = [spacer(lead * 0.6), *paragraph("Ghi chú:", ITALIC, size, lead, width)]
    for note in NOTES:
        blocks += paragraph(f"- {note}", ITALIC, size, lead, width)
    return blocks
