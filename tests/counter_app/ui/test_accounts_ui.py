"""Accounts, roles and settings as people use them: the “Tài khoản” menu, the account screen,
switching clerk without quitting, the settings screen, and what each role sees."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from counter_app.services.accounts import SignedInUser
from counter_app.ui.main_window import TAB_INTAKE, TAB_RETURN, MainWindow
from counter_app.ui.shift import Shift
from counter_devkit.intake import PROCEDURE, intake
from counter_devkit.stores import TEST_PASSWORD
from counter_protocol.timefmt import VN_TZ
from tests.counter_app.documents.pdftools import flat, pdf_text
from tests.counter_app.ui.helpers import type_text, wait_idle

NEW_PASSWORD = "Nhung@2026x"


@pytest.fixture
def shifts(qapp) -> Iterator[list[Shift]]:
    """The shifts a test opened; their current windows closed at the end (a switched-away
    window is already gone)."""
    opened: list[Shift] = []
    yield opened
    for shift in opened:
        for widget in (shift.window, shift.login):
            if widget is not None and shiboken6.isValid(widget):
                widget.close()
        shift.deleteLater()
    qapp.processEvents()


@pytest.fixture
def open_window(qtbot, services, runner, shifts):
    def opened(username: str) -> MainWindow:
        """The main window of `username`, opened the way the program does after sign-in."""
        user = services.accounts.sign_in(username, TEST_PASSWORD)
        context = SimpleNamespace(services=services, sync=None)
        shift = Shift(context, runner, services.setup.identity())
        shifts.append(shift)
        window = shift.start(user)
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return window

    return opened


def sign_in_on(qtbot, login, username: str, password: str) -> None:
    type_text(login.username_edit, username)
    type_text(login.password_edit, password)
    qtbot.keyClick(login.password_edit, Qt.Key.Key_Return)


def open_accounts(qtbot, window: MainWindow):
    window.account_menu.accounts_action.trigger()
    dialog = window.account_menu.dialog
    qtbot.waitUntil(lambda: len(dialog.rows) > 0)
    return dialog


def select_account(dialog, username: str) -> None:
    dialog.table.selectRow([a.username for a in dialog.rows].index(username))


def test_a_supervisor_creates_a_clerk_who_takes_over_the_counter(
    qtbot, services, runner, open_window
):
    window = open_window("quantri")
    assert window.account_menu.settings_action.isVisible()
    assert window.account_menu.switch_action.shortcut().toString() == "Ctrl+L"
    dialog = open_accounts(qtbot, window)
    qtbot.keyClick(dialog, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = dialog.form
    assert [form.role_combo.itemText(i) for i in range(form.role_combo.count())] == [
        "Nhân viên tiếp nhận"
    ]
    type_text(form.username_edit, "nhung.nt")
    type_text(form.name_edit, "Nguyễn Thị Nhung")
    type_text(form.passwords.password_edit, NEW_PASSWORD)
    type_text(form.passwords.repeat_edit, NEW_PASSWORD + "x")
    form.ok_button.click()
    assert form.messages["repeat"].text() == "Hai lần nhập mật khẩu không giống nhau."
    form.passwords.repeat_edit.clear()
    type_text(form.passwords.repeat_edit, NEW_PASSWORD)
    form.ok_button.click()
    qtbot.waitUntil(lambda: "nhung.nt" in [a.username for a in dialog.rows])
    assert dialog.message.text() == "Đã tạo tài khoản “nhung.nt”."
    assert dialog.history.item(0, 2).text() == "Tạo tài khoản"
    assert dialog.history.item(0, 1).text() == "Hoàng Văn Quản"
    dialog.reject()

    shift = window.shift
    window.account_menu.switch_action.trigger()
    qtbot.waitUntil(lambda: shift.login is not None and shift.login.isVisible())
    sign_in_on(qtbot, shift.login, "nhung.nt", NEW_PASSWORD)
    qtbot.waitUntil(lambda: shift.window is not None)
    clerk_window = shift.window
    assert clerk_window.user == SignedInUser("nhung.nt", "Nguyễn Thị Nhung", "clerk")
    assert "Nguyễn Thị Nhung" in clerk_window.clerk_label.text()
    assert clerk_window.intake._clerk == "nhung.nt"  # what the next intake is recorded under
    menu = clerk_window.account_menu
    assert not menu.settings_action.isVisible() and not menu.accounts_action.isVisible()
    assert menu.open_settings() is None and menu.open_accounts() is None
    wait_idle(qtbot, runner)
    events = [(e.actor_name, e.action) for e in services.accounts.history(by="cntt")][:2]
    assert events == [("Nguyễn Thị Nhung", "signed_in"), ("Hoàng Văn Quản", "signed_out")]


def locked_clerk_in_the_supervisor_s_dialog(qtbot, services, open_window):
    """canbo locked by five wrong passwords, selected in quantri's accounts dialog."""
    for _ in range(5):
        with pytest.raises(Exception, match=r"không đúng|bị khóa"):
            services.accounts.sign_in("canbo", "sai mật khẩu")
    dialog = open_accounts(qtbot, open_window("quantri"))
    select_account(dialog, "canbo")
    return dialog


