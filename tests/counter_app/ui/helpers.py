"""Shared pieces of the UI tests: the scanned card, the clerk, waiting for background work."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from counter_app.services.search import DossierQuery

CLERK = "canbo"  # made by counter_devkit/stores.py with TEST_PASSWORD
ADMIN = "quantri"
QR_LINE = (
    "042195123456|186123456|Nguyễn Thị Hồng Nhung|12031995|Nữ|"
    "Xóm 3, xã Thạch Hà, tỉnh Hà Tĩnh|15082021"
)


def wait_idle(qtbot, runner, timeout: int = 10_000) -> None:
    """Until every background task has finished and its result has been delivered."""
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=timeout)


def find_codes(services, text: str) -> list[str]:
    return [row.code for row in services.search.find(DossierQuery(text=text))]


def type_text(widget, text: str) -> None:
    """Type like a keyboard (or a scanner in keyboard mode), Vietnamese letters included.

    QTest.keyClicks asserts on non-ASCII characters, so those are sent as key events carrying
    their text, which is what a Vietnamese input method or a 2D scanner delivers.
    """
    for char in text:
        if char.isascii():
            QTest.keyClick(widget, char)
        else:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click,
                widget,
                Qt.Key.Key_unknown,
                char,
                Qt.KeyboardModifier.NoModifier,
            )


def visit_every_tab(window) -> None:
    """Go to each tab of the main window once, as a clerk would: each is built when first shown
    (ui/lazy_page.py); back to the first screen, the list."""
    from counter_app.ui.main_window import TAB_LIST

    for index in range(window.tabs.count()):
        window.show_tab(index)
    window.show_tab(TAB_LIST)
