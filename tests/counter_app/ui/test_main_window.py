"""The main window: status bar, tab keys, and a clerk's day from intake to return."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from counter_app.ui.main_window import TAB_INTAKE, TAB_LIST, TAB_RETURN, MainWindow
from counter_devkit.stores import TEST_PASSWORD
from counter_protocol.statuses import Status
from tests.counter_app.ui.helpers import CLERK, QR_LINE, type_text, wait_idle


@pytest.fixture
def window(qtbot, services, runner) -> MainWindow:
    user = services.accounts.sign_in(CLERK, TEST_PASSWORD)
    main = MainWindow(services, runner, user, services.setup.identity())
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    return main


def test_the_status_bar_names_the_clerk_counter_unit_and_sync(window):
    assert "Nguyễn Thị Hồng Nhung" in window.clerk_label.text()
    assert "Quầy số 1" in window.counter_label.text()
    assert "xã Đức Thọ" in window.counter_label.text()
    window.set_sync_status("Đồng bộ lúc 09:30 · còn 2 thay đổi chờ gửi")
    assert window.sync_label.text() == "Đồng bộ lúc 09:30 · còn 2 thay đổi chờ gửi"


def test_the_window_opens_on_todays_list_and_builds_a_tab_when_first_shown(qtbot, window):
    """The first screen after signing in is the dossier list, the cursor in its search; F2
    builds the intake screen then and puts the cursor in its scan field."""
    assert window.tabs.currentIndex() == TAB_LIST
    assert window.dossiers.search_edit.hasFocus()
    assert not window._intake_page.is_built
    qtbot.keyClick(window.dossiers.search_edit, Qt.Key.Key_F2)
    assert window.tabs.currentIndex() == TAB_INTAKE
    assert window.intake.isVisible()
    assert window.intake.applicant_form.scan_edit.hasFocus()


def test_a_clerks_day_intake_list_detail_and_return(qtbot, window, services, runner):
    code = receive_by_keyboard(qtbot, window)
    open_from_the_list(qtbot, window, code)
    services.lifecycle.result_received(code, "chuyenvien", note="Đã có kết quả")
    return_by_scan(qtbot, window, code)
    assert services.details.get(code).status == Status.RETURNED
    listing = window.dossiers
    qtbot.waitUntil(
        lambda: listing.model.rowCount() == 1 and listing.model.row_at(0).status == Status.RETURNED
    )
    wait_idle(qtbot, runner)


def receive_by_keyboard(qtbot, window: MainWindow) -> str:
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F2)
    intake = window.intake
    type_text(intake.applicant_form.scan_edit, QR_LINE)
    qtbot.keyClick(intake.applicant_form.scan_edit, Qt.Key.Key_Return)
    type_text(intake.picker.search_edit, "dang ky ket hon")
    qtbot.waitUntil(lambda: intake.picker.results.count() > 0)
    qtbot.keyClick(intake.picker.search_edit, Qt.Key.Key_Return)
    for row in range(intake.checklist_model.rowCount()):  # every paper in hand: received
        qtbot.keyClick(intake.checklist, Qt.Key.Key_Space)
        if row < intake.checklist_model.rowCount() - 1:
            qtbot.keyClick(intake.checklist, Qt.Key.Key_Down)
    qtbot.keyClick(intake.checklist, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: intake.preview is not None, timeout=15_000)
    intake.preview.close()
    back_to(qtbot, window)  # a window manager does this when the preview closes
    return intake.preview.code


def open_from_the_list(qtbot, window: MainWindow, code: str) -> None:
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F3)
    assert window.tabs.currentIndex() == TAB_LIST
    listing = window.dossiers
    qtbot.waitUntil(lambda: listing.model.rowCount() == 1)
    listing.table.setFocus()
    qtbot.keyClick(listing.table, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.detail_dialog is not None and window.detail_dialog.detail is not None
    )
    dialog = window.detail_dialog
    assert dialog.detail.code == code
    assert dialog.events_table.rowCount() == 1
    assert dialog.events_table.item(0, 3).text() == "Được tiếp nhận"
    assert dialog.forms_table.item(0, 0).text() == "01"  # Mẫu 01, issued with the receipt
    qtbot.mouseClick(dialog.reprint_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=15_000)
    dialog.preview.close()
    dialog.close()
    back_to(qtbot, window)


def return_by_scan(qtbot, window: MainWindow, code: str) -> None:
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F4)
    assert window.tabs.currentIndex() == TAB_RETURN
    returns = window.returns
    assert returns.scan_edit.hasFocus()
    type_text(returns.scan_edit, code)
    qtbot.keyClick(returns.scan_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: returns.detail is not None)
    qtbot.keyClick(returns.scan_edit, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: returns.message.kind == "success")


def back_to(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_forwarding_and_supplement_from_the_detail_are_stored(qtbot, window, services, runner):
    from counter_devkit.intake import intake
    from counter_protocol.statuses import SubState

    code = services.dossiers.receive(intake())
    window.open_dossier(code)
    dialog = window.detail_dialog
    qtbot.waitUntil(lambda: dialog.detail is not None)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.events_table, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: dialog.step_dialog is not None and dialog.step_dialog.isVisible())
    step = dialog.step_dialog
    step.activateWindow()
    qtbot.waitUntil(step.isActiveWindow)
    type_text(step.inputs["received_by"], "Lê Văn Cường")
    qtbot.keyClick(
        step.inputs["received_by"], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    qtbot.waitUntil(lambda: dialog.detail.sub_state == SubState.IN_TRANSIT, timeout=10_000)
    stored = services.details.get(code)
    assert stored.sub_state == SubState.IN_TRANSIT
    assert stored.events[-1].kind == "forwarded" and stored.events[-1].actor == CLERK
    assert dialog.handover_table.rowCount() == 1
    assert dialog.handover_table.item(0, 3).text() == "Lê Văn Cường"
    wait_idle(qtbot, runner)


def test_the_late_tab_lists_overdue_dossiers_first_and_opens_one(qtbot, window, services, runner):
    from datetime import timedelta

    from counter_app.services.late import LateService
    from counter_devkit.intake import intake

    code = services.dossiers.receive(intake())
    later = services.details.get(code).due_at + timedelta(days=2)
    window.late._late = LateService(services.store, services.calendar, clock=lambda: later)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
    late = window.late
    qtbot.waitUntil(lambda: late.model.rowCount() == 1)
    assert late.model.index(0, 0).data() == "Quá hạn"
    assert late.model.index(0, 1).data() == code
    assert "1</b> hồ sơ quá hạn" in late.count_label.text()
    qtbot.keyClick(late.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.detail_dialog is not None)
    assert window.detail_dialog.code == code
    wait_idle(qtbot, runner)
    window.detail_dialog.close()  # a modal left open would hold the keyboard of later windows


def test_a_supervisor_clicks_the_report_tab_and_sees_this_month(qtbot, services, runner):
    from counter_app.ui.main_window import TAB_REPORT
    from tests.counter_app.ui.helpers import ADMIN

    user = services.accounts.sign_in(ADMIN, TEST_PASSWORD)  # the tab is a supervisor's
    main = MainWindow(services, runner, user, services.setup.identity())
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    bar = main.tabs.tabBar()
    assert bar.tabText(TAB_REPORT) == "Báo cáo (F11)"
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(TAB_REPORT).center())
    assert main.tabs.currentIndex() == TAB_REPORT
    qtbot.waitUntil(lambda: main.report.report is not None)
    assert main.report.report.received == 0  # a fresh store: nothing received this month
    assert main.report.period().first.day == 1
    assert len(main.report.chart_views()) == 4
    wait_idle(qtbot, runner)
