"""The component checklist: which papers were received, how many originals and copies."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from counter_app.services.dto import ComponentInput
from counter_app.ui.i18n import QT_TR_NOOP, tr
from counter_app.ui.qt_compat import emit
from counter_app.ui.table_model import ModelIndex, RowsTableModel

_CHECKED, _UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked


class ComponentChecklistModel(RowsTableModel[ComponentInput]):
    """Rows of ComponentInput; `provided` is the tick. Required papers are marked with (*)."""

    COL_RECEIVED, COL_NAME, COL_ORIGINALS, COL_COPIES = range(4)
    HEADERS = (
        QT_TR_NOOP("Đã nhận"),
        QT_TR_NOOP("Tên giấy tờ"),
        QT_TR_NOOP("Bản chính"),
        QT_TR_NOOP("Bản sao"),
    )

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._required: list[bool] = []

    def set_components(self, components: Iterable[ComponentInput]) -> None:
        """Load a procedure's list; nothing is ticked until the clerk has the paper in hand."""
        self.beginResetModel()
        components = tuple(components)
        self._required = [c.provided for c in components]  # the catalogue's "required" flag
        self._rows = [replace(c, provided=False) for c in components]
        self.endResetModel()
        emit(self.changed)

    def components(self) -> tuple[ComponentInput, ...]:
        return tuple(self._rows)

    def missing_required(self) -> list[str]:
        """The required papers not ticked: what a Mẫu 02 asks the applicant to bring."""
        return [
            row.name
            for row, required in zip(self._rows, self._required, strict=True)
            if required and not row.provided
        ]

    def tick_names(self, names: Iterable[str]) -> None:
        """Tick the papers already handed in (a dossier that waited for papers, re-opened)."""
        wanted = set(names)
        for row, component in enumerate(self._rows):
            if component.name in wanted and not component.provided:
                self.toggle(row)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.CheckStateRole and col == self.COL_RECEIVED:
            return _CHECKED if row.provided else _UNCHECKED
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == self.COL_NAME:
                return row.name + (" (*)" if self._required[index.row()] else "")
            if col == self.COL_ORIGINALS:
                return row.originals
            if col == self.COL_COPIES:
                return row.copies
        if role == Qt.ItemDataRole.ToolTipRole and self._required[index.row()]:
            return tr("Giấy tờ bắt buộc")
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:  # Qt override
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.COL_RECEIVED:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() in (self.COL_ORIGINALS, self.COL_COPIES):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(
        self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:  # Qt override
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == self.COL_RECEIVED:
            new = replace(row, provided=Qt.CheckState(value) == _CHECKED)
        elif role == Qt.ItemDataRole.EditRole and index.column() == self.COL_ORIGINALS:
            new = replace(row, originals=max(0, int(value)))
        elif role == Qt.ItemDataRole.EditRole and index.column() == self.COL_COPIES:
            new = replace(row, copies=max(0, int(value)))
        else:
            return False
        self._rows[index.row()] = new
        emit(self.dataChanged, index, index, [role])
        emit(self.changed)
        return True

    def toggle(self, row: int) -> None:
        index = self.index(row, self.COL_RECEIVED)
        ticked = self._rows[row].provided
        self.setData(
            index, (_UNCHECKED if ticked else _CHECKED).value, Qt.ItemDataRole.CheckStateRole
        )

    def tick_all(self) -> None:
        for row in range(len(self._rows)):
            if not self._rows[row].provided:
                self.toggle(row)


class ComponentChecklist(QTableView):
    """Space toggles the current row wherever the cursor is; the counts edit with a spin box."""

    def __init__(self, model: ComponentChecklistModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._checklist = model
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setTabKeyNavigation(False)  # Tab leaves the list: the form stays keyboard-first
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(model.COL_NAME, QHeaderView.ResizeMode.Stretch)
        for col in (model.COL_RECEIVED, model.COL_ORIGINALS, model.COL_COPIES):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.setWordWrap(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        if event.key() == Qt.Key.Key_Space and self.currentIndex().isValid():
            self._checklist.toggle(self.currentIndex().row())
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # Qt override
        super().focusInEvent(event)
        model = self._checklist
        if not self.currentIndex().isValid() and model.rowCount():
            self.setCurrentIndex(model.index(0, model.COL_NAME))
