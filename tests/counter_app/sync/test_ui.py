"""The sync in the window: status-bar line, “Đồng bộ ngay”, the enrolment dialog, problems."""

from __future__ import annotations

import os
import re

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator

import pytest

from counter_app.ui.enrol_dialog import EnrolDialog
from counter_app.ui.main_window import MainWindow
from counter_app.ui.sync_status import SyncButton, SyncController
from counter_app.ui.sync_window import SyncWindow
from counter_app.ui.tasks import TaskRunner
from counter_devkit.counter_pc import CounterPC
from counter_devkit.server import ServerProcess
from counter_devkit.stores import TEST_PASSWORD
from tests.counter_app.sync.helpers import queue_refused_step
from tests.counter_app.ui.helpers import wait_idle


@pytest.fixture
def tasks(qapp) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.shutdown()
    qapp.processEvents()


@pytest.fixture
def window(qtbot, pc: CounterPC, tasks: TaskRunner) -> MainWindow:
    user = pc.services.accounts.sign_in("cntt", TEST_PASSWORD)  # enrolment is IT's
    main = MainWindow(pc.services, tasks, user, pc.services.setup.identity(), sync=pc.sync)
    qtbot.addWidget(main)
    return main


def _controller(qtbot, window: MainWindow) -> SyncController:
    window.start_sync()
    controller = window.sync_controller
    assert controller is not None
    qtbot.waitUntil(lambda: controller.status is not None, timeout=10_000)
    return controller


def _sync_window(window: MainWindow) -> SyncWindow:
    """The status bar's “Đồng bộ…” button opens the sync window."""
    button = window.statusBar().findChild(SyncButton)
    assert button is not None
    button.click()
    assert window.sync_window is not None and window.sync_window.isVisible()
    return window.sync_window


def test_status_bar_enrol_dialog_and_sync_now(
    qtbot, sqlite_server: ServerProcess, pc: CounterPC, window: MainWindow, tasks: TaskRunner
) -> None:
    pc.receive(2)
    controller = _controller(qtbot, window)
    try:
        qtbot.waitUntil(lambda: "Chưa đăng ký" in window.sync_label.text(), timeout=10_000)
        assert "2 hồ sơ chờ gửi" in window.sync_label.text()
        assert "Đã gửi hết" not in window.sync_label.text()
        sync_window = _sync_window(window)
        qtbot.waitUntil(
            lambda: "chưa đăng ký" in sync_window.enrolment_label.text(), timeout=10_000
        )
        assert sync_window.enrol_button.isVisible()
        dialog = EnrolDialog(controller, tasks, sync_window)
        dialog.server_edit.setText(sqlite_server.base_url)
        dialog.code_edit.setText("SAI-MA-00")
        dialog.submit()
        qtbot.waitUntil(lambda: dialog.message.kind == "error", timeout=10_000)
        assert "Mã đăng ký máy không đúng" in dialog.message.text()
        dialog.code_edit.setText(sqlite_server.enrol_code(pc.unit))
        dialog.submit()
        qtbot.waitUntil(lambda: dialog.message.kind == "success", timeout=10_000)
        assert "Đã đăng ký: máy số" in dialog.message.text()
        qtbot.waitUntil(lambda: "Đã gửi hết" in window.sync_label.text(), timeout=20_000)
        sync_window.refresh()
        qtbot.waitUntil(lambda: "máy số" in sync_window.enrolment_label.text(), timeout=10_000)
        assert sync_window.runs.rowCount() >= 1
        finished = sync_window.runs.item(0, 0).text()
        assert re.fullmatch(r"\d\d/\d\d/20\d\d \d\d:\d\d", finished), finished
        assert re.search(r"máy số .* \d\d/\d\d/20\d\d", sync_window.enrolment_label.text())
        assert not sync_window.enrol_button.isVisible()
        code = pc.receive(1)[0]
        window.intake.dossier_saved.emit(code)  # what the intake view does after a save
        qtbot.waitUntil(lambda: pc.states().get("queued", 0) == 0, timeout=20_000)
        sync_window.sync_now()
        qtbot.waitUntil(lambda: sync_window.message.kind == "success", timeout=20_000)
        assert "Tình trạng: Đã gửi hết" in sync_window.message.text()
    finally:
        controller.stop()


def test_problems_and_failures_are_explained(
    qtbot,
    sqlite_server: ServerProcess,
    pc: CounterPC,
    window: MainWindow,
    tasks: TaskRunner,
    dead_port: int,
) -> None:
    pc.enrol(sqlite_server)
    code = pc.receive(1)[0]
    assert pc.sync.sync_once().error is None
    queue_refused_step(pc, code)  # the server refuses it: quarantined
    assert pc.sync.sync_once().quarantined == 1
    pc.sync.options.server_url = f"http://127.0.0.1:{dead_port}"  # and now the link is down
    controller = _controller(qtbot, window)
    try:
        sync_window = _sync_window(window)
        qtbot.waitUntil(lambda: sync_window.problems.rowCount() == 1, timeout=10_000)
        assert sync_window.problems.item(0, 0).text() == code
        assert sync_window.problems.item(0, 2).text() == "Bị cách ly"
        assert "bad_transition" in sync_window.problems.item(0, 3).text()
        assert "Báo bộ phận CNTT" in sync_window.problems.item(0, 4).text()
        assert "1 lỗi" in sync_window.status_label.text()
        sync_window.sync_now()
        qtbot.waitUntil(lambda: sync_window.message.kind == "error", timeout=20_000)
        assert "Không kết nối được máy chủ tỉnh" in sync_window.message.text()
        assert "Kiểm tra cáp mạng" in sync_window.message.text()
        assert "Đã gửi hết" not in window.sync_label.text()
    finally:
        controller.stop()


def test_a_clerk_sees_the_sync_but_a_run_by_hand_is_it_s(qtbot, pc: CounterPC, tasks: TaskRunner):
    user = pc.services.accounts.sign_in("canbo", TEST_PASSWORD)
    main = MainWindow(pc.services, tasks, user, pc.services.setup.identity(), sync=pc.sync)
    qtbot.addWidget(main)
    _controller(qtbot, main)
    sync_window = _sync_window(main)
    assert sync_window.sync_button.text() == "Đồng bộ ngay (F5)"
    assert not sync_window.sync_button.isEnabled()
    assert "cán bộ CNTT" in sync_window.sync_button.toolTip()
    wait_idle(qtbot, tasks)
    assert not sync_window.sync_button.isEnabled()
    sync_window.close()
