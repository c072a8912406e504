"""The report tab's charts, drawn by Qt Charts from a period's figures (domain/reports.py).

Each chart keeps its numbers in its series (bar sets, pie slices) and its categories on its axis,
so what is drawn is what the report counted and a test reads it back from the series. Horizontal
bars list their lines bottom-up (Qt's order), so the first line of the report is drawn on top.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter

from counter_app.domain.reports import VERDICTS, Line, PeriodReport, Verdict, WorkLine
from counter_app.ui.i18n import QT_TR_NOOP, tr
from counter_app.ui.texts import label_text
from counter_protocol.workload import TASKS, Task

VERDICT_COLOURS = {
    Verdict.EARLY: QColor("#2e7d32"),
    Verdict.ON_TIME: QColor("#81c784"),
    Verdict.LATE: QColor("#c62828"),
    Verdict.OPEN: QColor("#90a4ae"),
    Verdict.OPEN_OVERDUE: QColor("#ef6c00"),
}
STATUS_COLOURS = (  # national statuses 1–10
    "#90a4ae", "#42a5f5", "#b71c1c", "#1565c0", "#ffb300",
    "#8d6e63", "#7e57c2", "#e64a19", "#66bb6a", "#2e7d32",
)  # fmt: skip
TASK_COLOURS = ("#1565c0", "#6a1b9a", "#00838f", "#ef6c00", "#558b2f")
LABEL_CHARS = 28  # a category label longer than this is cut (the table beside it has it whole)


def chart_view(chart: QChart) -> QChartView:
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumSize(300, 220)
    return view


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    font = QFont(chart.titleFont())
    font.setBold(True)
    chart.setTitleFont(font)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def short(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"


def timeliness_chart(report: PeriodReport) -> QChart:
    """A pie of the received dossiers by verdict (empty verdicts left out)."""
    chart = _chart(
        tr("Kết quả giải quyết ({received} hồ sơ đã tiếp nhận)").format(received=report.received)
    )
    series = QPieSeries()
    for verdict in VERDICTS:
        count = report.timeliness.verdict(verdict)
        if count:
            piece = series.append(f"{label_text(verdict.label)}: {count}", count)
            piece.setColor(VERDICT_COLOURS[verdict])
    chart.addSeries(series)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    return chart


def status_pie(title: str, lines: Sequence[Line]) -> QChart:
    """A pie of the dossiers by national status (a line's key is the status number), each
    status in its own colour, its count in the legend."""
    chart = _chart(title)
    series = QPieSeries()
    for line in lines:
        piece = series.append(f"{label_text(line.label)}: {line.total}", line.total)
        piece.setColor(QColor(STATUS_COLOURS[(int(line.key) - 1) % len(STATUS_COLOURS)]))
    chart.addSeries(series)
    legend = chart.legend()
    legend.setAlignment(Qt.AlignmentFlag.AlignRight)
    font = QFont(legend.font())
    font.setPointSizeF(font.pointSizeF() * 0.85)  # ten statuses fit the height
    legend.setFont(font)
    return chart


def verdict_bars(title: str, lines: Sequence[Line]) -> QChart:
    """Horizontal stacked bars: one bar per line, one coloured part per verdict."""
    chart = _chart(title)
    series = QHorizontalStackedBarSeries()
    for verdict in VERDICTS:
        bar_set = QBarSet(label_text(verdict.label))
        bar_set.setColor(VERDICT_COLOURS[verdict])
        # Qt draws the first category at the bottom: lines go in reversed, the first on top.
        bar_set.append([float(line.verdict(verdict)) for line in reversed(lines)])
        series.append(bar_set)
    chart.addSeries(series)
    top = max((line.total for line in lines), default=0)
    _axes(chart, series, [short(line.label) for line in reversed(lines)], top, vertical=True)
    return chart


def count_bars(title: str, lines: Sequence[Line], name: str = QT_TR_NOOP("Số hồ sơ")) -> QChart:
    """One horizontal bar per line, the first on top (a single series: no legend)."""
    chart = _chart(title)
    series = QHorizontalBarSeries()
    bar_set = QBarSet(tr(name))
    bar_set.setColor(QColor("#1565c0"))
    bar_set.append([float(line.total) for line in reversed(lines)])
    series.append(bar_set)
    series.setLabelsVisible(True)
    chart.addSeries(series)
    chart.legend().setVisible(False)
    top = max((line.total for line in lines), default=0)
    _axes(chart, series, [short(line.label) for line in reversed(lines)], top, vertical=True)
    return chart


def work_bars(lines: Sequence[WorkLine]) -> QChart:
    """The period's work per clerk (its months added), one bar per task."""
    chart = _chart(tr("Công việc của từng cán bộ trong kỳ"))
    clerks = sorted({(line.clerk, line.clerk_name) for line in lines})
    series = QBarSeries()
    for task, colour in zip(TASKS, TASK_COLOURS, strict=True):
        bar_set = QBarSet(label_text(task.label))
        bar_set.setColor(QColor(colour))
        bar_set.append([float(clerk_total(lines, clerk, task)) for clerk, _ in clerks])
        series.append(bar_set)
    chart.addSeries(series)
    top = max((line.count(task) for line in lines for task in TASKS), default=0)
    top = max([top, *(clerk_total(lines, c, t) for c, _ in clerks for t in TASKS)])
    _axes(chart, series, [name for _, name in clerks], top, vertical=False)
    return chart


def clerk_total(lines: Sequence[WorkLine], clerk: str, task: Task) -> int:
    return sum(line.count(task) for line in lines if line.clerk == clerk)


def _axes(
    chart: QChart,
    series: QBarSeries | QHorizontalBarSeries | QHorizontalStackedBarSeries,
    labels: list[str],
    top: int,
    vertical: bool,
) -> None:
    """Categories along one side, whole-number values from 0 along the other."""
    categories = QBarCategoryAxis()
    categories.append(labels)
    # Labels are already cut to LABEL_CHARS; left to Qt, a chart with its legend below cut
    # every one of them down to "…" however much room the axis had.
    categories.setTruncateLabels(False)
    values = QValueAxis()
    values.setRange(0, max(top, 1))
    values.applyNiceNumbers()
    values.setLabelFormat("%d")
    category_side = Qt.AlignmentFlag.AlignLeft if vertical else Qt.AlignmentFlag.AlignBottom
    value_side = Qt.AlignmentFlag.AlignBottom if vertical else Qt.AlignmentFlag.AlignLeft
    chart.addAxis(categories, category_side)
    chart.addAxis(values, value_side)
    series.attachAxis(categories)
    series.attachAxis(values)
