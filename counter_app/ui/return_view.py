"""Trả kết quả: scan the slip's barcode, check the receiver, confirm; ready for the next scan."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.delivery import by_post
from counter_app.domain.kinds import FeeCollection
from counter_app.domain.vntime import now_vn
from counter_app.services.postal import PostalReturn
from counter_app.ui.card_scan import CardScanWatcher
from counter_app.ui.detail_tables import status_text
from counter_app.ui.fee_dialog import FeeDialog
from counter_app.ui.fee_rows import FeeDesk
from counter_app.ui.i18n import tr
from counter_app.ui.intake_sections import money
from counter_app.ui.keyboard import safe_question
from counter_app.ui.postal_form import PostalReturnForm, UnitList
from counter_app.ui.qt_compat import emit
from counter_app.ui.return_presenter import (
    PostDesk,
    Receiver,
    ReturnDesk,
    ReturnPresenter,
    fees_due_at_return,
)
from counter_app.ui.slip_preview import SlipPreviewDialog
from counter_app.ui.tasks import TaskRunner
from counter_app.ui.widgets import FieldMessage, MessageBar, with_message
from counter_protocol.timefmt import format_vn

FEES_KEY = "Ctrl+T"
HANDOVER_KEY = "Ctrl+G"  # giao: the day's hand-over list for the postman

if TYPE_CHECKING:
    from counter_app.domain.cccd_qr import CccdQr
    from counter_app.services.dto import DossierDetail


class PostCounter(PostDesk, Protocol):
    """The post service as the return screen uses it: the desk plus the address pickers."""

    @property
    def units(self) -> UnitList: ...


class ReturnView(QWidget):
    """The scan box has the focus; a 1D scanner types the code and Enter. `presenter`
    (ReturnPresenter) decides what a scan and a confirmation do.

    Signals:
        dossier_returned(str): the code of a dossier whose result was just handed back.
    """

    dossier_returned = Signal(str)

    def __init__(
        self,
        returns: ReturnDesk,
        runner: TaskRunner,
        clerk_username: str,
        parent: QWidget | None = None,
        post: PostCounter | None = None,
        *,
        fees: FeeDesk | None = None,
    ) -> None:
        super().__init__(parent)
        self.presenter = ReturnPresenter(
            self, returns, runner, clerk_username, owner=self, post=post
        )
        self.handover_preview: SlipPreviewDialog | None = None
        self.discard_question: QMessageBox | None = None  # open while the clerk decides
        self.receiver_typed = False  # the clerk changed the receiver shown with the dossier
        self._fees, self._runner, self._clerk = fees, runner, clerk_username
        self.fee_dialog: FeeDialog | None = None
        self._make_widgets()
        self.postal_form = PostalReturnForm(post.units) if post else None
        self._layout()
        self._connect_post(post is not None)
        self.scan_edit.returnPressed.connect(self.look_up)
        cards = CardScanWatcher(self._receiver_from_card, self._card_damaged, self)
        for edit in (self.receiver_name_edit, self.receiver_id_edit, self.note_edit):
            edit.textEdited.connect(self._on_receiver_typed)
            cards.watch(edit)  # the receiver's card scanned while the cursor is in a field
        self.confirm_button.clicked.connect(self.confirm)
        self.cancel_button.clicked.connect(self.reset)
        self.fees_button.clicked.connect(self.collect_fees)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence(FEES_KEY), self, self.collect_fees, context)
        QShortcut(QKeySequence("Esc"), self, self.reset, context)
        for keys in ("Ctrl+Return", "F9"):
            QShortcut(QKeySequence(keys), self, self.confirm, context)
        self.show_dossier(None)

    @property
    def detail(self) -> DossierDetail | None:
        """The dossier on screen, waiting for confirmation."""
        return self.presenter.detail

    def _make_widgets(self) -> None:
        self.scan_edit = QLineEdit(
            placeholderText=tr("Quét mã vạch trên giấy tiếp nhận, hoặc gõ mã hồ sơ rồi nhấn Enter")
        )
        self.scan_edit.setStyleSheet("font-size: 13pt; padding: 4px;")
        self.message = MessageBar()
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.receiver_name_edit = QLineEdit()
        self.receiver_id_edit = QLineEdit()
        self.receiver_id_message = FieldMessage()
        self.receiver_id_edit.textEdited.connect(lambda _t: self.receiver_id_message.clear_issue())
        self.fees_button = QPushButton()
        self.fees_button.setToolTip(tr("Phím tắt: {FEES_KEY}").format(FEES_KEY=FEES_KEY))
        self.fees_collected = False  # the fee window wrote every line owed at return
        self.note_edit = QLineEdit(placeholderText=tr("Ghi chú (nếu có)"))
        self.post_check = QCheckBox(tr("Trả qua bưu điện (bưu chính công ích)"))
        self.handover_button = QPushButton(
            tr("Danh sách giao bưu gửi hôm nay… ({HANDOVER_KEY})").format(HANDOVER_KEY=HANDOVER_KEY)
        )
        self.handover_button.setShortcut(HANDOVER_KEY)
        self.confirm_button = QPushButton(tr("Xác nhận trả kết quả (Ctrl+Enter)"))
        self.confirm_button.setStyleSheet("font-weight: bold; padding: 6px 14px;")
        self.cancel_button = QPushButton(tr("Bỏ qua (Esc)"))

    def _layout(self) -> None:
        self.dossier_box = QGroupBox(tr("Hồ sơ"))
        form = QFormLayout(self.dossier_box)
        form.addRow(self.summary_label)
        form.addRow(self.post_check)
        form.addRow(tr("Người nhận kết quả:"), self.receiver_name_edit)
        self.receiver_id_row = with_message(self.receiver_id_edit, self.receiver_id_message)
        form.addRow(tr("Số CCCD người nhận:"), self.receiver_id_row)
        if self.postal_form is not None:
            form.addRow(self.postal_form)
            self.postal_form.setVisible(False)
        form.addRow(self.fees_button)
        form.addRow(tr("Ghi chú:"), self.note_edit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.confirm_button)
        form.addRow(buttons)
        self.dossier_form = form
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        head.addWidget(QLabel(tr("<b>Mã hồ sơ:</b>")))
        head.addStretch(1)
        head.addWidget(self.handover_button)
        layout.addLayout(head)
        layout.addWidget(self.scan_edit)
        layout.addWidget(self.message)
        layout.addWidget(self.dossier_box)
        layout.addStretch(1)

    def focus_first_field(self) -> None:
        self.scan_edit.setFocus()
        self.scan_edit.selectAll()

    def look_up(self) -> None:
        self.presenter.look_up()

    def confirm(self) -> None:
        self.presenter.confirm()

    def reset(self) -> None:
        """“Bỏ qua” / Esc: at once if nothing was typed for this dossier, else once confirmed."""
        if self.detail is None or not self.receiver_typed:
            self.presenter.reset()
            return
        if self.discard_question is None:
            self.discard_question = safe_question(
                self.window(),
                tr("Bỏ qua hồ sơ này?"),
                tr("Thông tin người nhận đã nhập chưa được ghi. Bỏ qua hồ sơ này?"),
                (tr("Giữ lại, tiếp tục nhập"), tr("Bỏ qua, quét hồ sơ khác")),
                self._answer_discard,
            )

    def _receiver_from_card(self, qr: CccdQr) -> None:
        self.receiver_name_edit.setText(qr.full_name)
        self.receiver_id_edit.setText(qr.id_number)
        self.receiver_typed = True
        self.show_message(
            "info", tr("Người nhận theo CCCD vừa quét: {full_name}.").format(full_name=qr.full_name)
        )

    def _card_damaged(self, message: str) -> None:
        self.show_message("error", message)

    def _on_receiver_typed(self) -> None:
        self.receiver_typed = True

    def _answer_discard(self, discard: bool) -> None:
        self.discard_question = None
        if discard:
            self.presenter.reset()

    # --- what the presenter asks of the screen --------------------------------------------------

    def scanned_code(self) -> str:
        return self.scan_edit.text().strip().upper()

    def receiver(self) -> Receiver:
        return Receiver(
            self.receiver_name_edit.text().strip(),
            self.receiver_id_edit.text().strip(),
            self.fees_collected,
            self.note_edit.text().strip() or None,
        )

    def show_message(self, kind: str, text: str) -> None:
        self.message.show_message(kind, text)

    def clear_message(self) -> None:
        self.message.clear_message()

    def ready_for_scan(self) -> None:
        self.scan_edit.clear()
        self.scan_edit.setFocus()

    def focus_field(self, key: str) -> None:
        fields = {"fees": self.fees_button, "receiver_id_number": self.receiver_id_edit}
        fields.get(key, self.receiver_name_edit).setFocus()

    def show_field_issue(self, key: str, message: str | None) -> None:
        if message is None:
            self.receiver_id_message.clear_issue()
        else:
            self.receiver_id_message.show_issue(message, blocking=True)

    def announce_returned(self, code: str) -> None:
        emit(self.dossier_returned, code)

    def show_dossier(self, detail: DossierDetail | None) -> None:
        self.receiver_typed = False
        self.dossier_box.setEnabled(detail is not None)
        self.receiver_id_message.clear_issue()
        if self.postal_form is not None:
            self.postal_form.clear()
        if detail is None:
            self.summary_label.setText(tr("Chưa có hồ sơ. Quét mã vạch trên giấy tiếp nhận."))
            for edit in (self.receiver_name_edit, self.receiver_id_edit, self.note_edit):
                edit.clear()
            self.fees_button.setVisible(False)
            self.post_check.setChecked(False)
            return
        a = detail.applicant
        self.summary_label.setText(
            tr(
                "<b style='font-size:12pt'>{code}</b><br>{procedure}<br>Người nộp: "
                "<b>{applicant}</b> · CCCD: {id_number}<br>Trạng thái: {status} · Hẹn "
                "trả: {due}"
            ).format(
                code=escape(detail.code),
                procedure=escape(detail.procedure_name),
                applicant=escape(a.full_name),
                id_number=escape(a.id_number or "—"),
                status=status_text(detail.status),
                due=format_vn(detail.due_at),
            )
        )
        self.receiver_name_edit.setText(a.full_name)
        self.receiver_id_edit.setText(a.id_number or "")
        due = fees_due_at_return(detail)
        self.fees_collected = False
        self.fees_button.setVisible(due > 0)
        self.fees_button.setEnabled(True)
        self.fees_button.setText(
            tr("Thu {money} phí, lệ phí khi trả kết quả ({FEES_KEY})").format(
                money=money(due), FEES_KEY=FEES_KEY
            )
        )

        if self.postal_form is not None:
            self.postal_form.address_form.fill(a.full_name, a.phone or "")
            self.postal_form.address_form.street_edit.setText(detail.delivery_address or "")
        self.post_check.setChecked(by_post(detail.result_delivery) and self.postal_form is not None)

    # --- by post ----------------------------------------------------------------------------------

    def _connect_post(self, offered: bool) -> None:
        """The postal tick and the hand-over button, shown only with the post service."""
        self.post_check.toggled.connect(self._post_toggled)
        self.handover_button.clicked.connect(self.print_handover)
        self.post_check.setVisible(offered)
        self.handover_button.setVisible(offered)

    def _post_toggled(self, on: bool) -> None:
        """By post: the postal fields replace the receiver at the counter."""
        if self.postal_form is None:
            return
        self.postal_form.setVisible(on)
        for row in (self.receiver_name_edit, self.receiver_id_row):
            self.dossier_form.setRowVisible(row, not on)

    def postal_request(self) -> PostalReturn | None:
        if self.postal_form is None or not self.post_check.isChecked():
            return None
        form = self.postal_form
        return PostalReturn(
            form.address_form.address(),
            form.postage_spin.value(),
            form.weight_spin.value() or None,
            form.receipt_edit.text().strip() or None,
            self.fees_collected,
            self.note_edit.text().strip() or None,
        )

    def show_pool(self, unused: int | None, home_province: str) -> None:
        form = self.postal_form
        if form is None:
            return
        form.show_pool(unused)
        form.address_form.home_province = home_province
        if form.address_form.province_combo.currentIndex() == 0:
            form.address_form.choose(home_province)

    def print_handover(self) -> None:
        self.presenter.print_handover(now_vn().date())

    def show_handover(self, pdf: bytes) -> None:
        self.clear_message()
        day = now_vn().date()
        title = tr("Danh sách giao bưu gửi ngày {day:%d/%m/%Y}").format(day=day)
        self.handover_preview = SlipPreviewDialog(
            pdf, f"giao-buu-gui-{day:%Y%m%d}", self, title=title
        )
        self.handover_preview.open()

    def collect_fees(self) -> None:
        """Ctrl+T: the fee window for the lines owed at return; the result may then go."""
        detail = self.detail
        if detail is None or self._fees is None or not self.fees_button.isVisible():
            return
        dialog = self.fee_dialog = FeeDialog(
            self._fees, self._runner, self._clerk, detail.code, FeeCollection.AT_RETURN, self
        )
        dialog.accepted.connect(lambda: self._fees_taken(detail.code))
        dialog.open()

    def _fees_taken(self, code: str) -> None:
        if self.detail is not None and self.detail.code == code:
            self.fees_collected = True
            self.fees_button.setEnabled(False)
            self.fees_button.setText(tr("Đã thu phí, lệ phí khi trả kết quả (đã ghi sổ thu)"))
            self.show_message("info", tr("Đã thu phí, lệ phí. Nhấn F9 để xác nhận trả kết quả."))
            self.scan_edit.setFocus()
