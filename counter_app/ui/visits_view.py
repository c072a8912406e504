"""Hẹn tại nhà: the day's or the week's home appointments; book, move, record the outcome, and
receive the dossier at the citizen's home through the normal intake (docs/domain.md)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.appointments import OUTCOMES, VisitStatus
from counter_app.ui.fees_view import EVERY_CLERK, ClerkList, clerk_combo, rows_table
from counter_app.ui.i18n import QT_TR_NOOP, tr
from counter_app.ui.procedure_picker import ProcedureSearch
from counter_app.ui.qt_compat import emit
from counter_app.ui.table_model import ModelIndex, RowsTableModel
from counter_app.ui.texts import label_text
from counter_app.ui.visit_dialog import SAVE_KEYS, VisitBooking, VisitDialog, day_edit
from counter_app.ui.widgets import MessageBar, error_text
from counter_protocol.timefmt import to_vn

if TYPE_CHECKING:
    from counter_app.services.accounts import SignedInUser
    from counter_app.services.home_visit_views import VisitView
    from counter_app.ui.tasks import TaskRunner

BOOK_KEY, MOVE_KEY, OUTCOME_KEY, RECEIVE_KEY = "Ctrl+N", "Ctrl+M", "Ctrl+K", "Ctrl+T"
SPAN_DAY, SPAN_WEEK = "day", "week"
OUTCOME_ORDER = (VisitStatus.DONE, VisitStatus.ABSENT, VisitStatus.CANCELLED)


class VisitDesk(VisitBooking, Protocol):
    """What the tab asks of the HomeVisitService."""

    def day(self, day: date, clerk: str | None = None) -> list[VisitView]: ...

    def week(self, day: date, clerk: str | None = None) -> list[VisitView]: ...


def visit_cells(visit: VisitView) -> tuple[str, ...]:
    start, end = to_vn(visit.start), to_vn(visit.end)
    return (
        str(visit.id),
        f"{start:%d/%m/%Y %H:%M}–{end:%H:%M}",
        visit.clerk_name,
        visit.citizen_name,
        visit.phone,
        visit.address,
        visit.procedure_code,
        label_text(visit.status.label),
        visit.dossier_code or "",
    )


class VisitsModel(RowsTableModel["VisitView"]):
    HEADERS = (
        QT_TR_NOOP("Số"),
        QT_TR_NOOP("Thời gian"),
        QT_TR_NOOP("Cán bộ"),
        QT_TR_NOOP("Người dân"),
        QT_TR_NOOP("Điện thoại"),
        QT_TR_NOOP("Địa chỉ"),
        QT_TR_NOOP("Thủ tục"),
        QT_TR_NOOP("Tình trạng"),
        QT_TR_NOOP("Hồ sơ"),
    )

    def set_visits(self, visits: list[VisitView]) -> None:
        self.beginResetModel()
        self._rows = list(visits)
        self.endResetModel()

    def visit_at(self, row: int) -> VisitView:
        return self._rows[row]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return visit_cells(self._rows[index.row()])[index.column()]
        return None


class OutcomeDialog(QDialog):
    """Đã thực hiện, người dân vắng nhà, or hủy: the one outcome of a booked appointment."""

    def __init__(self, visit: VisitView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.visit = visit
        self.setWindowTitle(
            tr("Kết quả lịch hẹn số {id} — {citizen_name}").format(
                id=visit.id, citizen_name=visit.citizen_name
            )
        )
        self.outcome_combo = QComboBox()
        for status in OUTCOME_ORDER:
            assert status in OUTCOMES
            self.outcome_combo.addItem(label_text(status.label), status.value)
        self.note_edit = QLineEdit(placeholderText=tr("Ghi chú (nếu có)"))
        save = QPushButton(tr("Ghi kết quả (Ctrl+Enter)"))
        save.clicked.connect(self.accept)
        form = QFormLayout(self)
        form.addRow(tr("Kết quả:"), self.outcome_combo)
        form.addRow(tr("Ghi chú:"), self.note_edit)
        form.addRow(save)
        for keys in SAVE_KEYS:
            QShortcut(QKeySequence(keys), self, self.accept)
        self.outcome_combo.setFocus()

    def outcome(self) -> VisitStatus:
        return VisitStatus(self.outcome_combo.currentData())


class VisitsView(QWidget):
    """Loaded when shown and on F5. `receive_requested(visit)` asks the window to open the
    intake pre-filled from the appointment; `open_dossier(code)` (Enter or a double click on an
    appointment whose dossier was received) asks it to open that dossier."""

    receive_requested = Signal(object)
    open_dossier = Signal(str)

    def __init__(
        self,
        desk: VisitDesk,
        procedures: ProcedureSearch,
        clerks: ClerkList,
        runner: TaskRunner,
        actor: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk, self._procedures, self._clerks = desk, procedures, clerks
        self._runner, self._actor = runner, actor
        self.dialog: VisitDialog | None = None
        self.outcome_dialog: OutcomeDialog | None = None
        self._make_widgets()
        self._layout()
        self._connect()
        runner.run_db(clerks.active_users, self._offer_clerks, owner=self)

    def _make_widgets(self) -> None:
        self.day_edit = day_edit()
        self.span_combo = QComboBox()
        self.span_combo.addItem(tr("Trong ngày"), SPAN_DAY)
        self.span_combo.addItem(tr("Cả tuần (Thứ Hai – Chủ nhật)"), SPAN_WEEK)
        self.clerk_combo = clerk_combo([], (tr("Tất cả cán bộ"), EVERY_CLERK))
        self.model = VisitsModel(self)
        self.table = rows_table(self.model, stretch=5)
        self.count_label = QLabel()
        self.message = MessageBar()
        self.buttons = {
            "book": QPushButton(tr("Đặt lịch hẹn ({BOOK_KEY})").format(BOOK_KEY=BOOK_KEY)),
            "move": QPushButton(tr("Dời lịch ({MOVE_KEY})").format(MOVE_KEY=MOVE_KEY)),
            "outcome": QPushButton(
                tr("Ghi kết quả ({OUTCOME_KEY})").format(OUTCOME_KEY=OUTCOME_KEY)
            ),
            "receive": QPushButton(
                tr("Tiếp nhận tại nhà ({RECEIVE_KEY})").format(RECEIVE_KEY=RECEIVE_KEY)
            ),
            "refresh": QPushButton(tr("Tải lại (F5)")),
        }

    def _layout(self) -> None:
        top = QHBoxLayout()
        for label, widget in (
            (tr("Ngày:"), self.day_edit),
            (tr("Xem:"), self.span_combo),
            (tr("Cán bộ:"), self.clerk_combo),
        ):
            top.addWidget(QLabel(label))
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.buttons["refresh"])
        actions = QHBoxLayout()
        for key in ("book", "move", "outcome", "receive"):
            actions.addWidget(self.buttons[key])
        actions.addStretch(1)
        actions.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)

    def _connect(self) -> None:
        acts = {
            "book": self.book, "move": self.move_visit, "outcome": self.ask_outcome,
            "receive": self.receive_at_home, "refresh": self.refresh,
        }  # fmt: skip
        keys = {"book": BOOK_KEY, "move": MOVE_KEY, "outcome": OUTCOME_KEY}
        keys |= {"receive": RECEIVE_KEY, "refresh": "F5"}
        for name, act in acts.items():
            self.buttons[name].clicked.connect(act)
            self.buttons[name].setToolTip(keys[name])
            QShortcut(
                QKeySequence(keys[name]), self, act, Qt.ShortcutContext.WidgetWithChildrenShortcut
            )
        self.table.activated.connect(lambda _index: self._open_received())
        self.day_edit.dateChanged.connect(lambda _d: self.refresh())
        self.span_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.clerk_combo.currentIndexChanged.connect(lambda _i: self.refresh())

    def _offer_clerks(self, users: list[SignedInUser]) -> None:
        for user in users:
            self.clerk_combo.addItem(f"{user.full_name} ({user.username})", user.username)

    def focus_first_field(self) -> None:
        self.table.setFocus()

    def day(self) -> date:
        picked = self.day_edit.date()
        return date(picked.year(), picked.month(), picked.day())

    def refresh(self) -> None:
        desk, day = self._desk, self.day()
        clerk = str(self.clerk_combo.currentData()) or None
        fetch = desk.week if self.span_combo.currentData() == SPAN_WEEK else desk.day
        self.count_label.setText(tr("Đang tải…"))
        self._runner.run_db(lambda: fetch(day, clerk), self._show, self._failed, owner=self)

    def _show(self, visits: list[VisitView]) -> None:
        self.model.set_visits(visits)
        booked = sum(1 for v in visits if v.status is VisitStatus.BOOKED)
        self.count_label.setText(
            tr("<b>{count}</b> lịch hẹn · <b>{booked}</b> đang chờ").format(
                count=len(visits), booked=booked
            )
        )
        if visits:
            self.table.selectRow(0)

    def _failed(self, error: BaseException) -> None:
        self.count_label.setText("")
        self.message.show_message("error", error_text(error))

    def selected(self) -> VisitView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.visit_at(rows[0].row()) if rows else None

    def _selected_booked(self, doing: str) -> VisitView | None:
        visit = self.selected()
        if visit is None:
            self.message.show_message(
                "error", tr("Chọn một lịch hẹn trong danh sách để {doing}.").format(doing=doing)
            )
            self.table.setFocus()
            return None
        if visit.status is not VisitStatus.BOOKED:
            self.message.show_message(
                "error",
                tr("Lịch hẹn số {id} đã “{label}”: không {doing} được.").format(
                    id=visit.id, label=label_text(visit.status.label), doing=doing
                ),
            )
            return None
        return visit

    def book(self) -> None:
        self._open_dialog(None)

    def move_visit(self) -> None:
        visit = self._selected_booked(tr("dời lịch"))
        if visit is not None:
            self._open_dialog(visit)

    def _open_dialog(self, moving: VisitView | None) -> None:
        dialog = self.dialog = VisitDialog(
            self._desk, self._procedures, self._clerks, self._runner, self._actor, moving, self
        )
        dialog.saved.connect(self._on_saved)
        dialog.open()

    def _on_saved(self, visit_id: int) -> None:
        self.message.show_message(
            "success", tr("Đã lưu lịch hẹn số {visit_id}.").format(visit_id=visit_id)
        )
        self.refresh()

    def ask_outcome(self) -> None:
        visit = self._selected_booked(tr("ghi kết quả"))
        if visit is None:
            return
        dialog = self.outcome_dialog = OutcomeDialog(visit, self)
        dialog.accepted.connect(lambda: self._record_outcome(dialog))
        dialog.open()

    def _record_outcome(self, dialog: OutcomeDialog) -> None:
        desk, visit_id, actor = self._desk, dialog.visit.id, self._actor
        outcome, note = dialog.outcome(), dialog.note_edit.text().strip() or None
        self._runner.run_db(
            lambda: desk.record_outcome(visit_id, outcome, actor, note),
            lambda _none: self._on_saved(visit_id),
            self._failed,
            owner=self,
        )

    def _open_received(self) -> None:
        visit = self.selected()
        if visit is not None and visit.dossier_code:
            emit(self.open_dossier, visit.dossier_code)

    def receive_at_home(self) -> None:
        visit = self._selected_booked(tr("tiếp nhận"))
        if visit is not None:
            emit(self.receive_requested, visit)
