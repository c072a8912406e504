"""The sync inside the window: a background runner, the status-bar line and button.

The main window owns a SyncController over the SyncService it was given, shows `status_line` of
every status it reports, and pokes it whenever a dossier is saved or returned.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance, Slot
from PySide6.QtWidgets import QPushButton, QWidget

from counter_app.domain.vntime import now_vn
from counter_app.sync.report import SyncReport
from counter_app.sync.runner import SyncRunner
from counter_app.sync.status import SyncStatus
from counter_app.ui.i18n import tr
from counter_app.ui.qt_compat import emit
from counter_app.ui.tasks import TaskRunner
from counter_app.ui.texts import message_text
from counter_app.ui.widgets import ERROR_COLOUR, SUCCESS_COLOUR, WARNING_COLOUR
from counter_protocol.errors import UserError

if TYPE_CHECKING:  # loaded with the sync service itself, after the first screen
    from counter_app.sync.service import SyncService

log = logging.getLogger(__name__)
STATUS_REFRESH_MS = 60_000  # the age of the oldest pending dossier keeps growing: redraw it


def status_line(status: SyncStatus | None) -> str:
    """The status-bar text: “Đồng bộ: …”, always from the outbox and stored receipts."""
    if status is None:
        return tr("Đồng bộ: đang kiểm tra…")
    parts = (message_text(template, params) for template, params in status.parts(now_vn()))
    return tr("Đồng bộ: {text}").format(text=" · ".join(parts))


def status_colour(status: SyncStatus | None) -> str:
    if status is None:
        return WARNING_COLOUR
    if status.revoked or status.errors:
        return ERROR_COLOUR
    return SUCCESS_COLOUR if status.all_sent else WARNING_COLOUR


def sync_error_text(error: BaseException) -> str:
    """The failure and what to do, for a SyncError; the message for anything else."""
    if isinstance(error, UserError):  # in the clerk's language (decision 0034)
        message, advice = message_text(error.template, error.params), error.advice_template
        advice = message_text(advice, error.params)
    else:
        message, advice = f"{type(error).__name__}: {error}", ""
    return f"{message}\n{advice}" if advice else message


class SyncController(QObject):
    """Owns the background SyncRunner; its signals arrive on the GUI thread.

    Signals:
        status_changed(SyncStatus): after every run and every refresh.
        report_ready(SyncReport): a run finished (ok or not).
        progress(str, int, int): phase ("push" | "pull"), done, total, while a run goes on.
        running(bool): a run started (True) or ended (False).
    """

    status_changed = Signal(object)
    report_ready = Signal(object)
    progress = Signal(str, int, int)
    running = Signal(bool)

    def __init__(
        self,
        sync: SyncService,
        tasks: TaskRunner,
        parent: QObject | None = None,
        runner: SyncRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.sync, self._tasks = sync, tasks
        self.runner = runner or SyncRunner(self._run, on_report=self._deliver)
        self.status: SyncStatus | None = None
        self.last_report: SyncReport | None = None
        self._manual = False
        self._stop_asked = threading.Event()  # read by the run between batches, never mid-one
        self.is_running = False  # as last told on the GUI thread (a window opened mid-run)
        self.running.connect(self._note_running)
        self.report_ready.connect(self._on_report)
        self._timer = QTimer(self, interval=STATUS_REFRESH_MS)
        self._timer.timeout.connect(self.refresh_status)

    def start(self) -> None:
        self.runner.start()
        self._timer.start()
        self.refresh_status()

    def stop(self) -> None:
        self._timer.stop()
        self._stop_asked.set()  # a run waiting for the store's check then begins nothing
        self.runner.stop(timeout_s=5.0)  # a run cut short is safe: every step is one transaction

    @Slot()
    def sync_now(self) -> None:
        """The “Đồng bộ ngay” button: a run as soon as the current one (if any) ends."""
        self._manual = True
        self.runner.poke()

    @Slot()
    def stop_run(self) -> None:
        """The “Dừng” button: the current run ends after the batch on its way (docs/sync.md#s22)."""
        self._stop_asked.set()

    @Slot()
    def poke(self) -> None:
        """A dossier was saved or returned: send it soon."""
        self.runner.poke()

    @Slot()
    def refresh_status(self) -> None:
        self._tasks.run_db(self.sync.status, self._on_status, self._on_status_error, owner=self)

    # -- runner thread ------------------------------------------------------------------------

    def _run(self) -> SyncReport:
        trigger = "manual" if self._manual else "auto"
        self._manual = False
        self._stop_asked.clear()  # a stop asked between runs is not meant for this one
        self._emit_alive(self.running, True)
        try:
            return self.sync.sync_once(
                trigger, progress=self._progress, stop_asked=self._stop_asked.is_set
            )
        finally:
            self._emit_alive(self.running, False)

    def _progress(self, phase: str, done: int, total: int) -> None:
        self._emit_alive(self.progress, phase, done, total)

    def _deliver(self, report: SyncReport) -> None:
        self._emit_alive(self.report_ready, report)

    def _emit_alive(self, signal: SignalInstance, *args: object) -> None:
        """From the runner's thread: a run that outlived its window (the program closing while
        the run waited for the store's check) has no one left to tell."""
        if shiboken6.isValid(self):
            try:
                signal.emit(*args)
            except RuntimeError:  # deleted between the look and the emit
                log.info("sync: the window closed before the run ended")

    # -- GUI thread ---------------------------------------------------------------------------

    @Slot(bool)
    def _note_running(self, running: bool) -> None:
        self.is_running = running

    @Slot(object)
    def _on_report(self, report: SyncReport) -> None:
        self.last_report = report
        if report.status is not None:
            self._on_status(report.status)

    def _on_status(self, status: SyncStatus) -> None:
        self.status = status
        emit(self.status_changed, status)

    def _on_status_error(self, error: BaseException) -> None:
        log.warning("sync status could not be read: %s", error)


SYNC_KEY = "Ctrl+Shift+D"  # Đồng bộ


class SyncButton(QPushButton):
    """The status bar's “Đồng bộ” button, coloured by the honest status; opens the window."""

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(tr("Đồng bộ…"), parent)
        self.setFlat(True)
        self.setShortcut(SYNC_KEY)
        self.setToolTip(
            tr(
                "Xem tình trạng đồng bộ với máy chủ tỉnh, đăng ký máy, đồng bộ ngay ({SYNC_KEY})"
            ).format(SYNC_KEY=SYNC_KEY)
        )
        controller.status_changed.connect(self.show_status)
        controller.running.connect(self._show_running)
        self.show_status(controller.status)

    def show_status(self, status: SyncStatus | None) -> None:
        self.setStyleSheet(f"color: {status_colour(status)}; font-weight: bold;")

    def _show_running(self, running: bool) -> None:
        self.setText(tr("Đang đồng bộ…") if running else tr("Đồng bộ…"))


def watch_network(controller: SyncController) -> None:
    """Poke the runner the moment the OS says the network is back (the runner also polls)."""
    try:
        from PySide6.QtNetwork import QNetworkInformation
    except ImportError:  # pragma: no cover - QtNetwork ships with PySide6-Essentials
        return
    if not QNetworkInformation.loadDefaultBackend():
        return
    info = QNetworkInformation.instance()
    if info is None:
        return
    online = QNetworkInformation.Reachability.Online

    def changed(reachability: QNetworkInformation.Reachability) -> None:
        if reachability == online:
            controller.poke()

    info.reachabilityChanged.connect(changed)
