"""Bảng kê thu phí, lệ phí trong ngày: one clerk's fee ledger entries of one day, with totals by
kind and overall that are the sum of the lines shown (docs/domain.md §11)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from counter_app.documents.blocks import field_lines, paragraph
from counter_app.documents.fonts import BOLD, ITALIC
from counter_app.documents.layout import TYPOGRAPHY, Block, Typography, spacer
from counter_app.documents.pdf import DocumentCopy, render_copies
from counter_app.documents.tables import Column, table_blocks
from counter_app.domain.fee_ledger import Direction, FeeKind, format_dong, signed_amount
from counter_app.domain.fee_ledger import totals_by_kind as kind_totals

TITLE = "BẢNG KÊ THU PHÍ, LỆ PHÍ TRONG NGÀY"
COLUMNS = (
    Column("GIỜ", 0.07, "center"),
    Column("MÃ HỒ SƠ", 0.29),
    Column("KHOẢN THU", 0.24),
    Column("LOẠI", 0.08),
    Column("BIÊN LAI (KÝ HIỆU/SỐ)", 0.20),
    Column("SỐ TIỀN (ĐỒNG)", 0.12, "right"),
)


@dataclass(frozen=True)
class CashRow:
    """One ledger entry as the report shows it."""

    at: datetime  # Vietnam time
    dossier_code: str
    line_name: str
    kind: str  # a FeeKind value
    direction: str  # a Direction value
    amount: int  # as stored: refunds positive, signed here
    receipt: str | None
    pending: bool


@dataclass(frozen=True)
class CashReportData:
    day: date
    clerk_name: str  # "Nguyễn Văn A (canbo)", or "Tất cả cán bộ"
    printed_at: datetime
    rows: Sequence[CashRow]


def report_totals(rows: Sequence[CashRow]) -> tuple[dict[FeeKind, int], int]:
    """The net of each kind and overall: exactly the sum of the signed amounts of the rows."""
    by_kind = kind_totals(rows)
    return by_kind, sum(by_kind.values())


def _receipt_cell(row: CashRow) -> str:
    if row.receipt:
        return row.receipt
    return "Chờ số biên lai" if row.pending else ""


def _line_cell(row: CashRow) -> str:
    direction = Direction(row.direction)
    if direction == Direction.COLLECT:
        return row.line_name
    return f"{direction.label}: {row.line_name}"


def _cells(row: CashRow) -> list[str]:
    return [
        f"{row.at:%H:%M}",
        row.dossier_code,
        _line_cell(row),
        FeeKind(row.kind).label,
        _receipt_cell(row),
        format_dong(signed_amount(row)),
    ]


def _totals_blocks(rows: Sequence[CashRow], typo: Typography) -> list[Block]:
    by_kind, overall = report_totals(rows)
    lines: list[Block] = []
    for kind in FeeKind:
        amount = f"{format_dong(by_kind[kind])} đồng"
        lines += field_lines(f"Tổng {kind.label.lower()}:", amount, typo)
    lines += field_lines("Tổng cộng:", f"{format_dong(overall)} đồng", typo)
    pending = sum(1 for row in rows if row.pending and not row.receipt)
    if pending:
        note = f"{pending} khoản đang chờ số biên lai (bổ sung số khi có)."
        lines += paragraph(note, ITALIC, typo.body, typo.leading, typo.content_width)
    return [spacer(typo.leading * 0.5), *lines]


def render_cash_report(data: CashReportData) -> bytes:
    """The day's report on A4 as PDF bytes."""
    typo = TYPOGRAPHY["A4"]
    width = typo.content_width
    printed = f"In lúc {data.printed_at:%H:%M %d/%m/%Y}."
    blocks = [
        *paragraph(TITLE, BOLD, typo.title, typo.title * 1.4, width, align="center"),
        spacer(typo.leading * 0.5),
        *field_lines("Ngày:", f"{data.day:%d/%m/%Y}", typo),
        *field_lines("Cán bộ thu:", data.clerk_name, typo),
        spacer(typo.leading * 0.5),
        *table_blocks(COLUMNS, [_cells(row) for row in data.rows], typo),
        *_totals_blocks(data.rows, typo),
        *paragraph(printed, ITALIC, typo.small, typo.small_leading, width),
    ]
    note = f"Bảng kê thu phí, lệ phí ngày {data.day:%d/%m/%Y} (tiếp theo)"
    copy = DocumentCopy(blocks, note, f"Bảng kê thu ngày {data.day:%d/%m/%Y} · {data.clerk_name}")
    return render_copies([copy], typo, TITLE.capitalize())
