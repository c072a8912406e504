"""A chip-card QR scanned with the cursor in any text field of the intake or return screen: the
applicant (or the receiver) is filled, the field keeps what the clerk had typed, the cursor
stays there. The scanner is played as it types: one key event per character, then Enter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from counter_app.domain.kinds import Channel
from counter_app.ui.intake_view import IntakeView
from counter_app.ui.return_view import ReturnView
from tests.counter_app.ui.helpers import CLERK, QR_LINE, type_text
from tests.counter_app.ui.test_return import ready_dossier, scan_slip

OTHER_CARD = QR_LINE.replace("042195123456", "042195123457", 1)


@pytest.fixture
def intake(qtbot, services, runner) -> IntakeView:
    view = IntakeView(
        services.procedures,
        services.calendar,
        services.dossiers,
        services.slips,
        runner,
        CLERK,
        postal_units=services.post.units,
    )
    qtbot.addWidget(view)
    view.resize(1280, 860)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    delivery = view.delivery
    delivery.channel_combo.setCurrentIndex(delivery.channel_combo.findData(int(Channel.POSTAL)))
    qtbot.waitUntil(delivery.sender_box.isVisible)
    return view


def scan_into(qtbot, field, typed: str, line: str = QR_LINE, enter: bool = True) -> None:
    field.setFocus()
    type_text(field, typed + line)
    if enter:
        qtbot.keyClick(field, Qt.Key.Key_Return)


def intake_fields(view: IntakeView) -> dict:
    sender = view.delivery.sender_box
    return {
        "procedure search": view.picker.search_edit,
        "note": view.note_edit,
        "sender name": sender.address_form.name_edit,
        "sender phone": sender.address_form.phone_edit,
        "sender street": sender.address_form.street_edit,
        "incoming item number": sender.number_edit,
    }


@pytest.mark.parametrize(
    "field_name",
    [
        "procedure search",
        "note",
        "sender name",
        "sender phone",
        "sender street",
        "incoming item number",
    ],
)
def test_a_card_scanned_into_any_intake_field_fills_the_applicant(qtbot, intake, field_name):
    field = intake_fields(intake)[field_name]
    scan_into(qtbot, field, "abc")
    form = intake.applicant_form
    assert form.edits["full_name"].text() == "Nguyễn Thị Hồng Nhung"
    assert form.edits["id_number"].text() == "042195123456"
    assert form.edits["birth_date"].text() == "12/03/1995"
    assert field.text() == "abc"  # what the clerk had typed, the line taken out
    assert field.hasFocus() and field.cursorPosition() == 3


def test_the_scanners_enter_in_the_procedure_box_picks_no_procedure(qtbot, intake, runner):
    from tests.counter_app.ui.helpers import wait_idle

    search = intake.picker.search_edit
    scan_into(qtbot, search, "")
    wait_idle(qtbot, runner)
    qtbot.waitUntil(lambda: not intake.picker.results.isVisible())  # the box is empty again
    assert intake.picker.chosen is None and search.text() == ""
    assert intake.applicant_form.edits["full_name"].text() == "Nguyễn Thị Hồng Nhung"


def test_a_scanner_that_sends_no_enter_is_recognised_when_it_stops_typing(qtbot, intake):
    field = intake.delivery.sender_box.address_form.street_edit
    scan_into(qtbot, field, "Xóm 3 ", enter=False)
    qtbot.waitUntil(lambda: intake.applicant_form.edits["id_number"].text() == "042195123456")
    assert field.text() == "Xóm 3" and field.hasFocus()


def test_a_damaged_card_in_the_note_is_explained_under_the_scan_box(qtbot, intake):
    damaged = "042195123456|186123456|Nguyễn Thị Hồng Nhung|99999999|Nữ|Xóm 3|15082021"
    scan_into(qtbot, intake.note_edit, "", damaged)
    message = intake.applicant_form.messages["cccd_qr"]
    assert message.isVisible() and message.text()
    assert intake.note_edit.text() == "" and intake.note_edit.hasFocus()
    assert intake.applicant_form.edits["full_name"].text() == ""


@pytest.fixture
def return_view(qtbot, services, runner) -> ReturnView:
    view = ReturnView(services.returns, runner, CLERK, post=services.post)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    view.focus_first_field()
    qtbot.waitUntil(view.scan_edit.hasFocus)
    scan_slip(qtbot, view, ready_dossier(services))
    qtbot.waitUntil(lambda: view.detail is not None)
    return view


def test_a_card_scanned_into_the_slip_box_fills_the_receiver(qtbot, return_view):
    scan_into(qtbot, return_view.scan_edit, "", OTHER_CARD)
    assert return_view.receiver_id_edit.text() == "042195123457"
    assert return_view.receiver_name_edit.text() == "Nguyễn Thị Hồng Nhung"
    assert return_view.detail is not None  # the Enter looked nothing up
    assert return_view.scan_edit.hasFocus()


def test_a_card_scanned_into_a_postal_field_fills_the_receiver(qtbot, return_view):
    return_view.post_check.setChecked(True)
    street = return_view.postal_form.address_form.street_edit
    scan_into(qtbot, street, "Thôn 2", OTHER_CARD)
    assert return_view.receiver_id_edit.text() == "042195123457"
    assert street.text() == "Thôn 2" and street.hasFocus()


def test_the_cursor_moving_after_the_watched_screen_is_gone_raises_nothing(qtbot):
    """The watcher follows the application's focus; once the screen it watches is deleted (the
    watcher itself kept elsewhere), the cursor entering another field must not reach it."""
    import shiboken6
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

    from counter_app.ui.card_scan import CardScanWatcher

    screen = QWidget()
    QVBoxLayout(screen).addWidget(QLineEdit())
    watcher = CardScanWatcher(lambda _qr: None, lambda _message: None)
    watcher.watch_every_field(screen)
    shiboken6.delete(screen)
    other = QLineEdit()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    other.setFocus()  # pytest-qt fails the test on an exception raised inside a slot
    qtbot.waitUntil(other.hasFocus)
    assert not other.property("cardScanWatched")
