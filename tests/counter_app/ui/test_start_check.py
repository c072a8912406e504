"""The dossier list does not wait for the store's start-up check (a large store takes seconds):
the person signs in and sees the list while it runs; the sign-in is recorded once the check has
passed; a damage it finds later stops every write and is said in Vietnamese, with the backup to
restore (docs/decisions/0035-startup-check.md).

The check is slowed through its seam (`services.store.quick_check_start_tables`): it runs on its
own thread and ends only when the test lets it, with the result the test gives.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from counter_app.models.errors import StoreCorrupt
from counter_app.services import store as store_module
from counter_devkit.stores import TEST_PASSWORD
from tests.counter_app.ui.helpers import CLERK, type_text

DAMAGE = "*** in database main *** Page 7: btreeInitPage() returns error code 11"


class SlowCheck:
    """The start-up check, held until `end`; `found` is what it then reports."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.may_end = threading.Event()
        self.found: list[str] = []

    def __call__(self, _conn: sqlite3.Connection) -> list[str]:
        self.started.set()
        self.may_end.wait(30)
        return self.found

    def end(self, found: list[str]) -> None:
        self.found = found
        self.may_end.set()


@pytest.fixture
def backup(data_dir: Path) -> Path:
    """One dossier received today (the list's first page), then a backup taken: both before
    the check is slowed."""
    from counter_app.app import build_services
    from counter_app.services.backups import create_backup
    from counter_devkit.intake import intake

    services = build_services(str(data_dir))
    try:
        services.dossiers.receive(intake())
    finally:
        services.close()
    return create_backup(data_dir)


@pytest.fixture
def slow_check(monkeypatch: pytest.MonkeyPatch, backup: Path) -> Iterator[SlowCheck]:
    check = SlowCheck()
    monkeypatch.setattr(store_module, "quick_check_start_tables", check)
    yield check
    check.may_end.set()  # never leave the check's thread waiting


def signed_in_records(data_dir: Path) -> int:
    conn = sqlite3.connect(data_dir / "counter.sqlite3")
    try:
        return conn.execute(
            "SELECT count(*) FROM admin_events WHERE action = 'signed_in' AND subject = ?",
            (CLERK,),
        ).fetchone()[0]
    finally:
        conn.close()


def sign_in_to_the_list(qtbot, start):
    """The clerk signs in on the log-in window; the main window opens on the dossier list."""
    from counter_app.ui.main_window import TAB_LIST

    login = start.show_login()

    def clerk_signs_in() -> None:
        type_text(login.username_edit, CLERK)
        type_text(login.password_edit, TEST_PASSWORD)
        login.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, clerk_signs_in)
    window = start.sign_in()
    assert window is not None and window.isVisible()
    window.show_tab(TAB_LIST)
    model = window.dossiers.model
    qtbot.waitUntil(lambda: not model.loading and model.rowCount() == 1, timeout=10_000)
    return window


def run_start(qtbot, data_dir: Path, slow_check: SlowCheck, found: list[str]):
    """Sign in to the list while the check runs; then let it end with `found`."""
    from counter_app.app import window_context
    from counter_app.ui.main import FastStart

    start = FastStart(lambda: window_context(str(data_dir)), "Quầy số 1 · Hà Tĩnh")
    window = sign_in_to_the_list(qtbot, start)
    qtbot.waitUntil(slow_check.started.is_set, timeout=10_000)  # once the first screen is ready
    assert not slow_check.may_end.is_set()  # the list was shown while the check runs
    assert signed_in_records(data_dir) == 0  # nothing written while the check runs
    slow_check.end(found)
    return start, window


def close(start, window) -> None:
    if window is not None:
        if window.sync_controller is not None:
            window.sync_controller.stop()
        window.close()
    start.close()


def test_the_list_is_shown_while_the_check_runs_and_the_sign_in_is_recorded_after_it(
    qtbot, data_dir, slow_check
):
    start, window = run_start(qtbot, data_dir, slow_check, [])
    try:
        qtbot.waitUntil(lambda: signed_in_records(data_dir) == 1, timeout=10_000)
        start.holder.get().services.store.require_sound()  # sound: writes go on
    finally:
        close(start, window)


def test_damage_found_after_the_list_is_shown_stops_writes_and_says_what_to_do(
    qtbot, data_dir, slow_check, backup
):
    from counter_app.ui.store_alarm import TITLE, StoreAlarm

    start, window = run_start(qtbot, data_dir, slow_check, [DAMAGE])
    try:
        alarm = QApplication.instance().findChildren(StoreAlarm)[-1]
        qtbot.waitUntil(lambda: alarm.box is not None and alarm.box.isVisible(), timeout=10_000)
        said = alarm.box.text()
        assert alarm.box.windowTitle() == TITLE
        assert "bị hỏng" in said and "Đã ngừng ghi" in said
        assert f'counter-app backup restore "{backup}"' in said
        context = start.holder.get()
        with pytest.raises(StoreCorrupt, match="bị hỏng"):
            context.services.accounts.sign_out(CLERK)  # any write: refused
        with pytest.raises(StoreCorrupt, match="bị hỏng"):
            context.sync.sync_once()  # nothing sent from a damaged store
        assert signed_in_records(data_dir) == 0  # the queued sign-in record was not written
    finally:
        close(start, window)


def test_a_window_closed_while_a_sync_run_waits_for_the_check_leaves_no_traceback(
    qtbot, data_dir, slow_check, caplog
):
    """The clerk quits within seconds of starting on a large store: the sync run that waited
    for the check ends after the window is gone, and has no one to tell (it once raised
    "Signal source has been deleted" on its thread, logged as a crashed run)."""
    import shiboken6

    from counter_app.app import window_context
    from counter_app.ui.main import FastStart

    start = FastStart(lambda: window_context(str(data_dir)), "Quầy số 1 · Hà Tĩnh")
    window = sign_in_to_the_list(qtbot, start)
    qtbot.waitUntil(lambda: window.sync_controller is not None, timeout=10_000)
    controller = window.sync_controller
    runner = controller.runner
    controller.sync_now()
    qtbot.waitUntil(lambda: controller.is_running, timeout=10_000)  # waiting for the check
    window.close()
    shiboken6.delete(window)  # the window and its controller are gone, the run is not
    slow_check.end([])
    runner.stop(timeout_s=30.0)
    assert not [r for r in caplog.records if r.levelname in ("ERROR", "CRITICAL")]
    start.close()
