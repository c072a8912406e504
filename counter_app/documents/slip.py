"""Mẫu 01, Giấy tiếp nhận hồ sơ và hẹn trả kết quả: two copies (liên) with Code128 and QR."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from reportlab.lib.units import mm

from counter_app.documents.barcodes import (
    QR_QUIET_MODULES,
    VectorSymbol,
    code128_symbol,
    draw_symbol,
    qr_symbol,
)
from counter_app.documents.blocks import (
    Segment,
    contact_lines,
    field_lines,
    line_block,
    national_header,
    paragraph,
    signatures,
)
from counter_app.documents.data import SlipComponent, SlipData
from counter_app.documents.fonts import BOLD, ITALIC, REGULAR, text_width
from counter_app.documents.layout import TYPOGRAPHY, Block, PageSize, Typography, spacer
from counter_app.documents.letter_parts import footer_caption, sample_warning_blocks
from counter_app.documents.pdf import DocumentCopy, render_copies
from counter_app.documents.tables import Column, table_blocks
from counter_app.documents.templates import FormTemplate, template
from counter_app.documents.text import dateline, nfc
from counter_app.domain.vntime import format_vn_long

TITLE = "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"
BLANK = "……"
PRINTER_MARGIN = 5 * mm  # what office printers cannot print at the paper's edge
COPY_LABELS = ("Liên 1: Lưu", "Liên 2: Giao người nộp hồ sơ")
NOTES = (
    "Giấy tiếp nhận hồ sơ và hẹn trả kết quả được lập thành 02 liên; một liên chuyển kèm theo "
    "Phiếu kiểm soát quá trình giải quyết hồ sơ và được lưu tại Bộ phận Một cửa; một liên giao "
    "cho cá nhân, tổ chức nộp hồ sơ.",
    "Cá nhân, tổ chức có thể đăng ký nhận kết quả tại Bộ phận Một cửa hoặc tại nhà (trụ sở tổ "
    "chức) qua dịch vụ bưu chính công ích.",
)
COMPONENT_COLUMNS = (
    Column("STT", 0.07, "center"),
    Column("Tên giấy tờ", 0.68),
    Column("Bản chính", 0.13, "center"),
    Column("Bản sao", 0.12, "center"),
)


def render_slip(
    data: SlipData,
    page_size: PageSize = "A4",
    *,
    form: FormTemplate | None = None,
    mark: str | None = None,
) -> bytes:
    """The slip as PDF bytes: Liên 1 (kept), then Liên 2 (for the applicant) from a new page.

    The clerk's note is printed on the kept copy only; the applicant's copy never shows it.
    """
    form = form or template("tt03-2025/01")
    typo = TYPOGRAPHY[page_size]
    codes = _codes_blocks(data, typo)
    copies = [
        DocumentCopy(
            blocks=[
                *_top_blocks(data, typo, label, form.title),
                *codes,
                *_body_blocks(data, typo, with_note=index == 0),
            ],
            continuation_note=f"Mã hồ sơ: {data.dossier_code} · {label} (tiếp theo)",
            footer=f"{footer_caption(form)} · {label}",
        )
        for index, label in enumerate(COPY_LABELS)
    ]
    return render_copies(copies, typo, f"{form.title.capitalize()} {data.dossier_code}", mark)


def _top_blocks(data: SlipData, typo: Typography, copy_label: str, title: str) -> list[Block]:
    """National header, title, code, copy label and any sample-data warning."""
    width = typo.content_width
    date_text = dateline(data.place_name, data.received_at)
    return [
        national_header(data.managing_body, data.unit_name, date_text, typo),
        spacer(typo.leading * 0.6),
        *paragraph(title, BOLD, typo.title, typo.title * 1.4, width, align="center"),
        line_block(
            [Segment("Mã hồ sơ: ", REGULAR), Segment(data.dossier_code, BOLD)],
            typo.body,
            typo.leading,
            width,
            align="center",
        ),
        line_block(
            [Segment(f"({copy_label})", ITALIC)], typo.body, typo.leading, width, align="center"
        ),
        *sample_warning_blocks(data.sample_warning, typo),
    ]


def _qr_payload(data: SlipData) -> str:
    return nfc(f"{data.dossier_code}\n{data.lookup_hint}")


def _codes_blocks(data: SlipData, typo: Typography) -> list[Block]:
    """Code128 with its human-readable line, and the QR beside it (or below if too wide)."""
    printable = typo.page_width - 2 * PRINTER_MARGIN
    bars = code128_symbol(data.dossier_code, typo.barcode_height, max_width=printable)
    qr, qr_module = qr_symbol(_qr_payload(data), typo.qr_size)
    quiet = qr_module * QR_QUIET_MODULES
    side_by_side = bars.width + qr.width + quiet <= typo.content_width
    # Alone on its row the barcode is centred; its quiet zones may reach into the margins.
    bars_x = 0.0 if side_by_side else (typo.content_width - bars.width) / 2
    caption_gap, caption_size = 1.8 * mm, typo.body
    code = nfc(data.dossier_code)
    caption_x = (bars.width - text_width(code, REGULAR, caption_size)) / 2
    bars_height = bars.height + caption_gap + caption_size * 1.3
    qr_block = _qr_block(qr, typo, quiet)
    row_height = max(bars_height, qr_block.height) if side_by_side else bars_height

    def draw(canvas: Any, x: float, top: float) -> None:
        bars_bottom = top - max(0.0, (row_height - bars_height) / 2) - bars.height
        draw_symbol(canvas, bars, x + bars_x, bars_bottom)
        canvas.setFont(REGULAR, caption_size)
        caption_base = bars_bottom - caption_gap - caption_size * 0.8
        canvas.drawString(x + bars_x + caption_x, caption_base, code)
        if side_by_side:
            qr_block.draw(canvas, x, top)

    row = Block(row_height, draw)
    return [spacer(typo.leading * 0.3), row, *([] if side_by_side else [qr_block])]


def _qr_block(qr: VectorSymbol, typo: Typography, quiet: float) -> Block:
    """The QR square at the right edge of the frame with its quiet zone around it."""

    def draw(canvas: Any, x: float, top: float) -> None:
        draw_symbol(canvas, qr, x + typo.content_width - qr.width - quiet, top - quiet - qr.height)

    return Block(qr.height + 2 * quiet, draw)


def _body_blocks(data: SlipData, typo: Typography, *, with_note: bool) -> list[Block]:
    """Everything below the codes; the copies differ only in the clerk's note."""
    return [
        spacer(typo.leading * 0.4),
        *_applicant_blocks(data, typo),
        line_block(
            [Segment("1. Thành phần hồ sơ nộp gồm:", REGULAR)],
            typo.body,
            typo.leading,
            typo.content_width,
            keep_with_next=True,
        ),
        *_component_blocks(data, typo),
        spacer(typo.leading * 0.3),
        *_numbered_blocks(data, typo),
        spacer(typo.leading * 0.3),
        signatures(("NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ"), (None, data.clerk_name), typo),
        *_notes_blocks(data, typo, with_note=with_note),
    ]


