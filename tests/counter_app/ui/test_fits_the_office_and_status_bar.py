"""The home-visit tab, its booking dialog and the status bar on the 1024×768 test screen: every
column title whole, a message box as tall as its text, the unit code and the sync state read whole
(the less important names give way)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from counter_app.ui.main_window import MainWindow
from counter_devkit.stores import TEST_PASSWORD
from tests.counter_app.ui.helpers import ADMIN, wait_idle
from tests.counter_app.ui.test_fits_the_screen import (
    columns_in_sight,
    outside_the_screen,
    show_and_check,
)


@pytest.fixture
def main(qtbot, services, runner) -> MainWindow:
    user = services.accounts.sign_in(ADMIN, TEST_PASSWORD)  # sees every tab
    window = MainWindow(services, runner, user, services.setup.identity())
    show_and_check(qtbot, window)
    return window


def book_visits_with_long_addresses(services) -> None:
    from datetime import datetime

    from counter_app.domain.appointments import VisitStatus
    from counter_app.services.home_visits import VisitRequest
    from counter_protocol.timefmt import VN_TZ
    from tests.counter_app.ui.helpers import CLERK

    ids = []
    for hour, address in (
        (8, "Thôn Trung, xã Đức Thọ, tỉnh Hà Tĩnh"),
        (10, "Xóm 2, xã Đức Thọ, tỉnh Hà Tĩnh"),
        (14, "Tổ 5, phường Thành Sen, tỉnh Hà Tĩnh"),
    ):
        start = datetime(2027, 1, 5, hour, 0, tzinfo=VN_TZ)
        ids.append(services.home_visits.book(
            VisitRequest(
                clerk=CLERK, start=start, end=start.replace(hour=hour + 1),
                citizen_name="Nguyễn Thị Hồng Nhung", phone="0912000111",
                address=address, procedure_code="1.000894",
            )
        ))  # fmt: skip
    services.home_visits.record_outcome(ids[2], VisitStatus.ABSENT, CLERK, "Không có nhà")


def test_every_column_of_the_home_visits_is_in_sight(qtbot, services, runner, main):
    from PySide6.QtCore import QDate

    book_visits_with_long_addresses(services)
    visits = main.office.visits
    main.office.show_page(visits)
    visits.day_edit.setDate(QDate(2027, 1, 5))
    qtbot.waitUntil(lambda: visits.model.rowCount() == 3)
    wait_idle(qtbot, runner)
    table, model = visits.table, visits.model
    every = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert columns_in_sight(table) == every  # "Hồ sơ", the last, too
    assert not table.horizontalScrollBar().isVisible()
    assert titles_cut(table) == []


TITLE_AIR = 2  # a pixel each side between a title's ink and its column's border


def titles_cut(table) -> list[str]:
    """The column titles wider than their column, as painted: bold while a row is selected if
    the header highlights the sections of a selection."""
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QStyle

    header, model = table.horizontalHeader(), table.model()
    font = header.font()
    font.setBold(header.highlightSections() and table.selectionModel().hasSelection())
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    cut = []
    for col in range(header.count()):
        title = model.headerData(col, Qt.Orientation.Horizontal)
        ink = QFontMetrics(font).boundingRect(title).width()  # with the horn of "ơ"
        if ink + 2 * margin + TITLE_AIR > header.sectionSize(col):
            cut.append(title)
    return cut


def test_the_clash_message_of_a_visit_is_as_tall_as_its_text(qtbot, services, runner, main):
    from PySide6.QtCore import QDate, QTime

    book_visits_with_long_addresses(services)
    visits = main.office.visits
    main.office.show_page(visits)
    visits.book()
    dialog = visits.dialog
    show_and_check(qtbot, dialog)
    dialog.day_edit.setDate(QDate(2027, 1, 5))
    dialog.start_edit.setTime(QTime(8, 30))
    dialog.end_edit.setTime(QTime(9, 30))
    dialog.edits["citizen_name"].setText("Phạm Thị Hoa")
    dialog.edits["phone"].setText("0915000444")
    dialog.edits["address"].setText("Thôn Đông, xã Đức Thọ, tỉnh Hà Tĩnh")
    dialog.picker.set_procedure(services.procedures.get("1.000894"))
    dialog.save()
    qtbot.waitUntil(lambda: dialog.message.kind == "error")
    message = dialog.message
    qtbot.waitUntil(lambda: message.height() >= message.heightForWidth(message.width()))
    lines = message.fontMetrics().lineSpacing()
    assert message.height() <= message.heightForWidth(message.width()) + lines  # no empty band
    assert outside_the_screen(dialog) == []


def test_the_sync_state_is_read_whole_clear_of_the_window_edge(qtbot, main):
    """At the narrowest, and maximised as a clerk keeps it (no size grip at the corner)."""
    for width in (main.minimumSizeHint().width(), None):
        if width is None:
            main.showMaximized()
            screen = QApplication.primaryScreen().availableGeometry()
            qtbot.waitUntil(lambda s=screen: main.frameGeometry().width() == s.width())
            qtbot.waitUntil(lambda: main.statusBar().width() == main.width())
        else:
            main.resize(width, 640)
            qtbot.waitUntil(lambda w=width: main.width() == w)
        label = main.sync_label
        text_end = label.mapTo(main, QPoint(label.contentsRect().right(), 0)).x()
        assert label.contentsRect().width() >= label.fontMetrics().horizontalAdvance(label.text())
        assert main.width() - text_end >= 4, (width, text_end)
        unit = main.counter_label
        shown = unit.shown_text()
        assert shown.endswith("(" + main.identity.unit_code + ")")
        assert unit.width() >= unit.fontMetrics().horizontalAdvance(shown)


def test_the_report_of_a_busy_period_keeps_the_window_on_the_screen(qtbot, services, runner, main):
    from counter_app.ui.main_window import TAB_REPORT
    from counter_devkit.intake import intake as intake_request

    for _ in range(3):
        services.dossiers.receive(intake_request())
    main.show_tab(TAB_REPORT)
    wait_idle(qtbot, runner)
    main.report.refresh()
    wait_idle(qtbot, runner)
    assert "hồ sơ đã tiếp nhận" in main.report.summary.text()
    screen = QApplication.primaryScreen().availableGeometry()
    qtbot.waitUntil(lambda: main.report.summary.isVisible())
    assert main.frameGeometry().width() <= screen.width(), main.frameGeometry()
    assert main.minimumSizeHint().width() <= screen.width()
    assert outside_the_screen(main) == []
    summary = main.report.summary  # with a busier period's numbers it wraps, never widens
    line = summary.fontMetrics().horizontalAdvance("250 hồ sơ đã tiếp nhận · trước hạn 155")
    assert summary.minimumSizeHint().width() < line


def test_the_column_titles_of_the_monthly_work_are_whole(qtbot, services, runner, main):
    from counter_app.ui.main_window import TAB_REPORT
    from counter_devkit.intake import intake as intake_request

    services.dossiers.receive(intake_request())
    main.show_tab(TAB_REPORT)
    wait_idle(qtbot, runner)
    main.report.pages.setCurrentIndex(2)  # Công việc theo tháng
    table = main.report.work_table
    qtbot.waitUntil(lambda: table.rowCount() > 0 and table.isVisible())
    assert table.selectionModel().hasSelection()  # a selected row: bold titles, were they shown
    assert titles_cut(table) == []
