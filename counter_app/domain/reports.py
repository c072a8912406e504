"""The figures of a period's report (docs/domain.md#reports): plain data the report service fills
and the screen, the Excel writer and the tests read.

Timeliness follows docs/domain.md#timeliness (Quyết định 766/QĐ-TTg as the national portal
implements it); `Verdict` adds the two states of a dossier whose processing has not ended.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from counter_protocol.texts import QT_TRANSLATE_NOOP
from counter_protocol.timefmt import VN_TZ
from counter_protocol.workload import Task


@dataclass(frozen=True)
class Period:
    """Whole days in Vietnam time: [first 00:00, last + 1 day 00:00)."""

    first: date
    last: date

    @property
    def start(self) -> datetime:
        return datetime.combine(self.first, time(0), VN_TZ)

    @property
    def end(self) -> datetime:
        return datetime.combine(self.last + timedelta(days=1), time(0), VN_TZ)


class Verdict(StrEnum):
    """Where a received dossier stands against its appointment."""

    EARLY = "early"
    ON_TIME = "on_time"
    LATE = "late"
    OPEN = "open"  # processing goes on, the appointment not yet passed
    OPEN_OVERDUE = "open_overdue"  # processing goes on past the appointment

    @property
    def label(self) -> str:
        return _VERDICT_LABELS[self]


_VERDICT_LABELS = {
    Verdict.EARLY: QT_TRANSLATE_NOOP("labels", "Trước hạn"),
    Verdict.ON_TIME: QT_TRANSLATE_NOOP("labels", "Đúng hạn"),
    Verdict.LATE: QT_TRANSLATE_NOOP("labels", "Quá hạn"),
    Verdict.OPEN: QT_TRANSLATE_NOOP("labels", "Đang giải quyết, trong hạn"),
    Verdict.OPEN_OVERDUE: QT_TRANSLATE_NOOP("labels", "Đang giải quyết, quá hạn"),
}
VERDICTS = tuple(Verdict)


class ChannelKind(StrEnum):
    """How the work reached the counter, as the report counts it (a home receipt is its own
    channel whatever the dossier's KenhThucHien; online help is no dossier of the counter)."""

    DIRECT = "direct"
    POST = "post"
    HOME = "home"
    ONLINE = "online"  # channel 2: arrived through the national portal
    ONLINE_HELP = "online_help"

    @property
    def label(self) -> str:
        return _CHANNEL_LABELS[self]


_CHANNEL_LABELS = {
    ChannelKind.DIRECT: QT_TRANSLATE_NOOP("labels", "Trực tiếp tại quầy"),
    ChannelKind.POST: QT_TRANSLATE_NOOP("labels", "Qua bưu chính công ích"),
    ChannelKind.HOME: QT_TRANSLATE_NOOP("labels", "Tại nhà người dân"),
    ChannelKind.ONLINE: QT_TRANSLATE_NOOP("labels", "Trực tuyến"),
    ChannelKind.ONLINE_HELP: QT_TRANSLATE_NOOP("labels", "Hỗ trợ nộp trực tuyến"),
}
CHANNEL_KINDS = tuple(ChannelKind)


# Short status names for a chart's axis (the tables and the workbook use the national labels).
STATUS_SHORT = {
    1: "Mới đăng ký",
    2: "Được tiếp nhận",
    3: "Không tiếp nhận",
    4: "Đang xử lý",
    5: "Chờ bổ sung",
    6: "Nghĩa vụ tài chính",
    7: "Rút hồ sơ",
    8: "Dừng xử lý",
    9: "Đã xử lý xong",
    10: "Đã trả kết quả",
}


@dataclass(frozen=True)
class Line:
    """One row of a breakdown: what it counts (key, label) and the counts by verdict."""

    key: str
    label: str
    total: int
    verdicts: dict[Verdict, int] = field(default_factory=dict)

    def verdict(self, verdict: Verdict) -> int:
        return self.verdicts.get(verdict, 0)


@dataclass(frozen=True)
class WorkLine:
    """A clerk's work in one month, a count per task (counter_protocol.workload)."""

    month: str  # YYYY-MM
    unit_code: str
    clerk: str
    clerk_name: str
    counts: dict[Task, int]

    def count(self, task: Task) -> int:
        return self.counts.get(task, 0)


@dataclass(frozen=True)
class PeriodReport:
    """Everything the report of a period shows, computed at one moment `at`."""

    first: date
    last: date
    at: datetime
    unit_code: str
    unit_name: str
    received: int  # dossiers received in the period (the logbook's rows)
    timeliness: Line
    by_procedure: tuple[Line, ...]
    by_field: tuple[Line, ...]
    by_channel: tuple[Line, ...]
    by_status: tuple[Line, ...]  # every dossier of the period, refused at intake included
    work: tuple[WorkLine, ...]

    def work_total(self, task: Task) -> int:
        return sum(line.count(task) for line in self.work)
