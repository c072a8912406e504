"""Danh sách hồ sơ: today's intake by default; search any dossier; filter by status and due date."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.vntime import now_vn
from counter_app.services.search import DossierQuery, DueFilter
from counter_app.ui.dossier_model import DossierTableModel
from counter_app.ui.i18n import QT_TR_NOOP, tr
from counter_app.ui.narrow_fit import hide_columns_when_narrow
from counter_app.ui.qt_compat import emit
from counter_app.ui.row_colours import KeepRowColourDelegate
from counter_app.ui.tasks import TaskRunner
from counter_app.ui.texts import label_text
from counter_app.ui.widgets import MessageBar
from counter_protocol.statuses import Status

if TYPE_CHECKING:
    from counter_app.services.dto import DossierRow

SEARCH_DELAY_MS = 200
SCOPES = ((QT_TR_NOOP("Tiếp nhận hôm nay"), "today"), (QT_TR_NOOP("Tất cả"), "all"))
# On a narrow screen these go first (received, then phone, then CCCD): code, name, procedure,
# status and due date stay in sight without scrolling sideways; the detail shows them all.
NARROW_HIDES = (
    DossierTableModel.COL_RECEIVED,
    DossierTableModel.COL_PHONE,
    DossierTableModel.COL_ID,
)
PROCEDURE_MIN_WIDTH = 200
DUE_FILTERS = (
    (QT_TR_NOOP("Mọi hạn"), ""),
    (QT_TR_NOOP("Quá hạn"), "overdue"),
    (QT_TR_NOOP("Sắp đến hạn"), "soon"),
)


class DossierFinder(Protocol):
    """What the list asks of the SearchService."""

    def find(
        self, query: DossierQuery, *, before_id: int | None = None, limit: int = ...
    ) -> list[DossierRow]: ...


def start_of_day(moment: datetime) -> datetime:
    return moment.replace(hour=0, minute=0, second=0, microsecond=0)


def build_query(text: str, scope: str, status: int | None, due: str, now: datetime) -> DossierQuery:
    """The DossierQuery the filters describe (pure: tested without widgets)."""
    received_since = start_of_day(now) if scope == "today" else None
    statuses = (status,) if status else ()
    # The service sets the bounds of "overdue" and "due soon" (working days, counter's calendar).
    return DossierQuery(text, statuses, received_since=received_since, due=DueFilter(due or ""))


class DossierTable(QTableView):
    """Enter opens the current dossier, like a double-click."""

    open_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(KeepRowColourDelegate(self))  # selection must not hide the due colour

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            emit(self.open_requested, self.currentIndex().row())
            return
        super().keyPressEvent(event)


class DossierListView(QWidget):
    """Search box (debounced), scope, status and due filters over a paged DossierTableModel.

    Signals:
        open_dossier(str): the clerk asked to open a dossier (double-click or Enter).
    """

    open_dossier = Signal(str)

    def __init__(
        self,
        search: DossierFinder,
        runner: TaskRunner,
        clock: Callable[[], datetime] = now_vn,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self.model = DossierTableModel(
            lambda query, before, limit: search.find(query, before_id=before, limit=limit),
            runner,
            clock,
            self,
        )
        self._make_widgets()
        self._layout()
        self._connect()

    def _make_widgets(self) -> None:
        self.search_edit = QLineEdit(
            placeholderText=tr(
                "Tìm theo mã hồ sơ, số CCCD, số điện thoại hoặc họ tên (có/không dấu)"
            )
        )
        self.search_edit.setClearButtonEnabled(True)
        self.scope_combo = _combo(SCOPES)
        self.status_combo = _combo(
            ((tr("Mọi trạng thái"), 0), *((label_text(s.label), int(s)) for s in Status))
        )
        self.due_combo = _combo(DUE_FILTERS)
        self.table = DossierTable()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(self.model.COL_PROCEDURE, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 195), (1, 180), (2, 110), (3, 100), (5, 200), (6, 125), (7, 125)):
            self.table.setColumnWidth(col, width)
        hide_columns_when_narrow(self.table, NARROW_HIDES, PROCEDURE_MIN_WIDTH)
        self.count_label = QLabel()
        self.message = MessageBar()
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)

    def _layout(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 3)
        filters.addWidget(self.scope_combo)
        filters.addWidget(self.status_combo)
        filters.addWidget(self.due_combo)
        legend = QLabel(
            tr(
                "<span style='background:#f6c9c6'>&nbsp;Quá hạn&nbsp;</span>&nbsp;&nbsp;"
                "<span style='background:#ffe6a8'>&nbsp;Sắp đến hạn&nbsp;</span>"
                "&nbsp;&nbsp;"
                "<span style='background:#d4ecd5'>&nbsp;Có kết quả, chờ trả&nbsp;</span>"
            )
        )
        footer = QHBoxLayout()
        footer.addWidget(self.count_label, 1)
        footer.addWidget(legend)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(footer)

    def _connect(self) -> None:
        self.search_edit.textEdited.connect(self._on_text_edited)
        self.search_edit.returnPressed.connect(self.apply_filters)
        self._search_timer.timeout.connect(self.apply_filters)
        for combo in (self.scope_combo, self.status_combo, self.due_combo):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.table.open_requested.connect(self._open_row)
        self.model.page_loaded.connect(self._on_page_loaded)
        self.model.load_failed.connect(lambda text: self.message.show_message("error", text))

    def _on_text_edited(self, text: str) -> None:
        if text.strip() and self.scope_combo.currentData() == "today":
            # A search means "find this dossier", whenever it was received.
            self.scope_combo.blockSignals(True)
            self.scope_combo.setCurrentIndex(1)
            self.scope_combo.blockSignals(False)
        self._search_timer.start()

    def apply_filters(self) -> None:
        self._search_timer.stop()
        self.message.clear_message()
        query = build_query(
            self.search_edit.text().strip(),
            self.scope_combo.currentData(),
            self.status_combo.currentData() or None,
            self.due_combo.currentData(),
            self._clock(),
        )
        self.count_label.setText(tr("Đang tìm…"))
        self.model.set_query(query)

    def show_today(self) -> None:
        self.search_edit.clear()
        for combo in (self.scope_combo, self.status_combo, self.due_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.apply_filters()

    def _on_page_loaded(self, count: int) -> None:
        more = "+" if self.model.canFetchMore() else ""
        self.count_label.setText(
            tr("{count}{more} hồ sơ").format(count=count, more=more)
            if count
            else tr("Không có hồ sơ nào.")
        )
        if count and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def _open_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            emit(self.open_dossier, self.model.row_at(row).code)


def _combo(items: Iterable[tuple[str, Any]]) -> QComboBox:
    combo = QComboBox()
    for label, value in items:
        combo.addItem(tr(label), value)
    return combo
