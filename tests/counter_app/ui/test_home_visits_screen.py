"""Hẹn tại nhà, driven as a clerk would: book, a clash refused next to the field, the outcome,
and receiving the dossier at the citizen's home through the intake."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QApplication

from counter_app.domain.appointments import VisitStatus
from counter_app.domain.kinds import Channel
from counter_app.ui.lazy_page import current_content
from counter_app.ui.main_window import TAB_INTAKE, MainWindow
from counter_app.ui.visit_dialog import VisitDialog
from counter_devkit.stores import TEST_PASSWORD
from tests.counter_app.ui.helpers import CLERK, QR_LINE, find_codes, type_text, wait_idle
from tests.counter_app.ui.test_intake import pick_procedure, tick_all_components
from tests.counter_app.ui.test_main_window import back_to

VISIT_DAY = date(2027, 1, 5)  # a Tuesday: a working day of the counter
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot, services, runner) -> MainWindow:
    user = services.accounts.sign_in(CLERK, TEST_PASSWORD)
    main = MainWindow(services, runner, user, services.setup.identity())
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    return main


def open_visits_tab(qtbot, window: MainWindow) -> None:
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F7)
    visits = window.office.visits
    assert current_content(window.tabs) is visits
    visits.day_edit.setDate(QDate(VISIT_DAY.year, VISIT_DAY.month, VISIT_DAY.day))
    wait_idle(qtbot, window._runner)


def book(qtbot, window: MainWindow, start: tuple[int, int], end: tuple[int, int]) -> VisitDialog:
    """Ctrl+N, then the form filled from the keyboard and Ctrl+Enter; the dialog is returned."""
    visits = window.office.visits
    back_to(qtbot, window)
    qtbot.keyClick(visits.table, Qt.Key.Key_N, CTRL)
    dialog = visits.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.clerk_combo.count() >= 2)
    assert dialog.clerk_combo.currentData() == CLERK  # the signed-in clerk, by default
    dialog.day_edit.setDate(QDate(VISIT_DAY.year, VISIT_DAY.month, VISIT_DAY.day))
    dialog.start_edit.setTime(QTime(*start))
    dialog.end_edit.setTime(QTime(*end))
    type_text(dialog.edits["citizen_name"], "Nguyễn Thị Hồng Nhung")
    type_text(dialog.edits["phone"], "0912345678")
    type_text(dialog.edits["address"], "Xóm 3, xã Thạch Hà, tỉnh Hà Tĩnh")
    pick_procedure(qtbot, dialog, "dang ky ket hon")
    qtbot.keyClick(dialog.edits["address"], Qt.Key.Key_Return, CTRL)
    return dialog


def test_book_clash_outcome_and_receive_at_home(qtbot, window, services, runner):
    open_visits_tab(qtbot, window)
    visits = window.office.visits
    first = book(qtbot, window, (8, 0), (9, 0))
    qtbot.waitUntil(lambda: visits.model.rowCount() == 1)
    assert not first.isVisible()
    assert visits.model.visit_at(0).status is VisitStatus.BOOKED
    assert "05/01/2027 08:00–09:00" in visits.model.index(0, 1).data()

    clash = book(qtbot, window, (8, 30), (9, 30))  # the same clerk, half an hour later
    qtbot.waitUntil(lambda: clash.messages["start"].isVisible())
    assert "trùng giờ" in clash.messages["start"].text()
    assert clash.start_edit.hasFocus()  # the cursor on the field the refusal is about
    assert clash.isVisible()
    assert len(services.home_visits.day(VISIT_DAY)) == 1  # nothing stored
    clash.reject()

    book(qtbot, window, (10, 0), (11, 0))
    qtbot.waitUntil(lambda: visits.model.rowCount() == 2)
    record_absent(qtbot, window)
    receive_first_at_home(qtbot, window, services)
    wait_idle(qtbot, runner)


def record_absent(qtbot, window: MainWindow) -> None:
    visits = window.office.visits
    back_to(qtbot, window)
    visits.table.setFocus()
    visits.table.selectRow(1)
    qtbot.keyClick(visits.table, Qt.Key.Key_K, CTRL)
    dialog = visits.outcome_dialog
    assert dialog is not None
    back_to(qtbot, dialog)
    dialog.outcome_combo.setCurrentIndex(dialog.outcome_combo.findData("absent"))
    type_text(dialog.note_edit, "Gọi điện không nghe máy")
    qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: visits.model.visit_at(1).status is VisitStatus.ABSENT)
    assert visits.model.index(1, 7).data() == "Người dân vắng nhà"


def receive_first_at_home(qtbot, window: MainWindow, services) -> None:
    visits = window.office.visits
    visit = visits.model.visit_at(0)
    back_to(qtbot, window)
    visits.table.setFocus()
    visits.table.selectRow(0)
    qtbot.keyClick(visits.table, Qt.Key.Key_T, CTRL)
    intake = window.intake
    qtbot.waitUntil(lambda: window.tabs.currentIndex() == TAB_INTAKE)
    qtbot.waitUntil(lambda: intake.picker.chosen is not None)
    assert intake.applicant_form.text("full_name") == "Nguyễn Thị Hồng Nhung"
    assert f"lịch hẹn số {visit.id}" in intake.message.text()
    type_text(intake.applicant_form.scan_edit, QR_LINE)  # the citizen's card, at home
    qtbot.keyClick(intake.applicant_form.scan_edit, Qt.Key.Key_Return)
    tick_all_components(qtbot, intake)
    qtbot.keyClick(intake.checklist, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: intake.preview is not None, timeout=15_000)
    code = intake.preview.code
    assert services.home_visits.get(visit.id).dossier_code == code
    detail = services.details.get(code)
    assert detail.channel == Channel.COUNTER  # handed to a clerk in person
    assert f"lịch hẹn số {visit.id}" in (detail.note or "")
    assert find_codes(services, code) == [code]  # in the dossier list
    intake.preview.close()
    back_to(qtbot, window)
    window.office.show_page(visits)
    qtbot.waitUntil(
        lambda: visits.model.rowCount() == 2 and bool(visits.model.visit_at(0).dossier_code)
    )
    assert visits.model.index(0, 8).data() == code
    assert visits.model.visit_at(0).status is VisitStatus.DONE
    visits.table.setFocus()
    visits.table.setCurrentIndex(visits.model.index(0, 0))
    qtbot.keyClick(visits.table, Qt.Key.Key_Return)  # the dossier received there
    qtbot.waitUntil(lambda: window.detail_dialog is not None and window.detail_dialog.code == code)
    window.detail_dialog.close()


def test_the_week_shows_every_day_of_it(qtbot, window, services):
    from datetime import datetime

    from counter_app.services.home_visits import VisitRequest
    from counter_protocol.timefmt import VN_TZ

    for day in (4, 8):  # Monday and Friday of the same week
        services.home_visits.book(
            VisitRequest(
                clerk=CLERK, start=datetime(2027, 1, day, 14, 0, tzinfo=VN_TZ),
                end=datetime(2027, 1, day, 15, 0, tzinfo=VN_TZ), citizen_name="Lê Văn Bình",
                phone="0987654321", address="Thôn 1, xã Đức Thọ", procedure_code="1.000894",
            )
        )  # fmt: skip
    open_visits_tab(qtbot, window)
    visits = window.office.visits
    assert visits.model.rowCount() == 0  # nothing on Tuesday itself
    visits.span_combo.setCurrentIndex(1)
    qtbot.waitUntil(lambda: visits.model.rowCount() == 2)
    assert [visits.model.index(r, 1).data()[:10] for r in range(2)] == ["04/01/2027", "08/01/2027"]


def test_moving_an_appointment_keeps_the_old_row_and_refuses_a_clash(qtbot, window, services):
    from datetime import datetime

    from counter_app.services.home_visits import VisitRequest
    from counter_protocol.timefmt import VN_TZ

    for hour in (8, 10):
        start = datetime(2027, 1, 5, hour, 0, tzinfo=VN_TZ)
        services.home_visits.book(
            VisitRequest(
                clerk=CLERK, start=start, end=start.replace(hour=hour + 1),
                citizen_name=f"Người dân {hour}", phone="0987654321",
                address="Thôn 1, xã Đức Thọ", procedure_code="1.000894",
            )
        )  # fmt: skip
    open_visits_tab(qtbot, window)
    visits = window.office.visits
    qtbot.waitUntil(lambda: visits.model.rowCount() == 2)
    back_to(qtbot, window)
    visits.table.setFocus()
    visits.table.selectRow(0)
    qtbot.keyClick(visits.table, Qt.Key.Key_M, CTRL)
    dialog = visits.dialog
    assert dialog.moving is not None and not dialog.edits["citizen_name"].isEnabled()
    back_to(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.clerk_combo.currentData() == CLERK)
    dialog.start_edit.setTime(QTime(10, 30))
    dialog.end_edit.setTime(QTime(11, 0))
    qtbot.keyClick(dialog.start_edit, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: dialog.messages["start"].isVisible())
    assert "trùng giờ" in dialog.messages["start"].text()
    dialog.start_edit.setTime(QTime(14, 0))
    dialog.end_edit.setTime(QTime(15, 0))
    qtbot.keyClick(dialog.start_edit, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: visits.model.rowCount() == 3)
    statuses = [(visits.model.index(r, 1).data()[11:16], visits.model.visit_at(r).status)
                for r in range(3)]  # fmt: skip
    assert statuses == [
        ("08:00", VisitStatus.RESCHEDULED),
        ("10:00", VisitStatus.BOOKED),
        ("14:00", VisitStatus.BOOKED),
    ]
    assert visits.model.visit_at(2).replaces_id == visits.model.visit_at(0).id
