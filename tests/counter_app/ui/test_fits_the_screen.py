"""Every screen at 1024×768, the smallest screen a counter has: no control beyond its edge.

The test platform's one screen is 1024×768 (tests/conftest.py). Each window is opened the way a
clerk opens it, then every visible button, field, list and tab bar is mapped to global
coordinates and must lie inside the screen's free area.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
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
    assert label.shown_text().endswith("(" + main.identity.unit_code + ")")
    assert "…" in label.shown_text()  # the names gave way
    assert label.toolTip() == label.text()  # and are read whole there
    assert label.width() >= label.minimumSizeHint().width()
    assert label.height() >= label.heightForWidth(label.width())


def test_every_tab_is_on_the_bar_with_its_key_and_its_whole_title_in_the_tooltip(qtbot, main):
    bar, tabs = main.tabs.tabBar(), main.tabs
    shown = [i for i in range(tabs.count()) if tabs.isTabVisible(i)]
    assert len(shown) == 8  # the administrator sees every tab
    for i in shown:
        assert bar.rect().contains(bar.tabRect(i)), (tabs.tabText(i), bar.tabRect(i))
        whole = tabs.tabToolTip(i)
        key = whole[whole.rindex("(") :]
        assert tabs.tabText(i).endswith(key)  # "(F6)": the key still read on the tab
    assert tabs.tabToolTip(TAB_LATE) == "Quá hạn và sắp đến hạn (F6)"
    assert tabs.tabText(TAB_LATE) != tabs.tabToolTip(TAB_LATE)  # shortened at 1024 wide
    main.resize(3000, 700)  # room for them all: titles whole again
    qtbot.waitUntil(lambda: tabs.tabText(TAB_LATE) == "Quá hạn và sắp đến hạn (F6)")


def test_the_title_shortened_keeps_whole_words_and_the_key():
    from PySide6.QtGui import QFontMetrics

    from counter_app.ui.narrow_fit import shorten

    metrics = QFontMetrics(QApplication.font())
    short = shorten(
        "Quá hạn và sắp đến hạn (F6)", metrics.horizontalAdvance("Quá hạn và sắ (F6)"), metrics
    )
    assert short == "Quá hạn và… (F6)"


def receive_some(services, count: int) -> None:
    from counter_devkit.intake import intake as intake_request

    for _ in range(count):
        services.dossiers.receive(intake_request())


IMPORTANT_COLUMNS = ("Mã hồ sơ", "Người nộp", "Thủ tục", "Trạng thái", "Hẹn trả")


def columns_in_sight(table) -> list[str]:
    header, model = table.horizontalHeader(), table.model()
    width = table.viewport().width()
    return [
        model.headerData(col, Qt.Orientation.Horizontal)
        for col in range(header.count())
        if not header.isSectionHidden(col)
        and header.sectionViewportPosition(col) + header.sectionSize(col) <= width
    ]


def test_the_list_shows_its_important_columns_without_scrolling_sideways(
    qtbot, services, runner, main
):
    receive_some(services, 3)
    main.show_tab(TAB_LIST)
    main.dossiers.scope_combo.setCurrentIndex(1)
    wait_idle(qtbot, runner)
    table = main.dossiers.table
    assert table.model().rowCount() == 3
    assert not table.horizontalScrollBar().isVisible()
    assert set(IMPORTANT_COLUMNS) <= set(columns_in_sight(table))


def test_a_list_as_wide_as_a_1366_screen_shows_every_column(qtbot, services, runner):
    from counter_app.ui.dossier_list import DossierListView

    listing = DossierListView(services.search, runner)
    qtbot.addWidget(listing)
    listing.resize(1340, 600)
    listing.show()
    qtbot.waitExposed(listing)
    table = listing.table
    qtbot.waitUntil(lambda: len(columns_in_sight(table)) == 8)
    listing.resize(990, 600)
    qtbot.waitUntil(lambda: len(columns_in_sight(table)) < 8)
    assert set(IMPORTANT_COLUMNS) <= set(columns_in_sight(table))
    assert not table.horizontalScrollBar().isVisible()


def test_the_checklist_shows_six_papers_at_once(qtbot, services, main):
    from counter_app.services.dto import ComponentInput

    intake = shown_intake(main)
    intake.picker.set_procedure(services.procedures.get("1.000689"))
    papers = [ComponentInput(f"Giấy tờ số {n}", 1, 0) for n in range(1, 10)]
    intake.checklist_model.set_components(papers)
    qtbot.waitUntil(lambda: intake.checklist.viewport().height() > 0)
    checklist = intake.checklist
    rows = checklist.viewport().height() // checklist.rowHeight(0)
    assert rows >= 6
    assert in_sight(checklist)
    assert outside_the_screen(main) == []


def shown_intake(main: MainWindow):
    """The intake screen, as F2 shows it (the window opens on the list)."""
    main.show_tab(TAB_INTAKE)
    return main.intake


def in_sight(widget: QWidget) -> bool:
    """The whole widget is inside the part of its scroll area on screen (nothing scrolled off)."""
    from PySide6.QtWidgets import QScrollArea

    area = widget.parent()
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parent()
    assert area is not None
    view = area.viewport()
    return view.rect().contains(QRect(widget.mapTo(view, QPoint(0, 0)), widget.size()))


def commune_text_width(combo) -> int:
    """The pixels the combo box has for the chosen commune's name."""
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    return field.width()


