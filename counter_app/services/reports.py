"""The report of a period (docs/domain.md#reports): counts by procedure, field, channel and
status, early / on time / late, and the monthly work counts per clerk — every figure one SQL
aggregate over the store, never a loop over the period's dossiers.

The dossiers counted are those the logbook lists for the period (`books.IN_BOOK`: received in
it), so the report's total is the book's row count; the status breakdown adds the dossiers
refused at intake or still awaiting papers, which the book leaves out. The work counts apply the
province's rule (`counter_protocol.workload`) to groups of events, so the counter and the
province count alike (docs/decisions/0028-reports-from-sql-aggregates.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import Session

from counter_app.domain.reports import (
    ChannelKind,
    Line,
    Period,
    PeriodReport,
    Verdict,
)
from counter_app.domain.vntime import now_vn
from counter_app.models.service_tables import OnlineHelp
from counter_app.models.tables import Device, Dossier, Procedure, Unit
from counter_app.services.books import IN_BOOK
from counter_app.services.errors import ServiceError
from counter_app.services.store import Store
from counter_app.services.work_counts import work_lines
from counter_protocol.statuses import Status
from counter_protocol.texts import QT_TRANSLATE_NOOP
from counter_protocol.timefmt import to_vn

TEXT_AT = "%Y-%m-%dT%H:%M:%S+07:00"  # how VnDateTime stores a time (decisions/0002)


class ReportService:
    """Figures of the counter's unit for a period of whole days (Vietnam time)."""

    def __init__(self, store: Store, clock: Callable[[], datetime] = now_vn) -> None:
        self._store, self._clock = store, clock

    def report(self, period: Period) -> PeriodReport:
        """Every figure of the period, as of now (an unfinished dossier is judged against now)."""
        if period.last < period.first:
            raise ServiceError(
                QT_TRANSLATE_NOOP("messages", "Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.")
            )
        now = to_vn(self._clock())
        with self._store.read() as session:
            unit_code, unit_name = _unit(session)
            received = _received(unit_code, period)
            verdict = verdict_case(now)
            by_procedure = _lines(session, received, verdict, Procedure.code, Procedure.name)
            return PeriodReport(
                first=period.first,
                last=period.last,
                at=now,
                unit_code=unit_code,
                unit_name=unit_name,
                received=sum(line.total for line in by_procedure),
                timeliness=_timeliness(session, received, verdict),
                by_procedure=by_procedure,
                by_field=_lines(
                    session, received, verdict, Procedure.field_code, Procedure.field_name
                ),
                by_channel=_channels(session, received, verdict, period),
                by_status=_statuses(session, unit_code, period),
                work=tuple(work_lines(session, unit_code, period)),
            )

    def write(self, period: Period, out: Path) -> PeriodReport:
        """The period's report written to `out` as an Excel workbook (atomically); the
        workbook writer loads here, not at start-up."""
        from counter_app.documents.report_xlsx import write_report_xlsx

        report = self.report(period)
        tmp = out.with_name(out.name + ".tmp")
        write_report_xlsx(report, tmp)
        tmp.replace(out)
        return report


@contextmanager
def opened_reports(data_dir: Path) -> Iterator[ReportService]:
    """The report service on the store of `data_dir` alone (it only reads, so without the
    start-up quick check, like the logbook: services/books.opened_books)."""
    store = Store.open(data_dir, check=False)
    try:
        yield ReportService(store)
    finally:
        store.close()


def _unit(session: Session) -> tuple[str, str]:
    device = session.scalar(select(Device).where(Device.is_self.is_(True)))
    if device is None:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Máy này chưa được thiết lập."))
    name = session.scalar(select(Unit.name).where(Unit.code == device.unit_code))
    return device.unit_code, name or device.unit_code


def _in_period(unit_code: str, period: Period) -> list[ColumnElement[bool]]:
    return [
        Dossier.unit_code == unit_code,
        Dossier.received_at >= period.start,
        Dossier.received_at < period.end,
    ]


def _received(unit_code: str, period: Period) -> list[ColumnElement[bool]]:
    return [*_in_period(unit_code, period), *IN_BOOK]


