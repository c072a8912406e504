"""Smaller blocks of the intake screen: channel and delivery, fees, the live appointment."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain import fees as fee_rules
from counter_app.domain.delivery import delivery_issues, stored_address
from counter_app.domain.kinds import COUNTER_CHANNELS, Channel, FeeCollection, ResultDelivery
from counter_app.domain.postal import InboundItem
from counter_app.domain.validation import ValidationIssue
from counter_app.services.dto import FeeLine, IntakeRequest
from counter_app.ui.i18n import QT_TR_NOOP, tr
from counter_app.ui.postal_form import STREET_ROW, AddressForm, UnitList
from counter_app.ui.qt_compat import emit
from counter_app.ui.texts import label_text
from counter_app.ui.widgets import FieldMessage, with_message
from counter_protocol.timefmt import to_vn

if TYPE_CHECKING:
    from counter_app.services.procedures import ProcedureInfo

CHANNELS = tuple((channel.label, int(channel)) for channel in COUNTER_CHANNELS)
DELIVERIES = tuple((delivery.label, int(delivery)) for delivery in ResultDelivery)
COLLECTED_WORDS = {
    "at_receipt": QT_TR_NOOP("thu khi tiếp nhận"),
    "at_return": QT_TR_NOOP("thu khi trả kết quả"),
    "exempt": QT_TR_NOOP("miễn"),
}
WEEKDAYS = (
    QT_TR_NOOP("Thứ Hai"),
    QT_TR_NOOP("Thứ Ba"),
    QT_TR_NOOP("Thứ Tư"),
    QT_TR_NOOP("Thứ Năm"),
    QT_TR_NOOP("Thứ Sáu"),
    QT_TR_NOOP("Thứ Bảy"),
    QT_TR_NOOP("Chủ nhật"),
)


def money(amount: int) -> str:
    """`1.234.000 đ`, the Vietnamese thousands separator."""
    return tr("{amount:,} đ").format(amount=amount).replace(",", ".")


def appointment_text(moment: datetime) -> str:
    m = to_vn(moment)
    return tr("{m:%H} giờ {m:%M}, {value} ngày {m:%d/%m/%Y}").format(
        m=m, value=tr(WEEKDAYS[m.weekday()])
    )


class DeliveryBox(QWidget):
    """How the dossier came in and how the result goes back (address only for the post).

    Signals:
        edited(str): "channel", "result_delivery" or "delivery_address".
    """

    edited = Signal(str)

    def __init__(self, postal_units: UnitList | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.channel_combo = QComboBox()
        for label, value in CHANNELS:
            self.channel_combo.addItem(label_text(label), value)
        self.delivery_combo = QComboBox()
        for label, value in DELIVERIES:
            self.delivery_combo.addItem(label_text(label), value)
        self.address_edit = QLineEdit(placeholderText=tr("Địa chỉ nhận kết quả qua bưu điện"))
        self.address_edit.setObjectName("delivery_address")
        self.address_edit.setEnabled(False)
        self.messages = {"delivery_address": FieldMessage(), "result_delivery": FieldMessage()}
        self.commune_combo = QComboBox()
        self.commune_combo.setToolTip(
            tr(
                "Thủ tục tiếp nhận không phụ thuộc địa giới: "
                "chọn xã/phường có thẩm quyền giải quyết"
            )
        )
        form = self.form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(tr("Hình thức nộp:"), self.channel_combo)
        form.addRow(tr("Xã/phường giải quyết:"), self.commune_combo)
        form.setRowVisible(self.commune_combo, False)
        form.addRow(
            tr("Nhận kết quả:"), with_message(self.delivery_combo, self.messages["result_delivery"])
        )
        form.addRow(
            tr("Địa chỉ nhận:"), with_message(self.address_edit, self.messages["delivery_address"])
        )
        # Placed by the intake screen beside the applicant; shown for a dossier sent by post.
        self.sender_box = SenderBox(postal_units) if postal_units is not None else None
        self.channel_combo.currentIndexChanged.connect(self._on_channel_changed)
        self.delivery_combo.currentIndexChanged.connect(self._on_delivery_changed)
        self.address_edit.textEdited.connect(lambda _t: emit(self.edited, "delivery_address"))
        self.applicant_address = ""

    def offer_communes(self, communes: list[tuple[str, str]] | None) -> None:
        """Since 01/07/2025 a boundary-free procedure may be decided by another commune
        (docs/domain.md#phi-dia-gioi): offer them; None hides the choice."""
        self.commune_combo.clear()
        self.form.setRowVisible(self.commune_combo, communes is not None)
        self.commune_combo.addItem(tr("Xã/phường nơi tiếp nhận"), None)
        for code, name in communes or ():
            self.commune_combo.addItem(name, code)

    def home_commune(self) -> str | None:
        """The commune unit the clerk chose to decide, None: the receiving one."""
        code = self.commune_combo.currentData()
        return str(code) if code else None

    def _on_delivery_changed(self, _index: int) -> None:
        by_post = self.result_delivery() == ResultDelivery.BY_POST
        self.address_edit.setEnabled(by_post)
        if by_post and not self.address_edit.text().strip():
            self.address_edit.setText(self.applicant_address)
        emit(self.edited, "result_delivery")

    def _on_channel_changed(self, _index: int) -> None:
        if self.sender_box is not None:
            self.sender_box.setVisible(self.channel() == Channel.POSTAL)
        emit(self.edited, "channel")

    def postal_sender(self) -> InboundItem | None:
        """Who posted the dossier, for a dossier received by post (channel 3)."""
        if self.sender_box is None or self.channel() != Channel.POSTAL:
            return None
        return self.sender_box.inbound()

    def channel(self) -> Channel:
        return Channel(int(self.channel_combo.currentData()))

    def result_delivery(self) -> ResultDelivery:
        return ResultDelivery(int(self.delivery_combo.currentData()))

    def delivery_address(self) -> str | None:
        return stored_address(self.result_delivery(), self.address_edit.text())

    def clear(self) -> None:
        self.channel_combo.setCurrentIndex(0)
        self.delivery_combo.setCurrentIndex(0)
        self.address_edit.clear()
        self.offer_communes(None)
        if self.sender_box is not None:
            self.sender_box.clear()
        for message in self.messages.values():
            message.clear_issue()


class SenderBox(QGroupBox):
    """Who posted the dossier (BCCI): the sender's address with the 2025 units and the number
    of the incoming item, recorded with the intake (docs/domain.md#post)."""

    def __init__(self, units: UnitList, parent: QWidget | None = None) -> None:
        super().__init__(tr("Người gửi hồ sơ qua bưu điện"), parent)
        self.setVisible(False)  # until the channel is "by post"
        self.address_form = AddressForm(units, compact=True)
        self.address_form.name_label.setText(tr("Người gửi:"))
        self.number_edit = QLineEdit(placeholderText=tr("nếu có"))
        self.collected_check = QCheckBox(tr("Nhân viên bưu chính thu gom tại địa chỉ người gửi"))
        self.address_form.grid.addWidget(QLabel(tr("Số hiệu:")), STREET_ROW, 2)
        self.address_form.grid.addWidget(self.number_edit, STREET_ROW, 3)
        self.address_form.grid.addWidget(self.collected_check, STREET_ROW + 1, 1, 1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.address_form)

    def inbound(self) -> InboundItem:
        return InboundItem(
            self.address_form.address(),
            self.number_edit.text().strip() or None,
            self.collected_check.isChecked(),
        )

    def clear(self) -> None:
        self.address_form.clear()
        self.number_edit.clear()
        self.collected_check.setChecked(False)


class FeesBox(QWidget):
    """The procedure's fees; the money itself is taken after saving, in the fee window, each
    line against its receipt (ui/fee_dialog.py), so the ledger and the cash report have it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fees: tuple[FeeLine, ...] = ()
        self.lines_label = QLabel(tr("Không có phí, lệ phí."))
        self.lines_label.setWordWrap(True)
        self.when_label = QLabel()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.lines_label)
        form.addRow(self.when_label)

    def set_fees(self, fees: Iterable[FeeLine]) -> None:
        self._fees = tuple(fees)
        if not self._fees:
            self.lines_label.setText(tr("Không có phí, lệ phí."))
        else:
            self.lines_label.setText(
                "\n".join(
                    f"• {f.name}: {money(f.amount)} "
                    f"({tr(COLLECTED_WORDS.get(f.collected, f.collected))})"
                    for f in self._fees
                )
            )
        now_total = self.total(FeeCollection.AT_RECEIPT)
        self.when_label.setText(
            tr("Thu {money} sau khi lưu, theo biên lai.").format(money=money(now_total))
            if now_total
            else ""
        )

    def total(self, collected: str) -> int:
        return fee_rules.total(self._fees, FeeCollection(collected))

    def fee_lines(self) -> tuple[FeeLine, ...]:
        return tuple(FeeLine(f.kind, f.name, f.amount, f.collected, paid=False) for f in self._fees)

    def clear(self) -> None:
        self.set_fees(())


def clock_question(parent: QWidget, text: str, answered: Callable[[bool], None]) -> QMessageBox:
    """Open the warning a clerk must answer when the clock looks wrong: `answered(True)` if
    they store anyway, `answered(False)` if they go and fix the clock (nothing stored)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        tr("Ngày giờ của máy có thể sai"),
        text,
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setInformativeText(
        tr(
            "Ngày giờ của máy sẽ in trên giấy tiếp nhận, trong mã hồ sơ và "
            "ngày hẹn trả. Xem ngày giờ ở góc màn hình trước khi chọn."
        )
    )
    store = box.addButton(tr("Ngày giờ đúng, vẫn lưu và in"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("Không lưu, để chỉnh ngày giờ"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(QMessageBox.StandardButton.NoButton)
    box.finished.connect(lambda _result: answered(box.clickedButton() is store))
    box.open()
    return box


def form_warnings(request: IntakeRequest, info: ProcedureInfo | None) -> list[ValidationIssue]:
    """The warnings only the form can give: the procedure's delivery rule."""
    warnings: list[ValidationIssue] = []
    if info is not None:  # the service checks the address; only the form knows the procedure
        warnings += [
            issue
            for issue in delivery_issues(
                request.result_delivery, request.delivery_address, info.bcci_allowed
            )
            if not issue.blocking
        ]
    return warnings
