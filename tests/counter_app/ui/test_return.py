"""Trả kết quả: scan the slip's code (keys + Enter), check the receiver, confirm."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from counter_app.ui.return_view import ReturnView
from counter_devkit.intake import intake as intake_request
from counter_protocol.statuses import Status
from counter_protocol.timefmt import VN_TZ
from tests.counter_app.ui.helpers import CLERK, QR_LINE, type_text, wait_idle


@pytest.fixture
def return_view(qtbot, services, runner) -> ReturnView:
    view = ReturnView(services.returns, runner, CLERK, fees=services.fees)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    view.focus_first_field()
    return view


def ready_dossier(services, procedure: str = "2.000815") -> str:
    """A received dossier whose result is in (status 9), with its procedure's own fees."""
    fees = tuple(
        replace(f, paid=f.collected == "at_receipt")
        for f in services.procedures.get(procedure).fees
    )
    code = services.dossiers.receive(replace(intake_request(procedure=procedure), fees=fees))
    services.lifecycle.result_received(code, CLERK, note="Có kết quả")
    return code


def scan_slip(qtbot, view: ReturnView, code: str) -> None:
    """A 1D scanner types the code and Enter into the focused box."""
    assert view.scan_edit.hasFocus()
    type_text(view.scan_edit, code)
    qtbot.keyClick(view.scan_edit, Qt.Key.Key_Return)


def test_scanning_a_ready_dossier_and_confirming_marks_it_returned(
    qtbot, return_view, services, runner
):
    code = ready_dossier(services)
    returned: list[str] = []
    return_view.dossier_returned.connect(returned.append)
    scan_slip(qtbot, return_view, code)
    qtbot.waitUntil(lambda: return_view.detail is not None)
    assert return_view.receiver_name_edit.text() == "Nguyễn Thị Hồng Nhung"
    assert return_view.receiver_id_edit.text() == "042195123456"
    assert return_view.scan_edit.hasFocus()  # a stray second scan cannot reach the name
    assert not return_view.fees_button.isVisible()  # this fee was collected at intake

    qtbot.keyClick(return_view.scan_edit, Qt.Key.Key_Return)  # an empty Enter does nothing
    assert return_view.detail is not None and returned == []
    qtbot.keyClick(return_view.scan_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: returned == [code])
    detail = services.details.get(code)
    assert detail.status == Status.RETURNED
    assert detail.events[-1].kind == "returned" and detail.events[-1].actor == CLERK
    assert return_view.message.kind == "success"
    assert return_view.scan_edit.hasFocus() and return_view.scan_edit.text() == ""
    wait_idle(qtbot, runner)


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda services: "000.00.00.H27-000101-9999", "Không tìm thấy"),
        (lambda services: services.dossiers.receive(intake_request()), "chưa có kết quả"),
    ],
)
def test_unknown_or_unready_codes_are_explained_and_the_box_is_ready_again(
    qtbot, return_view, services, runner, make, expected
):
    code = make(services)
    scan_slip(qtbot, return_view, code)
    qtbot.waitUntil(lambda: return_view.message.kind == "error")
    assert expected in return_view.message.text()
    assert return_view.detail is None
    assert return_view.scan_edit.text() == "" and return_view.scan_edit.hasFocus()
    wait_idle(qtbot, runner)


def test_scanning_another_slip_replaces_the_dossier_on_screen(qtbot, return_view, services, runner):
    first, second = ready_dossier(services), ready_dossier(services)
    scan_slip(qtbot, return_view, first)
    qtbot.waitUntil(lambda: return_view.detail is not None)
    scan_slip(qtbot, return_view, second)
    qtbot.waitUntil(lambda: return_view.detail.code == second)
    assert return_view.receiver_name_edit.text() == "Nguyễn Thị Hồng Nhung"
    wait_idle(qtbot, runner)


def test_a_second_scan_of_a_returned_dossier_says_so(qtbot, return_view, services, runner):
    code = ready_dossier(services)
    services.returns.return_result(code, "Nguyễn Thị Hồng Nhung", "042195123456", CLERK, False)
    scan_slip(qtbot, return_view, code)
    qtbot.waitUntil(lambda: return_view.message.kind == "error")
    assert "đã trả kết quả" in return_view.message.text()
    wait_idle(qtbot, runner)


def test_fees_due_at_return_are_collected_against_a_receipt_before_confirming(
    qtbot, return_view, services, runner
):
    code = ready_dossier(services, procedure="1.013978")  # land: 100.000 đ collected at return
    scan_slip(qtbot, return_view, code)
    qtbot.waitUntil(lambda: return_view.detail is not None)
    assert return_view.fees_button.isVisible()
    assert "100.000 đ" in return_view.fees_button.text()
    assert "Ctrl+T" in return_view.fees_button.text()
    return_view.confirm()
    assert return_view.message.kind == "error"
    assert services.details.get(code).status == Status.DONE

    qtbot.keyClick(return_view.scan_edit, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dialog = return_view.fee_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: len(dialog.rows) == 1)
    type_text(dialog.rows[0].text_edit, "1c26tbl/0000456")
    qtbot.keyClick(dialog.rows[0].text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: return_view.fees_collected)
    [entry] = services.fees.entries_of(code)
    assert (entry.amount, entry.receipt, entry.moment) == (100_000, "1C26TBL/0000456", "at_return")
    receiver = return_view.receiver_name_edit
    receiver.clear()
    type_text(receiver, "Trần Văn Đạt")  # a relative collects it
    return_view.confirm()
    qtbot.waitUntil(lambda: return_view.message.kind == "success")
    assert "Trần Văn Đạt" in return_view.message.text()
    assert services.details.get(code).status == Status.RETURNED
    wait_idle(qtbot, runner)


