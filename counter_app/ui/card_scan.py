"""A chip-card QR scanned into a text field that is not meant for it: recognised, taken out of
that field (what the clerk had typed stays) and handed on parsed, instead of landing raw."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLineEdit

from counter_app.domain.cccd_qr import FIELD_COUNT, CccdQr, parse_cccd_qr, split_scanned_qr
from counter_app.domain.validation import ValidationError

SCAN_SETTLE_MS = 120  # a scanner types the whole line in a few ms; wait for it to finish


class CardScanWatcher(QObject):
    """Watches line edits; `on_card(qr)` for a good scan, `on_damaged(message)` for a bad one."""

    def __init__(
        self,
        on_card: Callable[[CccdQr], None],
        on_damaged: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._on_card, self._on_damaged = on_card, on_damaged
        self._timer = QTimer(self, singleShot=True, interval=SCAN_SETTLE_MS)
        self._timer.timeout.connect(self._take_pending)
        self._pending: QLineEdit | None = None

    def watch(self, edit: QLineEdit) -> None:
        edit.textChanged.connect(lambda _t: self._changed(edit))
        edit.returnPressed.connect(lambda: self._take(edit))

    def _changed(self, edit: QLineEdit) -> None:
        scanned = split_scanned_qr(edit.text())
        if scanned is not None and scanned[1].count("|") >= FIELD_COUNT - 1:
            self._pending = edit
            self._timer.start()

    def _take_pending(self) -> None:
        edit, self._pending = self._pending, None
        if edit is not None:
            self._take(edit)

    def _take(self, edit: QLineEdit) -> None:
        self._timer.stop()
        scanned = split_scanned_qr(edit.text())
        if scanned is None:
            return
        typed_before, line = scanned
        edit.setText(typed_before)
        try:
            qr = parse_cccd_qr(line)
        except ValidationError as exc:
            self._on_damaged(str(exc))
            return
        self._on_card(qr)
