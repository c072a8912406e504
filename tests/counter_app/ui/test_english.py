"""With English chosen, every screen a clerk opens shows no Vietnamese but data.

Each screen is opened the way a clerk opens it, after `install_language(app, "en")`; every word
it shows (tests/counter_app/ui/english.py) must be English once the data in it is taken out.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from counter_app.ui.i18n import install_language, tr
from counter_app.ui.main_window import TAB_INTAKE, TAB_LATE, TAB_LIST, TAB_REPORT, TAB_RETURN
from counter_devkit.stores import TEST_PASSWORD
from tests.counter_app.ui.english import assert_english, is_vietnamese, store_texts, untranslated
from tests.counter_app.ui.helpers import ADMIN, wait_idle


@pytest.fixture
def english(qapp) -> Iterator[None]:
    install_language(qapp, "en")
    yield
    install_language(qapp, "vi")


def open_main(qtbot, services, runner, sync=None):
    from counter_app.ui.main_window import MainWindow

    user = services.accounts.sign_in(ADMIN, TEST_PASSWORD)  # sees every tab and menu
    window = MainWindow(services, runner, user, services.setup.identity(), sync=sync)
    shown(qtbot, runner, window)
    return window


@pytest.fixture
def main(qtbot, english, services, runner):
    return open_main(qtbot, services, runner)


def shown(qtbot, runner, window) -> None:
    qtbot.addWidget(window)
    window.show()
    wait_idle(qtbot, runner)


def test_the_check_sees_vietnamese_and_lets_data_through(qtbot, english, data_dir):
    from PySide6.QtWidgets import QLabel

    assert tr("Đăng nhập") == "Log in"  # the translation is loaded at all
    assert is_vietnamese("Hồ sơ") and is_vietnamese("đ") and not is_vietnamese("Dossier")
    label = QLabel("Tiếp nhận")
    qtbot.addWidget(label)
    data = store_texts(data_dir)
    assert untranslated(label, data) == ["QLabel: 'Tiếp nhận'"]
    label.setText(f"Province: {sorted(data)[0]}")
    assert untranslated(label, data) == []


def test_every_tab_of_the_main_window_is_english(qtbot, main, runner, data_dir):
    for tab in (TAB_INTAKE, TAB_LIST, TAB_RETURN, TAB_LATE, TAB_REPORT):
        main.show_tab(tab)
        wait_idle(qtbot, runner)
    for index in range(main.tabs.count()):
        main.tabs.setCurrentIndex(index)
        wait_idle(qtbot, runner)
    assert_english(main, data_dir)


def test_the_dossier_detail_and_the_slip_preview_are_english(
    qtbot, main, services, runner, data_dir
):
    from counter_app.ui.slip_preview import SlipPreviewDialog
    from counter_devkit.intake import intake as intake_request

    code = services.dossiers.receive(intake_request())
    preview = SlipPreviewDialog(services.slips.render_for(code), code)
    shown(qtbot, runner, preview)
    assert_english(preview, data_dir)
    main.open_dossier(code)
    qtbot.waitUntil(lambda: main.detail_dialog is not None and main.detail_dialog.detail)
    wait_idle(qtbot, runner)
    assert_english(main.detail_dialog, data_dir)


def test_the_sync_window_and_the_enrol_dialog_are_english(qtbot, english, data_dir, runner):
    from counter_app.app import build_context
    from counter_app.ui.enrol_dialog import EnrolDialog

    context = build_context(str(data_dir))
    main = open_main(qtbot, context.services, runner, sync=context.sync)
    try:
        main.start_sync()
        controller = main.sync_controller
        qtbot.waitUntil(lambda: controller.status is not None, timeout=10_000)
        sync = main.open_sync_window()
        shown(qtbot, runner, sync)
        assert_english(sync, data_dir)
        enrol = EnrolDialog(controller, runner, sync)
        shown(qtbot, runner, enrol)
        assert_english(enrol, data_dir)
        assert_english(main, data_dir)  # the status bar's sync line
    finally:
        main.sync_controller.stop()
        main.close()
        context.close()


def test_the_settings_and_accounts_dialogs_are_english(qtbot, main, services, runner, data_dir):
    from counter_app.ui.settings_dialog import SettingsDialog

    settings = SettingsDialog(services.settings, runner, ADMIN, printers=[])
    shown(qtbot, runner, settings)
    assert_english(settings, data_dir)
    accounts = main.account_menu.open_accounts()
    assert accounts is not None
    shown(qtbot, runner, accounts)
    assert_english(accounts, data_dir)


def test_the_login_and_setup_screens_are_english(
    qtbot, english, services, runner, blank_services, blank_runner, data_dir, tmp_path
):
    from counter_app.ui.login import LoginDialog
    from counter_app.ui.setup_wizard import SetupWizard

    login = LoginDialog(services.accounts, runner, "Quầy số 1")
    shown(qtbot, runner, login)
    assert_english(login, data_dir)
    wizard = SetupWizard(blank_services.setup, blank_runner)
    shown(qtbot, blank_runner, wizard)
    assert_english(wizard, tmp_path / "blank")


def test_every_step_fee_account_and_visit_dialog_is_english(
    qtbot, main, services, runner, data_dir
):
    from counter_app.ui.account_forms import (
        ChangePasswordDialog,
        NewAccountDialog,
        ResetPasswordDialog,
    )
    from counter_app.ui.detail_actions import step_context
    from counter_app.ui.fee_dialog import FeeDialog
    from counter_app.ui.fee_ledger_dialog import FeeLedgerDialog
    from counter_app.ui.step_dialog import StepDialog
    from counter_app.ui.step_specs import SPEC_BY_ACTION
    from counter_app.ui.visit_dialog import VisitDialog
    from counter_devkit.intake import intake as intake_request

    code = services.dossiers.receive(intake_request())  # with a fee due at intake
    detail = services.details.get(code)
    dialogs = [
        StepDialog(spec, step_context(detail, action, main.user))
        for action, spec in SPEC_BY_ACTION.items()
    ]
    dialogs += [
        FeeDialog(services.fees, runner, ADMIN, code, "at_receipt"),
        FeeLedgerDialog(services.fees, runner, ADMIN, code),
        NewAccountDialog(lambda *_: None, ["clerk", "supervisor", "it"], runner),
        ChangePasswordDialog(lambda *_: None, runner),
        ResetPasswordDialog(lambda *_: None, main.user.full_name, runner),
        VisitDialog(services.home_visits, services.procedures, services.accounts, runner, ADMIN),
    ]
    for dialog in dialogs:
        shown(qtbot, runner, dialog)
        assert_english(dialog, data_dir)
        dialog.close()


def test_intake_and_return_in_use_are_english(qtbot, main, services, runner, data_dir):
    from tests.counter_app.ui.test_intake import pick_procedure, scan_card
    from tests.counter_app.ui.test_return import ready_dossier, scan_slip

    main.show_tab(TAB_INTAKE)
    main.intake.focus_first_field()
    scan_card(qtbot, main.intake)
    pick_procedure(qtbot, main.intake, "chung thuc")  # papers not ticked: the missing list shows
    wait_idle(qtbot, runner)
    assert_english(main.intake, data_dir)
    main.show_tab(TAB_RETURN)
    main.returns.focus_first_field()
    scan_slip(qtbot, main.returns, ready_dossier(services))
    wait_idle(qtbot, runner)
    assert_english(main.returns, data_dir)