def verdict_case(now: datetime) -> ColumnElement[str]:
    """A received dossier's verdict, in SQL (docs/domain.md#timeliness).

    More than one supplement request, or a re-appointment (Mẫu 04 is the apology for a dossier
    already late), is late whatever the dates. The end of processing is `ended_at` (the first
    ending step: result received before returned, so the status priority holds); while a single
    supplement request is pending, its time (`paused_at`) counts as the end. Times compare as
    their stored +07:00 text (decisions/0002), days as its first ten characters."""
    pending = and_(
        Dossier.status == int(Status.SUPPLEMENT_REQUESTED), Dossier.paused_at.is_not(None)
    )
    ended = func.coalesce(Dossier.ended_at, case((pending, Dossier.paused_at)))
    still_open = case((Dossier.due_at < now, Verdict.OPEN_OVERDUE.value), else_=Verdict.OPEN.value)
    return case(
        (Dossier.supplement_requests > 1, Verdict.LATE.value),
        (Dossier.extensions > 0, Verdict.LATE.value),
        (ended.is_(None), still_open),
        (ended > Dossier.due_at, Verdict.LATE.value),
        (_day(ended) < _day(Dossier.due_at), Verdict.EARLY.value),
        else_=Verdict.ON_TIME.value,
    )


def _day(moment: Any) -> ColumnElement[str]:
    return func.substr(moment, 1, 10)


def _lines(
    session: Session,
    where: list[ColumnElement[bool]],
    verdict: ColumnElement[str],
    key: Any,
    label: Any,
) -> tuple[Line, ...]:
    """Counts by verdict per `key` (a procedure, a field), the largest first."""
    query = (
        select(key, label, verdict.label("verdict"), func.count())
        .select_from(Dossier)
        .join(Procedure, Procedure.id == Dossier.procedure_id)
        .where(*where)
        .group_by(key, label, verdict)
    )
    return _pivot(session.execute(query).all())


def _pivot(rows: Any) -> tuple[Line, ...]:
    """(key, label, verdict, count) groups as one Line per key, the largest first, then by key."""
    found: dict[str, tuple[str, dict[Verdict, int]]] = {}
    for key, label, verdict, count in rows:
        _, verdicts = found.setdefault(str(key), (str(label), {}))
        verdicts[Verdict(verdict)] = verdicts.get(Verdict(verdict), 0) + int(count)
    lines = [Line(key, label, sum(v.values()), v) for key, (label, v) in found.items()]
    return tuple(sorted(lines, key=lambda line: (-line.total, line.key)))


def _timeliness(
    session: Session, where: list[ColumnElement[bool]], verdict: ColumnElement[str]
) -> Line:
    rows = session.execute(
        select(verdict.label("verdict"), func.count()).where(*where).group_by(verdict)
    ).all()
    verdicts = {Verdict(v): int(count) for v, count in rows}
    return Line("all", "Tất cả hồ sơ đã tiếp nhận", sum(verdicts.values()), verdicts)


def channel_case() -> ColumnElement[str]:
    """The report's channel of a dossier: received at the citizen's home, else its KenhThucHien."""
    return case(
        (Dossier.at_home.is_(True), ChannelKind.HOME.value),
        (Dossier.channel == 3, ChannelKind.POST.value),
        (Dossier.channel == 2, ChannelKind.ONLINE.value),
        else_=ChannelKind.DIRECT.value,
    )


def _channels(
    session: Session, where: list[ColumnElement[bool]], verdict: ColumnElement[str], period: Period
) -> tuple[Line, ...]:
    """Dossiers by channel, and the online-help records of the period (no dossier of ours)."""
    channel = channel_case()
    rows = session.execute(
        select(channel, verdict, func.count()).where(*where).group_by(channel, verdict)
    ).all()
    helped = session.scalar(
        select(func.count())
        .select_from(OnlineHelp)
        .where(OnlineHelp.helped_at >= period.start, OnlineHelp.helped_at < period.end)
    )
    by_kind = {line.key: line for line in _pivot((k, k, v, n) for k, v, n in rows)}
    by_kind[ChannelKind.ONLINE_HELP.value] = Line(ChannelKind.ONLINE_HELP.value, "", helped or 0)
    lines = (by_kind.get(kind.value) or Line(kind.value, "", 0) for kind in ChannelKind)
    return tuple(
        Line(line.key, ChannelKind(line.key).label, line.total, line.verdicts) for line in lines
    )


def _statuses(session: Session, unit_code: str, period: Period) -> tuple[Line, ...]:
    """Every dossier of the period by its national status (refused at intake included)."""
    rows = session.execute(
        select(Dossier.status, func.count())
        .where(*_in_period(unit_code, period))
        .group_by(Dossier.status)
        .order_by(Dossier.status)
    ).all()
    return tuple(Line(str(s), Status(s).label, int(n)) for s, n in rows)
