"""Fees as a clerk takes them: at receipt after the slip (a receipt number typed, postage apart
and pending), at return before the result goes, a refund from the dossier's detail, and the day's
cash report whose printed total is the sum of its printed lines."""

from __future__ import annotations

import re
import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from counter_app.domain.fee_ledger import signed_amount
from counter_app.domain.vntime import now_vn
from counter_app.ui.lazy_page import current_content
from counter_app.ui.main_window import TAB_INTAKE, TAB_RETURN, MainWindow
from counter_devkit.stores import TEST_PASSWORD
from counter_protocol.timefmt import to_vn
from tests.counter_app.ui.helpers import CLERK, type_text, wait_idle
from tests.counter_app.ui.test_intake import pick_procedure, scan_card, tick_all_components
from tests.counter_app.ui.test_main_window import back_to
from tests.counter_app.ui.test_return import ready_dossier

CTRL = Qt.KeyboardModifier.ControlModifier
LAND = "1.013978"  # 100.000 đ lệ phí collected at return


@pytest.fixture
def window(qtbot, services, runner) -> MainWindow:
    user = services.accounts.sign_in(CLERK, TEST_PASSWORD)
    main = MainWindow(services, runner, user, services.setup.identity())
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    back_to(qtbot, main)
    main.show_tab(TAB_INTAKE)
    return main


def ctrl_enter(qtbot, widget) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_Return, CTRL)


def receive_with_fee_at_receipt(qtbot, window: MainWindow) -> str:
    intake = window.intake
    scan_card(qtbot, intake)
    pick_procedure(qtbot, intake, "chung thuc ban sao")
    assert "sau khi lưu" in intake.fees.when_label.text()
    tick_all_components(qtbot, intake)
    qtbot.keyClick(intake.checklist, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: intake.preview is not None, timeout=15_000)
    code = intake.preview.code
    intake.preview.close()  # the slip handed over: the fee window comes next
    return code


def collect_at_receipt(qtbot, window: MainWindow, services, code: str) -> None:
    qtbot.waitUntil(lambda: window.office.fee_dialog is not None)
    dialog = window.office.fee_dialog
    back_to(qtbot, dialog)
    qtbot.waitUntil(lambda: len(dialog.rows) == 1)
    row = dialog.rows[0]
    assert row.text_edit.hasFocus()
    ctrl_enter(qtbot, row.text_edit)  # no receipt typed: refused under the field
    assert row.message.isVisible() and "biên lai" in row.message.text()
    assert services.fees.entries_of(code) == []
    type_text(row.text_edit, "1c26tbl/0000101")
    dialog.postage.amount_spin.setValue(25_000)
    dialog.postage.how_combo.setCurrentIndex(1)  # the postage receipt book is not at hand
    ctrl_enter(qtbot, row.text_edit)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    entries = services.fees.entries_of(code)
    assert [(e.kind, e.amount, e.receipt, e.pending) for e in entries] == [
        ("le_phi", 2_000, "1C26TBL/0000101", False),
        ("postage", 25_000, None, True),
    ]


def collect_at_return(qtbot, window: MainWindow, code: str) -> None:
    back_to(qtbot, window)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F4)
    assert window.tabs.currentIndex() == TAB_RETURN
    returns = window.returns
    type_text(returns.scan_edit, code)
    qtbot.keyClick(returns.scan_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: returns.detail is not None)
    qtbot.keyClick(returns.scan_edit, Qt.Key.Key_F9)  # fees first
    assert returns.message.kind == "error" and "Ctrl+T" in returns.message.text()
    qtbot.keyClick(returns.scan_edit, Qt.Key.Key_T, CTRL)
    dialog = returns.fee_dialog
    back_to(qtbot, dialog)
    qtbot.waitUntil(lambda: len(dialog.rows) == 1)
    type_text(dialog.rows[0].text_edit, "1C26TBL/0000102")
    ctrl_enter(qtbot, dialog.rows[0].text_edit)
    qtbot.waitUntil(lambda: returns.fees_collected)
    back_to(qtbot, window)
    qtbot.keyClick(returns.scan_edit, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: returns.message.kind == "success")


