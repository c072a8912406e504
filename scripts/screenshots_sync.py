"""The sync window and its enrolment dialog for scripts/screenshots.py, and the few key screens
taken again in English (`--lang en`): intake, list, detail, sync, settings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

IT_OFFICER, DEMO_PASSWORD = "cntt", "Demo@2026"  # counter_app/services/demo.py DEMO_ACCOUNTS


def shoot_sync(app, runner, context, out: Path, settle: Callable, grab: Callable) -> None:
    """The IT officer's sync window on a counter not yet enrolled, then the enrolment form."""
    from counter_app.ui.enrol_dialog import EnrolDialog
    from counter_app.ui.main_window import MainWindow

    services = context.services
    user = services.accounts.sign_in(IT_OFFICER, DEMO_PASSWORD)
    window = MainWindow(services, runner, user, services.setup.identity(), sync=context.sync)
    window.showMaximized()
    settle(app, runner, 200)
    sync = window.open_sync_window()
    if sync is None:
        window.close()
        return
    settle(app, runner, 400)
    grab(sync, out / "sync.png")
    enrol = EnrolDialog(window.sync_controller, runner, sync)
    enrol.server_edit.setText("https://dongbo.hatinh.gov.vn")
    enrol.code_edit.setText("ABCD-2345")
    enrol.show()
    settle(app, runner, 200)
    grab(enrol, out / "enrol.png")
    enrol.close()
    sync.close()
    window.close()


def shoot_key_screens(app, runner, context, out: Path, shots: Any, settle, grab) -> None:
    """The screens a newcomer sees first, for the English screenshots; `shots` is
    scripts/screenshots.py (its fill and shoot helpers)."""
    from counter_app.ui.main_window import TAB_LIST, MainWindow
    from counter_app.ui.settings_dialog import SettingsDialog

    services = context.services
    user = services.accounts.sign_in(shots.DEMO_CLERK, shots.DEMO_PASSWORD)
    window = MainWindow(services, runner, user, services.setup.identity())
    window.showMaximized()
    settle(app, runner, 200)
    shots.fill_intake(app, runner, window, services)
    grab(window, out / "intake.png")
    shots.shoot_list(app, runner, window, out, TAB_LIST)
    shots.shoot_detail(app, runner, window, out)
    window.close()
    shoot_sync(app, runner, context, out, settle, grab)
    settings = SettingsDialog(services.settings, runner, IT_OFFICER, printers=["HP LaserJet M404"])
    settings.show()
    settle(app, runner, 200)
    grab(settings, out / "settings.png")
    settings.close()
