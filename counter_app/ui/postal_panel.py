"""The dossier's postal items on its detail: each item (number, way, receiver or sender, postage),
the selected item's status history, and a new status set from here (docs/domain.md#post)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.postal import TRANSITIONS, PostalStatus
from counter_app.ui.detail_tables import ReadOnlyTable
from counter_app.ui.i18n import QT_TR_NOOP, tr
from counter_app.ui.intake_sections import money
from counter_app.ui.tasks import TaskRunner
from counter_app.ui.texts import label_text
from counter_app.ui.widgets import MessageBar, error_text, vn_when

if TYPE_CHECKING:
    from counter_app.services.postal import PostalItemView

ITEM_HEADERS = (
    QT_TR_NOOP("Số hiệu bưu gửi"),
    QT_TR_NOOP("Chiều"),
    QT_TR_NOOP("Trạng thái"),
    QT_TR_NOOP("Người nhận / gửi"),
    QT_TR_NOOP("Địa chỉ"),
    QT_TR_NOOP("Cước"),
)
STATUS_HEADERS = (
    QT_TR_NOOP("Thời gian"),
    QT_TR_NOOP("Trạng thái"),
    QT_TR_NOOP("Người cập nhật"),
    QT_TR_NOOP("Ghi chú"),
)


class PostalItems(Protocol):
    """What the panel asks of the PostService."""

    def items_of(self, code: str) -> Sequence[PostalItemView]: ...

    def set_status(
        self, number: str, status: PostalStatus, actor: str, note: str | None = None
    ) -> PostalItemView: ...


def item_rows(items: Sequence[PostalItemView]) -> list[list[str]]:
    return [
        [
            i.tracking_number or "—",
            label_text(i.direction.label),
            label_text(i.status.label),
            f"{i.address.name} · {i.address.phone}",
            i.address.full_text(),
            money(i.postage),
        ]
        for i in items
    ]


def status_rows(item: PostalItemView) -> list[list[str]]:
    return [[vn_when(h.at), label_text(h.status.label), h.who, h.note or ""] for h in item.history]


class PostalPanel(QWidget):
    """Loads on `load(code)`; a status set reloads it."""

    def __init__(
        self, post: PostalItems, runner: TaskRunner, actor: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._post, self._runner, self._actor = post, runner, actor
        self.code = ""
        self.items: tuple[PostalItemView, ...] = ()
        self.items_table = ReadOnlyTable(ITEM_HEADERS)
        self.history_table = ReadOnlyTable(STATUS_HEADERS)
        self.status_combo = QComboBox()
        self.note_edit = QLineEdit(placeholderText=tr("Ghi chú (ví dụ: người nhận đã ký)"))
        self.set_button = QPushButton(tr("Cập nhật trạng thái bưu gửi (Ctrl+U)"))
        self.set_button.setShortcut("Ctrl+U")
        self.message = MessageBar()
        self.empty_label = QLabel(tr("Hồ sơ này không có bưu gửi."))
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Trạng thái mới:")))
        row.addWidget(self.status_combo)
        row.addWidget(self.note_edit, 1)
        row.addWidget(self.set_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.items_table, 2)
        layout.addWidget(self.history_table, 3)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.items_table.currentCellChanged.connect(lambda *_cells: self._show_selected())
        self.set_button.clicked.connect(self.set_status)

    def load(self, code: str) -> None:
        self.code, post = code, self._post
        self._runner.run_db(
            lambda: tuple(post.items_of(code)),
            self._show,
            lambda error: self.message.show_message("error", error_text(error)),
            owner=self,
        )

    def _show(self, items: tuple[PostalItemView, ...]) -> None:
        self.items = items
        self.empty_label.setVisible(not items)
        self.items_table.set_rows(item_rows(items))
        self._show_selected()

    def selected(self) -> PostalItemView | None:
        row = self.items_table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _show_selected(self) -> None:
        item = self.selected()
        self.history_table.set_rows(status_rows(item) if item else [])
        self.status_combo.clear()
        allowed = TRANSITIONS[item.status] if item else frozenset()
        for status in (s for s in PostalStatus if s in allowed):  # in the order of the life
            self.status_combo.addItem(label_text(status.label), status.value)
        can_move = item is not None and item.tracking_number is not None
        self.set_button.setEnabled(can_move and self.status_combo.count() > 0)

    def set_status(self) -> None:
        item = self.selected()
        if item is None or item.tracking_number is None or self.status_combo.count() == 0:
            return
        number, post, actor = item.tracking_number, self._post, self._actor
        status = PostalStatus(self.status_combo.currentData())
        note = self.note_edit.text().strip() or None
        self.set_button.setEnabled(False)
        self._runner.run_db(
            lambda: post.set_status(number, status, actor, note),
            lambda _item: self._status_set(number, status),
            self._status_failed,
            owner=self,
        )

    def _status_set(self, number: str, status: PostalStatus) -> None:
        self.note_edit.clear()
        self.message.show_message(
            "success",
            tr("Bưu gửi {number}: {label}.").format(number=number, label=label_text(status.label)),
        )
        self.load(self.code)

    def _status_failed(self, error: BaseException) -> None:
        self.message.show_message("error", error_text(error))
        self.set_button.setEnabled(True)