def refund_from_the_detail(qtbot, window: MainWindow, services, code: str) -> None:
    window.open_dossier(code)
    detail = window.detail_dialog
    qtbot.waitUntil(lambda: detail.detail is not None)
    back_to(qtbot, detail)
    qtbot.keyClick(detail.events_table, Qt.Key.Key_T, CTRL)
    ledger = detail.fee_ledger
    back_to(qtbot, ledger)
    qtbot.waitUntil(lambda: ledger.model.rowCount() == 2)
    ledger.table.selectRow(0)  # the 2.000 đ lệ phí
    qtbot.keyClick(ledger.table, Qt.Key.Key_H, CTRL)
    change = ledger.change_dialog
    back_to(qtbot, change)
    assert change.amount_spin.value() == 2_000
    ctrl_enter(qtbot, change.text_edit)  # no reason: refused under the field, nothing written
    assert change.isVisible() and change.text_message.text() == "Ghi lý do."
    assert change.text_edit.hasFocus()
    type_text(change.text_edit, "Người dân nộp nhầm thủ tục")
    ctrl_enter(qtbot, change.text_edit)
    qtbot.waitUntil(lambda: ledger.model.rowCount() == 3)
    refund = ledger.model.entry_at(2)
    assert (refund.direction, refund.amount, refund.refers_to) == ("refund", 2_000, 1)
    assert ledger.model.entry_at(0).amount == 2_000  # the original is never edited
    ledger.close()
    detail.close()


def report_lines(pdf: bytes) -> tuple[list[str], str]:
    done = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True)
    text = done.stdout.decode("utf-8")
    rows = [
        " ".join(line.split()) for line in text.splitlines() if re.match(r"^ *\d\d:\d\d ", line)
    ]
    return rows, " ".join(text.split())


def dong(text: str) -> int:
    return int(text.replace(".", ""))


def test_fees_at_receipt_and_return_add_up_in_the_days_cash_report(qtbot, window, services, runner):
    code = receive_with_fee_at_receipt(qtbot, window)
    collect_at_receipt(qtbot, window, services, code)
    land = ready_dossier(services, procedure=LAND)
    collect_at_return(qtbot, window, land)
    refund_from_the_detail(qtbot, window, services, code)

    back_to(qtbot, window)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F10)
    fees = window.office.fees
    assert current_content(window.tabs) is fees
    qtbot.waitUntil(lambda: fees.model.rowCount() == 4)
    entries = services.fees.day_entries(now_vn().date(), CLERK)
    total = sum(signed_amount(e) for e in entries)
    assert total == 2_000 + 25_000 + 100_000 - 2_000
    assert "Tổng thực thu: 125.000 đ" in fees.total_label.text()
    clerk_column = fees.model.HEADERS.index("Cán bộ")
    shown = {fees.model.index(r, clerk_column).data() for r in range(fees.model.rowCount())}
    assert shown == {"Nguyễn Thị Hồng Nhung"}  # the person, not the username `canbo`
    when = fees.model.index(0, 0).data()
    assert when == f"{to_vn(entries[0].at):%d/%m/%Y %H:%M}"

    qtbot.keyClick(fees.table, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(lambda: fees.preview is not None, timeout=15_000)
    rows, text = report_lines(fees.preview.pdf)
    assert len(rows) == 4
    assert sum(dong(row.split()[-1]) for row in rows) == total
    assert "Tổng cộng: 125.000 đồng" in text
    assert code in text and land in text
    assert "1C26TBL/0000101" in text and "1C26TBL/0000102" in text
    assert "1 khoản đang chờ số biên lai" in text
    fees.preview.close()
    back_to(qtbot, window)
    fees.table.setFocus()
    fees.table.setCurrentIndex(fees.model.index(2, 0))  # the fee taken at return
    qtbot.keyClick(fees.table, Qt.Key.Key_Return)  # opens its dossier, for a refund there
    qtbot.waitUntil(lambda: window.detail_dialog is not None and window.detail_dialog.code == land)
    window.detail_dialog.close()
    wait_idle(qtbot, runner)


def test_no_fee_window_after_the_letter_asking_for_papers(qtbot, window, services, runner):
    intake = window.intake
    scan_card(qtbot, intake)
    pick_procedure(qtbot, intake, "chung thuc ban sao")
    assert intake.checklist_model.missing_required()  # nothing ticked: Mẫu 02
    qtbot.keyClick(intake.checklist, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: intake.preview is not None, timeout=15_000)
    code = intake.preview.code
    intake.preview.close()
    wait_idle(qtbot, runner)
    assert window.office.fee_dialog is None
    assert [o.owed for o in services.fees.owed(code)] == [2_000]  # owed once it is received
