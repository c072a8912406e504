"""Tiếp nhận hồ sơ: scanning a card, picking a procedure by typing, live messages, Ctrl+S."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from counter_app.services.errors import ServiceError
from counter_app.services.search import today_query
from counter_app.ui.intake_view import IntakeView
from tests.counter_app.documents.pdftools import decode, flat, pdf_text, rasterise
from tests.counter_app.ui.helpers import CLERK, QR_LINE, find_codes, type_text, wait_idle


@pytest.fixture
def intake(qtbot, services, runner) -> IntakeView:
    view = IntakeView(
        services.procedures, services.calendar, services.dossiers, services.slips, runner, CLERK
    )
    qtbot.addWidget(view)
    view.resize(1280, 860)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    view.focus_first_field()
    return view


def scan_card(qtbot, view: IntakeView, line: str = QR_LINE) -> None:
    """A 2D scanner in keyboard mode: the whole QR line, then Enter, into the focused scan box."""
    assert view.applicant_form.scan_edit.hasFocus()
    type_text(view.applicant_form.scan_edit, line)
    qtbot.keyClick(view.applicant_form.scan_edit, Qt.Key.Key_Return)


def pick_procedure(qtbot, view: IntakeView, typed: str, downs: int = 0) -> None:
    search = view.picker.search_edit
    search.setFocus()
    type_text(search, typed)
    qtbot.waitUntil(lambda: view.picker.results.isVisible() and view.picker.results.count() > 0)
    for _ in range(downs):
        qtbot.keyClick(search, Qt.Key.Key_Down)
    qtbot.keyClick(search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.picker.chosen is not None)


def tick_all_components(qtbot, view: IntakeView) -> None:
    """Space on each row of the checklist, moving down with the arrow key."""
    view.checklist.setFocus()
    for row in range(view.checklist_model.rowCount()):
        qtbot.keyClick(view.checklist, Qt.Key.Key_Space)
        if row < view.checklist_model.rowCount() - 1:
            qtbot.keyClick(view.checklist, Qt.Key.Key_Down)


def test_the_scan_box_has_the_focus_and_a_scanned_card_fills_the_applicant(qtbot, intake):
    scan_card(qtbot, intake)
    form = intake.applicant_form
    assert form.text("full_name") == "Nguyễn Thị Hồng Nhung"
    assert form.text("id_number") == "042195123456"
    assert form.text("old_id_number") == "186123456"
    assert form.text("birth_date") == "12/03/1995"
    assert form.sex_combo.currentText() == "Nữ"
    assert form.text("address") == "Xóm 3, xã Thạch Hà, tỉnh Hà Tĩnh"
    assert form.scan_edit.text() == ""
    assert form.edits["phone"].hasFocus()  # the first thing a card does not carry


def test_a_card_scanned_into_the_cccd_field_fills_the_form_without_enter(qtbot, intake):
    id_edit = intake.applicant_form.edits["id_number"]
    id_edit.setFocus()
    type_text(id_edit, QR_LINE)  # some scanners send no Enter
    qtbot.waitUntil(lambda: intake.applicant_form.text("full_name") == "Nguyễn Thị Hồng Nhung")
    assert id_edit.text() == "042195123456"


def test_a_damaged_scan_is_explained_under_the_scan_box(qtbot, intake):
    scan_card(qtbot, intake, "042195123456|186123456|Nguyễn Thị Hồng Nhung|12031995")
    message = intake.applicant_form.messages["cccd_qr"]
    assert message.isVisible() and message.blocking
    assert "ít nhất 7 trường" in message.text()
    assert intake.applicant_form.text("full_name") == ""
    assert intake.applicant_form.scan_edit.hasFocus()


@pytest.mark.parametrize(
    ("typed", "expected"), [("chung thuc ban sao", "2.000815"), ("ket hon", "1.000894")]
)
def test_a_procedure_is_picked_by_typing_without_diacritics(
    qtbot, intake, services, runner, typed, expected
):
    pick_procedure(qtbot, intake, typed)
    info = intake.picker.chosen
    assert info.code == expected
    assert intake.checklist_model.rowCount() == len(info.components)
    assert not any(c.provided for c in intake.checklist_model.components())  # clerk ticks
    assert intake.checklist.hasFocus()
    wait_idle(qtbot, runner)
    assert intake.appointment_label.text().startswith("Ngày hẹn trả: ")
    assert " ngày " in intake.appointment_label.text()


def test_arrow_keys_choose_another_match(qtbot, intake):
    pick_procedure(qtbot, intake, "ket hon", downs=1)
    assert intake.picker.chosen.name == "Đăng ký kết hôn có yếu tố nước ngoài"


def test_space_toggles_the_component_under_the_cursor(qtbot, intake):
    pick_procedure(qtbot, intake, "ket hon")
    qtbot.keyClick(intake.checklist, Qt.Key.Key_Space)
    assert [c.provided for c in intake.checklist_model.components()] == [True, False, False]
    qtbot.keyClick(intake.checklist, Qt.Key.Key_Space)
    assert not intake.checklist_model.components()[0].provided


def test_messages_appear_next_to_the_fields_red_blocks_amber_warns(qtbot, intake):
    form = intake.applicant_form
    type_text(form.edits["id_number"], "04219512345")  # 11 digits
    type_text(form.edits["phone"], "0123")
    qtbot.waitUntil(lambda: form.messages["phone"].isVisible())
    assert form.messages["id_number"].blocking
    assert "12 chữ số" in form.messages["id_number"].text()
    assert not form.messages["phone"].blocking  # a bad phone warns but does not block
    assert not form.messages["full_name"].isVisible()  # untouched fields stay quiet


def test_save_is_refused_while_blocking_issues_remain(qtbot, intake, services):
    qtbot.keyClick(
        intake.applicant_form.scan_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
    )
    assert intake.message.kind == "error"
    assert intake.picker.message.text() == "Chưa chọn thủ tục hành chính."
    assert intake.applicant_form.messages["full_name"].text() == "Chưa nhập họ tên."
    assert intake.applicant_form.edits["full_name"].hasFocus()
    assert services.search.find(today_query()) == []


def test_ctrl_s_commits_then_shows_the_slip_with_a_readable_barcode(
    qtbot, intake, services, runner
):
    saved: list[str] = []
    intake.dossier_saved.connect(saved.append)
    scan_card(qtbot, intake)
    type_text(intake.applicant_form.edits["phone"], "0912 345 678")
    pick_procedure(qtbot, intake, "chung thuc ban sao")
    tick_all_components(qtbot, intake)
    qtbot.keyClick(intake.checklist, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(lambda: intake.preview is not None, timeout=15_000)
    code = saved[0]
    assert intake.preview.code == code
    assert find_codes(services, code) == [code]
    assert find_codes(services, "0912345678") == [code]  # phone stored in its national form
    detail = services.details.get(code)
    assert all(c.provided for c in detail.components)
    assert [f.paid for f in detail.fees] == [False]  # taken after saving, against a receipt
    assert detail.applicant.old_id_number == "186123456"
    pdf = intake.preview.pdf
    assert intake.preview.page_count() >= 1
    assert code in [d.text for d in decode(rasterise(pdf, 1, dpi=200))]
    assert "Nguyễn Thị Hồng Nhung" in flat(pdf_text(pdf))
    assert intake.applicant_form.text("full_name") == ""  # ready for the next applicant
    wait_idle(qtbot, runner)


def test_f9_saves_too_and_nothing_is_printed_when_the_commit_fails(
    qtbot, intake, services, runner, monkeypatch
):
    rendered: list[str] = []
    monkeypatch.setattr(services.slips, "render_for", lambda code: rendered.append(code) or b"")

    def refuse(request, *, clock_confirmed=False):
        raise ServiceError("Ổ đĩa đầy: không ghi được hồ sơ.")

    monkeypatch.setattr(services.dossiers, "receive", refuse)
    scan_card(qtbot, intake)
    pick_procedure(qtbot, intake, "ket hon")
    tick_all_components(qtbot, intake)
    qtbot.keyClick(intake.checklist, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: intake.message.kind == "error")
    wait_idle(qtbot, runner)
    assert "Ổ đĩa đầy" in intake.message.text()
    assert rendered == []
    assert intake.preview is None
    assert intake.applicant_form.text("full_name") == "Nguyễn Thị Hồng Nhung"  # nothing lost


def test_result_by_post_needs_an_address_and_takes_the_applicants(qtbot, intake):
    scan_card(qtbot, intake)
    delivery = intake.delivery
    delivery.delivery_combo.setCurrentIndex(1)
    assert delivery.address_edit.isEnabled()
    assert delivery.address_edit.text() == "Xóm 3, xã Thạch Hà, tỉnh Hà Tĩnh"
    delivery.address_edit.clear()
    intake.save_and_print()
    assert delivery.messages["delivery_address"].blocking
    assert "địa chỉ" in delivery.messages["delivery_address"].text()


def test_a_clock_400_days_behind_asks_the_clerk_before_anything_is_stored_or_printed(
    qtbot, intake, services, runner
):
    from datetime import timedelta

    from PySide6.QtWidgets import QMessageBox

    from counter_app.domain.vntime import now_vn
    from counter_app.services.clock import record_reading

    with services.store.write() as session:  # the last contact: the server 400 days later
        record_reading(session, now_vn() + timedelta(days=400), now_vn(), "page")
    saved: list[str] = []
    intake.dossier_saved.connect(saved.append)
    scan_card(qtbot, intake)
    type_text(intake.applicant_form.edits["phone"], "0912 345 678")
    pick_procedure(qtbot, intake, "chung thuc ban sao")
    tick_all_components(qtbot, intake)
    qtbot.keyClick(intake.checklist, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(lambda: intake.clock_question is not None, timeout=15_000)
    question = intake.clock_question
    assert "chậm 400 ngày so với giờ máy chủ" in question.text()
    assert saved == [] and intake.preview is None
    assert find_codes(services, "0912345678") == []  # nothing stored, no code taken
    keep = next(
        b for b in question.buttons() if question.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole
    )
    qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: intake.preview is not None, timeout=15_000)
    assert find_codes(services, "0912345678") == saved
    wait_idle(qtbot, runner)


def test_a_clerk_who_declines_the_clock_warning_stores_nothing(qtbot, intake, services, runner):
    from datetime import timedelta

    from PySide6.QtWidgets import QMessageBox

    from counter_app.domain.vntime import now_vn
    from counter_app.services.clock import record_reading

    with services.store.write() as session:
        record_reading(session, now_vn() + timedelta(days=400), now_vn(), "page")
    scan_card(qtbot, intake)
    type_text(intake.applicant_form.edits["phone"], "0912 345 678")
    pick_procedure(qtbot, intake, "chung thuc ban sao")
    tick_all_components(qtbot, intake)
    qtbot.keyClick(intake.checklist, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: intake.clock_question is not None, timeout=15_000)
    question = intake.clock_question
    fix = next(
        b for b in question.buttons() if question.buttonRole(b) == QMessageBox.ButtonRole.RejectRole
    )
    qtbot.mouseClick(fix, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: intake.clock_question is None)
    wait_idle(qtbot, runner)
    assert intake.preview is None
    assert find_codes(services, "0912345678") == []
    assert intake.applicant_form.text("full_name") == "Nguyễn Thị Hồng Nhung"  # form kept