def test_a_locked_clerk_is_unlocked_by_a_supervisor(qtbot, services, runner, open_window):
    dialog = locked_clerk_in_the_supervisor_s_dialog(qtbot, services, open_window)
    assert dialog.table.item(dialog.table.currentRow(), 3).text().startswith("Bị khóa đến ")
    assert dialog.buttons["unlock"].isEnabled()
    select_account(dialog, "cntt")  # a supervisor manages clerks only
    assert not dialog.buttons["reset"].isEnabled() and not dialog.buttons["disable"].isEnabled()
    select_account(dialog, "canbo")
    qtbot.keyClick(dialog, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.message.text() == "Đã mở khóa “canbo”.")
    qtbot.waitUntil(lambda: not dialog.buttons["unlock"].isEnabled())
    assert dialog.table.item(dialog.table.currentRow(), 3).text() == "Đang sử dụng"
    wait_idle(qtbot, runner)
    assert services.accounts.sign_in("canbo", TEST_PASSWORD).username == "canbo"


def test_it_staff_see_settings_and_accounts_but_no_intake_or_return(
    qtbot, services, runner, open_window
):
    window = open_window("cntt")
    assert not window.tabs.isTabVisible(TAB_INTAKE) and not window.tabs.isTabVisible(TAB_RETURN)
    assert window.tabs.isTabVisible(window.tabs.currentIndex())
    window.show_tab(TAB_INTAKE)
    assert window.tabs.currentIndex() != TAB_INTAKE
    menu = window.account_menu
    assert menu.settings_action.isVisible() and menu.accounts_action.isVisible()
    wait_idle(qtbot, runner)


def open_settings(qtbot, window: MainWindow):
    qtbot.keyClick(
        QApplication.focusWidget() or window,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = window.account_menu.dialog
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    return dialog


def replace_text(edit, text: str) -> None:
    edit.selectAll()
    edit.del_()
    type_text(edit, text)


def test_new_working_sessions_give_new_appointments(qtbot, services, runner, open_window):
    monday_nine = datetime(2026, 12, 7, 9, 0, tzinfo=VN_TZ)

    def due() -> datetime:  # what the intake screen's live appointment asks
        return services.calendar.due(monday_nine, Decimal(4), "working_hours", None)

    assert due() == datetime(2026, 12, 7, 15, 0, tzinfo=VN_TZ)  # 07:00-11:30, 13:30-17:00
    window = open_window("cntt")
    dialog = open_settings(qtbot, window)
    assert dialog.sessions_edit.text() == "07:00-11:30,13:30-17:00"
    replace_text(dialog.sessions_edit, "7h-11h")
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.messages["sessions"].isVisible())
    assert "Giờ làm việc không hợp lệ" in dialog.messages["sessions"].text()
    assert dialog.sessions_edit.hasFocus()
    replace_text(dialog.sessions_edit, "07:00-12:00,13:00-17:00")
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.message.text() == "Đã lưu cài đặt.")
    assert not dialog.messages["sessions"].isVisible()
    assert due() == datetime(2026, 12, 7, 14, 0, tzinfo=VN_TZ)
    assert services.settings.current().sessions == "07:00-12:00,13:00-17:00"
    wait_idle(qtbot, runner)


