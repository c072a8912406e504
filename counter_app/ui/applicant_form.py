"""The applicant block of the intake screen, with chip-card QR scanning into its fields."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from counter_app.domain.cccd_qr import CccdQr, parse_cccd_qr, split_scanned_qr
from counter_app.domain.identifiers import normalise_id_number, normalise_phone
from counter_app.domain.validation import (
    ValidationError,
    ValidationIssue,
    validate_date,
)
from counter_app.services.dto import ApplicantInput
from counter_app.ui.i18n import QT_TR_NOOP, tr
from counter_app.ui.qt_compat import emit
from counter_app.ui.widgets import FieldMessage, with_message
from counter_protocol.codes import DOSSIER_CODE_RE

QR_FIELDS = 7
SCAN_SETTLE_MS = 120  # a scanner types the whole line in a few ms; wait for it to finish

# (field key, label, placeholder) in the order of the form.
_TEXT_FIELDS = (
    ("full_name", QT_TR_NOOP("Họ và tên (*):"), QT_TR_NOOP("Họ tên người nộp hồ sơ")),
    ("id_number", QT_TR_NOOP("Số CCCD / định danh:"), QT_TR_NOOP("12 chữ số (CMND cũ: 9 chữ số)")),
    ("old_id_number", QT_TR_NOOP("Số CMND cũ:"), ""),
    ("birth_date", QT_TR_NOOP("Ngày sinh:"), QT_TR_NOOP("ngày/tháng/năm, ví dụ 12/03/1995")),
    ("phone", QT_TR_NOOP("Số điện thoại:"), QT_TR_NOOP("ví dụ 0912 345 678")),
    ("email", "Email:", ""),
    ("address", QT_TR_NOOP("Địa chỉ:"), QT_TR_NOOP("Nơi thường trú / địa chỉ liên hệ")),
    (
        "authorised_person",
        QT_TR_NOOP("Người được ủy quyền:"),
        QT_TR_NOOP("Họ tên, số CCCD (nếu nộp thay)"),
    ),
)


class ApplicantForm(QWidget):
    """Applicant fields plus a scan box; a chip-card QR line typed into either fills the form.

    Signals:
        edited(str): a field changed (its key), by typing or by a scan.
        scanned(object): a QR line was parsed (the CccdQr).
        code_scanned(str): a dossier code (the barcode on a Mẫu 02) was scanned into the box.
    """

    edited = Signal(str)
    scanned = Signal(object)
    code_scanned = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scan_edit = QLineEdit(placeholderText=tr("Đặt con trỏ ở đây rồi quét mã QR trên CCCD"))
        self.scan_edit.setObjectName("scan_edit")
        self.edits: dict[str, QLineEdit] = {}
        self.messages: dict[str, FieldMessage] = {"cccd_qr": FieldMessage()}
        self.sex_combo = QComboBox()
        for value, text in (("", ""), ("Nam", tr("Nam")), ("Nữ", tr("Nữ"))):
            self.sex_combo.addItem(text, value)  # the value stored is the Vietnamese word
        self._scan_timer = QTimer(self, singleShot=True, interval=SCAN_SETTLE_MS)
        self._scan_timer.timeout.connect(self._parse_pending_scan)
        self._scan_source: QLineEdit | None = None
        self._build()

    def _build(self) -> None:
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(tr("Quét CCCD:"), with_message(self.scan_edit, self.messages["cccd_qr"]))
        for key, label, placeholder in _TEXT_FIELDS:
            edit = QLineEdit(placeholderText=tr(placeholder))
            edit.setObjectName(key)
            self.edits[key] = edit
            self.messages[key] = FieldMessage()
            form.addRow(tr(label), with_message(edit, self.messages[key]))
            edit.textEdited.connect(lambda _t, k=key: emit(self.edited, k))
            if key == "birth_date":
                form.addRow(tr("Giới tính:"), self.sex_combo)
        self.sex_combo.currentIndexChanged.connect(lambda _i: emit(self.edited, "sex"))
        for source in (self.scan_edit, *self.edits.values()):
            self.watch_for_scans(source)

    # --- scanning -------------------------------------------------------------------------------

    def watch_for_scans(self, source: QLineEdit) -> None:
        """A card scanned with the cursor in `source` fills the form instead of landing there."""
        source.textChanged.connect(lambda _t: self._watch_scan(source))
        source.returnPressed.connect(lambda: self._scan_entered(source))

    def _watch_scan(self, source: QLineEdit) -> None:
        scanned = split_scanned_qr(source.text())
        if scanned is not None and scanned[1].count("|") >= QR_FIELDS - 1:
            self._scan_source = source
            self._scan_timer.start()

    def _scan_entered(self, source: QLineEdit) -> None:
        code = source.text().strip().upper()
        if source is self.scan_edit and DOSSIER_CODE_RE.fullmatch(code):
            source.clear()
            emit(self.code_scanned, code)
            return
        if split_scanned_qr(source.text()) is not None:
            self._scan_source = source
            self._parse_pending_scan()

    def _parse_pending_scan(self) -> None:
        self._scan_timer.stop()
        source, self._scan_source = self._scan_source, None
        scanned = split_scanned_qr(source.text()) if source is not None else None
        if source is None or scanned is None:
            return
        typed_before, line = scanned
        if source is not self.scan_edit:
            source.setText(typed_before)  # the field keeps what the clerk had typed, not the line
        try:
            qr = parse_cccd_qr(line)
        except ValidationError as exc:
            self.messages["cccd_qr"].show_issue(str(exc), blocking=True)
            self.scan_edit.setText(line)
            self.scan_edit.selectAll()  # the next scan replaces the damaged one
            self.scan_edit.setFocus()
            return
        self.fill_from_qr(qr)

    def fill_from_qr(self, qr: CccdQr) -> None:
        """Put the card's data into the fields and move on to the first field a card lacks."""
        self.scan_edit.clear()
        self.messages["cccd_qr"].clear_issue()
        values = {
            "full_name": qr.full_name,
            "id_number": qr.id_number,
            "old_id_number": qr.old_id_number or "",
            "birth_date": qr.birth_date.strftime("%d/%m/%Y"),
            "address": qr.address,
        }
        for key, value in values.items():
            self.edits[key].setText(value)
        self.sex_combo.setCurrentIndex(max(self.sex_combo.findData(qr.sex), 0))
        for key in (*values, "sex"):
            emit(self.edited, key)
        emit(self.scanned, qr)
        self.edits["phone"].setFocus()

    # --- reading the form -----------------------------------------------------------------------

    def text(self, key: str) -> str:
        return self.edits[key].text().strip()

    def applicant(self) -> tuple[ApplicantInput, list[ValidationIssue]]:
        """The applicant as typed (id and phone normalised) and the issues only the form sees."""
        issues: list[ValidationIssue] = []
        birth_date = None
        if self.text("birth_date"):
            try:
                birth_date = validate_date(self.text("birth_date"), "birth_date", not_future=True)
            except ValidationError as exc:
                issues.extend(exc.issues)
        applicant = ApplicantInput(
            full_name=self.text("full_name"),
            id_number=normalise_id_number(self.text("id_number")),
            old_id_number=normalise_id_number(self.text("old_id_number")),
            birth_date=birth_date,
            sex=self.sex_combo.currentData() or None,
            phone=normalise_phone(self.text("phone")),
            email=self.text("email") or None,
            address=self.text("address") or None,
        )
        return applicant, issues

    def authorised_person(self) -> str | None:
        return self.text("authorised_person") or None

    def fill_applicant(self, applicant: ApplicantInput, authorised: str | None) -> None:
        """The fields as a stored dossier has them (a dossier re-opened by its code)."""
        birth = applicant.birth_date
        values = {
            "full_name": applicant.full_name,
            "id_number": applicant.id_number or "",
            "old_id_number": applicant.old_id_number or "",
            "birth_date": birth.strftime("%d/%m/%Y") if birth else "",
            "phone": applicant.phone or "",
            "email": applicant.email or "",
            "address": applicant.address or "",
            "authorised_person": authorised or "",
        }
        for key, value in values.items():
            self.edits[key].setText(value)
            emit(self.edited, key)
        self.sex_combo.setCurrentIndex(max(self.sex_combo.findData(applicant.sex or ""), 0))

    def clear(self) -> None:
        self.scan_edit.clear()
        for edit in self.edits.values():
            edit.clear()
        self.sex_combo.setCurrentIndex(0)
        for message in self.messages.values():
            message.clear_issue()