LONG_COMMUNE = "Phường Bắc Hồng Lĩnh"  # the longest of the counter's province


def test_the_commune_picker_shows_a_long_commune_name_whole(qtbot, main):
    from counter_app.domain.kinds import Channel

    delivery = shown_intake(main).delivery
    delivery.channel_combo.setCurrentIndex(delivery.channel_combo.findData(int(Channel.POSTAL)))
    sender = delivery.sender_box
    qtbot.waitUntil(sender.isVisible)
    combo = sender.address_form.commune_combo
    sender.address_form.choose("42")
    combo.setCurrentIndex(combo.findText(LONG_COMMUNE))
    assert combo.currentText() == LONG_COMMUNE
    assert commune_text_width(combo) >= combo.fontMetrics().horizontalAdvance(LONG_COMMUNE)
    name_edit = sender.address_form.name_edit
    assert name_edit.width() >= name_edit.fontMetrics().horizontalAdvance("Nguyễn Thị Hồng Nhung")
    assert outside_the_screen(main) == []


def test_the_message_under_the_checklist_covers_none_of_its_rows(qtbot, services, main):
    intake = shown_intake(main)
    intake.picker.set_procedure(services.procedures.get("1.000894"))  # three papers
    intake._show_all = True  # as after a refused save: every message shown
    intake.validate()
    message, checklist = intake.components_message, intake.checklist
    qtbot.waitUntil(message.isVisible)

    def clear_of_the_rows() -> bool:  # once the layouts have taken in the new message
        top = message.mapTo(main, QPoint(0, 0)).y()
        bottom = checklist.mapTo(main, QPoint(0, checklist.height())).y()
        return top >= bottom and checklist.viewport().height() >= 3 * checklist.rowHeight(0)

    qtbot.waitUntil(clear_of_the_rows, timeout=2000)


def test_a_field_below_the_scrolled_part_comes_into_sight_with_the_cursor(qtbot, services, main):
    intake = shown_intake(main)
    intake.picker.set_procedure(services.procedures.get("3.000333"))
    note = intake.note_edit
    qtbot.waitUntil(lambda: not in_sight(note))  # at 1024×768 the column scrolls
    note.setFocus()  # as the first error of a refused save, or a click, puts it there
    qtbot.waitUntil(lambda: in_sight(note))


def test_a_screen_closed_while_its_field_has_the_cursor_raises_nothing(qtbot):
    """A scrolling column watches the application's focus. Deleting it while one of its fields
    has the cursor moves the cursor as the area is being torn down; that must not reach the
    half-deleted area (it raised when the program closed)."""
    import shiboken6
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

    from counter_app.ui.narrow_fit import scrolling_column

    window = QWidget()
    qtbot.addWidget(window)
    inside, outside = QLineEdit(), QLineEdit()
    area = scrolling_column(inside)
    layout = QVBoxLayout(window)
    layout.addWidget(outside)
    layout.addWidget(area)
    window.show()
    window.activateWindow()
    inside.setFocus()
    qtbot.waitUntil(inside.hasFocus)
    shiboken6.delete(area)  # pytest-qt fails the test on an exception raised inside a slot
    qtbot.waitUntil(lambda: not shiboken6.isValid(inside))
