"""The fee window on its own: an exemption with its reason, a receipt already used refused next
to its line while the lines before it stay written, then the retry; a pending receipt given its
number later from the dossier's ledger."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from counter_app.services.dto import FeeLine
from counter_app.ui.fee_dialog import FeeDialog
from counter_app.ui.fee_ledger_dialog import FeeLedgerDialog
from counter_app.ui.fee_rows import HOW_EXEMPT, HOW_PENDING
from counter_devkit.intake import intake as intake_request
from tests.counter_app.ui.helpers import CLERK, type_text, wait_idle

CTRL = Qt.KeyboardModifier.ControlModifier
LINES = (
    FeeLine("le_phi", "Lệ phí đăng ký", 15_000, "at_receipt"),
    FeeLine("phi", "Phí sao lục", 8_000, "at_receipt"),
    FeeLine("le_phi", "Lệ phí cấp giấy", 50_000, "at_return"),
)


@pytest.fixture
def code(services) -> str:
    return services.dossiers.receive(replace(intake_request(), fees=LINES))


def opened(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def choose(row, how: str) -> None:
    row.how_combo.setCurrentIndex(row.how_combo.findData(how))


def test_exempt_then_a_used_receipt_refused_then_retried(qtbot, services, runner, code):
    other = services.dossiers.receive(replace(intake_request(), fees=LINES))
    services.fees.collect(other, "Phí sao lục", clerk=CLERK, receipt="1C26TBL/0000777")
    dialog = opened(qtbot, FeeDialog(services.fees, runner, CLERK, code, "at_receipt"))
    qtbot.waitUntil(lambda: len(dialog.rows) == 2)  # the line due at return is not asked now
    exempt, copy = dialog.rows
    choose(exempt, HOW_EXEMPT)
    type_text(exempt.text_edit, "Người khuyết tật")
    type_text(copy.text_edit, "1C26TBL/0000777")
    qtbot.keyClick(copy.text_edit, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: copy.message.isVisible())
    assert "đã được ghi cho hồ sơ" in copy.message.text()
    assert copy.text_edit.hasFocus() and dialog.isVisible()
    assert dialog.rows == [copy]  # the exemption is written and not asked again
    [written] = services.fees.entries_of(code)
    assert (written.line_name, written.amount, written.note) == (
        "Lệ phí đăng ký", 0, "Người khuyết tật",
    )  # fmt: skip

    copy.text_edit.clear()
    choose(copy, HOW_PENDING)  # the receipt book is not at hand
    qtbot.keyClick(copy.text_edit, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    entries = services.fees.entries_of(code)
    assert [(e.line_name, e.amount, e.pending) for e in entries] == [
        ("Lệ phí đăng ký", 0, False),
        ("Phí sao lục", 8_000, True),
    ]
    give_the_receipt_later(qtbot, services, runner, code)


def give_the_receipt_later(qtbot, services, runner, code: str) -> None:
    ledger = opened(qtbot, FeeLedgerDialog(services.fees, runner, CLERK, code))
    qtbot.waitUntil(lambda: ledger.model.rowCount() == 2)
    assert ledger.model.index(1, 6).data() == "chờ số biên lai"
    ledger.table.selectRow(1)
    qtbot.keyClick(ledger.table, Qt.Key.Key_B, CTRL)
    change = opened(qtbot, ledger.change_dialog)
    type_text(change.text_edit, "1C26TBL/0000778")
    qtbot.keyClick(change.text_edit, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: ledger.model.rowCount() == 3)
    later = ledger.model.entry_at(2)
    assert (later.direction, later.receipt, later.refers_to) == ("receipt", "1C26TBL/0000778", 3)
    assert services.fees.later_receipts([later.refers_to]) == {3: "1C26TBL/0000778"}
    wait_idle(qtbot, runner)


def test_another_amount_than_the_catalogues_needs_its_reason(qtbot, services, runner, code):
    dialog = opened(qtbot, FeeDialog(services.fees, runner, CLERK, code, "at_receipt"))
    qtbot.waitUntil(lambda: len(dialog.rows) == 2)
    first, copies = dialog.rows
    assert copies.amount_spin.value() == 8_000 and not copies.reason_edit.isEnabled()
    type_text(first.text_edit, "1C26TBL/0000901")
    copies.amount_spin.setValue(16_000)  # two copies at 8.000 đ each
    assert copies.reason_edit.isEnabled()
    type_text(copies.text_edit, "1C26TBL/0000902")
    qtbot.keyClick(copies.text_edit, Qt.Key.Key_Return, CTRL)
    assert "ghi lý do" in copies.message.text() and copies.reason_edit.hasFocus()
    assert services.fees.entries_of(code) == []  # nothing written while a row is not ready
    type_text(copies.reason_edit, "2 bản sao")
    qtbot.keyClick(copies.reason_edit, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    entries = services.fees.entries_of(code)
    assert [(e.amount, e.receipt, e.note) for e in entries] == [
        (15_000, "1C26TBL/0000901", None),
        (16_000, "1C26TBL/0000902", "2 bản sao"),
    ]
