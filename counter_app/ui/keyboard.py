"""Keyboard safety shared by the counter's screens: a filled form is never wiped by one key,
and Enter presses the button that has the focus (Qt only does that for dialog buttons)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

DISCARD_TITLE = "Bỏ hồ sơ đang nhập?"


def discard_question(parent: QWidget, what: str, answered: Callable[[bool], None]) -> QMessageBox:
    """Ask before a filled form is emptied; `answered(True)` only if the clerk chose to discard.

    The default button keeps the form: an Enter or Space pressed by habit loses nothing.
    """
    box = QMessageBox(
        QMessageBox.Icon.Question,
        DISCARD_TITLE,
        f"{what} Bỏ những gì đã nhập để bắt đầu hồ sơ mới?",
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    keep = box.addButton("Giữ lại, tiếp tục nhập", QMessageBox.ButtonRole.RejectRole)
    discard = box.addButton("Bỏ, nhập hồ sơ mới", QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.finished.connect(lambda _result: answered(box.clickedButton() is discard))
    box.open()
    keep.setFocus()
    return box


def enter_presses_buttons(root: QWidget) -> None:
    """Every push button under `root` answers Enter when it has the focus, as Space does."""
    for button in root.findChildren(QPushButton):
        button.setAutoDefault(True)