def _applicant_blocks(data: SlipData, typo: Typography) -> list[Block]:
    blocks = [
        *field_lines("Bộ phận tiếp nhận hồ sơ:", data.unit_name, typo, value_font=REGULAR),
        *field_lines("Tiếp nhận hồ sơ của:", data.applicant_name, typo),
        *field_lines(f"{data.id_label}:", data.applicant_id, typo, value_font=REGULAR),
    ]
    if data.authorised_person:
        blocks += field_lines("Người được ủy quyền nộp hồ sơ:", data.authorised_person, typo)
    return [
        *blocks,
        *field_lines("Địa chỉ:", data.applicant_address, typo, value_font=REGULAR),
        *contact_lines(data.applicant_phone, data.applicant_email, typo),
        *field_lines(
            "Nội dung yêu cầu giải quyết:",
            f"{data.procedure_name} (Mã TTHC: {data.procedure_code})",
            typo,
        ),
        *field_lines("Cơ quan giải quyết hồ sơ:", data.agency_name, typo, value_font=REGULAR),
    ]


def _component_blocks(data: SlipData, typo: Typography) -> list[Block]:
    rows = [
        (str(index), c.name, str(c.originals), str(c.copies))
        for index, c in enumerate(data.components, start=1)
    ]
    if not rows:
        rows = [("", "(Không có giấy tờ kèm theo)", "", "")]
    return table_blocks(COMPONENT_COLUMNS, rows, typo)


