"""Is this PC's clock plausible? Compared with the server's time and with the newest time stored.

A slip carries the dossier's code (with its date) and the appointment date; a clock a year off
prints both a year off. Every reply carrying the server's time is kept as a `ClockReading`; before
a dossier is stored, `check_clock` refuses (ClockSuspect) when the clock cannot be right, unless the
clerk has confirmed it. The threshold is the setting `clock.max_skew_minutes`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.models.sync_tables import CLOCK_ROW, ClockReading, SyncLogEntry
from counter_app.models.tables import Dossier, DossierEvent
from counter_app.services.errors import ServiceError
from counter_app.services.settings import get_setting
from counter_protocol.texts import QT_TRANSLATE_NOOP, Marked
from counter_protocol.timefmt import duration_parts, format_vn, to_vn

CLOCK_SUSPECT = "clock.suspect"
BEHIND_STORED = QT_TRANSLATE_NOOP(
    "messages",
    "Đồng hồ máy này đang là {now}, sớm hơn thời điểm mới nhất đã ghi trên máy ({newest}). "
    "Ngày giờ của máy có thể đang sai: mã hồ sơ và ngày hẹn trả trên giấy tiếp nhận sẽ sai theo.",
)
# Which way the clock is off is two sentences, not a word put in (a translation may need more).
SLOW_AGAINST_SERVER = QT_TRANSLATE_NOOP(
    "messages",
    "Lần liên lạc gần nhất với máy chủ tỉnh ({when}), đồng hồ máy này chậm {size} {size_unit} so "
    "với giờ máy chủ. Ngày giờ của máy có thể đang sai: mã hồ sơ và ngày hẹn trả trên giấy "
    "tiếp nhận sẽ sai theo.",
)
FAST_AGAINST_SERVER = QT_TRANSLATE_NOOP(
    "messages",
    "Lần liên lạc gần nhất với máy chủ tỉnh ({when}), đồng hồ máy này nhanh {size} {size_unit} so "
    "với giờ máy chủ. Ngày giờ của máy có thể đang sai: mã hồ sơ và ngày hẹn trả trên giấy "
    "tiếp nhận sẽ sai theo.",
)
ADVICE = QT_TRANSLATE_NOOP(
    "messages",
    "Kiểm tra ngày giờ ở góc màn hình; nếu sai, chỉnh lại (bật tự động đồng bộ giờ của "
    "Windows) rồi lưu lại. Chỉ xác nhận lưu khi chắc chắn ngày giờ đang đúng.",
)


class ClockSuspect(ServiceError):
    """The clock may be wrong: nothing was stored. Store anyway only after a person confirms."""

    default_code = CLOCK_SUSPECT

    def __init__(self, template: str, params: Mapping[str, object] | None = None) -> None:
        super().__init__(template, code=CLOCK_SUSPECT, advice=ADVICE, params=params)


def max_skew(session: Session) -> timedelta:
    return timedelta(minutes=int(get_setting(session, "clock.max_skew_minutes")))


def newest_stored(session: Session) -> datetime | None:
    """The latest time this PC has written: dossiers received, events, sync runs."""
    times = [
        session.scalar(select(func.max(column)))
        for column in (Dossier.received_at, DossierEvent.at, SyncLogEntry.finished_at)
    ]
    known = [t for t in times if t is not None]
    return max(known) if known else None


def record_reading(
    session: Session, server_time: datetime, local_time: datetime, source: str
) -> ClockReading:
    """Keep this comparison as the latest; vouch for what is stored when the clock was right."""
    reading = session.get(ClockReading, CLOCK_ROW) or ClockReading(id=CLOCK_ROW)
    skew = (server_time - local_time).total_seconds()
    reading.server_time, reading.local_time = to_vn(server_time), to_vn(local_time)
    reading.skew_s, reading.source = skew, source
    if abs(skew) <= max_skew(session).total_seconds():
        reading.vouched_newest = newest_stored(session)
    session.add(reading)
    return reading


def clock_problem(session: Session, now: datetime) -> Marked | None:
    """Why the clock cannot be right now (a marked template and its values, Vietnamese when
    formatted), or None when nothing says so."""
    limit = max_skew(session)
    reading = session.get(ClockReading, CLOCK_ROW)
    newest = newest_stored(session)
    vouched = reading.vouched_newest if reading is not None else None
    if reading is not None and now < reading.local_time - limit:  # set back since last contact
        return Marked(BEHIND_STORED, {"now": _vn(now), "newest": _vn(reading.local_time)})
    if newest is not None and now < newest - limit and (vouched is None or newest > vouched):
        return Marked(BEHIND_STORED, {"now": _vn(now), "newest": _vn(newest)})
    if reading is not None and abs(reading.skew_s) > limit.total_seconds():
        size, unit = duration_parts(abs(reading.skew_s))
        template = SLOW_AGAINST_SERVER if reading.skew_s > 0 else FAST_AGAINST_SERVER
        return Marked(template, {"when": _vn(reading.server_time), "size": size, "size_unit": unit})
    return None


def check_clock(session: Session, now: datetime, *, confirmed: bool) -> None:
    """Refuse (ClockSuspect) to store with a clock that cannot be right, unless confirmed."""
    problem = clock_problem(session, now)
    if problem is not None and not confirmed:
        raise ClockSuspect(problem.template, problem.params)


def _vn(moment: datetime) -> str:
    return format_vn(moment)
