"""Switching clerk, signing out and closing the main window never drop a filled intake form
without asking (the same rule as Ctrl+N on the form itself, ui/keyboard.py)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QMessageBox, QWidget

from counter_app.ui.keyboard import leave_question
from counter_app.ui.lazy_page import LazyPage, page_content


class LeaveGuard:
    """Runs a leaving step at once on an untouched form, or once the clerk agrees to drop it."""

    def __init__(self, window: QWidget, intake_page: LazyPage) -> None:
        self._window, self._intake_page = window, intake_page
        self.question: QMessageBox | None = None
        self.agreed = False  # once agreed (or nothing to lose), closing goes through

    def unsaved_input(self) -> bool:
        intake = page_content(self._intake_page) if self._intake_page.is_built else None
        has_input = getattr(intake, "has_input", None)
        return bool(has_input and has_input())

    def leave(self, then: Callable[[], object]) -> None:
        if self.agreed or not self.unsaved_input():
            self.agreed = True
            then()
            return
        if self.question is not None:
            return  # already asking

        def answered(discard: bool) -> None:
            self.question = None
            if discard:
                self.agreed = True
                then()

        self.question = leave_question(self._window, answered)

    def guard(self, action: QAction, then: Callable[[], object]) -> None:
        """`action` leaves the window: it runs `then` once the form may be dropped."""
        action.triggered.connect(lambda: self.leave(then))

    def may_close(self, event: QCloseEvent) -> bool:
        """Whether the window may close now; if not, the event is ignored and the clerk asked
        (the window is closed again once they agree)."""
        if self.agreed or not self.unsaved_input():
            return True
        event.ignore()
        self.leave(self._window.close)
        return False