def test_the_place_name_set_on_screen_is_printed_on_the_slip(qtbot, services, runner, open_window):
    window = open_window("quantri")
    dialog = open_settings(qtbot, window)
    assert dialog.place_edit.text() == "Hà Tĩnh"
    replace_text(dialog.place_edit, "")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.messages["place_name"].isVisible())
    assert dialog.messages["place_name"].text() == "Địa danh ghi trên phiếu: 1 đến 60 ký tự."
    type_text(dialog.place_edit, "Đức Thọ")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.message.text() == "Đã lưu cài đặt.")
    wait_idle(qtbot, runner)
    code = services.dossiers.receive(intake())
    text = flat(pdf_text(services.slips.render_for(code)))
    assert "Đức Thọ, ngày" in text and "Hà Tĩnh, ngày" not in text
    change = services.accounts.history(by="cntt")[0]
    assert (change.actor_name, change.subject, change.detail) == (
        "Hoàng Văn Quản",
        "slip.place_name",
        "Hà Tĩnh → Đức Thọ",
    )


def test_the_default_printer_is_chosen_from_qts_list_and_remembered(qtbot, services, runner):
    from counter_app.ui.printing import chosen_printer
    from counter_app.ui.settings_dialog import SettingsDialog

    printers = ["HP LaserJet M404", "Canon LBP2900"]
    dialog = SettingsDialog(services.settings, runner, "cntt", printers=printers)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.save_button.isEnabled)
    names = [dialog.printer_combo.itemText(i) for i in range(dialog.printer_combo.count())]
    assert names == ["(máy in mặc định của hệ thống)", *printers]
    dialog.printer_combo.setCurrentIndex(2)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.message.text() == "Đã lưu cài đặt.")
    assert services.settings.current().printer == "Canon LBP2900"
    assert chosen_printer() == "Canon LBP2900"  # preselected in the print dialog
    elsewhere = SettingsDialog(services.settings, runner, "cntt", printers=[])
    qtbot.addWidget(elsewhere)
    qtbot.waitUntil(elsewhere.save_button.isEnabled)
    assert elsewhere.printer_combo.currentText() == "Canon LBP2900 (không thấy trên máy này)"
    wait_idle(qtbot, runner)


def test_a_clerk_saving_settings_is_refused_by_the_service(qtbot, services, runner):
    from counter_app.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(services.settings, runner, "canbo", printers=[])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.save_button.isEnabled)
    replace_text(dialog.place_edit, "Can Lộc")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.message.kind == "error")
    assert dialog.message.text().startswith(
        "Nhân viên tiếp nhận không có quyền thay đổi cài đặt của quầy."
    )
    assert services.settings.current().place_name == "Hà Tĩnh"


def test_a_receipt_roll_chosen_on_screen_prints_the_slip_80_mm_wide(qtbot, services, runner):
    from counter_app.ui.settings_dialog import SettingsDialog
    from tests.counter_app.documents.pdftools import decode, page_size_pt, rasterise

    dialog = SettingsDialog(services.settings, runner, "quantri", printers=[])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.save_button.isEnabled)
    dialog.slip_combo.setCurrentIndex(dialog.slip_combo.findData("receipt"))
    assert dialog.slip_combo.currentText() == "Giấy cuộn máy in hóa đơn (rộng 80 mm)"
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.message.text() == "Đã lưu cài đặt.")
    wait_idle(qtbot, runner)
    code = services.dossiers.receive(intake())
    pdf = services.slips.render_for(code)
    assert round(page_size_pt(pdf)[0]) == 227  # 80 mm
    assert code in flat(pdf_text(pdf, 1))
    found = {d.format: d.text for d in decode(rasterise(pdf, 1, dpi=300))}
    assert found.get("Code128") == code


