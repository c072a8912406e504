"""The main window: status bar, tab keys, and a clerk's day from intake to return."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from counter_app.ui.main_window import TAB_LIST, TAB_RETURN, MainWindow
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
    assert "Hà Tĩnh" in window.counter_label.text()
    window.set_sync_status("Đồng bộ lúc 09:30 · còn 2 thay đổi chờ gửi")
    assert window.sync_label.text() == "Đồng bộ lúc 09:30 · còn 2 thay đổi chờ gửi"
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
    assert dialog.events_table.item(0, 4).text() == "Được tiếp nhận"
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
