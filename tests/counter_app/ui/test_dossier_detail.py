"""The dossier detail: the steps its state allows, each driven the way a clerk does (keys)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from counter_app.services.accounts import SignedInUser
from counter_app.ui.dossier_detail import DossierDetailDialog
from counter_app.ui.step_dialog import PostField, StepDialog
from counter_app.ui.step_specs import SECOND_EXTENSION_REFUSAL, SECOND_SUPPLEMENT_WARNING
from counter_protocol.lifecycle import Action
from counter_protocol.statuses import SubState
from tests.counter_app.ui.helpers import type_text
from tests.counter_app.ui.lifecycle_fakes import CODE, T0, Conflict, FakeCounter, a_detail

CLERK = SignedInUser("canbo", "Nguyễn Thị Hồng Nhung", "clerk")


@pytest.fixture
def lanes(qapp) -> Iterator[object]:
    from counter_app.ui.tasks import TaskRunner

    runner = TaskRunner()
    yield runner
    runner.shutdown()
    qapp.processEvents()


def open_detail(qtbot, lanes, counter: FakeCounter, user=CLERK) -> DossierDetailDialog:
    dialog = DossierDetailDialog(counter, lanes, user, CODE)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.detail is not None)
    return dialog


def press(qtbot, dialog: DossierDetailDialog, key: str) -> StepDialog:
    """A step's key, then its dialog (the one the detail opened for that key)."""
    before = dialog.step_dialog
    back_to(qtbot, dialog)
    qtbot.keyClick(dialog.events_table, *_key(key))
    qtbot.waitUntil(lambda: dialog.step_dialog is not before and dialog.step_dialog is not None)
    step = dialog.step_dialog
    qtbot.waitExposed(step)
    return step


def back_to(qtbot, dialog: DossierDetailDialog) -> None:
    """A window manager activates the detail again when a dialog on it closes."""
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)


def _key(text: str) -> tuple[Qt.Key, Qt.KeyboardModifier]:
    shift = text.startswith("Shift+")
    key = getattr(Qt.Key, f"Key_{text.removeprefix('Shift+')}")
    return key, Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier


