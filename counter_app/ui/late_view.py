"""Quá hạn và sắp đến hạn: overdue dossiers first, then those due soon, coloured by due state."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.dossier_rules import DueState
from counter_app.ui.detail_fields import sub_state_text
from counter_app.ui.dossier_list import DossierTable
from counter_app.ui.dossier_model import DUE_BRUSHES, TEXT_BRUSH
from counter_app.ui.i18n import QT_TR_NOOP, tr
from counter_app.ui.qt_compat import emit
from counter_app.ui.table_model import ModelIndex, RowsTableModel
from counter_app.ui.texts import label_text
from counter_app.ui.widgets import MessageBar, error_text, vn_when

if TYPE_CHECKING:
    from counter_app.ui.tasks import TaskRunner


class LateLine(Protocol):
    """One late or nearly late dossier (services/late.py LateDossier)."""

    @property
    def code(self) -> str: ...
    @property
    def applicant_name(self) -> str: ...
    @property
    def procedure_name(self) -> str: ...
    @property
    def sub_state(self) -> str: ...
    @property
    def due_at(self) -> datetime: ...
    @property
    def due_state(self) -> DueState: ...
    @property
    def extensions(self) -> int: ...
    @property
    def supplement_requests(self) -> int: ...


class LateLines(Protocol):
    @property
    def overdue(self) -> Sequence[LateLine]: ...
    @property
    def due_soon(self) -> Sequence[LateLine]: ...


class LateDossiers(Protocol):
    """What the view asks of the LateService."""

    def late_list(self, limit: int = ...) -> LateLines: ...


def late_cells(line: LateLine) -> tuple[str, ...]:
    notes = []
    if line.extensions:
        notes.append(tr("đã hẹn lại"))
    if line.supplement_requests:
        notes.append(
            tr("bổ sung {supplement_requests} lần").format(
                supplement_requests=line.supplement_requests
            )
        )
    return (
        label_text(line.due_state.label),
        line.code,
        line.applicant_name,
        line.procedure_name,
        vn_when(line.due_at),
        sub_state_text(line.sub_state),
        ", ".join(notes),
    )


class LateModel(RowsTableModel[LateLine]):
    HEADERS = (
        QT_TR_NOOP("Hạn"),
        QT_TR_NOOP("Mã hồ sơ"),
        QT_TR_NOOP("Người nộp"),
        QT_TR_NOOP("Thủ tục"),
        QT_TR_NOOP("Hẹn trả"),
        QT_TR_NOOP("Tình trạng"),
        QT_TR_NOOP("Ghi chú"),
    )

    def set_lines(self, lines: LateLines) -> None:
        self.beginResetModel()
        self._rows = [*lines.overdue, *lines.due_soon]  # overdue first, as the service sorts
        self.endResetModel()

    def line_at(self, row: int) -> LateLine:
        return self._rows[row]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        line = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return late_cells(line)[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole:
            return DUE_BRUSHES.get(line.due_state)
        if role == Qt.ItemDataRole.ForegroundRole:
            return TEXT_BRUSH
        return None


class LateView(QWidget):
    """Loaded when shown (and on F5 / the refresh button); Enter or double-click opens one.

    Signals:
        open_dossier(str): the clerk asked to open a dossier.
    """

    open_dossier = Signal(str)

    def __init__(self, late: LateDossiers, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._late, self._runner = late, runner
        self.model = LateModel(self)
        self.table = DossierTable()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.count_label = QLabel()
        self.refresh_button = QPushButton(tr("Tải lại (F5)"))
        self.refresh_button.setShortcut("F5")
        self.message = MessageBar()
        self._layout()
        self.refresh_button.clicked.connect(self.refresh)
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.table.open_requested.connect(self._open_row)

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.count_label, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        self.count_label.setText(tr("Đang tải…"))
        late = self._late
        self._runner.run_db(
            lambda: late.late_list(),
            self._show,
            self._failed,
            owner=self,
            what=tr("Đang tìm hồ sơ quá hạn và sắp đến hạn…"),
        )

    def _show(self, lines: LateLines) -> None:
        self.message.clear_message()
        self.model.set_lines(lines)
        self.count_label.setText(
            tr("<b>{overdue}</b> hồ sơ quá hạn · <b>{due_soon}</b> hồ sơ sắp đến hạn").format(
                overdue=len(lines.overdue), due_soon=len(lines.due_soon)
            )
        )
        if self.model.rowCount():
            self.table.selectRow(0)

    def _failed(self, error: BaseException) -> None:
        self.count_label.setText("")
        self.message.show_message("error", error_text(error))

    def _open_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            emit(self.open_dossier, self.model.line_at(row).code)
