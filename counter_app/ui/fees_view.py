"""Thu phí: the day's fee entries of a clerk (or every clerk), their net total, and the day's cash
report (Bảng kê thu phí, lệ phí) previewed and printed; the total is the report's own."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QAbstractTableModel, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.fee_ledger import Direction, FeeKind, signed_amount
from counter_app.domain.vntime import now_vn
from counter_app.ui.i18n import QT_TR_NOOP, tr
from counter_app.ui.intake_sections import money
from counter_app.ui.qt_compat import emit
from counter_app.ui.slip_preview import SlipPreviewDialog
from counter_app.ui.table_model import ModelIndex, RowsTableModel
from counter_app.ui.texts import label_text
from counter_app.ui.widgets import MessageBar, error_text, vn_when

if TYPE_CHECKING:
    from counter_app.services.accounts import SignedInUser
    from counter_app.services.fee_entries import EntryView
    from counter_app.ui.tasks import TaskRunner

EVERY_CLERK = ""
REPORT_KEY = "Ctrl+P"


class CashDesk(Protocol):
    """What the tab asks of the FeeService."""

    def day_entries(self, day: date, clerk: str | None = None) -> list[EntryView]: ...

    def cash_report(self, day: date, clerk: str | None = None) -> bytes: ...


class ClerkList(Protocol):
    """The counter's accounts (AccountService), for the clerk pickers."""

    def active_users(self) -> list[SignedInUser]: ...


def entry_cells(entry: EntryView) -> tuple[str, ...]:
    receipt = entry.receipt or (tr("chờ số biên lai") if entry.pending else "")
    return (
        vn_when(entry.at),
        entry.dossier_code,
        entry.line_name,
        label_text(FeeKind(entry.kind).label),
        label_text(Direction(entry.direction).label),
        money(signed_amount(entry)),
        receipt,
        entry.clerk_shown,
        entry.note or "",
    )


class EntriesModel(RowsTableModel["EntryView"]):
    HEADERS = (
        QT_TR_NOOP("Thời gian"),
        QT_TR_NOOP("Mã hồ sơ"),
        QT_TR_NOOP("Khoản"),
        QT_TR_NOOP("Loại"),
        QT_TR_NOOP("Nghiệp vụ"),
        QT_TR_NOOP("Số tiền"),
        QT_TR_NOOP("Biên lai"),
        QT_TR_NOOP("Cán bộ"),
        QT_TR_NOOP("Ghi chú"),
    )

    def set_entries(self, entries: list[EntryView]) -> None:
        self.beginResetModel()
        self._rows = list(entries)
        self.endResetModel()

    def entry_at(self, row: int) -> EntryView:
        return self._rows[row]

    def total(self) -> int:
        return sum(signed_amount(e) for e in self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return entry_cells(self._rows[index.row()])[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def clerk_combo(users: list[SignedInUser], first: tuple[str, str] | None) -> QComboBox:
    """A picker of the counter's clerks by full name (data: the username)."""
    combo = QComboBox()
    if first is not None:
        combo.addItem(*first)
    for user in users:
        combo.addItem(f"{user.full_name} ({user.username})", user.username)
    return combo


def rows_table(model: QAbstractTableModel, stretch: int) -> QTableView:
    """A read-only table of whole rows, one selected at a time; column `stretch` takes the rest."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setHighlightSections(False)  # titles set bold on a selected row outgrow their column
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def select_data(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


def today_vn() -> QDate:
    """Today in Vietnam, whatever the machine's zone."""
    today = now_vn().date()
    return QDate(today.year, today.month, today.day)


class FeesView(QWidget):
    """Loaded when shown and on F5; Ctrl+P shows the cash report of the day and clerk chosen;
    Enter or a double click on an entry opens its dossier (`open_dossier(code)`), where a
    refund or a correction is made."""

    open_dossier = Signal(str)

    def __init__(
        self,
        desk: CashDesk,
        clerks: ClerkList,
        runner: TaskRunner,
        clerk: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk, self._clerks, self._runner, self._clerk = desk, clerks, runner, clerk
        self.preview: SlipPreviewDialog | None = None
        self._make_widgets()
        self._layout()
        self.refresh_button.clicked.connect(self.refresh)
        self.report_button.clicked.connect(self.show_report)
        self.day_edit.dateChanged.connect(lambda _d: self.refresh())
        self.clerk_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.activated.connect(lambda index: self._open_row(index.row()))
        self._runner.run_db(clerks.active_users, self._offer_clerks, owner=self)

    def _make_widgets(self) -> None:
        self.day_edit = QDateEdit(today_vn())
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("dd/MM/yyyy")
        self.clerk_combo = clerk_combo(
            [], (tr("Cán bộ đang làm việc ({clerk})").format(clerk=self._clerk), self._clerk)
        )
        self.clerk_combo.addItem(tr("Tất cả cán bộ"), EVERY_CLERK)
        self.model = EntriesModel(self)
        self.table = rows_table(self.model, stretch=2)
        self.total_label = QLabel()
        self.total_label.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.refresh_button = QPushButton(tr("Tải lại (F5)"))
        self.refresh_button.setShortcut("F5")
        self.report_button = QPushButton(
            tr("Bảng kê thu trong ngày ({REPORT_KEY})").format(REPORT_KEY=REPORT_KEY)
        )
        self.report_button.setShortcut(REPORT_KEY)
        self.message = MessageBar()

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Ngày:")))
        top.addWidget(self.day_edit)
        top.addWidget(QLabel(tr("Cán bộ thu:")))
        top.addWidget(self.clerk_combo)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.report_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total_label)

    def _offer_clerks(self, users: list[SignedInUser]) -> None:
        for user in users:
            if user.username != self._clerk:
                self.clerk_combo.addItem(f"{user.full_name} ({user.username})", user.username)

    def _open_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            emit(self.open_dossier, self.model.entry_at(row).dossier_code)

    def day(self) -> date:
        picked = self.day_edit.date()
        return date(picked.year(), picked.month(), picked.day())

    def clerk(self) -> str | None:
        return str(self.clerk_combo.currentData()) or None

    def focus_first_field(self) -> None:
        self.table.setFocus()

    def refresh(self) -> None:
        desk, day, clerk = self._desk, self.day(), self.clerk()
        self.total_label.setText(tr("Đang tải…"))
        self._runner.run_db(
            lambda: desk.day_entries(day, clerk), self._show, self._failed, owner=self
        )

    def _show(self, entries: list[EntryView]) -> None:
        self.model.set_entries(entries)
        self.total_label.setText(
            tr("{count} lần ghi · Tổng thực thu: {money}").format(
                count=len(entries), money=money(self.model.total())
            )
        )

    def _failed(self, error: BaseException) -> None:
        self.total_label.setText("")
        self.message.show_message("error", error_text(error))

    def show_report(self) -> None:
        """Ctrl+P: the report rendered off the GUI thread, then shown to print or save."""
        desk, day, clerk = self._desk, self.day(), self.clerk()
        self.message.show_message("info", tr("Đang tạo bảng kê…"))
        self._runner.run_io(
            lambda: desk.cash_report(day, clerk),
            lambda pdf: self._open_report(day, pdf),
            self._failed,
            owner=self,
        )

    def _open_report(self, day: date, pdf: bytes) -> None:
        self.message.clear_message()
        title = tr("Bảng kê thu phí, lệ phí ngày {day:%d/%m/%Y}").format(day=day)
        self.preview = SlipPreviewDialog(pdf, f"bang-ke-{day:%Y%m%d}", self.window(), title=title)
        self.preview.open()
