"""The intake screen driven by keys alone, as a clerk does: no key wipes a filled form unasked,
Enter presses the focused button, a refused save puts the cursor on the first error."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.counter_app.ui.helpers import QR_LINE, find_codes, type_text, wait_idle
from tests.counter_app.ui.test_intake import intake, scan_card  # noqa: F401 (fixture)

CTRL = Qt.KeyboardModifier.ControlModifier


def fill_name(qtbot, view) -> None:
    name = view.applicant_form.edits["full_name"]
    name.setFocus()
    type_text(name, "Trần Văn An")


def open_question(qtbot, view) -> QMessageBox:
    qtbot.waitUntil(lambda: view.discard_question is not None)
    box = view.discard_question
    assert box is not None
    qtbot.waitExposed(box)
    return box


def test_space_on_new_dossier_asks_and_enter_keeps_the_form(qtbot, intake):  # noqa: F811
    fill_name(qtbot, intake)
    intake.clear_button.setFocus()
    qtbot.keyClick(intake.clear_button, Qt.Key.Key_Space)
    box = open_question(qtbot, intake)
    assert "Bỏ hồ sơ" in box.windowTitle()
    qtbot.keyClick(box, Qt.Key.Key_Return)  # the default button: keep
    qtbot.waitUntil(lambda: intake.discard_question is None)
    assert intake.applicant_form.text("full_name") == "Trần Văn An"


def test_ctrl_n_on_a_scanned_form_asks_and_discards_only_when_told(qtbot, intake):  # noqa: F811
    scan_card(qtbot, intake)
    qtbot.keyClick(
        intake.applicant_form.edits["phone"], Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier
    )
    box = open_question(qtbot, intake)
    assert intake.applicant_form.text("full_name") == "Nguyễn Thị Hồng Nhung"
    discard = next(b for b in box.buttons() if b.text().startswith("Bỏ"))
    discard.setFocus()
    qtbot.keyClick(discard, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: intake.applicant_form.text("full_name") == "")
    assert intake.applicant_form.scan_edit.hasFocus()


def test_ctrl_n_on_an_empty_form_asks_nothing(qtbot, intake):  # noqa: F811
    qtbot.keyClick(
        intake.applicant_form.scan_edit, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier
    )
    assert intake.discard_question is None


def test_enter_on_the_focused_save_button_saves(qtbot, intake):  # noqa: F811
    intake.save_button.setFocus()
    qtbot.keyClick(intake.save_button, Qt.Key.Key_Return)
    assert "Chưa lưu" in intake.message.text()  # the empty form was checked, as a click would


def test_a_refused_save_puts_the_cursor_on_the_first_error_on_screen(qtbot, intake):  # noqa: F811
    birth = intake.applicant_form.edits["birth_date"]
    birth.setFocus()
    type_text(birth, "31/02/1990")  # no such day, below the empty (required) name
    qtbot.keyClick(birth, Qt.Key.Key_S, CTRL)
    assert "Chưa lưu" in intake.message.text()
    assert intake.applicant_form.edits["full_name"].hasFocus()


def test_a_card_scanned_into_the_name_field_fills_the_form(qtbot, intake):  # noqa: F811
    name = intake.applicant_form.edits["full_name"]
    name.setFocus()
    type_text(name, QR_LINE)
    qtbot.keyClick(name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: intake.applicant_form.text("full_name") == "Nguyễn Thị Hồng Nhung")
    assert intake.applicant_form.text("id_number") == "042195123456"
    assert intake.applicant_form.text("address") == "Xóm 3, xã Thạch Hà, tỉnh Hà Tĩnh"


def test_a_card_scanned_after_a_typed_name_or_into_the_note_fills_the_form(qtbot, intake):  # noqa: F811
    name = intake.applicant_form.edits["full_name"]
    name.setFocus()
    type_text(name, "Nguyen")
    type_text(name, QR_LINE)  # no Enter: the scanner's line is recognised as it settles
    qtbot.waitUntil(lambda: intake.applicant_form.text("id_number") == "042195123456")
    assert intake.applicant_form.text("full_name") == "Nguyễn Thị Hồng Nhung"
    intake.note_edit.setFocus()
    type_text(intake.note_edit, "Nộp thay. ")
    intake.applicant_form.edits["address"].clear()
    type_text(intake.note_edit, QR_LINE)
    qtbot.keyClick(intake.note_edit, Qt.Key.Key_Return)
    assert intake.note_edit.text() == "Nộp thay."
    assert intake.applicant_form.text("address") == "Xóm 3, xã Thạch Hà, tỉnh Hà Tĩnh"


def fill_complete_intake(qtbot, view) -> None:
    from tests.counter_app.ui.test_intake import pick_procedure, tick_all_components

    view.activateWindow()
    view.focus_first_field()
    qtbot.waitUntil(view.applicant_form.scan_edit.hasFocus)
    scan_card(qtbot, view)
    type_text(view.applicant_form.edits["phone"], "0912 345 678")
    pick_procedure(qtbot, view, "chung thuc ban sao")
    tick_all_components(qtbot, view)


def test_the_same_card_and_procedure_saved_again_today_is_asked_about_first(
    qtbot,
    intake,  # noqa: F811
    services,
    runner,
):
    saved: list[str] = []
    intake.dossier_saved.connect(saved.append)
    fill_complete_intake(qtbot, intake)
    qtbot.keyClick(intake.checklist, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: intake.preview is not None, timeout=15_000)
    intake.preview.reject()
    fill_complete_intake(qtbot, intake)
    qtbot.keyClick(intake.checklist, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: intake.duplicate_question is not None)
    box = intake.duplicate_question
    assert saved[0] in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Return)  # the default: do not store
    qtbot.waitUntil(lambda: intake.duplicate_question is None)
    wait_idle(qtbot, runner)
    assert len(saved) == 1
    assert intake.applicant_form.text("full_name") == "Nguyễn Thị Hồng Nhung"  # kept to review
    assert len(find_codes(services, "042195123456")) == 1


def test_a_card_scanned_into_the_delivery_address_does_not_land_there(qtbot, intake):  # noqa: F811
    address = intake.delivery.address_edit
    address.setEnabled(True)
    address.setVisible(True)
    address.setFocus()
    type_text(address, QR_LINE)
    qtbot.keyClick(address, Qt.Key.Key_Return)
    assert address.text() == ""
    assert intake.applicant_form.text("id_number") == "042195123456"
