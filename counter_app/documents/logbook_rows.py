"""The dossier logbook's (Sổ theo dõi hồ sơ) plain data: its header, rows and their cells, shared by
the PDF and the Excel writers (this module draws nothing, so the Excel book never loads
reportlab)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from counter_protocol.timefmt import to_vn

VN_OFFSET = timedelta(hours=7)  # Vietnam has no daylight saving

NO_DOSSIERS = "Không có hồ sơ nào được tiếp nhận trong thời gian này."

# (header, share of the width): the official columns, Quyển số beside the number it qualifies.
COLUMNS: tuple[tuple[str, float], ...] = (
    ("TT", 4.2),
    ("Quyển số", 4.6),
    ("Mã hồ sơ", 15.5),
    ("Tên TTHC", 16.0),
    ("Tên cá nhân, tổ chức", 10.5),
    ("Địa chỉ, số điện thoại", 13.0),
    ("Cơ quan chủ trì giải quyết", 10.5),
    ("Nhận hồ sơ", 6.8),
    ("Hẹn trả kết quả", 6.8),
    ("Trả kết quả", 6.8),
    ("Phương thức nhận kết quả", 8.0),
    ("Ký nhận", 7.0),
)


@dataclass(frozen=True)
class LogbookRow:
    """One dossier's line in the book; times are aware and shown in Vietnam time."""

    book: str
    seq: int | None
    code: str
    procedure: str
    applicant: str
    address_phone: str
    competent: str
    received_at: datetime
    due_at: datetime
    returned_at: datetime | None
    delivery: str


@dataclass(frozen=True)
class LogbookHeader:
    """What heads the book: issuer, place, the period and which form (Mẫu) it follows."""

    managing_body: str | None
    unit_name: str
    dateline: str
    first: date
    last: date
    form_caption: str  # "Mẫu số 07 – Thông tư 03/2025/TT-VPCP"


def vn_minutes(moment: datetime | None) -> str:
    """`dd/mm/yyyy HH:mm` in Vietnam time; empty for a time not yet known. The store gives
    +07:00 times already (three a row, a month's book 30,000): no zone lookup for them."""
    if moment is None:
        return ""
    local = moment if moment.utcoffset() == VN_OFFSET else to_vn(moment)
    return f"{local.day:02d}/{local.month:02d}/{local.year} {local.hour:02d}:{local.minute:02d}"


def period_text(first: date, last: date) -> str:
    if first == last:
        return f"Ngày {first:%d/%m/%Y}"
    return f"Từ ngày {first:%d/%m/%Y} đến ngày {last:%d/%m/%Y}"


def row_cells(row: LogbookRow) -> list[str]:
    """The row's cells in column order (the signature column stays blank)."""
    return [
        "" if row.seq is None else str(row.seq),
        row.book,
        row.code,
        row.procedure,
        row.applicant,
        row.address_phone,
        row.competent,
        vn_minutes(row.received_at),
        vn_minutes(row.due_at),
        vn_minutes(row.returned_at),
        row.delivery,
        "",
    ]
