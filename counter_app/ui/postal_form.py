"""A postal address with the 2025 two-level units (province, then its communes), and the postal
fields of a result sent by post: postage, weight, the postage receipt, how many numbers are left."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from counter_app.domain.postal import MAX_POSTAGE, MAX_WEIGHT_G, PostalAddress
from counter_app.ui.i18n import tr

if TYPE_CHECKING:
    from counter_app.services.address_units import AddressUnit


VIETNAMESE = QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)


class UnitList(Protocol):
    """What the pickers ask of the address units (services.address_units.AddressUnits)."""

    @property
    def provinces(self) -> tuple[AddressUnit, ...]: ...

    def communes_of(self, province_code: str) -> tuple[AddressUnit, ...]: ...


class AddressForm(QWidget):
    """Name, phone, street, province and commune pickers (the commune list follows the
    province). `home_province` is chosen first: most items stay in the counter's province."""

    def __init__(
        self,
        units: UnitList,
        home_province: str = "",
        parent: QWidget | None = None,
        *,
        compact: bool = False,
    ) -> None:
        super().__init__(parent)
        self._units = units
        self.name_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.street_edit = QLineEdit(placeholderText=tr("Số nhà, thôn/xóm, đường"))
        self.province_combo = QComboBox()
        self.commune_combo = QComboBox()
        self.province_combo.addItem(tr("— Chọn tỉnh, thành phố —"), "")
        for unit in units.provinces:
            self.province_combo.addItem(unit.name, unit.code)
        self.province_combo.currentIndexChanged.connect(self._fill_communes)
        self.name_label = QLabel(tr("Người nhận:"))
        if compact:
            self._grid()
        else:
            self._rows()
        self.home_province = home_province
        self.clear()

    def _rows(self) -> None:
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.name_label, self.name_edit)
        form.addRow(tr("Điện thoại:"), self.phone_edit)
        form.addRow(tr("Địa chỉ:"), self.street_edit)
        form.addRow(tr("Tỉnh, thành phố:"), self.province_combo)
        form.addRow(tr("Xã, phường:"), self.commune_combo)

    def _grid(self) -> None:
        """Two fields a row, for a screen that has little height left (the intake)."""
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        pairs = (
            (self.name_label, self.name_edit, QLabel(tr("Điện thoại:")), self.phone_edit),
            (
                QLabel(tr("Tỉnh, TP:")),
                self.province_combo,
                QLabel(tr("Xã, phường:")),
                self.commune_combo,
            ),
        )
        for row, widgets in enumerate(pairs):
            for col, widget in enumerate(widgets):
                self.grid.addWidget(widget, row, col)
        self.grid.addWidget(QLabel(tr("Địa chỉ:")), 2, 0)
        self.grid.addWidget(self.street_edit, 2, 1)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(3, 1)

    def _fill_communes(self, _index: int = 0) -> None:
        self.commune_combo.clear()
        code = str(self.province_combo.currentData() or "")
        self.commune_combo.addItem(tr("— Chọn xã, phường —"), "")
        for unit in self._units.communes_of(code):
            self.commune_combo.addItem(unit.name, unit.code)

    def choose(self, province_code: str, commune_code: str = "") -> None:
        self.province_combo.setCurrentIndex(max(self.province_combo.findData(province_code), 0))
        self.commune_combo.setCurrentIndex(max(self.commune_combo.findData(commune_code), 0))

    def fill(self, name: str, phone: str) -> None:
        self.name_edit.setText(name)
        self.phone_edit.setText(phone)

    def clear(self) -> None:
        for edit in (self.name_edit, self.phone_edit, self.street_edit):
            edit.clear()
        self.choose(self.home_province)

    def address(self) -> PostalAddress:
        return PostalAddress(
            self.name_edit.text().strip(),
            self.phone_edit.text().strip(),
            self.street_edit.text().strip(),
            str(self.province_combo.currentData() or ""),
            self.province_combo.currentText() if self.province_combo.currentIndex() > 0 else "",
            str(self.commune_combo.currentData() or ""),
            self.commune_combo.currentText() if self.commune_combo.currentIndex() > 0 else "",
        )


class PostalReturnForm(QWidget):
    """The receiver's address and the item: postage (cước, apart from phí and lệ phí), weight,
    the postage receipt, and how many tracking numbers this PC has left."""

    def __init__(
        self, units: UnitList, home_province: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.address_form = AddressForm(units, home_province)
        self.postage_spin = QSpinBox(maximum=MAX_POSTAGE, singleStep=1000, suffix=tr(" đ"))
        self.postage_spin.setLocale(VIETNAMESE)  # 28.000 đ, as money is written here
        self.postage_spin.setGroupSeparatorShown(True)
        self.weight_spin = QSpinBox(maximum=MAX_WEIGHT_G, singleStep=50, suffix=" g")
        self.weight_spin.setSpecialValueText("—")
        self.receipt_edit = QLineEdit(
            placeholderText=tr("Ký hiệu/số biên lai cước (để trống: chờ số)")
        )
        self.pool_label = QLabel()
        self.pool_label.setWordWrap(True)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.address_form)
        form.addRow(tr("Cước bưu chính:"), self.postage_spin)
        form.addRow(tr("Khối lượng:"), self.weight_spin)
        form.addRow(tr("Biên lai cước:"), self.receipt_edit)
        form.addRow(tr("Mã vận đơn:"), self.pool_label)

    def show_pool(self, unused: int | None) -> None:
        """How many numbers are left; none is the error the return would meet."""
        if unused is None:
            self.pool_label.setText("")
        elif unused == 0:
            self.pool_label.setStyleSheet("color: #b00020; font-weight: bold;")
            self.pool_label.setText(
                tr(
                    "Hết mã vận đơn (S10) của máy này: không trả qua bưu điện được. Hãy đồng bộ "
                    "hoặc nạp tệp mã vận đơn."
                )
            )
        else:
            self.pool_label.setStyleSheet("")
            self.pool_label.setText(
                tr("Lấy tự động từ kho mã của máy (còn {unused} mã).").format(unused=unused)
            )

    def clear(self) -> None:
        self.address_form.clear()
        self.postage_spin.setValue(0)
        self.weight_spin.setValue(0)
        self.receipt_edit.clear()
        self.show_pool(None)