def confirm(qtbot, step: StepDialog) -> None:
    """Ctrl+Enter where the cursor is, as a clerk finishes a step's dialog."""
    step.activateWindow()
    qtbot.waitUntil(step.isActiveWindow)
    focus = QApplication.focusWidget()
    assert focus is not None and focus.window() is step
    qtbot.keyClick(focus, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def stored(qtbot, dialog: DossierDetailDialog, counter: FakeCounter, count: int) -> None:
    qtbot.waitUntil(lambda: len(counter.steps) == count)
    qtbot.waitUntil(lambda: dialog.detail.sub_state == counter.get(CODE).sub_state)


def test_only_the_steps_the_state_allows_are_offered_each_with_its_key(qtbot, lanes):
    dialog = open_detail(qtbot, lanes, FakeCounter())
    labels = [b.text() for b in dialog.action_bar.buttons.values()]
    assert labels == [
        "Chuyển cơ quan giải quyết (F5)",
        "Yêu cầu bổ sung (F7)",
        "Yêu cầu nghĩa vụ tài chính (F11)",
        "Hẹn lại ngày trả (F10)",
        "Nhận kết quả (F9)",
        "Từ chối sau thẩm định (Shift+F9)",
        "Dừng giải quyết (F12)",
        "Rút hồ sơ (Shift+F12)",
    ]
    assert dialog.action_bar.buttons["forwarded"].toolTip() == "Phím tắt: F5"
    closed = open_detail(qtbot, lanes, FakeCounter(a_detail(sub_state=SubState.RETURNED)))
    assert closed.action_bar.buttons == {}
    assert closed.action_bar.empty_label.isVisible()


def test_forwarding_by_post_records_the_hand_over_and_the_postal_number(qtbot, lanes):
    counter = FakeCounter()
    dialog = open_detail(qtbot, lanes, counter)
    step = press(qtbot, dialog, "F5")
    assert step.inputs["to_unit"].text() == ""  # the dossier's competent agency
    assert step.inputs["to_unit"].placeholderText() == "Để trống: cơ quan giải quyết của hồ sơ"
    assert step.inputs["handed_by"].text() == "Nguyễn Thị Hồng Nhung"
    post = step.inputs["postal_number"]
    assert isinstance(post, PostField)
    qtbot.mouseClick(post.by_post, Qt.MouseButton.LeftButton)
    post.number_edit.setFocus()
    type_text(post.number_edit, "EE123456789VN")  # a wrong check digit
    confirm(qtbot, step)
    assert step.isVisible() and "sai chữ số kiểm tra" in step.messages["postal_number"].text()
    post.number_edit.clear()
    type_text(post.number_edit, "ee 123456785 vn")
    confirm(qtbot, step)
    stored(qtbot, dialog, counter, 1)
    _code, action, data, actor = counter.steps[0]
    assert (action, data.postal_number, data.to_unit, actor) == (
        Action.FORWARD,
        "EE123456785VN",
        None,
        "canbo",
    )
    assert dialog.handover_table.rowCount() == 1
    assert dialog.handover_table.cell_text(0, 5) == "EE123456785VN"
    assert "agency_received" in dialog.action_bar.buttons  # the next step is offered now
    assert "forwarded" not in dialog.action_bar.buttons


def test_a_supplement_request_prints_its_form_and_a_second_one_warns_it_counts_as_late(
    qtbot, lanes
):
    counter = FakeCounter()
    dialog = open_detail(qtbot, lanes, counter)
    step = press(qtbot, dialog, "F7")
    assert not step.rule.isVisible()
    confirm(qtbot, step)
    assert step.messages["reason"].text() == "Chưa nhập lý do."
    type_text(step.inputs["reason"], "Thiếu giấy tờ theo yêu cầu của cơ quan")
    step.inputs["missing"].setFocus()
    type_text(step.inputs["missing"], "Bản sao sổ hộ khẩu")
    confirm(qtbot, step)
    stored(qtbot, dialog, counter, 1)
    assert counter.steps[0][2].missing == ["Bản sao sổ hộ khẩu"]
    assert counter.steps[0][2].late_warning is False
    qtbot.waitUntil(lambda: dialog.preview is not None)  # Mẫu 02, issued with the step
    assert ("render", counter.issued[CODE][0].form_id) in counter.renders
    dialog.preview.close()
    stored_again = press(qtbot, dialog, "F8")
    confirm(qtbot, stored_again)
    stored(qtbot, dialog, counter, 2)
    second = press(qtbot, dialog, "F7")
    assert second.rule.isVisible() and second.rule.text() == SECOND_SUPPLEMENT_WARNING
    type_text(second.inputs["reason"], "Cơ quan cần thêm giấy tờ")
    second.inputs["missing"].setFocus()
    type_text(second.inputs["missing"], "Giấy xác nhận cư trú")
    confirm(qtbot, second)
    assert second.isVisible() and len(counter.steps) == 2  # not confirmed: nothing stored
    qtbot.mouseClick(second.rule_check, Qt.MouseButton.LeftButton)
    confirm(qtbot, second)
    stored(qtbot, dialog, counter, 3)
    assert counter.steps[2][2].late_warning is True


def test_an_extension_takes_a_new_date_once_and_is_refused_the_second_time(qtbot, lanes):
    counter = FakeCounter()
    dialog = open_detail(qtbot, lanes, counter)
    step = press(qtbot, dialog, "F10")
    type_text(step.inputs["reason"], "Chờ ý kiến cơ quan phối hợp")
    step.inputs["due_at"].setDate(QDate(2026, 3, 6))  # not after the current date (08/03)
    confirm(qtbot, step)
    assert step.messages["due_at"].text() == "Ngày hẹn mới phải sau ngày hẹn hiện tại."
    step.inputs["due_at"].setDate(QDate(2026, 3, 12))
    confirm(qtbot, step)
    stored(qtbot, dialog, counter, 1)
    assert counter.steps[0][2].due_at == "2026-03-12T17:00:00+07:00"  # end of that day
    qtbot.waitUntil(lambda: "12/03/2026" in fields_text(dialog))
    qtbot.waitUntil(lambda: dialog.preview is not None)  # the apology letter (Mẫu 04)
    dialog.preview.close()
    again = press(qtbot, dialog, "F10")
    assert again.rule.text() == SECOND_EXTENSION_REFUSAL
    assert not again.ok_button.isEnabled()
    confirm(qtbot, again)
    assert len(counter.steps) == 1


def test_a_counter_that_allows_two_extensions_offers_the_second(qtbot, lanes):
    counter = FakeCounter()
    counter.extensions_allowed = 2
    dialog = open_detail(qtbot, lanes, counter)
    step = press(qtbot, dialog, "F10")
    type_text(step.inputs["reason"], "Chờ ý kiến cơ quan phối hợp")
    step.inputs["due_at"].setDate(QDate(2026, 3, 12))
    confirm(qtbot, step)
    stored(qtbot, dialog, counter, 1)
    qtbot.waitUntil(lambda: dialog.preview is not None)
    dialog.preview.close()
    again = press(qtbot, dialog, "F10")
    assert again.rule.text() != SECOND_EXTENSION_REFUSAL
    assert again.ok_button.isEnabled()


def test_withdrawal_needs_a_reason_and_ends_the_dossier(qtbot, lanes):
    counter = FakeCounter()
    dialog = open_detail(qtbot, lanes, counter)
    step = press(qtbot, dialog, "Shift+F12")
    type_text(step.inputs["reason"], "Công dân xin rút để bổ sung sau")
    confirm(qtbot, step)
    stored(qtbot, dialog, counter, 1)
    assert counter.get(CODE).sub_state == SubState.WITHDRAWN
    assert dialog.action_bar.buttons == {}
    last = dialog.events_table.rowCount() - 1
    assert dialog.events_table.cell_text(last, 2) == "Rút hồ sơ theo yêu cầu của công dân"
    assert dialog.events_table.cell_text(last, 0) == "05/03/2026 09:35"


def test_a_refused_step_is_explained_and_nothing_changes(qtbot, lanes):
    from counter_protocol.lifecycle import LifecycleError

    counter = FakeCounter()
    counter.refusal = LifecycleError("Không thể “Dừng giải quyết hồ sơ” lúc này.")
    dialog = open_detail(qtbot, lanes, counter)
    step = press(qtbot, dialog, "F12")
    type_text(step.inputs["reason"], "Cơ quan dừng")
    confirm(qtbot, step)
    qtbot.waitUntil(lambda: dialog.message.kind == "error")
    assert "Không thể “Dừng giải quyết hồ sơ” lúc này." in dialog.message.text()
    assert dialog.detail.sub_state == SubState.RECEIVED


def test_forms_are_listed_and_reprinted_and_conflicts_marked_seen(qtbot, lanes):
    counter = FakeCounter()
    counter.issue(CODE, "01", "canbo")
    counter.conflict_rows.append(Conflict(7, T0, "Tỉnh đã chuyển hồ sơ sang “Đang xử lý”."))
    dialog = open_detail(qtbot, lanes, counter)
    assert dialog.forms_table.cell_text(0, 1) == "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"
    assert dialog.forms_table.cell_text(0, 3) == "05/03/2026 09:30"
    back_to(qtbot, dialog)
    qtbot.keyClick(dialog.events_table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.preview is not None)
    assert counter.renders == [("reprint", 100)]
    dialog.preview.close()
    assert dialog.tabs.tabText(3) == "Khác với tỉnh (1 chưa xem)"
    back_to(qtbot, dialog)
    qtbot.keyClick(dialog.events_table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.tabs.tabText(3) == "Khác với tỉnh")
    assert dialog.conflicts_table.cell_text(0, 2) == "05/03/2026 09:30"


def test_a_dossier_waiting_for_papers_is_sent_back_to_intake(qtbot, lanes):
    counter = FakeCounter(a_detail(sub_state=SubState.AWAITING_PAPERS))
    dialog = open_detail(qtbot, lanes, counter)
    assert list(dialog.action_bar.buttons) == ["reopen", "withdrawn"]
    back_to(qtbot, dialog)
    with qtbot.waitSignal(dialog.reopen_requested) as signal:
        qtbot.keyClick(dialog.events_table, Qt.Key.Key_F2)
    assert signal.args == [CODE]


def fields_text(dialog: DossierDetailDialog) -> str:
    form = dialog.fields_form
    texts = []
    for row in range(form.rowCount()):
        item = form.itemAt(row, form.ItemRole.FieldRole)
        if item is not None and item.widget() is not None:
            texts.append(item.widget().text())
    return "\n".join(texts)
