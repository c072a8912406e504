"""Pick a procedure by typing part of its name or code, diacritics optional, without the mouse."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from counter_app.ui.i18n import tr
from counter_app.ui.qt_compat import emit
from counter_app.ui.tasks import TaskRunner
from counter_app.ui.texts import processing_time_text
from counter_app.ui.widgets import FieldMessage

if TYPE_CHECKING:
    from counter_app.services.procedures import ProcedureInfo

SEARCH_DELAY_MS = 150
VISIBLE_ROWS = 6
_NAV_KEYS = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 5, Qt.Key.Key_PageUp: -5}


class ProcedureSearch(Protocol):
    """What the picker asks of the ProcedureService."""

    def search(self, text: str) -> list[ProcedureInfo]: ...

    def communes(self) -> list[tuple[str, str]]:
        """(unit code, UBND name) of the province's communes, for a boundary-free procedure."""
        ...


def chosen_html(info: ProcedureInfo) -> str:
    """The picked procedure as the clerk reads it back: name, code, field, agency, time limit."""
    facts = [
        tr("Mã: {code}").format(code=escape(info.code)),
        tr("Lĩnh vực: {field}").format(field=escape(info.field_name)),
    ]
    if info.agency_name:
        facts.append(tr("Cơ quan giải quyết: {agency}").format(agency=escape(info.agency_name)))
    facts.append(
        tr("Thời hạn: {time_limit}").format(
            time_limit=escape(processing_time_text(info.processing_text))
        )
    )
    return f"<b>{escape(info.name)}</b><br>{' · '.join(facts)}"


class ProcedurePicker(QWidget):
    """A search box over a short result list; Up/Down move, Enter picks.

    Signals:
        procedure_chosen(object): the ProcedureInfo picked, or None when the choice was cleared.
    """

    procedure_chosen = Signal(object)

    def __init__(
        self, procedures: ProcedureSearch, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._procedures, self._runner = procedures, runner
        self._generation = self._answered = 0
        self._pick_when_answered = False
        self.chosen: ProcedureInfo | None = None
        self.search_edit = QLineEdit(
            placeholderText=tr("Gõ tên hoặc mã thủ tục, ví dụ: chung thuc")
        )
        self.results = QListWidget()
        self.results.setVisible(False)
        self.chosen_label = QLabel(tr("Chưa chọn thủ tục."))
        self.chosen_label.setWordWrap(True)
        self.message = FieldMessage()
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._search)
        self.search_edit.textEdited.connect(lambda _text: self._timer.start())
        self.search_edit.installEventFilter(self)
        self.results.itemActivated.connect(self._pick_item)
        self._layout()

    def _layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.results)
        layout.addWidget(self.chosen_label)
        layout.addWidget(self.message)
        row_height = self.results.fontMetrics().height() + 6
        self.results.setMaximumHeight(row_height * VISIBLE_ROWS + 4)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if (
            watched is self.search_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and self._on_search_key(event.key())
        ):
            return True
        return super().eventFilter(watched, event)

    def _on_search_key(self, key: int) -> bool:
        """Arrows, Enter and Escape typed in the search box; True when handled here."""
        if key in _NAV_KEYS and self.results.count():
            self._move(_NAV_KEYS[Qt.Key(key)])
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return self._pick_current()
        if key == Qt.Key.Key_Escape and self.results.isVisible():
            self.results.setVisible(False)
            return True
        return False

    def search_now(self) -> None:
        """Run the pending search at once (Enter typed before the debounce fired)."""
        self._timer.stop()
        self._search()

    def _search(self) -> None:
        text = self.search_edit.text().strip()
        self._generation += 1
        generation = self._generation
        if not text:
            self._answered = generation
            self.results.clear()
            self.results.setVisible(False)
            return
        self._runner.run_db(
            lambda: self._procedures.search(text),
            lambda found: self._show_results(generation, found),
            owner=self,
        )

    def _show_results(self, generation: int, found: list[ProcedureInfo]) -> None:
        if generation != self._generation:
            return  # the clerk kept typing; a newer search is on its way
        self._answered = generation
        self.results.clear()
        for info in found:
            item = QListWidgetItem(f"{info.name}  —  {info.code}")
            item.setData(Qt.ItemDataRole.UserRole, info)
            item.setToolTip(f"{info.field_name} · {info.agency_name}")
            self.results.addItem(item)
        if not found:
            self.results.addItem(tr("Không tìm thấy thủ tục phù hợp."))
        self.results.setCurrentRow(0)
        self.results.setVisible(True)
        if self._pick_when_answered:
            self._pick_when_answered = False
            self._pick_item(self.results.item(0))

    def _move(self, step: int) -> None:
        self.results.setVisible(True)
        row = max(0, min(self.results.count() - 1, self.results.currentRow() + step))
        self.results.setCurrentRow(row)

    def _pick_current(self) -> bool:
        if self._timer.isActive():
            self.search_now()
        if self._answered != self._generation:
            self._pick_when_answered = True  # Enter typed faster than the search: pick on arrival
            return True
        item = self.results.currentItem()
        if item is None or not self.results.isVisible():
            return False
        self._pick_item(item)
        return True

    def _pick_item(self, item: QListWidgetItem) -> None:
        info = item.data(Qt.ItemDataRole.UserRole)
        if info is None:
            return
        self.set_procedure(info)

    def set_procedure(self, info: ProcedureInfo) -> None:
        self.chosen = info
        self.results.setVisible(False)
        self.search_edit.setText(info.name)
        self.search_edit.setCursorPosition(0)  # long names: show their beginning
        self.chosen_label.setText(chosen_html(info))
        self.message.clear_issue()
        emit(self.procedure_chosen, info)

    def clear(self) -> None:
        self._generation += 1
        self._answered = self._generation
        self._pick_when_answered = False
        self.chosen = None
        self.search_edit.clear()
        self.results.clear()
        self.results.setVisible(False)
        self.chosen_label.setText(tr("Chưa chọn thủ tục."))
        self.message.clear_issue()
        emit(self.procedure_chosen, None)
