"""Vietnam time: stored instants carry their zone; shown instants are in Asia/Ho_Chi_Minh."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def now_vn() -> datetime:
    """The current instant in Vietnam time, whatever the machine's zone."""
    return datetime.now(UTC).astimezone(VN_TZ)


def to_vn(moment: datetime) -> datetime:
    """Convert an aware datetime to Vietnam time; a naive one is taken as Vietnam wall time."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=VN_TZ)
    return moment.astimezone(VN_TZ)


def format_vn(moment: datetime) -> str:
    """`YYYY-MM-DD HH:MM` in Vietnam time (the CLI and list format)."""
    return to_vn(moment).strftime("%Y-%m-%d %H:%M")


def format_vn_long(moment: datetime) -> str:
    """The legal forms' wording: `HH giờ MM phút, ngày DD tháng MM năm YYYY`."""
    m = to_vn(moment)
    return f"{m:%H} giờ {m:%M} phút, ngày {m:%d} tháng {m:%m} năm {m:%Y}"
