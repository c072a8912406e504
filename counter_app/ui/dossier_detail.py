"""One dossier in full: its fields, its event history, and a button to reprint the slip."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.ui.intake_sections import COLLECTED_WORDS, money
from counter_app.ui.slip_preview import SlipPreviewDialog, SlipRenderer
from counter_app.ui.tasks import TaskRunner
from counter_app.ui.widgets import MessageBar, error_text
from counter_protocol.statuses import Status
from counter_protocol.timefmt import format_vn

if TYPE_CHECKING:
    from counter_app.services.dto import ComponentInput, DossierDetail, FeeLine

EVENT_KINDS = {
    "registered": "Đăng ký",
    "received": "Tiếp nhận",
    "refused": "Từ chối tiếp nhận",
    "forwarded": "Chuyển cơ quan giải quyết",
    "supplement_requested": "Yêu cầu bổ sung",
    "financial_obligation": "Nghĩa vụ tài chính",
    "withdrawn": "Rút hồ sơ",
    "stopped": "Dừng xử lý",
    "result_ready": "Có kết quả",
    "returned": "Trả kết quả",
    "status": "Chuyển trạng thái",
}
ALWAYS_SHOWN = frozenset({"Mã hồ sơ", "Trạng thái", "Thủ tục", "Người nộp", "Hẹn trả"})
EVENT_HEADERS = (
    "Thời gian",
    "Người thực hiện",
    "Việc",
    "Từ trạng thái",
    "Sang trạng thái",
    "Ghi chú",
)


class DossierDetails(Protocol):
    """What the dialog asks of the DetailService."""

    def get(self, code: str) -> DossierDetail: ...


def status_text(code: int | None) -> str:
    if code is None:
        return ""
    try:
        return Status(code).label
    except ValueError:
        return str(code)


def detail_fields(d: DossierDetail) -> list[tuple[str, str]]:
    """(label, value) lines of a DossierDetail, in reading order (pure: tested without widgets)."""
    a = d.applicant
    delivery = d.result_delivery.label
    if d.delivery_address:
        delivery += f": {d.delivery_address}"
    return [
        ("Mã hồ sơ", d.code),
        ("Trạng thái", status_text(d.status)),
        ("Thủ tục", f"{d.procedure_name} ({d.procedure_code})"),
        ("Cơ quan giải quyết", d.agency_name),
        ("Thời hạn giải quyết", d.processing_text),
        ("Người nộp", a.full_name),
        ("Số CCCD", a.id_number or ""),
        ("Số CMND cũ", a.old_id_number or ""),
        ("Ngày sinh", a.birth_date.strftime("%d/%m/%Y") if a.birth_date else ""),
        ("Giới tính", a.sex or ""),
        ("Điện thoại", a.phone or ""),
        ("Email", a.email or ""),
        ("Địa chỉ", a.address or ""),
        ("Người được ủy quyền", d.authorised_person or ""),
        ("Hình thức nộp", d.channel.label),
        ("Nhận kết quả", delivery),
        ("Tiếp nhận", f"{format_vn(d.received_at)} — {d.received_by_name}"),
        ("Hẹn trả", format_vn(d.due_at)),
        ("Đã trả kết quả", format_vn(d.returned_at) if d.returned_at else "Chưa"),
        ("Thành phần hồ sơ", _components_text(d.components)),
        ("Phí, lệ phí", _fees_text(d.fees)),
        ("Số bộ hồ sơ", str(d.sets_count)),
        ("Ghi chú", d.note or ""),
    ]


def _components_text(components: Sequence[ComponentInput]) -> str:
    lines = [
        f"{'☑' if c.provided else '☐'} {c.name} — {c.originals} bản chính, {c.copies} bản sao"
        for c in components
    ]
    return "\n".join(lines) or "(không có)"


def _fees_text(fees: Sequence[FeeLine]) -> str:
    lines = [
        f"{f.name}: {money(f.amount)} ({COLLECTED_WORDS.get(f.collected, f.collected)}"
        f"{', đã thu' if f.paid else ''})"
        for f in fees
    ]
    return "\n".join(lines) or "Không có"


class DossierDetailDialog(QDialog):
    """Loads `details.get(code)` in the background and shows it; Reprint renders the slip again."""

    def __init__(
        self,
        details: DossierDetails,
        slips: SlipRenderer,
        runner: TaskRunner,
        code: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Hồ sơ {code}")
        self._slips, self._runner, self.code = slips, runner, code
        self.detail: DossierDetail | None = None
        self.preview: SlipPreviewDialog | None = None
        self.fields_widget = QWidget()
        self.fields_form = QFormLayout(self.fields_widget)
        self.events_table = QTableWidget(0, len(EVENT_HEADERS))
        self.events_table.setHorizontalHeaderLabels(EVENT_HEADERS)
        self.events_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.events_table.verticalHeader().setVisible(False)
        self.events_table.horizontalHeader().setStretchLastSection(True)
        self.message = MessageBar()
        self.reprint_button = QPushButton("In lại giấy tiếp nhận")
        self.reprint_button.clicked.connect(self.reprint)
        self.close_button = QPushButton("Đóng")
        self.close_button.clicked.connect(self.accept)
        self._layout()
        self.resize(900, 760)
        self.message.show_message("info", "Đang tải hồ sơ…")
        runner.run_db(lambda: details.get(code), self._show, self._failed, owner=self)

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.reprint_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.fields_widget)
        history = QWidget()
        history_layout = QVBoxLayout(history)
        history_layout.setContentsMargins(0, 0, 0, 0)
        history_layout.addWidget(QLabel("<b>Quá trình xử lý</b>"))
        history_layout.addWidget(self.events_table)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(scroll)
        splitter.addWidget(history)
        splitter.setSizes([460, 240])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def _show(self, detail: DossierDetail) -> None:
        self.detail = detail
        self.message.clear_message()
        for label, value in detail_fields(detail):
            if not value and label not in ALWAYS_SHOWN:
                continue  # an empty line per missing e-mail or proxy only pushes history down
            value_label = QLabel(value)
            value_label.setWordWrap(True)
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields_form.addRow(f"{label}:", value_label)
        self.events_table.setRowCount(len(detail.events))
        for row, event in enumerate(detail.events):
            cells = (
                format_vn(event.at),
                event.actor,
                EVENT_KINDS.get(event.kind, event.kind),
                status_text(event.from_status),
                status_text(event.to_status),
                event.note or "",
            )
            for col, text in enumerate(cells):
                self.events_table.setItem(row, col, QTableWidgetItem(text))
        self.events_table.resizeColumnsToContents()

    def _failed(self, error: BaseException) -> None:
        self.message.show_message("error", error_text(error))
        self.reprint_button.setEnabled(False)

    def reprint(self) -> None:
        self.reprint_button.setEnabled(False)
        self.message.show_message("info", "Đang tạo giấy tiếp nhận…")
        code = self.code
        self._runner.run_io(
            lambda: self._slips.render_for(code),
            self._open_preview,
            self._reprint_failed,
            owner=self,
        )

    def _open_preview(self, pdf: bytes) -> None:
        self.reprint_button.setEnabled(True)
        self.message.clear_message()
        self.preview = SlipPreviewDialog(pdf, self.code, self)
        self.preview.open()

    def _reprint_failed(self, error: BaseException) -> None:
        self.reprint_button.setEnabled(True)
        self.message.show_message("error", f"Không tạo được giấy tiếp nhận: {error_text(error)}")
