"""Times on the wire (aware ISO-8601) and Vietnam time as both programs show it.

Machines run in UTC; every instant carries its zone; a person reads it in Asia/Ho_Chi_Minh.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from counter_protocol.errors import ProtocolError
from counter_protocol.texts import QT_TRANSLATE_NOOP

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
# Device times outside these bounds are absurd (a clock reset to 1970 is not: it is flagged).
# Year 1 or 9999 in a far zone cannot even be converted to UTC, let alone stored or compared.
EARLIEST_WIRE_TIME = datetime(1900, 1, 1, tzinfo=UTC)
LATEST_WIRE_TIME = datetime(3000, 1, 1, tzinfo=UTC)


def format_time(moment: datetime) -> str:
    """Aware ISO-8601; refuses naive datetimes, which mean nothing on the wire."""
    if moment.tzinfo is None:
        raise ValueError("a naive datetime cannot go on the wire")
    return moment.isoformat()


def parse_time(text: object) -> datetime:
    """An aware datetime from ISO-8601 text; ProtocolError if it is not text, not ISO or naive."""
    if not isinstance(text, str):
        raise ProtocolError(f"expected an ISO time, got {type(text).__name__}")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as exc:
        raise ProtocolError(f"not an ISO time: {text[:40]!r}") from exc
    if moment.tzinfo is None:
        raise ProtocolError(f"time without a zone: {text[:40]!r}")
    return moment


def within_wire_range(moment: datetime) -> bool:
    """Whether an aware time lies within the bounds a device time may take."""
    try:
        return EARLIEST_WIRE_TIME <= moment.astimezone(UTC) < LATEST_WIRE_TIME
    except OverflowError:
        return False


def to_vn(moment: datetime) -> datetime:
    """Convert an aware datetime to Vietnam time; a naive one is taken as Vietnam wall time."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=VN_TZ)
    return moment.astimezone(VN_TZ)


def format_vn(moment: datetime) -> str:
    """`dd/mm/yyyy HH:mm` in Vietnam time: how every screen, form and printed line shows a time."""
    return to_vn(moment).strftime("%d/%m/%Y %H:%M")


def format_vn_date(moment: datetime) -> str:
    """`dd/mm/yyyy` in Vietnam time (the day alone)."""
    return to_vn(moment).strftime("%d/%m/%Y")


def format_vn_sortable(moment: datetime) -> str:
    """`YYYY-MM-DD HH:MM` in Vietnam time: for scripts reading the CLI (sorts as text, and is
    the form the CLI's own time options accept)."""
    return to_vn(moment).strftime("%Y-%m-%d %H:%M")


def duration_parts(seconds: float) -> tuple[str, str]:
    """A rough length of time as its number and its unit, a label (“12”, “phút”): a message
    that names a length gives both as values, so a screen translates the unit."""
    if seconds < 120:
        return f"{seconds:.0f}", QT_TRANSLATE_NOOP("labels", "giây")
    if seconds < 7200:
        return f"{seconds / 60:.0f}", QT_TRANSLATE_NOOP("labels", "phút")
    if seconds < 172800:
        return f"{seconds / 3600:.1f}", QT_TRANSLATE_NOOP("labels", "giờ")
    return f"{seconds / 86400:.0f}", QT_TRANSLATE_NOOP("labels", "ngày")
