"""The rows of the fee window (ui/fee_dialog.py) and what they write: each owed line collected
against the receipt typed from the paper, kept pending, or exempted; postage apart. Writing runs
on the store lane, one transaction an entry, and stops at the first refusal."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from counter_app.domain.fee_ledger import parse_receipt
from counter_app.ui.i18n import QT_TR_NOOP, tr
from counter_app.ui.intake_sections import money
from counter_app.ui.texts import user_error_text
from counter_app.ui.widgets import FieldMessage
from counter_protocol.errors import UserError

if TYPE_CHECKING:
    from counter_app.services.fee_entries import EntryView, OwedLine

HOW_RECEIPT, HOW_PENDING, HOW_EXEMPT = "receipt", "pending", "exempt"
HOW_CHOICES = (
    (QT_TR_NOOP("Thu, có biên lai"), HOW_RECEIPT),
    (QT_TR_NOOP("Thu, chờ số biên lai"), HOW_PENDING),
    (QT_TR_NOOP("Miễn (ghi lý do)"), HOW_EXEMPT),
)


class FeeDesk(Protocol):
    """What collecting asks of the FeeService."""

    def owed(self, code: str) -> list[OwedLine]: ...

    def collect(
        self,
        code: str,
        line_name: str,
        *,
        clerk: str,
        receipt: str | None,
        amount: int | None = ...,
        reason: str | None = ...,
    ) -> EntryView: ...

    def record_exempt(self, code: str, line_name: str, *, clerk: str, reason: str) -> EntryView: ...

    def collect_postage(
        self, code: str, name: str, amount: int, *, clerk: str, receipt: str | None
    ) -> EntryView: ...


def lines_owed_now(lines: Sequence[OwedLine], moment: str | None) -> list[OwedLine]:
    """The lines with money still owed, at that moment (every moment when None)."""
    return [o for o in lines if o.owed and (moment is None or o.collected == moment)]


@dataclass(frozen=True)
class FeeAction:
    """One thing to write: `how` a line (or the postage, line None) is settled."""

    how: str
    line: str | None
    text: str  # the receipt "SERIES/NUMBER", or the exemption's reason
    amount: int = 0
    reason: str | None = None  # why the amount is not the catalogue's (e.g. "3 trang")


class RowProblem(ValueError):
    """A row not ready to write: the message, and the field the cursor goes to."""

    def __init__(self, message: str, widget: QWidget) -> None:
        super().__init__(message)
        self.widget = widget


@dataclass
class Recorded:
    """What a run of actions wrote, and where it stopped (the first refused action)."""

    done: list[EntryView] = field(default_factory=list)
    failed: int | None = None
    error: BaseException | None = None


def record_actions(desk: FeeDesk, code: str, clerk: str, actions: Sequence[FeeAction]) -> Recorded:
    """Runs on the store lane: each action is its own transaction; stop at the first refusal."""
    recorded = Recorded()
    for index, action in enumerate(actions):
        try:
            recorded.done.append(_record(desk, code, clerk, action))
        except UserError as error:
            recorded.failed, recorded.error = index, error
            break
    return recorded


def _record(desk: FeeDesk, code: str, clerk: str, action: FeeAction) -> EntryView:
    receipt = action.text if action.how == HOW_RECEIPT else None
    if action.line is None:
        return desk.collect_postage(
            code, tr("Cước bưu chính"), action.amount, clerk=clerk, receipt=receipt
        )
    if action.how == HOW_EXEMPT:
        return desk.record_exempt(code, action.line, clerk=clerk, reason=action.text)
    return desk.collect(
        code, action.line, clerk=clerk, receipt=receipt, amount=action.amount, reason=action.reason
    )


class FeeLineRow:
    """The widgets of one owed line: how it is settled, and the receipt or the reason."""

    def __init__(self, line: OwedLine) -> None:
        self.line = line
        self.how_combo = QComboBox()
        for label, how in HOW_CHOICES:
            self.how_combo.addItem(tr(label), how)
        self.amount_spin = dong_spin(0)
        self.amount_spin.setValue(line.owed)
        self.reason_edit = QLineEdit(placeholderText=tr("Lý do thu khác mức, ví dụ: 3 trang"))
        self.text_edit = QLineEdit()
        self.message = FieldMessage()
        self.how_combo.currentIndexChanged.connect(lambda _i: self._placeholder())
        self.amount_spin.valueChanged.connect(lambda _v: self._placeholder())
        self._placeholder()

    def differs(self) -> bool:
        """Collected at another amount than the catalogue's (per page, per copy…)."""
        return self.how() != HOW_EXEMPT and self.amount_spin.value() != self.line.amount

    def _placeholder(self) -> None:
        how = self.how()
        self.amount_spin.setEnabled(how != HOW_EXEMPT)
        self.reason_edit.setEnabled(self.differs())
        self.text_edit.setEnabled(how != HOW_PENDING)
        self.text_edit.setPlaceholderText(
            {
                HOW_RECEIPT: tr("Ký hiệu/số biên lai, ví dụ 1C26TBL/0000123"),
                HOW_EXEMPT: tr("Lý do miễn (đối tượng được miễn)"),
            }.get(how, tr("Bổ sung số biên lai sau"))
        )

    def how(self) -> str:
        return str(self.how_combo.currentData())

    def action(self) -> FeeAction:
        """What the row asks to write; ValueError (shown under the field) if it is not ready."""
        text, how, edit = self.text_edit.text().strip(), self.how(), self.text_edit
        if how == HOW_RECEIPT:
            if not text:
                raise RowProblem(
                    tr("Nhập ký hiệu/số biên lai, hoặc chọn “Thu, chờ số biên lai”."), edit
                )
            try:
                text = str(parse_receipt(text))
            except UserError as error:
                raise RowProblem(user_error_text(error), edit) from error
        if how == HOW_EXEMPT and not text:
            raise RowProblem(tr("Ghi lý do miễn."), edit)
        reason = self.reason_edit.text().strip() if self.differs() else ""
        if self.differs() and not reason:
            raise RowProblem(
                tr("Thu khác mức {money}: ghi lý do.").format(money=money(self.line.amount)),
                self.reason_edit,
            )
        return FeeAction(how, self.line.name, text, self.amount_spin.value(), reason or None)


