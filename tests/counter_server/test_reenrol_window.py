"""A revoked PC in the sync window: it says so, and “Đăng ký lại” with a new code puts it back."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from counter_app.ui.enrol_dialog import EnrolDialog
from counter_app.ui.main_window import MainWindow
from counter_app.ui.tasks import TaskRunner
from counter_devkit.counter_pc import CounterPC, make_counter_dir, sync_unit
from counter_devkit.server import ServerProcess
from counter_devkit.stores import TEST_PASSWORD


@pytest.fixture
def tasks(qapp) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.shutdown()
    qapp.processEvents()


def test_a_revoked_pc_offers_to_enrol_again(
    qtbot, server: ServerProcess, store_template: Path, tmp_path: Path, tasks: TaskRunner
) -> None:
    unit = sync_unit()
    pc = CounterPC(make_counter_dir(store_template, tmp_path / "pc", unit, 5), unit)
    pc.enrol(server)
    old_id = pc.sql("SELECT server_device_id FROM devices WHERE is_self")[0][0]
    server.cli("revoke", str(old_id))
    pc.receive(1)
    assert pc.sync.sync_once().error is not None  # it learns it was revoked
    user = pc.services.accounts.sign_in("cntt", TEST_PASSWORD)  # enrolment is IT's
    window = MainWindow(pc.services, tasks, user, pc.services.setup.identity(), sync=pc.sync)
    qtbot.addWidget(window)
    window.start_sync()
    controller = window.sync_controller
    assert controller is not None
    try:
        sync_window = window.open_sync_window()
        assert sync_window is not None
        qtbot.waitUntil(lambda: "thu hồi" in sync_window.enrolment_label.text(), timeout=10_000)
        assert sync_window.enrol_button.isVisible()
        assert sync_window.enrol_button.text() == "Đăng ký lại với mã mới…"
        dialog = EnrolDialog(controller, tasks, sync_window)
        dialog.server_edit.setText(server.base_url)
        dialog.code_edit.setText(server.enrol_code(unit))
        dialog.submit()
        qtbot.waitUntil(lambda: dialog.message.kind == "success", timeout=10_000)
        assert f"máy số {old_id}," not in dialog.message.text()
        qtbot.waitUntil(lambda: "Đã gửi hết" in window.sync_label.text(), timeout=20_000)
        sync_window.refresh()
        qtbot.waitUntil(lambda: "máy số" in sync_window.enrolment_label.text(), timeout=10_000)
        assert not sync_window.enrol_button.isVisible()
    finally:
        controller.stop()
        pc.close()
