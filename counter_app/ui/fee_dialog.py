"""Thu phí, lệ phí: each line the dossier owes now, collected against the receipt the clerk wrote
(series/number typed from the paper, never made up), kept as "chờ số biên lai" when the receipt
book is not at hand, or recorded exempt with its reason; postage apart (docs/domain.md §11)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.fee_ledger import FeeKind
from counter_app.domain.kinds import FeeCollection
from counter_app.ui.fee_rows import (
    FeeAction,
    FeeDesk,
    FeeLineRow,
    PostageRow,
    Recorded,
    RowProblem,
    lines_owed_now,
    record_actions,
)
from counter_app.ui.i18n import QT_TR_NOOP, tr
from counter_app.ui.intake_sections import money
from counter_app.ui.qt_compat import emit
from counter_app.ui.widgets import MessageBar, error_text, with_message
from counter_app.ui.window_fit import fit_window

if TYPE_CHECKING:
    from counter_app.services.fee_entries import OwedLine
    from counter_app.ui.tasks import TaskRunner

MOMENT_TITLES: dict[str | None, str] = {
    FeeCollection.AT_RECEIPT: QT_TR_NOOP("Thu phí, lệ phí khi tiếp nhận"),
    FeeCollection.AT_RETURN: QT_TR_NOOP("Thu phí, lệ phí khi trả kết quả"),
}
SAVE_KEY = "Ctrl+Return"
LINE_HEADERS = (
    QT_TR_NOOP("Khoản"),
    QT_TR_NOOP("Loại"),
    QT_TR_NOOP("Mức thu"),
    QT_TR_NOOP("Số tiền thu"),
    QT_TR_NOOP("Cách ghi"),
    QT_TR_NOOP("Biên lai / lý do miễn"),
    QT_TR_NOOP("Lý do khác mức"),
)


class FeeDialog(QDialog):
    """Loads what the dossier owes now; Ctrl+Enter writes every row; Esc closes (owed kept).

    Signals:
        recorded(str): the dossier's code, after entries were written (the dialog then closes).
    """

    recorded = Signal(str)

    def __init__(
        self,
        desk: FeeDesk,
        runner: TaskRunner,
        clerk: str,
        code: str,
        moment: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk, self._runner, self._clerk, self.code = desk, runner, clerk, code
        self._moment = moment
        self.rows: list[FeeLineRow] = []
        self.postage = PostageRow()
        title = tr(MOMENT_TITLES.get(moment, QT_TR_NOOP("Thu phí, lệ phí")))
        self.setWindowTitle(tr("{title} — hồ sơ {code}").format(title=title, code=code))
        self.lines_box = QGroupBox(tr("Các khoản phải thu"))
        self.lines_grid = QGridLayout(self.lines_box)
        self.message = MessageBar()
        self.save_button = QPushButton(
            tr("Ghi nhận ({keys})").format(keys=SAVE_KEY.replace("Return", "Enter"))
        )
        self.save_button.setStyleSheet("font-weight: bold; padding: 6px 14px;")
        self.close_button = QPushButton(tr("Để sau (Esc)"))
        self._layout()
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        for keys in (SAVE_KEY, "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)
        fit_window(self, "fee", 1200, 420)
        self.load()

    def _layout(self) -> None:
        postage_box = QGroupBox(tr("Cước bưu chính (ghi riêng, không phải phí, lệ phí)"))
        p = QHBoxLayout(postage_box)
        p.addWidget(QLabel(tr("Số tiền:")))
        p.addWidget(self.postage.amount_spin)
        p.addWidget(self.postage.how_combo)
        p.addWidget(with_message(self.postage.text_edit, self.postage.message), 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lines_box)
        layout.addWidget(postage_box)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(buttons)

    def load(self) -> None:
        self.message.show_message("info", tr("Đang tải các khoản phí, lệ phí…"))
        desk, code = self._desk, self.code
        self._runner.run_db(lambda: desk.owed(code), self._show_lines, self._failed, owner=self)

    def _show_lines(self, lines: list[OwedLine]) -> None:
        self.rows = [FeeLineRow(o) for o in lines_owed_now(lines, self._moment)]
        for column, title in enumerate(LINE_HEADERS):
            self.lines_grid.addWidget(QLabel(f"<b>{tr(title)}</b>"), 0, column)
        for number, row in enumerate(self.rows, start=1):
            self._add_row(number, row)
        self.lines_grid.setColumnStretch(5, 2)
        self.lines_grid.setColumnStretch(6, 1)
        if not self.rows:
            self.lines_grid.addWidget(QLabel(tr("Không còn khoản phí, lệ phí nào phải thu.")), 1, 0)
        self.message.show_message(
            "info", tr("Nhập ký hiệu/số in trên biên lai; chưa có biên lai thì chọn “chờ số”.")
        )
        (self.rows[0].text_edit if self.rows else self.postage.amount_spin).setFocus()

    def _add_row(self, number: int, row: FeeLineRow) -> None:
        line = row.line
        cells = (
            QLabel(line.name, wordWrap=True), QLabel(FeeKind(line.kind).label),
            QLabel(money(line.amount)), row.amount_spin, row.how_combo,
            with_message(row.text_edit, row.message), row.reason_edit,
        )  # fmt: skip
        for column, cell in enumerate(cells):
            self.lines_grid.addWidget(cell, number, column)
            cell.show()  # at once, not on the next turn: the cursor goes to the first row now

    def _failed(self, error: BaseException) -> None:
        self.message.show_message("error", error_text(error))

    def pending_actions(self) -> list[FeeAction] | None:
        """Every row's action; None (each problem shown, the first focused) if any is not ready."""
        actions: list[FeeAction] = []
        first: QWidget | None = None
        rows: list[FeeLineRow | PostageRow] = [*self.rows, self.postage]
        for row in rows:
            row.message.clear_issue()
            try:
                action = row.action()
            except RowProblem as problem:
                row.message.show_issue(str(problem), True)
                first = first or problem.widget
                continue
            if action is not None:
                actions.append(action)
        if first is not None:
            first.setFocus()
            return None
        return actions

    def save(self) -> None:
        actions = self.pending_actions()
        if actions is None:
            self.message.show_message("error", tr("Chưa ghi: sửa các ô có chữ đỏ."))
            return
        if not actions:
            self.accept()
            return
        self.save_button.setEnabled(False)
        desk, code, clerk = self._desk, self.code, self._clerk
        self._runner.run_db(
            lambda: record_actions(desk, code, clerk, actions),
            lambda done: self._on_recorded(actions, done),
            self._on_save_error,
            owner=self,
        )

    def _on_recorded(self, actions: list[FeeAction], recorded: Recorded) -> None:
        self.save_button.setEnabled(True)
        if recorded.done:
            emit(self.recorded, self.code)
        if recorded.failed is None:
            self.accept()
            return
        failed = actions[recorded.failed]
        self._drop_written(actions[: recorded.failed])
        row = self._row_of(failed)
        text = error_text(recorded.error) if recorded.error else ""
        row.message.show_issue(text, True)
        row.text_edit.setFocus()
        self.message.show_message(
            "error", tr("Đã ghi {count} khoản; {text}").format(count=len(recorded.done), text=text)
        )

    def _drop_written(self, written: Sequence[FeeAction]) -> None:
        names = {a.line for a in written if a.line is not None}
        for row in self.rows:
            if row.line.name in names:
                row.how_combo.setEnabled(False)
                row.text_edit.setEnabled(False)
        self.rows = [r for r in self.rows if r.line.name not in names]

    def _row_of(self, action: FeeAction) -> FeeLineRow | PostageRow:
        return next((r for r in self.rows if r.line.name == action.line), self.postage)

    def _on_save_error(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.message.show_message(
            "error", tr("Chưa ghi được: {error_text}").format(error_text=error_text(error))
        )


def open_when_owed(
    parent: QWidget,
    desk: FeeDesk,
    runner: TaskRunner,
    clerk: str,
    code: str,
    moment: str,
    opened: Callable[[FeeDialog], None],
) -> None:
    """Open the dialog only when the dossier owes something at that moment."""

    def check(lines: list[OwedLine]) -> None:
        if lines_owed_now(lines, moment):
            dialog = FeeDialog(desk, runner, clerk, code, moment, parent)
            opened(dialog)
            dialog.open()

    runner.run_db(lambda: desk.owed(code), check, owner=parent)
