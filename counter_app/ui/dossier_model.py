"""The dossier list as a Qt model: keyset pages of 100 rows fetched in the background on scroll."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeAlias

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from counter_app.domain.dossier_rules import DueState
from counter_app.domain.vntime import now_vn
from counter_app.ui.i18n import QT_TR_NOOP, tr
from counter_app.ui.qt_compat import emit
from counter_app.ui.table_model import ModelIndex, RowsTableModel
from counter_app.ui.tasks import TaskRunner
from counter_app.ui.texts import label_text
from counter_protocol.statuses import Status
from counter_protocol.timefmt import format_vn

if TYPE_CHECKING:
    from counter_app.services.dto import DossierRow
    from counter_app.services.search import DossierQuery

PAGE_SIZE = 100
OVERDUE_BRUSH = QBrush(QColor("#f6c9c6"))
DUE_SOON_BRUSH = QBrush(QColor("#ffe6a8"))
PICKUP_BRUSH = QBrush(QColor("#d4ecd5"))
TEXT_BRUSH = QBrush(QColor("#1b1b1b"))
# Each row's DueState comes from the search service (working days on the counter's calendar).
DUE_BRUSHES = {
    DueState.OVERDUE: OVERDUE_BRUSH,
    DueState.DUE_SOON: DUE_SOON_BRUSH,
    DueState.AWAITING_PICKUP: PICKUP_BRUSH,
}

# fetch(query, before_id, limit) -> one page of rows, newest first; runs on the store lane.
PageFetcher: TypeAlias = "Callable[[DossierQuery, int | None, int], list[DossierRow]]"


class DossierTableModel(RowsTableModel["DossierRow"]):
    """Rows of DossierRow, newest first. `set_query` restarts; the view's scroll calls fetchMore.

    Signals:
        page_loaded(int): rows now loaded (after each page).
        load_failed(str): the message of a failed page.
    """

    COL_CODE, COL_NAME, COL_ID, COL_PHONE, COL_PROCEDURE, COL_STATUS, COL_RECEIVED, COL_DUE = range(
        8
    )
    HEADERS = (
        QT_TR_NOOP("Mã hồ sơ"),
        QT_TR_NOOP("Người nộp"),
        QT_TR_NOOP("Số CCCD"),
        QT_TR_NOOP("Điện thoại"),
        QT_TR_NOOP("Thủ tục"),
        QT_TR_NOOP("Trạng thái"),
        QT_TR_NOOP("Tiếp nhận"),
        QT_TR_NOOP("Hẹn trả"),
    )

    page_loaded = Signal(int)
    load_failed = Signal(str)

    def __init__(
        self,
        fetch: PageFetcher,
        runner: TaskRunner,
        clock: Callable[[], datetime] = now_vn,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._fetch, self._runner, self._clock = fetch, runner, clock
        self._query: DossierQuery | None = None
        self._generation = 0
        self._loading = False
        self._exhausted = True
        self.now = clock()

    # --- paging ---------------------------------------------------------------------------------

    def set_query(self, query: DossierQuery) -> None:
        """Show the first page of a new query (results of older queries are dropped)."""
        self.beginResetModel()
        self._rows = []
        self._query = query
        self._generation += 1
        self._loading = False
        self._exhausted = False
        self.now = self._clock()
        self.endResetModel()
        self._load_page()

    def refresh(self) -> None:
        if self._query is not None:
            self.set_query(self._query)

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # Qt override
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # Qt override
        if self.canFetchMore(parent):
            self._load_page()

    @property
    def loading(self) -> bool:
        return self._loading

    def _load_page(self) -> None:
        query, generation = self._query, self._generation
        if query is None:
            return
        self._loading = True
        before_id = self._rows[-1].id if self._rows else None
        self._runner.run_db(
            lambda: self._fetch(query, before_id, PAGE_SIZE),
            lambda rows: self._append(generation, rows),
            lambda error: self._failed(generation, error),
            owner=self,
            what=tr("Đang tìm hồ sơ…"),
        )

    def _append(self, generation: int, rows: list[DossierRow]) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._exhausted = len(rows) < PAGE_SIZE
        if rows:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        emit(self.page_loaded, len(self._rows))

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._exhausted = True
        emit(self.load_failed, getattr(error, "message", None) or str(error))

    # --- reading --------------------------------------------------------------------------------

    def row_at(self, row: int) -> DossierRow:
        return self._rows[row]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.BackgroundRole:
            return DUE_BRUSHES.get(row.due_state)
        if role == Qt.ItemDataRole.ForegroundRole:
            return TEXT_BRUSH if row.due_state in DUE_BRUSHES else None
        if role == Qt.ItemDataRole.ToolTipRole:
            state = label_text(row.due_state.label)
            text = self._text(row, index.column())  # long names are cut off in the cell
            return f"{text}\n({state})" if state else text
        return None

    def _text(self, row: DossierRow, column: int) -> str:
        # Called for every painted cell: build only the one value asked for.
        if column == self.COL_RECEIVED:
            return format_vn(row.received_at)
        if column == self.COL_DUE:
            return format_vn(row.due_at)
        if column == self.COL_STATUS:
            return _status_label(row.status)
        value: str | None = (
            row.code,
            row.applicant_name,
            row.id_number,
            row.phone,
            row.procedure_name,
        )[column]
        return value or ""


def _status_label(code: int) -> str:
    try:
        return label_text(Status(code).label)
    except ValueError:
        return str(code)
