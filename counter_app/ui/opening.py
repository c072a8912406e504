"""The store's opening, started on a set-up counter as soon as Qt's libraries and the log-in
window's modules are loaded, before the log-in window is built.

No PySide6 here: the opening itself needs none. The interpreter runs one thread at a time; while
Qt's libraries load, a thread beside them slowed the loading by ~70 ms (each file read handed
the interpreter over for a whole switch interval) and brought the list only ~20 ms sooner, so
`app.run_gui` starts the opening after them (docs/decisions/0009-log-in-window-first.md, 0037).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

C = TypeVar("C", covariant=True)  # an Opening[AppContext] is an Opening[CounterContext]
START_UP_THRESHOLD = 1 << 30  # no generation reaches it while the program starts


class Opening(Generic[C]):
    """The context being opened on a thread of its own; `get` gives it (or raises what stopped
    it) once `wait` has returned. Cyclic garbage collection waits until `started`: start-up
    makes ~10^5 objects that live as long as the program (classes, tables, widgets), and
    collecting while they are made costs ~15% of it and frees nothing. Automatic collection
    stays off for good: the window's task runner collects on the GUI thread by the thresholds
    (ui/gui_garbage.py), and those are set out of reach until `started`."""

    def __init__(self, open_context: Callable[[], C]) -> None:
        self._thresholds: tuple[int, ...] | None = gc.get_threshold()
        gc.disable()
        gc.set_threshold(START_UP_THRESHOLD)
        self.context: C | None = None
        self.error: BaseException | None = None
        self._thread = threading.Thread(
            target=self._open, args=(open_context,), name="store-open", daemon=True
        )
        self._thread.start()

    def _open(self, open_context: Callable[[], C]) -> None:
        try:
            self.context = open_context()
        except BaseException as exc:  # kept for get(): the sign-in shows it
            self.error = exc

    def wait(self) -> None:
        self._thread.join()

    def get(self) -> C:
        if self.error is not None:
            raise self.error
        if self.context is None:
            raise RuntimeError("the store is not open yet")  # only tasks queued behind it ask
        return self.context

    def started(self) -> None:
        """The first screen is up (or start-up gave up): collect again, and never again scan
        what start-up made."""
        if self._thresholds is not None:
            gc.freeze()
            gc.set_threshold(*self._thresholds)
            self._thresholds = None
