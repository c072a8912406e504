"""The store found damaged after the person started work: said at once, on top of the window.

The start-up check of a large store ends seconds after the dossier list is shown
(docs/decisions/0035-startup-check.md). If it finds damage the store already refuses every write;
this tells the person why, and what to do (restore the newest good backup), without waiting for
their next save to fail.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from counter_app.ui.i18n import QT_TR_NOOP, tr
from counter_app.ui.widgets import error_text

TITLE = QT_TR_NOOP("Kho dữ liệu bị hỏng")


class StoreAlarm(QObject):
    """Shows the damage in a message box over the active window; fed from any thread."""

    found = Signal(str)

    def __init__(self, when_damaged: Callable[[Callable[[Exception], None]], None]) -> None:
        super().__init__(QApplication.instance())
        self.box: QMessageBox | None = None
        self.found.connect(self._show)  # queued to the GUI thread when emitted from another
        when_damaged(lambda damage: self.found.emit(error_text(damage)))

    def _show(self, text: str) -> None:
        if self.box is not None:
            return  # said once is enough: every write says it again
        self.box = QMessageBox(
            QMessageBox.Icon.Critical, tr(TITLE), text, parent=QApplication.activeWindow()
        )
        self.box.open()
