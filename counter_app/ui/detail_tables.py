"""The lower half of a dossier's detail: its history, issued forms, hand-overs and conflicts.

Each section is a read-only table filled from plain rows; the row functions are pure so they are
tested without widgets. The services' rows are described here by Protocols (attributes only).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget

from counter_app.ui.i18n import QT_TR_NOOP, tr
from counter_app.ui.texts import label_text, note_text
from counter_app.ui.widgets import vn_when
from counter_protocol.lifecycle import ACTION_LABELS, Action
from counter_protocol.statuses import Status
from counter_protocol.texts import Marked

OLD_EVENT_KINDS = {  # events written before the lifecycle actions had names of their own
    "registered": QT_TR_NOOP("Đăng ký"),
    "supplement_requested": QT_TR_NOOP("Yêu cầu bổ sung"),
    "financial_obligation": QT_TR_NOOP("Nghĩa vụ tài chính"),
    "result_ready": QT_TR_NOOP("Có kết quả"),
    "status": QT_TR_NOOP("Chuyển trạng thái"),
}
FORM_TITLES = {
    "01": QT_TR_NOOP("Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
    "02": QT_TR_NOOP("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"),
    "03": QT_TR_NOOP("Phiếu từ chối tiếp nhận giải quyết hồ sơ"),
    "04": QT_TR_NOOP("Văn bản xin lỗi và hẹn lại ngày trả kết quả"),
    "05": QT_TR_NOOP("Thông báo dừng giải quyết hồ sơ"),
    "06": QT_TR_NOOP("Phiếu kiểm soát quá trình giải quyết hồ sơ"),
}
HISTORY_HEADERS = (
    QT_TR_NOOP("Thời gian"),
    QT_TR_NOOP("Người thực hiện"),
    QT_TR_NOOP("Việc"),
    QT_TR_NOOP("Trạng thái"),
    QT_TR_NOOP("Ghi chú"),
)
FORM_HEADERS = (
    QT_TR_NOOP("Mẫu"),
    QT_TR_NOOP("Tên phiếu"),
    QT_TR_NOOP("Số"),
    QT_TR_NOOP("Ngày lập"),
    QT_TR_NOOP("Người lập"),
)
HANDOVER_HEADERS = (
    QT_TR_NOOP("Thời gian"),
    QT_TR_NOOP("Việc"),
    QT_TR_NOOP("Người giao"),
    QT_TR_NOOP("Người nhận"),
    QT_TR_NOOP("Nơi nhận"),
    QT_TR_NOOP("Số bưu gửi"),
    QT_TR_NOOP("Kết quả"),
)
VERDICTS = {
    "early": QT_TR_NOOP("Trước hạn"),
    "on_time": QT_TR_NOOP("Đúng hạn"),
    "late": QT_TR_NOOP("Quá hạn"),
}
CONFLICT_HEADERS = (
    QT_TR_NOOP("Phát hiện lúc"),
    QT_TR_NOOP("Nội dung khác biệt"),
    QT_TR_NOOP("Đã xem"),
)


class EventLine(Protocol):
    """One event of the dossier's history as the detail service gives it."""

    @property
    def kind(self) -> str: ...
    @property
    def at(self) -> datetime: ...
    @property
    def who(self) -> str:
        """The person's name, or the username when the store knows no name for it."""
        ...

    @property
    def to_status(self) -> int | None: ...
    @property
    def note(self) -> str | None: ...


class IssuedFormLine(Protocol):
    """One form issued for the dossier (issued_forms row)."""

    @property
    def form_id(self) -> int: ...
    @property
    def form_no(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def number(self) -> str | None: ...
    @property
    def issued_at(self) -> datetime: ...
    @property
    def issuer(self) -> str:
        """Who issued it, by name (the username when the store knows no name)."""
        ...


class HandoverLine(Protocol):
    """One hand-over row of Mẫu 06 (the lifecycle service's control sheet)."""

    @property
    def label(self) -> str: ...
    @property
    def at(self) -> datetime: ...
    @property
    def handed_by(self) -> str: ...
    @property
    def received_by(self) -> str: ...
    @property
    def to_unit(self) -> str | None: ...
    @property
    def postal_number(self) -> str | None: ...
    @property
    def verdict(self) -> object | None: ...


class ConflictLine(Protocol):
    """A difference between the counter's dossier and the province's (dossier_conflicts row)."""

    @property
    def id(self) -> int: ...
    @property
    def detected_at(self) -> datetime: ...
    @property
    def message(self) -> str: ...
    @property
    def note(self) -> tuple[Marked, ...] | None: ...
    @property
    def seen_at(self) -> datetime | None: ...


def event_kind_text(kind: str) -> str:
    try:
        return label_text(ACTION_LABELS[Action(kind)])
    except ValueError:
        return tr(OLD_EVENT_KINDS.get(kind, kind))


def status_text(code: int | None) -> str:
    if code is None:
        return ""
    try:
        return label_text(Status(code).label)
    except ValueError:
        return str(code)


def history_rows(events: Sequence[EventLine]) -> list[tuple[str, ...]]:
    return [
        (vn_when(e.at), e.who, event_kind_text(e.kind), status_text(e.to_status), e.note or "")
        for e in events
    ]


def form_rows(forms: Sequence[IssuedFormLine]) -> list[tuple[str, ...]]:
    return [
        (
            f.form_no,
            f.title or form_title(f.form_no),
            f.number or "",
            vn_when(f.issued_at),
            f.issuer,
        )
        for f in forms
    ]


def form_title(form_no: str) -> str:
    if form_no in FORM_TITLES:
        return tr(FORM_TITLES[form_no])
    return tr("Mẫu {form_no}").format(form_no=form_no)


def handover_rows(rows: Sequence[HandoverLine]) -> list[tuple[str, ...]]:
    """The hand-overs of the paper dossier (Mẫu 06): who gave, who took, when, on time or not."""
    return [
        (
            vn_when(r.at),
            r.label,
            r.handed_by,
            r.received_by,
            r.to_unit or "",
            r.postal_number or "",
            tr(VERDICTS.get(str(r.verdict), "")) if r.verdict is not None else "",
        )
        for r in rows
    ]


def conflict_rows(conflicts: Sequence[ConflictLine]) -> list[tuple[str, ...]]:
    return [
        (
            vn_when(c.detected_at),
            note_text(c.note, c.message),
            vn_when(c.seen_at) if c.seen_at else tr("Chưa xem"),
        )
        for c in conflicts
    ]


def header_text(header: str) -> str:
    """A column title: the screens' own, or a label from below them (a task, a verdict)."""
    translated = tr(header)
    return translated if translated != header else label_text(header)


class ReadOnlyTable(QTableWidget):
    """A table a clerk reads and moves through with the arrows; rows replaced as a whole."""

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels([header_text(h) for h in headers])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setHighlightSections(False)  # bold titles outgrow their column
        self.setWordWrap(True)

    def set_rows(self, rows: Sequence[Sequence[str]]) -> None:
        self.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            for col, text in enumerate(cells):
                self.setItem(row, col, QTableWidgetItem(text))
        self.resizeColumnsToContents()
        if rows and self.currentRow() < 0:
            self.selectRow(0)

    def cell_text(self, row: int, col: int) -> str:
        item = self.item(row, col)
        return item.text() if item is not None else ""
