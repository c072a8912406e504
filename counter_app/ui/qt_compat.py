"""Emit Qt signals safely: PySide6 6.12.0 on Python < 3.12 loses a reference to True per emit.

`SignalInstance.emit()` in PySide6 6.12.0 returns `True` without taking a reference to it. On
Python 3.11, where `True` is an ordinary reference-counted object (it became immortal in 3.12),
every emit from Python code therefore drops True's count by one; after a few hundred emits the
interpreter aborts with "bool_dealloc: deallocating True or False". 6.11.3 does not do this.

`emit(signal, *args)` emits and, only when this interpreter/PySide6 pair is measured to have the
bug, gives the reference back. All Python-side emits in ui/ go through it.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

_PROBE_EMITS = 16


class _Probe(QObject):
    ping = Signal()


def _emit_drops_a_reference() -> bool:
    if sys.version_info >= (3, 12):
        return False  # True and False are immortal: a missing reference is harmless
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBE_EMITS):
        probe.ping.emit()
    lost = before - sys.getrefcount(True)
    if lost > 0:
        _give_back(True, lost)
    return lost >= _PROBE_EMITS // 2


def _give_back(obj: Any, count: int = 1) -> None:
    for _ in range(count):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(obj))


EMIT_DROPS_A_REFERENCE = _emit_drops_a_reference()


def emit(signal: SignalInstance, *args: Any) -> None:
    """`signal.emit(*args)`, without the reference leak described in the module docstring."""
    untyped: Any = signal  # the stubs say emit() returns None; 6.12.0 returns the unowned bool
    result = untyped.emit(*args)
    if EMIT_DROPS_A_REFERENCE and (result is True or result is False):
        _give_back(result)
