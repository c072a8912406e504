"""Keyboard safety shared by the counter's screens: a filled form is never wiped by one key,
and Enter presses the button that has the focus (Qt only does that for dialog buttons)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from counter_app.ui.i18n import QT_TR_NOOP, tr

DISCARD_TITLE = QT_TR_NOOP("Bỏ hồ sơ đang nhập?")
DUPLICATE_TITLE = QT_TR_NOOP("Hồ sơ này có thể đã được lưu")


def safe_question(
    parent: QWidget,
    title: str,
    text: str,
    buttons: tuple[str, str],
    answered: Callable[[bool], None],
) -> QMessageBox:
    """A question whose default (Enter, Esc) is the safe answer `buttons[0]`; `answered(True)`
    only if the clerk chose `buttons[1]`, so a key pressed by habit loses or doubles nothing."""
    box = QMessageBox(
        QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    safe = box.addButton(buttons[0], QMessageBox.ButtonRole.RejectRole)
    risky = box.addButton(buttons[1], QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(safe)
    box.setEscapeButton(safe)
    box.finished.connect(lambda _result: answered(box.clickedButton() is risky))
    box.open()
    safe.setFocus()
    return box


def discard_question(parent: QWidget, what: str, answered: Callable[[bool], None]) -> QMessageBox:
    """Ask before a filled form is emptied; `answered(True)` only if the clerk chose to discard."""
    text = tr("{what} Bỏ những gì đã nhập để bắt đầu hồ sơ mới?").format(what=what)
    buttons = (tr("Giữ lại, tiếp tục nhập"), tr("Bỏ, nhập hồ sơ mới"))
    return safe_question(parent, tr(DISCARD_TITLE), text, buttons, answered)


def duplicate_question(parent: QWidget, text: str, answered: Callable[[bool], None]) -> QMessageBox:
    """Ask before a likely duplicate is stored; `answered(True)` only to store it anyway."""
    buttons = (tr("Không lưu, xem lại"), tr("Đây là hồ sơ khác, vẫn lưu"))
    return safe_question(parent, tr(DUPLICATE_TITLE), text, buttons, answered)


def enter_presses_buttons(root: QWidget) -> None:
    """Every push button under `root` answers Enter when it has the focus, as Space does."""
    for button in root.findChildren(QPushButton):
        button.setAutoDefault(True)


def leave_question(parent: QWidget, answered: Callable[[bool], None]) -> QMessageBox:
    """Ask before switching clerk, signing out or closing drops a filled intake form."""
    text = tr(
        "Hồ sơ đang nhập ở màn hình Tiếp nhận chưa được lưu. Bỏ những gì đã nhập và rời khỏi "
        "màn hình làm việc?"
    )
    buttons = (tr("Giữ lại, tiếp tục nhập"), tr("Bỏ và rời đi"))
    return safe_question(parent, tr(DISCARD_TITLE), text, buttons, answered)


class _EnterClicks(QObject):
    """Enter on a focused button clicks it, without making any button the dialog's default
    (which Enter in a table or a field would press)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if isinstance(watched, QPushButton) and _is_enter(event):
            watched.click()
            return True
        return False


def _is_enter(event: QEvent) -> bool:
    if not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.KeyPress:
        return False
    return event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def enter_clicks(owner: QWidget, buttons: Iterable[QPushButton]) -> None:
    """For buttons that are not auto-default: Enter presses the focused one."""
    clicks = _EnterClicks(owner)
    for button in buttons:
        button.installEventFilter(clicks)
