"""Screenshots of the account screens (account administration, settings, an IT officer's main
window), used by scripts/screenshots.py on its demo store."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

DEMO_PASSWORD = "Demo@2026"
SUPERVISOR, IT = "truongbp", "cntt"  # counter_app/services/demo.py DEMO_ACCOUNTS


def shoot_accounts(
    app: Any,
    runner: Any,
    services: Any,
    out: Path,
    size: tuple[int, int],
    settle: Callable[..., None],
    grab: Callable[[Any, Path], None],
) -> None:
    """The supervisor's account screen and settings, then the IT officer's main window."""
    from counter_app.ui.accounts_dialog import AccountsDialog
    from counter_app.ui.main_window import MainWindow
    from counter_app.ui.settings_dialog import SettingsDialog

    supervisor = services.accounts.sign_in(SUPERVISOR, DEMO_PASSWORD)
    accounts = AccountsDialog(services.accounts, runner, supervisor)
    accounts.show()
    settle(app, runner, 300)
    grab(accounts, out / "accounts.png")
    accounts.close()
    settings = SettingsDialog(services.settings, runner, SUPERVISOR, printers=["HP LaserJet M404"])
    settings.show()
    settle(app, runner, 200)
    settings.saturday_edit.setText("07:30-11:30-xx")
    settings.save()
    settle(app, runner, 300)
    grab(settings, out / "settings.png")
    settings.close()
    it_user = services.accounts.sign_in(IT, DEMO_PASSWORD)
    window = MainWindow(services, runner, it_user, services.setup.identity())
    window.showMaximized()
    settle(app, runner, 300)
    grab(window, out / "main-it.png")
    window.close()
