"""The Báo cáo tab on March 2026 (tests/counter_app/services/month_fixture.py): the clerk picks the
period and asks for the report; the charts' series hold the hand-computed figures."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCharts import QBarCategoryAxis, QChart
from PySide6.QtCore import QDate, Qt

from counter_app.services.home_visits import HomeVisitService
from counter_app.services.online_help import OnlineHelpService
from counter_app.services.reports import ReportService
from counter_app.ui.report_view import ReportView
from tests.counter_app.services.lifecycle_helpers import make_counter, vn
from tests.counter_app.services.month_fixture import Month
from tests.counter_app.ui.helpers import wait_idle

REPORT_AT = vn(2026, 3, 30, 9, 0)


@pytest.fixture
def view(qtbot: Any, services: Any, data_dir: Path, runner: Any) -> ReportView:
    counter = make_counter(services, data_dir, vn(2026, 3, 2, 7, 30))
    visits = HomeVisitService(services.store, services.calendar, counter.dossiers, counter.clock)
    Month(counter, visits, OnlineHelpService(services.store, counter.clock)).run()
    reports = ReportService(services.store, clock=lambda: REPORT_AT)
    shown = ReportView(reports, runner, vn(2026, 3, 30).date())
    qtbot.addWidget(shown)
    shown.resize(1366, 700)
    shown.show()
    return shown


def ask_for_march(qtbot: Any, view: ReportView, runner: Any) -> None:
    assert view.first_edit.date() == QDate(2026, 3, 1)  # this month, from its first day
    view.last_edit.setDate(QDate(2026, 3, 31))
    qtbot.mouseClick(view.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.report is not None)
    wait_idle(qtbot, runner)


def bars(chart: QChart) -> dict[str, dict[str, float]]:
    """Each bar set's values by category, read from the chart's series and its category axis."""
    [series] = chart.series()
    axis = next(a for a in chart.axes() if isinstance(a, QBarCategoryAxis))
    names = axis.categories()
    return {s.label(): {name: s.at(i) for i, name in enumerate(names)} for s in series.barSets()}


def test_the_charts_hold_the_months_figures(qtbot: Any, view: ReportView, runner: Any) -> None:
    ask_for_march(qtbot, view, runner)
    timeliness, channels, statuses, fields = (v.chart() for v in view.chart_views())
    [pie] = timeliness.series()
    assert {s.label(): s.value() for s in pie.slices()} == {
        "Trước hạn: 9": 9, "Đúng hạn: 6": 6, "Quá hạn: 6": 6,
        "Đang giải quyết, trong hạn: 3": 3, "Đang giải quyết, quá hạn: 2": 2,
    }  # fmt: skip
    assert bars(channels) == {
        "Số lượt": {
            "Hỗ trợ nộp trực tuyến": 3, "Trực tuyến": 0, "Tại nhà người dân": 2,
            "Qua bưu chính công ích": 3, "Trực tiếp tại quầy": 21,
        }
    }  # fmt: skip
    [status_pie] = statuses.series()
    assert {s.label(): s.value() for s in status_pie.slices()}["Đã trả kết quả: 11"] == 11
    assert sum(s.value() for s in status_pie.slices()) == 30
    by_field = bars(fields)
    assert by_field["Quá hạn"] == {"Hộ tịch": 5, "Thành lập và hoạt động của …": 1}
    assert by_field["Trước hạn"] == {"Hộ tịch": 8, "Thành lập và hoạt động của …": 1}
    # The names are cut once, to LABEL_CHARS: Qt must not cut them again (its legend below
    # once left only "…" on the axis).
    category_axes = [a for c in (channels, fields) for a in c.axes() if hasattr(a, "categories")]
    assert category_axes and not any(a.truncateLabels() for a in category_axes)
    assert "26</b> hồ sơ đã tiếp nhận" in view.summary.text()


def test_the_work_page_counts_each_clerk_and_the_unit(
    qtbot: Any, view: ReportView, runner: Any
) -> None:
    ask_for_march(qtbot, view, runner)
    view.pages.setCurrentIndex(2)
    table = view.work_table
    rows = [[table.cell_text(r, c) for c in range(table.columnCount())] for r in range(3)]
    assert rows == [
        ["03/2026", "Nguyễn Thị Hồng Nhung", "24", "10", "3", "2", "2"],
        ["03/2026", "Hoàng Văn Quản", "2", "1", "0", "0", "1"],
        ["03/2026", "Cả đơn vị", "26", "11", "3", "2", "3"],
    ]
    chart = view.work_charts.itemAt(0).widget().chart()  # type: ignore[union-attr]
    assert bars(chart)["Tiếp nhận"] == {"Hoàng Văn Quản": 2, "Nguyễn Thị Hồng Nhung": 24}
    assert bars(chart)["Tại nhà"] == {"Hoàng Văn Quản": 0, "Nguyễn Thị Hồng Nhung": 2}


def test_the_same_figures_saved_as_excel(
    qtbot: Any, view: ReportView, runner: Any, tmp_path: Path
) -> None:
    ask_for_march(qtbot, view, runner)
    out = tmp_path / "bao-cao.xlsx"
    view.save_excel(str(out))
    qtbot.waitUntil(lambda: "Đã lưu báo cáo" in view.message.text())
    sheet = openpyxl.load_workbook(out)["Theo kênh"]
    rows = {r[0]: r[1] for r in sheet.iter_rows(min_row=5, values_only=True) if r[0]}
    assert rows["Tại nhà người dân"] == 2 and rows["Hỗ trợ nộp trực tuyến"] == 3


def test_a_period_ending_before_it_starts_is_refused(qtbot: Any, view: ReportView) -> None:
    view.last_edit.setDate(QDate(2026, 2, 1))
    qtbot.mouseClick(view.show_button, Qt.MouseButton.LeftButton)
    assert "Ngày bắt đầu phải trước" in view.message.text()
    assert view.report is None
