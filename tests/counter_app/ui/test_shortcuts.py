"""Every button of the main window shows its shortcut, and Enter presses the focused one."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from counter_app.ui.main_window import TAB_RETURN
from tests.counter_app.ui.helpers import visit_every_tab
from tests.counter_app.ui.lifecycle_fakes import FakeCounter
from tests.counter_app.ui.test_dossier_detail import lanes, open_detail  # noqa: F401 (fixture)
from tests.counter_app.ui.test_main_window import window  # noqa: F401 (fixture)

SHOWN_KEY = re.compile(r"\b(Ctrl|Shift|Alt|F\d{1,2}|Esc|Enter)\b")


def test_every_button_on_the_main_screens_shows_a_shortcut(window):  # noqa: F811
    visit_every_tab(window)
    bare = [
        button.text() or button.objectName() or type(button).__name__
        for button in window.findChildren(QPushButton)
        if not SHOWN_KEY.search(f"{button.text()} {button.toolTip()}")
    ]
    assert bare == []


def test_enter_presses_the_focused_button_on_every_main_screen(window):  # noqa: F811
    visit_every_tab(window)
    buttons = window.findChildren(QPushButton)
    assert buttons
    assert [b.text() for b in buttons if not b.autoDefault()] == []


def test_enter_on_the_focused_skip_button_of_the_return_screen(qtbot, window):  # noqa: F811
    window.show_tab(TAB_RETURN)
    returns = window.returns
    returns.dossier_box.setEnabled(True)
    returns.cancel_button.setFocus()
    qtbot.keyClick(returns.cancel_button, Qt.Key.Key_Return)
    assert returns.scan_edit.hasFocus()  # “Bỏ qua” done: back to the scan box


def test_every_button_of_the_dossier_detail_shows_a_shortcut(qtbot, lanes):  # noqa: F811
    dialog = open_detail(qtbot, lanes, FakeCounter())
    bare = [
        button.text() or type(button).__name__
        for button in dialog.findChildren(QPushButton)
        if not SHOWN_KEY.search(f"{button.text()} {button.toolTip()}")
    ]
    assert bare == []
