"""Trả qua bưu điện, driven like a clerk: scan the slip, tick "by post", pick province and commune,
type the postage, confirm; the number comes from this PC's pool; then print the day's hand-over
list and read its text and barcode back. An empty pool is said in Vietnamese before and at the
confirmation, and nothing is stored."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from counter_app.domain.postal import PostalStatus
from counter_app.ui.return_view import ReturnView
from counter_devkit.postal import s10_numbers
from counter_protocol.statuses import Status
from tests.counter_app.documents.pdftools import decode, flat, pdf_text, rasterise
from tests.counter_app.ui.helpers import CLERK, type_text, wait_idle
from tests.counter_app.ui.test_return import ready_dossier, scan_slip


@pytest.fixture
def return_view(qtbot, services, runner) -> ReturnView:
    view = ReturnView(services.returns, runner, CLERK, post=services.post)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    view.focus_first_field()
    return view


def pick(combo, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)


def test_a_result_posted_from_the_return_screen_reaches_the_hand_over_list(
    qtbot, return_view, services, runner
):
    numbers = s10_numbers(8000, 2)
    services.tracking_pool.import_text("\n".join(numbers), "vnpost.txt")
    code = ready_dossier(services)
    scan_slip(qtbot, return_view, code)
    qtbot.waitUntil(lambda: "còn 2 mã" in return_view.postal_form.pool_label.text())
    form = return_view.postal_form.address_form
    assert form.province_combo.currentText() == "Tỉnh Hà Tĩnh"  # the counter's province
    assert not return_view.postal_form.isVisible()

    return_view.post_check.setFocus()  # Tab from the scan box; Space ticks it
    qtbot.keyClick(return_view.post_check, Qt.Key.Key_Space)
    assert return_view.postal_form.isVisible() and not return_view.receiver_id_edit.isVisible()
    assert form.name_edit.text() == "Nguyễn Thị Hồng Nhung"  # the applicant, to change if need be
    pick(form.commune_combo, "Xã Đức Thọ")
    type_text(form.street_edit, "Thôn Trung Hòa")
    return_view.postal_form.postage_spin.setValue(28000)
    return_view.postal_form.weight_spin.setValue(350)
    returned: list[str] = []
    return_view.dossier_returned.connect(returned.append)
    qtbot.keyClick(return_view.scan_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: returned == [code])
    assert return_view.message.kind == "success"
    assert f"số hiệu bưu gửi {numbers[0]}" in return_view.message.text()
    assert services.details.get(code).status == Status.RETURNED
    item = services.post.items_of(code)[0]
    assert (item.tracking_number, item.status, item.postage) == (
        numbers[0],
        PostalStatus.REGISTERED,
        28000,
    )
    assert item.address.full_text() == "Thôn Trung Hòa, Xã Đức Thọ, Tỉnh Hà Tĩnh"

    qtbot.mouseClick(return_view.handover_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: return_view.handover_preview is not None)
    preview = return_view.handover_preview
    assert preview.page_count() == 1
    text = flat(pdf_text(preview.pdf))
    assert numbers[0] in text and code in text and "Thôn Trung Hòa, Xã Đức Thọ" in text
    assert "Tổng cước: 28.000 đồng" in text
    assert [d.text for d in decode(rasterise(preview.pdf, 1))] == [numbers[0]]
    preview.close()
    wait_idle(qtbot, runner)


def test_an_empty_pool_is_said_before_and_at_the_confirmation(qtbot, return_view, services, runner):
    code = ready_dossier(services)
    scan_slip(qtbot, return_view, code)
    qtbot.waitUntil(lambda: "Hết mã vận đơn" in return_view.postal_form.pool_label.text())
    return_view.post_check.setChecked(True)
    pick(return_view.postal_form.address_form.commune_combo, "Phường Thành Sen")
    type_text(return_view.postal_form.address_form.street_edit, "Số 3 Hà Huy Tập")
    return_view.confirm()
    qtbot.waitUntil(lambda: return_view.message.kind == "error")
    assert "Hết mã vận đơn bưu chính (S10) của máy này" in return_view.message.text()
    assert services.details.get(code).status == Status.DONE
    assert return_view.detail is not None  # still on screen, to return at the counter instead
    wait_idle(qtbot, runner)


def test_the_detail_shows_the_postal_item_and_sets_its_status(qtbot, services, runner):
    from counter_app.services.postal import PostalReturn
    from counter_app.ui.dossier_detail import DossierDetailDialog
    from counter_devkit.postal import ha_tinh_address
    from counter_devkit.stores import TEST_PASSWORD

    services.tracking_pool.import_text("\n".join(s10_numbers(8100, 1)), "vnpost.txt")
    code = ready_dossier(services)
    number = services.post.return_by_post(code, PostalReturn(ha_tinh_address(), 20000), CLERK)
    user = services.accounts.sign_in(CLERK, TEST_PASSWORD)
    dialog = DossierDetailDialog(services, runner, user, code)
    qtbot.addWidget(dialog)
    dialog.show()
    panel = dialog.postal_panel
    qtbot.waitUntil(lambda: panel.items_table.rowCount() == 1)
    assert panel.items_table.cell_text(0, 0) == number.tracking_number
    assert panel.items_table.cell_text(0, 2) == "Đã đăng ký"
    assert [panel.status_combo.itemText(i) for i in range(panel.status_combo.count())] == [
        "Đang thu gom",
        "Đang vận chuyển",
        "Đã hủy",
    ]
    panel.status_combo.setCurrentIndex(1)
    type_text(panel.note_edit, "Bưu tá đã nhận")
    qtbot.mouseClick(panel.set_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.history_table.rowCount() == 2)
    assert panel.history_table.cell_text(1, 1) == "Đang vận chuyển"
    assert panel.history_table.cell_text(1, 3) == "Bưu tá đã nhận"
    assert panel.history_table.cell_text(1, 2) == user.full_name  # the person, not `canbo`
    assert panel.items_table.cell_text(0, 2) == "Đang vận chuyển"
    assert [panel.status_combo.itemText(i) for i in range(panel.status_combo.count())] == [
        "Đã phát thành công",
        "Chuyển hoàn người gửi",
    ]
    wait_idle(qtbot, runner)


def test_a_dossier_received_by_post_records_its_sender(qtbot, services, runner):
    from counter_app.domain.kinds import Channel
    from counter_app.ui.intake_view import IntakeView
    from tests.counter_app.ui.test_intake import pick_procedure, scan_card, tick_all_components

    view = IntakeView(
        services.procedures, services.calendar, services.dossiers, services.slips, runner, CLERK,
        postal_units=services.post.units,
    )  # fmt: skip
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.focus_first_field()
    saved: list[str] = []
    view.dossier_saved.connect(saved.append)
    scan_card(qtbot, view)
    type_text(view.applicant_form.edits["phone"], "0912 345 678")
    pick_procedure(qtbot, view, "chung thuc ban sao")
    tick_all_components(qtbot, view)
    sender = view.delivery.sender_box
    assert not sender.isVisible()
    view.delivery.channel_combo.setCurrentIndex(view.delivery.channel_combo.findData(3))
    assert sender.isVisible()
    form = sender.address_form
    type_text(form.name_edit, "Nguyễn Thị Hồng Nhung")
    type_text(form.phone_edit, "0912345678")
    type_text(form.street_edit, "Xóm 3")
    pick(form.province_combo, "Tỉnh Hà Tĩnh")
    pick(form.commune_combo, "Xã Thạch Hà")
    type_text(sender.number_edit, "rr 000081007 vn")
    sender.collected_check.setChecked(True)  # the postman collected it at her address
    qtbot.keyClick(view.checklist, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.preview is not None, timeout=15_000)
    code = saved[0]
    assert services.details.get(code).channel == Channel.POSTAL
    [item] = services.post.items_of(code)
    assert item.direction.value == "collected" and item.tracking_number == "RR000081007VN"
    assert item.address.full_text() == "Xóm 3, Xã Thạch Hà, Tỉnh Hà Tĩnh"
    assert item.status == PostalStatus.DELIVERED  # it reached the counter
    view.preview.close()
    wait_idle(qtbot, runner)
