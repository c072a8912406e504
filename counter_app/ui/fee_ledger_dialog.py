"""Phí, lệ phí của hồ sơ: every ledger entry of one dossier; collect what is still owed, give a
pending entry its receipt number, refund or correct an entry. Each is a new entry pointing at
the one it is about: an entry is never edited (docs/domain.md §11)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.fee_ledger import Direction
from counter_app.ui.fee_dialog import FeeDialog
from counter_app.ui.fee_rows import FeeDesk, dong_spin
from counter_app.ui.fees_view import EntriesModel, rows_table
from counter_app.ui.i18n import tr
from counter_app.ui.qt_compat import emit
from counter_app.ui.widgets import FieldMessage, MessageBar, error_text, with_message
from counter_app.ui.window_fit import fit_window

if TYPE_CHECKING:
    from counter_app.services.fee_entries import EntryView
    from counter_app.ui.tasks import TaskRunner

COLLECT_KEY, REFUND_KEY, CORRECT_KEY, RECEIPT_KEY = "Ctrl+T", "Ctrl+H", "Ctrl+J", "Ctrl+B"
SAVE_KEYS = ("Ctrl+Return", "Ctrl+Enter")


class FeeLedger(FeeDesk, Protocol):
    """What the dialog asks of the FeeService."""

    def entries_of(self, code: str) -> list[EntryView]: ...

    def refund(
        self, entry_id: int, *, clerk: str, reason: str, amount: int | None = ...
    ) -> EntryView: ...

    def correct(self, entry_id: int, delta: int, *, clerk: str, reason: str) -> EntryView: ...

    def attach_receipt(self, entry_id: int, receipt: str, *, clerk: str) -> EntryView: ...


@dataclass(frozen=True)
class EntryChange:
    """A refund, a correction or a late receipt number, as the clerk typed it."""

    kind: str  # REFUND_KEY, CORRECT_KEY or RECEIPT_KEY
    entry_id: int
    amount: int
    text: str  # the reason, or the receipt number


def apply_change(ledger: FeeLedger, change: EntryChange, clerk: str) -> EntryView:
    """Runs on the store lane: the new entry the change makes."""
    if change.kind == REFUND_KEY:
        return ledger.refund(change.entry_id, clerk=clerk, reason=change.text, amount=change.amount)
    if change.kind == CORRECT_KEY:
        return ledger.correct(change.entry_id, change.amount, clerk=clerk, reason=change.text)
    return ledger.attach_receipt(change.entry_id, change.text, clerk=clerk)


class ChangeDialog(QDialog):
    """The few fields of one change: an amount (not for a receipt number) and a text."""

    def __init__(self, kind: str, entry: EntryView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind, self.entry = kind, entry
        titles = {
            REFUND_KEY: tr("Hoàn trả"),
            CORRECT_KEY: tr("Điều chỉnh"),
            RECEIPT_KEY: tr("Bổ sung số biên lai"),
        }
        self.setWindowTitle(
            tr("{value} — lần ghi số {id} ({line_name})").format(
                value=titles[kind], id=entry.id, line_name=entry.line_name
            )
        )
        self.amount_spin = dong_spin(-10_000_000)
        self.amount_spin.setValue(entry.amount if kind == REFUND_KEY else 0)
        self.text_edit = QLineEdit()
        self.text_edit.setPlaceholderText(
            tr("Ký hiệu/số biên lai, ví dụ 1C26TBL/0000123") if kind == RECEIPT_KEY else tr("Lý do")
        )
        self.text_message = FieldMessage()
        self.save_button = QPushButton(tr("Ghi (Ctrl+Enter)"))
        form = QFormLayout(self)
        if kind != RECEIPT_KEY:
            label = tr("Số tiền hoàn:") if kind == REFUND_KEY else tr("Số tiền điều chỉnh (+/−):")
            form.addRow(label, self.amount_spin)
        text_label = tr("Số biên lai:") if kind == RECEIPT_KEY else tr("Lý do:")
        form.addRow(text_label, with_message(self.text_edit, self.text_message))
        form.addRow(self.save_button)
        self.save_button.clicked.connect(self.try_accept)
        for keys in SAVE_KEYS:
            QShortcut(QKeySequence(keys), self, self.try_accept)
        self.text_edit.setFocus()

    def try_accept(self) -> None:
        """Closes only with its text given; otherwise the message under it, the cursor in it."""
        if self.text_edit.text().strip():
            self.accept()
            return
        wanted = tr("Nhập ký hiệu/số biên lai.") if self.kind == RECEIPT_KEY else tr("Ghi lý do.")
        self.text_message.show_issue(wanted, True)
        self.text_edit.setFocus()

    def change(self) -> EntryChange:
        return EntryChange(
            self.kind, self.entry.id, self.amount_spin.value(), self.text_edit.text().strip()
        )


class FeeLedgerDialog(QDialog):
    """Loaded on open and after each change. Signals: changed(str) when an entry was added."""

    changed = Signal(str)

    def __init__(
        self,
        ledger: FeeLedger,
        runner: TaskRunner,
        clerk: str,
        code: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ledger, self._runner, self._clerk, self.code = ledger, runner, clerk, code
        self.setWindowTitle(tr("Phí, lệ phí của hồ sơ {code}").format(code=code))
        self.fee_dialog: FeeDialog | None = None
        self.change_dialog: ChangeDialog | None = None
        self.model = EntriesModel(self)
        self.table = rows_table(self.model, stretch=2)
        self.message = MessageBar()
        self.buttons = {
            COLLECT_KEY: QPushButton(
                tr("Thu khoản còn nợ ({COLLECT_KEY})").format(COLLECT_KEY=COLLECT_KEY)
            ),
            RECEIPT_KEY: QPushButton(
                tr("Bổ sung số biên lai ({RECEIPT_KEY})").format(RECEIPT_KEY=RECEIPT_KEY)
            ),
            REFUND_KEY: QPushButton(tr("Hoàn trả ({REFUND_KEY})").format(REFUND_KEY=REFUND_KEY)),
            CORRECT_KEY: QPushButton(
                tr("Điều chỉnh ({CORRECT_KEY})").format(CORRECT_KEY=CORRECT_KEY)
            ),
        }
        self._layout()
        for key, button in self.buttons.items():
            act = self.collect if key == COLLECT_KEY else self._asker(key)
            button.clicked.connect(act)
            QShortcut(QKeySequence(key), self, act)
        fit_window(self, "fee_ledger", 1100, 480)
        self.load()

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        for button in self.buttons.values():
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)

    def _asker(self, kind: str) -> Any:
        return lambda: self.ask_change(kind)

    def load(self) -> None:
        ledger, code = self._ledger, self.code
        self._runner.run_db(lambda: ledger.entries_of(code), self._show, self._failed, owner=self)

    def _show(self, entries: list[EntryView]) -> None:
        self.model.set_entries(entries)
        if entries:
            self.table.selectRow(len(entries) - 1)
        self.table.setFocus()

    def _failed(self, error: BaseException) -> None:
        self.message.show_message("error", error_text(error))

    def selected(self) -> EntryView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.entry_at(rows[0].row()) if rows else None

    def collect(self) -> None:
        dialog = self.fee_dialog = FeeDialog(
            self._ledger, self._runner, self._clerk, self.code, None, self
        )
        dialog.recorded.connect(lambda _code: self._changed(tr("Đã ghi lần thu.")))
        dialog.open()

    def ask_change(self, kind: str) -> None:
        entry = self.selected()
        if entry is None or entry.direction == Direction.RECEIPT:
            self.message.show_message("error", tr("Chọn một lần thu trong bảng trước."))
            self.table.setFocus()
            return
        dialog = self.change_dialog = ChangeDialog(kind, entry, self)
        dialog.accepted.connect(lambda: self._apply(dialog.change()))
        dialog.open()

    def _apply(self, change: EntryChange) -> None:
        ledger, clerk = self._ledger, self._clerk
        self._runner.run_db(
            lambda: apply_change(ledger, change, clerk),
            lambda entry: self._changed(tr("Đã ghi thêm lần số {id}.").format(id=entry.id)),
            self._failed,
            owner=self,
        )

    def _changed(self, text: str) -> None:
        self.message.show_message("success", text)
        emit(self.changed, self.code)
        self.load()

    def keyPressEvent(self, event: Any) -> None:  # Qt override: Enter never closes the ledger
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return
        super().keyPressEvent(event)
