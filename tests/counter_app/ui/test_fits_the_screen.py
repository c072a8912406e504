"""Every screen at 1024×768, the smallest screen a counter has: no control beyond its edge.

The test platform's one screen is 1024×768 (tests/conftest.py). Each window is opened the way a
clerk opens it, then every visible button, field, list and tab bar is mapped to global
coordinates and must lie inside the screen's free area.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QStatusBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

from counter_app.ui.main_window import (
    TAB_INTAKE,
    TAB_LATE,
    TAB_LIST,
    TAB_REPORT,
    TAB_RETURN,
    MainWindow,
)
from counter_devkit.stores import TEST_PASSWORD
from tests.counter_app.ui.helpers import ADMIN, wait_idle

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QPlainTextEdit,
    QTextEdit,
    QAbstractItemView,
    QTabBar,
    QStatusBar,
)


def outside_the_screen(window: QWidget) -> list[str]:
    """Each visible control whose rectangle leaves the screen's free area, named."""
    screen = QApplication.primaryScreen().availableGeometry()
    found = []
    for widget in [window, *window.findChildren(QWidget)]:
        if not isinstance(widget, CONTROLS) or not widget.isVisible():
            continue
        if not widget.visibleRegion().boundingRect().isValid() and widget is not window:
            continue  # scrolled out of a scroll area's view: reachable by scrolling
        rect = QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())
        if not screen.contains(rect):
            label = getattr(widget, "text", lambda: "")()
            found.append(f"{type(widget).__name__} {label!r} at {rect.getRect()}")
    return found


def show_and_check(qtbot, window: QWidget) -> None:
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.frameGeometry().height() <= 768, window.frameGeometry()
    assert outside_the_screen(window) == []


@pytest.fixture
def main(qtbot, services, runner) -> MainWindow:
    user = services.accounts.sign_in(ADMIN, TEST_PASSWORD)  # sees every tab
    window = MainWindow(services, runner, user, services.setup.identity())
    show_and_check(qtbot, window)
    return window


@pytest.mark.parametrize("tab", [TAB_INTAKE, TAB_LIST, TAB_RETURN, TAB_LATE, TAB_REPORT])
def test_each_tab_of_the_main_window_fits(qtbot, main, runner, tab):
    main.show_tab(tab)
    wait_idle(qtbot, runner)
    assert outside_the_screen(main) == []


def test_the_sync_window_fits(qtbot, main):
    sync = main.open_sync_window()
    if sync is not None:
        show_and_check(qtbot, sync)


def test_the_slip_preview_and_the_dossier_detail_fit(qtbot, services, runner, main):
    from counter_app.ui.slip_preview import SlipPreviewDialog
    from counter_devkit.intake import intake as intake_request

    code = services.dossiers.receive(intake_request())
    show_and_check(qtbot, SlipPreviewDialog(services.slips.render_for(code), code))
    main.open_dossier(code)
    qtbot.waitUntil(lambda: main.detail_dialog is not None and main.detail_dialog.detail)
    show_and_check(qtbot, main.detail_dialog)


def test_the_login_and_setup_screens_fit(qtbot, services, blank_services, blank_runner, runner):
    from counter_app.ui.login import LoginDialog
    from counter_app.ui.setup_wizard import SetupWizard

    show_and_check(qtbot, LoginDialog(services.accounts, runner, "Quầy số 1"))
    show_and_check(qtbot, SetupWizard(blank_services.setup, blank_runner))


def test_the_accounts_and_settings_dialogs_fit(qtbot, services, runner, main):
    from counter_app.ui.settings_dialog import SettingsDialog

    show_and_check(qtbot, SettingsDialog(services.settings, runner, ADMIN, printers=[]))
    accounts = main.account_menu.open_accounts()
    assert accounts is not None
    wait_idle(qtbot, runner)
    show_and_check(qtbot, accounts)


def test_a_window_opens_at_the_size_its_clerk_left_it(qtbot, services, runner):
    from tests.counter_app.ui.helpers import CLERK

    def open_as(username: str) -> MainWindow:
        user = services.accounts.sign_in(username, TEST_PASSWORD)
        window = MainWindow(services, runner, user, services.setup.identity())
        show_and_check(qtbot, window)
        return window

    first = open_as(ADMIN)
    first.resize(960, 640)
    first.close()
    assert open_as(ADMIN).size().toTuple() == (960, 640)
    assert open_as(CLERK).size().toTuple() != (960, 640)  # another clerk, another size


def shown_whole(label) -> bool:
    """Every wrapped line of the label is inside it, and the label inside its window."""
    window_rect = label.window().rect()
    top_left = label.mapTo(label.window(), QPoint(0, 0))
    inside = window_rect.contains(QRect(top_left, label.size()))
    return inside and label.height() >= label.heightForWidth(label.width())


def test_the_lock_out_message_is_read_whole(qtbot, services, runner):
    from PySide6.QtCore import Qt

    from counter_app.ui.login import LoginDialog
    from tests.counter_app.ui.helpers import CLERK

    dialog = LoginDialog(services.accounts, runner, "Quầy số 1")
    show_and_check(qtbot, dialog)
    dialog.username_edit.setText(CLERK)
    for _attempt in range(10):
        dialog.password_edit.setText("sai-mat-khau")
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
        wait_idle(qtbot, runner)
        if "khóa" in dialog.message.text():
            break
    dialog.password_edit.setText("sai-mat-khau")  # once more, now locked: the long message
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    wait_idle(qtbot, runner)
    assert "Hãy chờ hoặc nhờ Trưởng bộ phận" in dialog.message.text()
    assert shown_whole(dialog.message)
    assert outside_the_screen(dialog) == []


def test_the_unit_code_in_the_status_bar_is_never_cut(qtbot, main):
    narrowest = main.minimumSizeHint().width()  # the narrowest a clerk can make the window
    main.resize(narrowest, 640)
    qtbot.waitUntil(lambda: main.width() == narrowest)
    label = main.counter_label
    assert "(" + main.identity.unit_code + ")" in label.text()
    assert label.width() >= label.minimumSizeHint().width()
    assert label.height() >= label.heightForWidth(label.width())
