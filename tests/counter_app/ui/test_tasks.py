"""The background runner: one store lane, results on the GUI thread, errors never lost."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QObject

from counter_app.ui.tasks import TaskRunner
from counter_devkit.timing import HANG_S
from tests.counter_app.ui.helpers import wait_idle


def test_store_work_runs_one_at_a_time_off_the_gui_thread(qtbot, runner):
    gui = threading.get_ident()
    active, overlaps, workers, delivered_on = [0], [], set(), []

    def work(n: int) -> int:
        active[0] += 1
        overlaps.append(active[0])
        workers.add(threading.get_ident())
        time.sleep(0.01)
        active[0] -= 1
        return n

    results: list[int] = []
    for n in range(8):
        runner.run_db(
            lambda n=n: work(n),
            lambda value: (results.append(value), delivered_on.append(threading.get_ident())),
        )
    wait_idle(qtbot, runner)
    assert results == list(range(8))  # in submission order
    assert max(overlaps) == 1
    assert len(workers) == 1 and gui not in workers
    assert set(delivered_on) == {gui}


def test_a_failure_reaches_on_err_or_the_error_handler(qtbot, runner):
    errors: list[BaseException] = []
    handled: list[BaseException] = []
    runner.error_handler = handled.append
    runner.run_io(lambda: 1 / 0, on_err=errors.append)
    runner.run_db(lambda: {}["missing"])
    wait_idle(qtbot, runner)
    assert [type(e) for e in errors] == [ZeroDivisionError]
    assert [type(e) for e in handled] == [KeyError]


def test_no_callback_for_a_screen_that_was_closed_meanwhile(qtbot, runner):
    owner = QObject()
    called: list[int] = []
    release = threading.Event()
    runner.run_db(lambda: release.wait(HANG_S), lambda _v: called.append(1), owner=owner)
    owner.deleteLater()
    qtbot.waitUntil(lambda: _deleted(owner))
    release.set()
    wait_idle(qtbot, runner)
    assert called == []


def test_the_busy_signal_only_for_work_longer_than_a_moment(qtbot, services):
    task_runner = TaskRunner()
    states: list[bool] = []
    task_runner.busy_changed.connect(states.append)
    # Quick work: the GUI thread handles no event until the work is done, so however slow the
    # machine, its result is delivered (queued first) before the busy timer can be looked at.
    task_runner.run_db(lambda: None)
    assert task_runner.wait_idle()
    wait_idle(qtbot, task_runner)
    assert states == []
    # Long work: held until the indicator has shown, so it is longer than a moment by design.
    release = threading.Event()
    task_runner.run_io(lambda: release.wait(HANG_S))
    qtbot.waitUntil(lambda: states == [True], timeout=int(HANG_S * 1000))
    release.set()
    wait_idle(qtbot, task_runner)
    assert states == [True, False]
    task_runner.shutdown()


def _deleted(obj: QObject) -> bool:
    import shiboken6

    return not shiboken6.isValid(obj)


def test_long_work_is_named_in_words_in_the_status_bar(qtbot, services):
    from counter_app.ui.widgets import BusyIndicator

    task_runner = TaskRunner()
    indicator = BusyIndicator()
    qtbot.addWidget(indicator)
    task_runner.activity_changed.connect(indicator.show_activity)
    release = threading.Event()
    task_runner.run_io(lambda: release.wait(HANG_S), what="Đang lập giấy tiếp nhận để in…")
    task_runner.run_db(lambda: release.wait(HANG_S), what="Đang tìm hồ sơ…")
    qtbot.waitUntil(lambda: not indicator.isHidden())
    assert indicator.label.text() == "Đang lập giấy tiếp nhận để in… (còn 1 việc khác)"
    release.set()
    wait_idle(qtbot, task_runner)
    assert indicator.isHidden() and indicator.label.text() == ""
    indicator.show_progress("Đồng bộ: đang gửi hồ sơ lên tỉnh", 120, 500)
    assert indicator.label.text() == "Đồng bộ: đang gửi hồ sơ lên tỉnh 120/500"
    assert (indicator.bar.value(), indicator.bar.maximum()) == (120, 500)
    task_runner.shutdown()


class _Garbage:
    """A cycle (it refers to itself) that records the thread it is freed on."""

    def __init__(self, freed_on: list[int]) -> None:
        self.me, self.freed_on = self, freed_on

    def __del__(self) -> None:
        self.freed_on.append(threading.get_ident())


def test_garbage_is_freed_on_the_gui_thread_never_in_a_worker(qtbot, runner):
    # A cycle may hold a Qt wrapper; freed in a worker, its widget dies off the GUI thread.
    gui = threading.get_ident()
    freed_on: list[int] = []
    _Garbage(freed_on)
    runner.run_db(lambda: [[n] for n in range(100_000)])  # allocates far past gen-0's threshold
    wait_idle(qtbot, runner)
    # The worker did not collect it; the GUI thread's timer may already have (a slow machine).
    assert freed_on in ([], [gui])
    kept = [[n] for n in range(10_000)]  # now the GUI thread's timer finds gen 0 over its threshold
    qtbot.waitUntil(lambda: freed_on != [], timeout=HANG_S * 1000)
    assert len(kept) == 10_000
    assert freed_on == [gui]
