"""Switching clerk, signing out or closing the window never drops a filled intake form unasked:
the safe answer (Enter, Esc) keeps the form; only "Bỏ và rời đi" leaves."""

from __future__ import annotations

from PySide6.QtCore import Qt

from counter_app.ui.main_window import TAB_INTAKE
from tests.counter_app.ui.helpers import type_text
from tests.counter_app.ui.test_accounts_ui import open_window, shifts  # noqa: F401 (fixtures)


def filled_intake(qtbot, window):
    window.show_tab(TAB_INTAKE)
    intake = window.intake
    name = intake.applicant_form.edits["full_name"]
    name.setFocus()
    type_text(name, "Trần Văn An")
    return intake


def question(qtbot, window):
    qtbot.waitUntil(lambda: window.leave_guard.question is not None)
    box = window.leave_guard.question
    qtbot.waitExposed(box)
    return box


def test_switching_clerk_asks_and_enter_keeps_the_form(qtbot, open_window):  # noqa: F811
    window = open_window("canbo")
    intake = filled_intake(qtbot, window)
    shift = window.shift
    window.account_menu.switch_action.trigger()
    box = question(qtbot, window)
    assert "Tiếp nhận chưa được lưu" in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Return)  # the default: keep
    qtbot.waitUntil(lambda: window.leave_guard.question is None)
    assert shift.window is window and shift.login is None
    assert intake.applicant_form.text("full_name") == "Trần Văn An"

    window.account_menu.switch_action.trigger()
    box = question(qtbot, window)
    next(b for b in box.buttons() if b.text() == "Bỏ và rời đi").click()
    qtbot.waitUntil(lambda: shift.login is not None and shift.login.isVisible())


def test_closing_the_window_asks_before_dropping_the_form(qtbot, open_window):  # noqa: F811
    window = open_window("canbo")
    filled_intake(qtbot, window)
    window.close()
    box = question(qtbot, window)
    assert window.isVisible()
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # keep
    qtbot.waitUntil(lambda: window.leave_guard.question is None)
    assert window.isVisible()
    window.close()
    next(b for b in question(qtbot, window).buttons() if b.text() == "Bỏ và rời đi").click()
    qtbot.waitUntil(lambda: not window.isVisible())


def test_an_untouched_window_switches_without_a_question(qtbot, open_window):  # noqa: F811
    window = open_window("canbo")
    shift = window.shift
    window.account_menu.switch_action.trigger()
    qtbot.waitUntil(lambda: shift.login is not None and shift.login.isVisible())
    assert window.leave_guard.question is None


def test_enter_on_the_focused_unlock_button_unlocks(qtbot, services, open_window):  # noqa: F811
    """The accounts dialog's buttons are not auto-default (Enter in the table presses none),
    yet Enter on a focused one presses it, as Space does."""
    from tests.counter_app.ui.test_accounts_ui import locked_clerk_in_the_supervisor_s_dialog

    dialog = locked_clerk_in_the_supervisor_s_dialog(qtbot, services, open_window)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # in the table: nothing pressed
    assert dialog.message.text() == ""
    unlock = dialog.buttons["unlock"]
    unlock.setFocus()
    qtbot.keyClick(unlock, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.message.text() == "Đã mở khóa “canbo”.")
    dialog.buttons["close"].setFocus()
    qtbot.keyClick(dialog.buttons["close"], Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: not dialog.isVisible())
