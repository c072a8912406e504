"""Signals emitted through ui.qt_compat.emit keep True alive (PySide6 6.12.0 on Python 3.11)."""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, Signal

from counter_app.ui.qt_compat import emit


class Sender(QObject):
    pinged = Signal(str)
    done = Signal()


def test_thousands_of_emits_leave_the_reference_count_of_true_unchanged(qtbot):
    sender, received = Sender(), []
    sender.pinged.connect(received.append)
    gc.collect()
    before = sys.getrefcount(True)
    for n in range(3000):  # more than True's whole count at start-up on Python 3.11 (≈600)
        emit(sender.pinged, str(n))
        emit(sender.done)
    gc.collect()
    assert len(received) == 3000
    assert abs(sys.getrefcount(True) - before) < 50
