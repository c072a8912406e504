"""Background work for the window: one serial lane for the store, a small pool for PDFs and network.

Modelled on Anki's taskman: the GUI thread never waits on SQLite, reportlab or HTTP. Store work
runs on a single worker so writes are serialised (SQLite allows one writer); results come back to
the GUI thread through a queued signal and are handed to the caller's callbacks there.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

from counter_app.ui.i18n import QT_TR_NOOP, tr
from counter_app.ui.qt_compat import emit

log = logging.getLogger(__name__)

T = TypeVar("T")
OkCallback = Callable[[Any], None]
ErrCallback = Callable[[BaseException], None]
BUSY_DELAY_MS = 300  # below this, a busy indicator only flickers


class BackgroundTasks(Protocol):
    """The part of TaskRunner a presenter uses; a test passes one that runs each task at once."""

    def run_db(
        self,
        fn: Callable[[], T],
        on_ok: Callable[[T], None] | None = None,
        on_err: ErrCallback | None = None,
        owner: QObject | None = None,
        what: str = "",
    ) -> None: ...

    def run_io(
        self,
        fn: Callable[[], T],
        on_ok: Callable[[T], None] | None = None,
        on_err: ErrCallback | None = None,
        owner: QObject | None = None,
        what: str = "",
    ) -> None: ...


WORK_IN_GENERAL = QT_TR_NOOP("Đang xử lý…")


class _Outcome:
    """What one task produced, carried from the worker thread to the GUI thread."""

    __slots__ = ("error", "on_err", "on_ok", "owner", "value", "what")

    def __init__(
        self,
        on_ok: OkCallback | None,
        on_err: ErrCallback | None,
        owner: QObject | None,
        what: str = "",
    ) -> None:
        self.on_ok, self.on_err, self.owner = on_ok, on_err, owner
        self.what = what or tr(WORK_IN_GENERAL)
        self.value: Any = None
        self.error: BaseException | None = None


class _Job(QRunnable):
    def __init__(
        self, fn: Callable[[], Any], outcome: _Outcome, deliver: Callable[[_Outcome], None]
    ) -> None:
        super().__init__()
        self._fn, self._outcome, self._deliver = fn, outcome, deliver

    def run(self) -> None:
        try:
            self._outcome.value = self._fn()
        except BaseException as exc:  # handed to the GUI thread, never lost
            log.debug("task failed:\n%s", traceback.format_exc())
            # The traceback's first frame is this run(), whose `self` is the QRunnable the pool
            # deletes when run() returns: kept alive by the error, its wrapper would be freed
            # a second time when the error is collected later (a crash at a random moment).
            if exc.__traceback__ is not None:
                exc.__traceback__ = exc.__traceback__.tb_next
            self._outcome.error = exc
        self._deliver(self._outcome)


class TaskRunner(QObject):
    """Runs callables off the GUI thread and calls back on it.

    Signals:
        busy_changed(bool): True when work has been pending for more than a moment.
        activity_changed(str): while busy, what is being done in words ("" once idle).
        _finished(object): internal; emitted from a worker, delivered queued on the GUI thread.
    """

    busy_changed = Signal(bool)
    activity_changed = Signal(str)
    _finished = Signal(object)

    def __init__(self, parent: QObject | None = None, io_threads: int = 2) -> None:
        super().__init__(parent)
        self._store_pool = QThreadPool(self)
        self._store_pool.setMaxThreadCount(1)  # one writer: SQLite serialises anyway
        self._io_pool = QThreadPool(self)
        self._io_pool.setMaxThreadCount(io_threads)
        self._pending = 0
        self._doing: list[_Outcome] = []  # oldest first: what the busy line names
        self._busy_shown = False
        self._closed = False  # after shutdown: a late timer's task must not reach a closed store
        self._busy_timer = QTimer(self, singleShot=True, interval=BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self._show_busy)
        self._finished.connect(self._deliver)
        self.error_handler: ErrCallback = _log_unhandled

    def run_db(
        self,
        fn: Callable[[], T],
        on_ok: Callable[[T], None] | None = None,
        on_err: ErrCallback | None = None,
        owner: QObject | None = None,
        what: str = "",
    ) -> None:
        """Run `fn` on the store lane (one at a time, in submission order)."""
        self._start(self._store_pool, fn, _Outcome(on_ok, on_err, owner, what))

    def run_io(
        self,
        fn: Callable[[], T],
        on_ok: Callable[[T], None] | None = None,
        on_err: ErrCallback | None = None,
        owner: QObject | None = None,
        what: str = "",
    ) -> None:
        """Run `fn` on the PDF/network pool (may run beside store work)."""
        self._start(self._io_pool, fn, _Outcome(on_ok, on_err, owner, what))

    @property
    def pending(self) -> int:
        return self._pending

    def wait_idle(self, msecs: int = 10_000) -> bool:
        """Block until both pools are empty (shutdown and tests). Callbacks still need events."""
        return self._store_pool.waitForDone(msecs) and self._io_pool.waitForDone(msecs)

    def shutdown(self) -> None:
        self._closed = True
        self._store_pool.clear()
        self._io_pool.clear()
        self.wait_idle(30_000)

    def _start(self, pool: QThreadPool, fn: Callable[[], Any], outcome: _Outcome) -> None:
        if self._closed:  # the program is quitting (or a test ended): nothing new starts
            log.debug("task refused after shutdown: %r", fn)
            return
        self._pending += 1
        self._doing.append(outcome)
        if self._pending == 1:
            self._busy_timer.start()
        elif self._busy_shown:
            emit(self.activity_changed, self.activity())
        pool.start(_Job(fn, outcome, lambda done: emit(self._finished, done)))

    @Slot(object)
    def _deliver(self, outcome: _Outcome) -> None:
        self._pending -= 1
        self._doing.remove(outcome)
        if self._busy_shown:
            emit(self.activity_changed, self.activity())
        if self._pending == 0:
            self._busy_timer.stop()
            if self._busy_shown:
                self._busy_shown = False
                emit(self.busy_changed, False)
        if outcome.owner is not None and not shiboken6.isValid(outcome.owner):
            return  # the screen that asked was closed meanwhile
        error, outcome.error = outcome.error, None  # the callback's to keep, not the runner's
        if error is None:
            if outcome.on_ok is not None:
                outcome.on_ok(outcome.value)
        elif outcome.on_err is not None:
            outcome.on_err(error)
        else:
            self.error_handler(error)

    def activity(self) -> str:
        """The oldest pending work in words, and how many more wait behind it."""
        if not self._doing:
            return ""
        more = len(self._doing) - 1
        return self._doing[0].what + (
            tr(" (còn {more} việc khác)").format(more=more) if more else ""
        )

    def _show_busy(self) -> None:
        if self._pending and not self._busy_shown:
            self._busy_shown = True
            emit(self.busy_changed, True)
            emit(self.activity_changed, self.activity())


def _log_unhandled(error: BaseException) -> None:
    log.error("background task failed", exc_info=(type(error), error, error.__traceback__))