def test_esc_after_typing_a_receiver_asks_and_keeps_it_by_default(
    qtbot, return_view, services, runner
):
    scan_slip(qtbot, return_view, ready_dossier(services))
    qtbot.waitUntil(lambda: return_view.detail is not None)
    name = return_view.receiver_name_edit
    name.setFocus()
    name.selectAll()
    type_text(name, "Trần Văn Bình")  # a relative collects it
    qtbot.keyClick(name, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: return_view.discard_question is not None)
    qtbot.keyClick(return_view.discard_question, Qt.Key.Key_Return)  # the default: keep
    qtbot.waitUntil(lambda: return_view.discard_question is None)
    assert return_view.detail is not None and name.text() == "Trần Văn Bình"
    return_view.cancel_button.setFocus()
    qtbot.keyClick(return_view.cancel_button, Qt.Key.Key_Space)
    box = return_view.discard_question
    skip = next(b for b in box.buttons() if b.text().startswith("Bỏ qua"))
    skip.click()
    qtbot.waitUntil(lambda: return_view.detail is None)
    wait_idle(qtbot, runner)


def test_esc_with_nothing_typed_skips_at_once(qtbot, return_view, services, runner):
    scan_slip(qtbot, return_view, ready_dossier(services))
    qtbot.waitUntil(lambda: return_view.detail is not None)
    qtbot.keyClick(return_view.scan_edit, Qt.Key.Key_Escape)
    assert return_view.detail is None and return_view.discard_question is None
    wait_idle(qtbot, runner)


def test_the_receivers_card_scanned_into_the_name_field_fills_name_and_id(
    qtbot, return_view, services, runner
):
    scan_slip(qtbot, return_view, ready_dossier(services))
    qtbot.waitUntil(lambda: return_view.detail is not None)
    name = return_view.receiver_name_edit
    name.setFocus()
    name.clear()
    type_text(name, QR_LINE.replace("042195123456", "042195123457", 1))
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert name.text() == "Nguyễn Thị Hồng Nhung"
    assert return_view.receiver_id_edit.text() == "042195123457"


def test_a_receiver_cccd_of_two_digits_is_refused_beside_the_field(
    qtbot, return_view, services, runner
):
    code = ready_dossier(services)
    scan_slip(qtbot, return_view, code)
    qtbot.waitUntil(lambda: return_view.detail is not None)
    return_view.receiver_id_edit.clear()
    type_text(return_view.receiver_id_edit, "12")
    qtbot.keyClick(return_view.scan_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    message = return_view.receiver_id_message
    assert message.isVisible() and "12 chữ số" in message.text()
    assert return_view.receiver_id_edit.hasFocus()
    assert services.details.get(code).status != Status.RETURNED

    return_view.receiver_id_edit.clear()
    type_text(return_view.receiver_id_edit, "042 195 123 456")  # typed in groups: accepted
    assert not message.isVisible()  # typing again takes the message away
    qtbot.keyClick(return_view.scan_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: services.details.get(code).status == Status.RETURNED)
    wait_idle(qtbot, runner)


def test_the_due_time_reads_day_month_year_in_vietnam_time(qtbot, return_view, services, runner):
    code = ready_dossier(services)
    scan_slip(qtbot, return_view, code)
    qtbot.waitUntil(lambda: return_view.detail is not None)
    due = return_view.detail.due_at.astimezone(VN_TZ)
    assert f"Hẹn trả: {due:%d/%m/%Y %H:%M}" in return_view.summary_label.text()
    wait_idle(qtbot, runner)


def test_the_detail_shows_who_collected_the_result_and_people_by_name(qtbot, services, runner):
    from counter_app.ui.dossier_detail import DossierDetailDialog
    from counter_devkit.stores import TEST_PASSWORD
    from tests.counter_app.ui.test_dossier_detail import fields_text

    code = ready_dossier(services)
    services.returns.return_result(code, "Trần Văn Đạt", "042 095 001 234", CLERK, False)
    user = services.accounts.sign_in(CLERK, TEST_PASSWORD)
    assert user.full_name and user.full_name != CLERK
    dialog = DossierDetailDialog(services, runner, user, code)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.detail is not None)

    assert "Trần Văn Đạt — CCCD 042095001234" in fields_text(dialog)
    assert f"— {user.full_name}" in fields_text(dialog)  # received by a person, not a username
    history = dialog.events_table
    assert history.rowCount() >= 2
    for row in range(history.rowCount()):
        assert history.cell_text(row, 1) == user.full_name
        assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d", history.cell_text(row, 0))
    forms = dialog.forms_table
    assert forms.rowCount() >= 1  # the receipt (Mẫu 01)
    assert {forms.cell_text(row, 4) for row in range(forms.rowCount())} == {user.full_name}
    wait_idle(qtbot, runner)


def test_the_control_sheet_rows_name_the_clerk_who_handed_the_paper_over(qtbot, services, runner):
    from counter_app.ui.dossier_detail import DossierDetailDialog
    from counter_devkit.stores import TEST_PASSWORD

    code = services.dossiers.receive(intake_request())
    services.lifecycle.forward(code, CLERK, received_by="Lê Hà")
    user = services.accounts.sign_in(CLERK, TEST_PASSWORD)
    dialog = DossierDetailDialog(services, runner, user, code)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.handover_table.rowCount() == 1)
    assert dialog.handover_table.cell_text(0, 2) == user.full_name  # Người giao, not `canbo`
    assert dialog.handover_table.cell_text(0, 3) == "Lê Hà"
    wait_idle(qtbot, runner)