def test_a_clerk_changes_their_own_password(qtbot, services, runner, open_window):
    window = open_window("canbo")
    qtbot.keyClick(
        QApplication.focusWidget() or window,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    form = window.account_menu.dialog
    qtbot.waitUntil(lambda: form is not None and form.isVisible())
    type_text(form.old_edit, "sai mật khẩu")
    type_text(form.passwords.password_edit, NEW_PASSWORD)
    type_text(form.passwords.repeat_edit, NEW_PASSWORD)
    form.ok_button.click()
    qtbot.waitUntil(lambda: form.messages["old_password"].isVisible())
    assert form.messages["old_password"].text() == "Mật khẩu hiện tại không đúng."
    assert form.old_edit.hasFocus()
    replace_text(form.old_edit, TEST_PASSWORD)
    form.ok_button.click()
    qtbot.waitUntil(lambda: not form.isVisible())
    wait_idle(qtbot, runner)
    assert services.accounts.sign_in("canbo", NEW_PASSWORD).username == "canbo"
    changed = services.accounts.history(by="cntt")[1]
    assert (changed.actor_name, changed.action_name) == ("Nguyễn Thị Hồng Nhung", "Tự đổi mật khẩu")


def test_a_clerk_whose_password_was_reset_chooses_a_new_one_before_working(
    qtbot, services, runner, open_window
):
    window = open_window("quantri")
    dialog = open_accounts(qtbot, window)
    select_account(dialog, "canbo")
    qtbot.keyClick(dialog, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    form = dialog.form
    type_text(form.passwords.password_edit, NEW_PASSWORD)
    type_text(form.passwords.repeat_edit, NEW_PASSWORD)
    form.ok_button.click()
    qtbot.waitUntil(lambda: dialog.message.text() == "Đã đặt lại mật khẩu của “canbo”.")

    def state_of_canbo() -> str:
        return dialog.table.item([a.username for a in dialog.rows].index("canbo"), 3).text()

    qtbot.waitUntil(lambda: state_of_canbo() == "Đang sử dụng, chờ người dùng đổi mật khẩu")
    assert dialog.history.item(0, 4).text() == "người dùng phải đổi mật khẩu khi đăng nhập"
    dialog.reject()

    shift = window.shift
    window.account_menu.switch_action.trigger()
    qtbot.waitUntil(lambda: shift.login is not None and shift.login.isVisible())
    login = shift.login
    sign_in_on(qtbot, login, "canbo", NEW_PASSWORD)
    qtbot.waitUntil(lambda: login.new_password is not None and login.new_password.isVisible())
    qtbot.keyClick(login.new_password, Qt.Key.Key_Escape)  # gives up: nobody is signed in
    qtbot.waitUntil(lambda: login.message.kind == "error")
    assert "Phải chọn mật khẩu mới trước khi làm việc" in login.message.text()
    assert shift.window is None and login.user is None and login.isVisible()
    assert login.password_edit.text() == ""
    qtbot.waitUntil(login.password_edit.hasFocus)

    type_text(login.password_edit, NEW_PASSWORD)
    qtbot.keyClick(login.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: login.new_password is not None and login.new_password.isVisible())
    forced = login.new_password
    assert "vừa được quản trị đặt lại" in forced.intro.text()
    type_text(forced.passwords.password_edit, NEW_PASSWORD)
    type_text(forced.passwords.repeat_edit, NEW_PASSWORD)
    forced.ok_button.click()
    qtbot.waitUntil(lambda: forced.messages["password"].isVisible())
    assert forced.messages["password"].text() == "Mật khẩu mới phải khác mật khẩu cũ."
    assert shift.window is None
    mine = "RiengToi@2026"
    forced.passwords.password_edit.clear()
    forced.passwords.repeat_edit.clear()
    type_text(forced.passwords.password_edit, mine)
    type_text(forced.passwords.repeat_edit, mine)
    qtbot.keyClick(forced, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: shift.window is not None)
    assert shift.window.user == SignedInUser("canbo", "Nguyễn Thị Hồng Nhung", "clerk")
    wait_idle(qtbot, runner)
    assert not services.accounts.sign_in("canbo", mine).must_change_password
    changed = [e for e in services.accounts.history(by="cntt") if e.action == "password_changed"]
    assert (changed[0].actor_name, changed[0].detail) == (
        "Nguyễn Thị Hồng Nhung",
        "sau khi được đặt lại",
    )


def test_the_duplicate_window_set_on_screen_decides_when_intake_asks(
    qtbot, services, runner, open_window
):
    first = services.dossiers.receive(intake())
    assert services.dossiers.same_day_intakes("042195123456", PROCEDURE) == [first]
    window = open_window("cntt")
    dialog = open_settings(qtbot, window)
    spin = dialog.duplicate_spin
    assert (spin.value(), spin.text()) == (1, "1 ngày, kể cả hôm nay")
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_Down)  # down to 0: never ask
    assert spin.text() == "không hỏi"
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.message.text() == "Đã lưu cài đặt.")
    wait_idle(qtbot, runner)
    assert services.dossiers.same_day_intakes("042195123456", PROCEDURE) == []
    change = services.accounts.history(by="cntt")[0]
    assert (change.subject, change.detail) == ("intake.duplicate_days", "1 → 0")
