"""“Dừng” in the sync window: the run stops between batches, says how far it got, and the next
sync sends the rest exactly once (docs/sync.md#s22)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from counter_app.sync.service import SyncOptions
from counter_app.ui.main_window import MainWindow
from counter_app.ui.sync_status import SyncController
from counter_app.ui.sync_window import STOP_KEY
from counter_app.ui.tasks import TaskRunner
from counter_devkit.counter_pc import CounterPC, assert_converged
from counter_devkit.server import ServerProcess
from counter_devkit.stores import TEST_PASSWORD
from tests.counter_app.sync.test_ui import _sync_window, tasks  # noqa: F401 (fixture)

BATCH = 10
DOSSIERS = 25


@pytest.fixture
def pc(counter_dir: Path) -> Iterator[CounterPC]:
    """Batches of ten, one at a time: a stop after the first leaves 10 of 25 sent."""
    options = SyncOptions(BATCH, window=1)
    counter = CounterPC(counter_dir, CounterPC.unit_of(counter_dir), options=options)
    yield counter
    counter.close()


def _hold_after_first_batch(controller: SyncController) -> None:
    """The first batch's progress waits (on the run's thread) until “Dừng” is asked, so the stop
    falls between batch 1 and batch 2 whatever the speed of the machine."""
    tell, calls = controller._progress, []

    def progress(phase: str, done: int, total: int) -> None:
        tell(phase, done, total)
        calls.append(phase)
        if len(calls) == 1:
            assert controller._stop_asked.wait(20)

    controller._progress = progress  # type: ignore[method-assign]


def test_stop_between_batches_then_the_rest_goes_exactly_once(
    qtbot,
    sqlite_server: ServerProcess,
    pc: CounterPC,
    tasks: TaskRunner,  # noqa: F811
) -> None:
    pc.enrol(sqlite_server)
    pc.receive(DOSSIERS)
    user = pc.services.accounts.sign_in("cntt", TEST_PASSWORD)
    window = MainWindow(pc.services, tasks, user, pc.services.setup.identity(), sync=pc.sync)
    qtbot.addWidget(window)
    controller = window.sync_controller
    assert controller is not None
    _hold_after_first_batch(controller)
    window.start_sync()
    try:
        sync_window = _sync_window(window)
        qtbot.waitUntil(lambda: sync_window.stop_button.isVisible(), timeout=10_000)
        qtbot.waitUntil(
            lambda: "Đang gửi hồ sơ lên tỉnh: 10/25" in sync_window.progress.format(),
            timeout=10_000,
        )
        assert STOP_KEY in sync_window.stop_button.text()
        assert sync_window.stop_button.shortcut().toString() == STOP_KEY
        # The window opened as the run began, so it may have missed the run's start: the
        # progress alone must make “Dừng” usable (it was greyed out here once).
        assert sync_window.stop_button.isEnabled()
        sync_window.activateWindow()  # the clerk presses the key shown on the button
        qtbot.keyClick(
            sync_window,
            Qt.Key.Key_X,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        qtbot.waitUntil(lambda: sync_window.message.kind == "warning", timeout=20_000)
        text = sync_window.message.text()
        assert "Đã dừng theo yêu cầu sau khi gửi 10/25 thao tác" in text
        assert "15 thao tác còn lại" in text
        assert not sync_window.stop_button.isVisible()
        assert pc.states() == {"acked": 10, "queued": 15}
        assert "15 hồ sơ chờ gửi" in window.sync_label.text()
        sync_window.refresh()
        qtbot.waitUntil(lambda: sync_window.runs.rowCount() == 1, timeout=10_000)
        assert "Đã dừng theo yêu cầu" in sync_window.runs.item(0, 10).text()

        sync_window.sync_now()
        qtbot.waitUntil(lambda: sync_window.message.kind == "success", timeout=20_000)
        report = controller.last_report
        assert report is not None and not report.stopped
        assert (report.sent, report.acked, report.duplicates) == (15, 15, 0)
        assert "Tình trạng: Đã gửi hết" in sync_window.message.text()
        assert_converged(sqlite_server, pc)
    finally:
        controller.stop()


def test_a_run_stopped_before_it_began_sends_nothing(
    sqlite_server: ServerProcess, pc: CounterPC
) -> None:
    """The program closing while a run waits for the store's start-up check: the run begins
    nothing once the check ends, and the next one sends everything."""
    pc.enrol(sqlite_server)
    pc.receive(3)
    report = pc.sync.sync_once("auto", stop_asked=lambda: True)
    assert report.stopped and report.error is None
    assert (report.sent, report.batches) == (0, 0)
    assert pc.states() == {"queued": 3}
    assert pc.sync.sync_once("auto").acked == 3
    assert_converged(sqlite_server, pc)