def dong_spin(minimum: int) -> QSpinBox:
    """Whole đồng, grouped the Vietnamese way (25.000 đ)."""
    spin = QSpinBox(minimum=minimum, maximum=10_000_000, singleStep=1000, suffix=tr(" đ"))
    spin.setLocale(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    spin.setGroupSeparatorShown(True)
    return spin


class PostageRow:
    """Postage taken with the dossier: its own entry, never added to a phí or lệ phí."""

    def __init__(self) -> None:
        self.amount_spin = dong_spin(0)
        self.how_combo = QComboBox()
        for label, how in HOW_CHOICES[:2]:
            self.how_combo.addItem(tr(label), how)
        self.text_edit = QLineEdit(placeholderText=tr("Ký hiệu/số biên lai cước"))
        self.message = FieldMessage()

    def action(self) -> FeeAction | None:
        amount = self.amount_spin.value()
        if not amount:
            return None
        how, text = str(self.how_combo.currentData()), self.text_edit.text().strip()
        if how == HOW_RECEIPT and not text:
            raise RowProblem(
                tr("Nhập ký hiệu/số biên lai cước, hoặc chọn “Thu, chờ số biên lai”."),
                self.text_edit,
            )
        if how == HOW_RECEIPT:
            try:
                text = str(parse_receipt(text))
            except UserError as error:
                raise RowProblem(user_error_text(error), self.text_edit) from error
        return FeeAction(how, None, text, amount)
