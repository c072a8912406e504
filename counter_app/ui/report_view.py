"""Báo cáo: the figures of a period as charts (Qt Charts), the procedures table and the monthly
work counts per clerk, and the same figures saved as an Excel workbook."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.reports import STATUS_SHORT, VERDICTS, Line, Period, PeriodReport, WorkLine
from counter_app.ui.detail_tables import ReadOnlyTable
from counter_app.ui.file_dialogs import ask_save_path
from counter_app.ui.i18n import QT_TR_NOOP, tr
from counter_app.ui.report_charts import (
    chart_view,
    count_bars,
    status_pie,
    timeliness_chart,
    verdict_bars,
    work_bars,
)
from counter_app.ui.widgets import MessageBar, error_text
from counter_protocol.workload import TASKS

if TYPE_CHECKING:
    from counter_app.ui.tasks import TaskRunner

PROCEDURE_HEADERS = (QT_TR_NOOP("Thủ tục"), QT_TR_NOOP("Tổng số"), *(v.label for v in VERDICTS))
WORK_HEADERS = (QT_TR_NOOP("Tháng"), QT_TR_NOOP("Cán bộ"), *(t.label for t in TASKS))
TOP_FIELDS = 8  # the field chart shows the busiest fields; the Excel sheet has them all


class PeriodReports(Protocol):
    """What the view asks of the ReportService."""

    def report(self, period: Period) -> PeriodReport: ...
    def write(self, period: Period, out: Path) -> PeriodReport: ...


class ReportView(QWidget):
    """Pick a period (this month by default), see its charts; save it as Excel."""

    def __init__(
        self,
        reports: PeriodReports,
        runner: TaskRunner,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._reports, self._runner = reports, runner
        self.report: PeriodReport | None = None
        self.first_edit, self.last_edit = _date_edit(today.replace(day=1)), _date_edit(today)
        self.show_button = QPushButton(tr("Xem báo cáo (F5)"))
        self.show_button.setShortcut("F5")
        self.excel_button = QPushButton(tr("Xuất Excel… (Ctrl+E)"))
        self.excel_button.setShortcut("Ctrl+E")
        self.summary = QLabel()
        self.summary.setWordWrap(True)  # a second line at 1024 wide, not a window off the screen
        self.message = MessageBar()
        self.charts = QGridLayout()
        self.procedure_table = ReadOnlyTable(PROCEDURE_HEADERS)
        self.work_table = ReadOnlyTable(WORK_HEADERS)
        self.work_charts = QVBoxLayout()
        self.pages = QTabWidget()
        self._layout()
        self.show_button.clicked.connect(self.refresh)
        self.excel_button.clicked.connect(self.save_excel)

    def _layout(self) -> None:
        top = QHBoxLayout()
        for text, widget in ((tr("Từ ngày"), self.first_edit), (tr("đến ngày"), self.last_edit)):
            top.addWidget(QLabel(text))
            top.addWidget(widget)
        top.addWidget(self.show_button)
        top.addWidget(self.summary, 1)
        top.addWidget(self.excel_button)
        overview = QWidget()
        overview.setLayout(self.charts)
        work = QWidget()
        work_layout = QHBoxLayout(work)
        # Every column as wide as its heading or figures: the clerks' names and the task names
        # must read whole; the chart takes what is left.
        self.work_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        work_layout.addWidget(self.work_table, 1)
        work_layout.addLayout(self.work_charts, 1)
        self.pages.addTab(overview, tr("Biểu đồ"))
        self.pages.addTab(self.procedure_table, tr("Theo thủ tục"))
        self.pages.addTab(work, tr("Công việc theo tháng"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.pages, 1)

    def period(self) -> Period:
        first, last = self.first_edit.date().toPython(), self.last_edit.date().toPython()
        assert isinstance(first, date) and isinstance(last, date)
        return Period(first, last)

    def set_period(self, first: date, last: date) -> None:
        self.first_edit.setDate(QDate(first.year, first.month, first.day))
        self.last_edit.setDate(QDate(last.year, last.month, last.day))

    def refresh(self) -> None:
        """Count the chosen period on the store lane, then draw it."""
        period, reports = self.period(), self._reports
        if period.last < period.first:
            self.message.show_message(
                "error", tr("Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.")
            )
            return
        self.summary.setText(tr("Đang tính…"))
        self._runner.run_db(
            lambda: reports.report(period),
            self.show_report,
            self._failed,
            owner=self,
            what=tr("Đang đếm hồ sơ cho báo cáo…"),
        )

    def show_report(self, report: PeriodReport) -> None:
        self.message.clear_message()
        self.report = report
        t = report.timeliness
        self.summary.setText(
            tr(
                "<b>{received}</b> hồ sơ đã tiếp nhận · trước hạn {early} · đúng hạn "
                "{on_time} · quá hạn {late}"
            ).format(
                received=report.received,
                early=t.verdict(VERDICTS[0]),
                on_time=t.verdict(VERDICTS[1]),
                late=t.verdict(VERDICTS[2]),
            )
        )
        self._draw_overview(report)
        self.procedure_table.set_rows(
            [
                (line.label, str(line.total), *(str(line.verdict(v)) for v in VERDICTS))
                for line in report.by_procedure
            ]
        )
        self.work_table.set_rows(work_rows(report.work))
        _replace(self.work_charts, [chart_view(work_bars(report.work))])

    def _draw_overview(self, report: PeriodReport) -> None:
        views = [
            chart_view(timeliness_chart(report)),
            chart_view(
                count_bars(tr("Hồ sơ theo kênh tiếp nhận"), report.by_channel, tr("Số lượt"))
            ),
            chart_view(status_pie(tr("Hồ sơ theo trạng thái"), status_lines(report.by_status))),
            chart_view(verdict_bars(tr("Theo lĩnh vực"), report.by_field[:TOP_FIELDS])),
        ]
        _replace(self.charts, views, columns=2)

    def chart_views(self) -> list[QChartView]:
        """The overview's charts, in reading order (timeliness, channel, status, field)."""
        views = []
        for index in range(self.charts.count()):
            item = self.charts.itemAt(index)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QChartView):
                views.append(widget)
        return views

    def save_excel(self, path: str | None = None) -> None:
        """Ask where (unless `path` is given) and write the period's workbook there."""
        if path is None:
            name = f"bao-cao-{self.period().first:%Y%m%d}-{self.period().last:%Y%m%d}.xlsx"
            path = ask_save_path(self, tr("Lưu báo cáo"), name, "Excel (*.xlsx)")
            if not path:
                return
        out, period, reports = Path(path), self.period(), self._reports
        self._runner.run_db(
            lambda: reports.write(period, out),
            lambda _report: self.message.show_message(
                "info", tr("Đã lưu báo cáo vào {out}").format(out=out)
            ),
            self._failed,
            owner=self,
        )

    def _failed(self, error: BaseException) -> None:
        self.summary.setText("")
        self.message.show_message("error", error_text(error))


def work_rows(lines: Sequence[WorkLine]) -> list[tuple[str, ...]]:
    """Each month: a row per clerk, then the unit's total for the month."""
    rows: list[tuple[str, ...]] = []
    for month in sorted({line.month for line in lines}):
        month_lines = [line for line in lines if line.month == month]
        shown = f"{month[5:]}/{month[:4]}"
        for line in month_lines:
            rows.append((shown, line.clerk_name, *(str(line.count(t)) for t in TASKS)))
        totals = (str(sum(line.count(t) for line in month_lines)) for t in TASKS)
        rows.append((shown, tr("Cả đơn vị"), *totals))
    return rows


def status_lines(lines: Sequence[Line]) -> list[Line]:
    """The status lines with the short names a chart's axis has room for."""
    return [Line(line.key, STATUS_SHORT[int(line.key)], line.total) for line in lines]


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    return edit


def _replace(layout: QGridLayout | QVBoxLayout, views: list[QChartView], columns: int = 1) -> None:
    """Swap the layout's charts for `views` (columns wide)."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()
    for index, view in enumerate(views):
        if isinstance(layout, QGridLayout):
            layout.addWidget(view, index // columns, index % columns)
        else:
            layout.addWidget(view)
