"""Vietnam time on the counter: the clock, and the legal forms' wording (shared parts: timefmt)."""

from __future__ import annotations

from datetime import UTC, datetime

from counter_protocol.timefmt import VN_TZ, to_vn


def now_vn() -> datetime:
    """The current instant in Vietnam time, whatever the machine's zone."""
    return datetime.now(UTC).astimezone(VN_TZ)


def format_vn_long(moment: datetime) -> str:
    """The legal forms' wording: `HH giờ MM phút, ngày DD tháng MM năm YYYY`."""
    m = to_vn(moment)
    return f"{m:%H} giờ {m:%M} phút, ngày {m:%d} tháng {m:%m} năm {m:%Y}"
