"""Đặt lịch hẹn tại nhà / Dời lịch hẹn: a slot at the citizen's address for a named clerk; a
refusal (the clerk is busy then, outside working hours…) is shown under the field it is about."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QDate, QTime, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.appointments import VisitStatus
from counter_app.services.home_visits import VisitRequest
from counter_app.ui.fees_view import ClerkList, select_data, today_vn
from counter_app.ui.i18n import tr
from counter_app.ui.procedure_picker import ProcedurePicker, ProcedureSearch
from counter_app.ui.qt_compat import emit
from counter_app.ui.widgets import FieldMessage, MessageBar, error_text, with_message
from counter_app.ui.window_fit import fit_window
from counter_protocol.timefmt import VN_TZ, to_vn

if TYPE_CHECKING:
    from counter_app.services.accounts import SignedInUser
    from counter_app.services.home_visit_views import VisitView
    from counter_app.services.procedures import ProcedureInfo
    from counter_app.ui.tasks import TaskRunner

SAVE_KEYS = ("Ctrl+Return", "Ctrl+Enter")
FIELDS = ("clerk", "start", "end", "citizen_name", "phone", "address", "area_code")


class VisitBooking(Protocol):
    """What booking and moving ask of the HomeVisitService."""

    def book(self, request: VisitRequest) -> int: ...

    def reschedule(
        self,
        visit_id: int,
        start: datetime,
        end: datetime,
        actor: str,
        *,
        clerk: str | None = ...,
        note: str | None = ...,
    ) -> int: ...

    def record_outcome(
        self, visit_id: int, outcome: VisitStatus, actor: str, note: str | None = ...
    ) -> None: ...


def vn_moment(day: date, clock: QTime) -> datetime:
    """A day and a time typed by the clerk, in Vietnam time."""
    return datetime.combine(day, time(clock.hour(), clock.minute()), VN_TZ)


def day_edit() -> QDateEdit:
    """Today in Vietnam, shown dd/mm/yyyy, with a calendar to pick from."""
    edit = QDateEdit(today_vn())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    return edit


def time_edit(hour: int, minute: int = 0) -> QTimeEdit:
    edit = QTimeEdit(QTime(hour, minute))
    edit.setDisplayFormat("HH:mm")
    return edit


class VisitDialog(QDialog):
    """Book a new appointment, or (with `moving`) move one to another time or clerk.

    Signals:
        saved(int): the number of the appointment booked (or of the moved copy).
    """

    saved = Signal(int)

    def __init__(
        self,
        desk: VisitBooking,
        procedures: ProcedureSearch,
        clerks: ClerkList,
        runner: TaskRunner,
        actor: str,
        moving: VisitView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk, self._runner, self._actor, self.moving = desk, runner, actor, moving
        self.setWindowTitle(
            tr("Dời lịch hẹn số {id}").format(id=moving.id)
            if moving
            else tr("Đặt lịch hẹn tiếp nhận tại nhà")
        )
        self._make_widgets(procedures, runner)
        self._layout()
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        for keys in SAVE_KEYS:
            QShortcut(QKeySequence(keys), self, self.save)
        if moving is not None:
            self._fill_moving(moving)
        runner.run_db(clerks.active_users, self._offer_clerks, owner=self)
        fit_window(self, "visit", 720, 560)

    def _make_widgets(self, procedures: ProcedureSearch, runner: TaskRunner) -> None:
        self.clerk_combo = QComboBox()
        self.day_edit = day_edit()
        self.start_edit, self.end_edit = time_edit(8), time_edit(9)
        self.edits = {key: QLineEdit() for key in ("citizen_name", "phone", "address", "area_code")}
        self.edits["area_code"].setPlaceholderText(tr("Mã xã/phường (nếu có)"))
        self.note_edit = QLineEdit(placeholderText=tr("Ghi chú (nếu có)"))
        self.picker = ProcedurePicker(procedures, runner)
        self.messages = {key: FieldMessage() for key in FIELDS}
        self.message = MessageBar()
        self.save_button = QPushButton(tr("Lưu lịch hẹn (Ctrl+Enter)"))
        self.save_button.setStyleSheet("font-weight: bold; padding: 6px 14px;")
        self.cancel_button = QPushButton(tr("Đóng (Esc)"))

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(tr("Cán bộ thực hiện:"), with_message(self.clerk_combo, self.messages["clerk"]))
        when = QHBoxLayout()
        when.addWidget(self.day_edit)
        when.addWidget(self.start_edit)
        when.addWidget(self.end_edit)
        when.addStretch(1)
        box = QWidget()
        box.setLayout(when)
        form.addRow(tr("Ngày, từ giờ – đến giờ:"), with_message(box, self.messages["start"]))
        form.addRow("", self.messages["end"])
        labels = (
            tr("Họ tên người dân:"),
            tr("Số điện thoại:"),
            tr("Địa chỉ:"),
            tr("Mã đơn vị hành chính:"),
        )
        for label, key in zip(labels, self.edits, strict=True):
            form.addRow(label, with_message(self.edits[key], self.messages[key]))
        form.addRow(tr("Thủ tục:"), self.picker)
        form.addRow(tr("Ghi chú:"), self.note_edit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)  # spare height below the message, not inside its box
        layout.addLayout(buttons)

    def _fill_moving(self, visit: VisitView) -> None:
        start, end = to_vn(visit.start), to_vn(visit.end)
        self.day_edit.setDate(QDate(start.year, start.month, start.day))
        self.start_edit.setTime(QTime(start.hour, start.minute))
        self.end_edit.setTime(QTime(end.hour, end.minute))
        texts = (visit.citizen_name, visit.phone, visit.address, visit.area_code or "")
        for edit, text in zip(self.edits.values(), texts, strict=True):
            edit.setText(text)
            edit.setEnabled(False)  # the citizen and the place stay; only when and who move
        self.picker.setEnabled(False)
        self.picker.search_edit.setText(visit.procedure_code)

    def _offer_clerks(self, users: list[SignedInUser]) -> None:
        for user in users:
            self.clerk_combo.addItem(f"{user.full_name} ({user.username})", user.username)
        select_data(self.clerk_combo, self.moving.clerk if self.moving else self._actor)
        self.clerk_combo.setFocus()

    def chosen_procedure(self) -> ProcedureInfo | None:
        return self.picker.chosen

    def request(self) -> VisitRequest:
        day = self.day_edit.date()
        picked = date(day.year(), day.month(), day.day())
        info = self.picker.chosen
        return VisitRequest(
            clerk=str(self.clerk_combo.currentData() or ""),
            start=vn_moment(picked, self.start_edit.time()),
            end=vn_moment(picked, self.end_edit.time()),
            citizen_name=self.edits["citizen_name"].text(),
            phone=self.edits["phone"].text(),
            address=self.edits["address"].text(),
            procedure_code=info.code if info else "",
            area_code=self.edits["area_code"].text() or None,
            note=self.note_edit.text() or None,
            booked_by=self._actor,
        )

    def save(self) -> None:
        for message in self.messages.values():
            message.clear_issue()
        self.picker.message.clear_issue()
        request, desk, actor, moving = self.request(), self._desk, self._actor, self.moving
        self.save_button.setEnabled(False)
        self.message.show_message("info", tr("Đang lưu lịch hẹn…"))
        if moving is None:
            job = lambda: desk.book(request)  # noqa: E731
        else:
            job = lambda: desk.reschedule(  # noqa: E731
                moving.id, request.start, request.end, actor,
                clerk=request.clerk, note=request.note,
            )  # fmt: skip
        self._runner.run_db(job, self._on_saved, self._on_refused, owner=self)

    def _on_saved(self, visit_id: int) -> None:
        self.save_button.setEnabled(True)
        emit(self.saved, visit_id)
        self.accept()

    def _on_refused(self, error: BaseException) -> None:
        """The message next to the field it is about, the cursor in that field."""
        self.save_button.setEnabled(True)
        text = error_text(error)
        key = getattr(error, "field", None) or ""
        if key == "procedure_code":
            self.picker.message.show_issue(text, True)
            self.picker.search_edit.setFocus()
        elif key in self.messages:
            self.messages[key].show_issue(text, True)
            self.field_widget(key).setFocus()
        else:
            self.message.show_message("error", tr("Chưa lưu: {text}").format(text=text))
            return
        self.message.show_message("error", tr("Chưa lưu: xem chữ đỏ dưới ô nhập."))

    def field_widget(self, key: str) -> QWidget:
        widgets: dict[str, QWidget] = {
            "clerk": self.clerk_combo, "start": self.start_edit, "end": self.end_edit,
        }  # fmt: skip
        return widgets.get(key) or self.edits[key]
