"""Python's cycle collector, run only on the GUI thread.

Left automatic, the collector runs in whichever thread happens to allocate when a threshold is
crossed, and that is often a store-lane worker. A cycle it frees there may hold a Qt wrapper (a
closed widget, a callback's `self`), whose C++ object is then destroyed off the GUI thread: a
crash at a random moment, seen as "Garbage-collecting" in a worker's stack. So automatic
collection is switched off and a timer on the GUI thread collects by the same thresholds
(the approach Anki and the PyQt documentation describe).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

CHECK_EVERY_MS = 500  # often enough that garbage never piles up between checks


def collect_by_thresholds() -> int:
    """Collect the generations whose counts passed their thresholds; on the calling thread."""
    first, second, third = gc.get_threshold()
    young, middle, old = gc.get_count()
    if young <= first:
        return 0
    if middle <= second:
        return gc.collect(0)
    if old <= third:
        return gc.collect(1)
    return gc.collect(2)


class GuiThreadCollector(QObject):
    """Owns the timer; one per application (see `install`)."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(collect_by_thresholds)
        self._timer.start()


def install() -> None:
    """Switch automatic collection off and collect on the GUI thread instead (idempotent).

    Call it on the GUI thread once the QApplication exists, before any worker thread starts.
    """
    app = QCoreApplication.instance()
    if app is None or app.findChild(GuiThreadCollector) is not None:
        return
    gc.disable()
    GuiThreadCollector(app)