def _numbered_blocks(data: SlipData, typo: Typography) -> list[Block]:
    blocks = [
        *field_lines("2. Số lượng hồ sơ:", f"{data.sets_count:02d} (bộ)", typo, value_font=REGULAR),
        *field_lines(
            "3. Thời gian giải quyết hồ sơ theo quy định là:",
            data.processing_time_text,
            typo,
            value_font=REGULAR,
        ),
        *field_lines(
            "4. Thời gian nhận hồ sơ:", format_vn_long(data.received_at), typo, value_font=REGULAR
        ),
        *field_lines(
            "5. Thời gian trả kết quả giải quyết hồ sơ:", format_vn_long(data.due_at), typo
        ),
        *field_lines(
            "6. Đăng ký nhận kết quả tại:",
            delivery_place(data.result_delivery_text),
            typo,
            value_font=REGULAR,
        ),
        *field_lines("Phí, lệ phí:", data.fees_text or "Không", typo, value_font=REGULAR),
    ]
    return [
        *blocks,
        *paragraph(_logbook_line(data), REGULAR, typo.body, typo.leading, typo.content_width),
    ]


def delivery_place(text: str) -> str:
    """The delivery text as it follows "… nhận kết quả tại:": a leading "Tại" would repeat it."""
    words = text.split(maxsplit=1)
    if len(words) == 2 and words[0].lower() == "tại":
        return words[1]
    return text


def _logbook_line(data: SlipData) -> str:
    """`Vào Sổ theo dõi hồ sơ, Quyển số: 2026, Số thứ tự: 125`; blanks to fill in by hand."""
    if data.logbook_text and data.log_book is None:
        return f"Vào Sổ theo dõi hồ sơ, {data.logbook_text}"
    book = data.log_book or BLANK
    seq = str(data.log_seq) if data.log_seq is not None else BLANK
    return f"Vào Sổ theo dõi hồ sơ, Quyển số: {book}, Số thứ tự: {seq}"


def _notes_blocks(data: SlipData, typo: Typography, *, with_note: bool) -> list[Block]:
    """Ghi chú (the form's standing notes, plus the clerk's on the kept copy), then look-up
    and hotline."""
    width, size, lead = typo.content_width, typo.small, typo.small_leading
    hang = text_width("- ", REGULAR, size)
    notes = [*NOTES, *([data.note] if data.note and with_note else [])]
    blocks = [
        spacer(lead * 0.5),
        line_block([Segment("Ghi chú:", BOLD)], size, lead, width, keep_with_next=True),
    ]
    for note in notes:
        blocks += paragraph(f"- {note}", REGULAR, size, lead, width, hanging=hang)
    # One line for both when they fit: an A5 slip has no room to spare.
    hotline = f"Đường dây nóng: {data.hotline}" if data.hotline else ""
    tail = "; ".join(part for part in (data.lookup_hint, hotline) if part)
    blocks += paragraph(tail, ITALIC, size, lead, width)
    return blocks


def sample_slip(received: datetime) -> SlipData:
    """A complete slip of made-up data: the start-up warm-up and the installation's smoke test."""
    return SlipData(
        dossier_code="000.00.00.H27-261126-0001",
        unit_name="Trung tâm Phục vụ hành chính công",
        agency_name="Sở Tư pháp tỉnh Hà Tĩnh",
        managing_body="UBND tỉnh Hà Tĩnh",
        place_name="Hà Tĩnh",
        applicant_name="Nguyễn Thị Hồng Nhung",
        applicant_id="042195123456",
        applicant_address="Xã Thạch Hà, tỉnh Hà Tĩnh",
        applicant_phone="0912345678",
        applicant_email="",
        authorised_person=None,
        procedure_name="Chứng thực bản sao",
        procedure_code="2.000815",
        components=(SlipComponent("Bản chính giấy tờ", 1, 0),),
        sets_count=1,
        processing_time_text="Trong ngày",
        received_at=received,
        due_at=received + timedelta(hours=2),
        result_delivery_text="Bộ phận Một cửa",
        fees_text=None,
        clerk_name="Kiểm tra",
        logbook_text=None,
        lookup_hint="",
        hotline=None,
        note=None,
    )


def warm_up() -> None:
    """Register fonts and render a throwaway slip, so the first real slip is not the slow one.

    The first render in a process pays for font registration (~20–30 ms) and cold caches; call
    this once at start-up, off the UI thread.
    """
    sample = sample_slip(datetime(2026, 1, 1, 1, 0, tzinfo=UTC))
    for page_size in TYPOGRAPHY:
        render_slip(sample, page_size)
