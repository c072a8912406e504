"""A chip-card QR scanned into a text field that is not meant for it: recognised, taken out of
that field (what the clerk had typed stays) and handed on parsed, instead of landing raw."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit, QWidget

from counter_app.domain.cccd_qr import FIELD_COUNT, CccdQr, parse_cccd_qr, split_scanned_qr
from counter_app.domain.validation import ValidationError

SCAN_SETTLE_MS = 120  # a scanner types the whole line in a few ms; wait for it to finish
WATCHED = "cardScanWatched"  # a field's property: this field is watched already


class CardScanWatcher(QObject):
    """Watches line edits; `on_card(qr)` for a good scan, `on_damaged(message)` for a bad one.

    After either, the field holds what the clerk had typed before the scan and has the cursor.
    """

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
        self._root: QWidget | None = None
        self._skip: tuple[QWidget, ...] = ()

    def watch(self, edit: QLineEdit) -> None:
        if edit.property(WATCHED):
            return  # once: a second watch would take the same scan twice
        edit.setProperty(WATCHED, True)
        edit.textChanged.connect(lambda _t: self._changed(edit))
        edit.installEventFilter(self)  # the scanner's Enter, before the field's own use of it

    def watch_every_field(self, root: QWidget, skip: Sequence[QWidget] = ()) -> None:
        """Every text field under `root` (but those in `skip`, which take scans themselves):
        the ones there now, and any made later as the cursor enters it."""
        self._root, self._skip = root, tuple(skip)
        for edit in root.findChildren(QLineEdit):
            self._watch_if_mine(edit)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus)

    def _on_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, QLineEdit):
            self._watch_if_mine(new)

    def _watch_if_mine(self, edit: QLineEdit) -> None:
        root = self._root
        if root is None or not shiboken6.isValid(root) or not root.isAncestorOf(edit):
            return
        if isinstance(edit.parent(), QAbstractSpinBox):  # digits only: a scan cannot land there
            return
        if not any(box is edit or box.isAncestorOf(edit) for box in self._skip):
            self.watch(edit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if (
            isinstance(watched, QLineEdit)
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and split_scanned_qr(watched.text()) is not None
        ):
            self._take(watched)
            return True  # the scanner's Enter: not a search, a pick or a confirmation
        return super().eventFilter(watched, event)

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
        edit.textEdited.emit(typed_before)  # what reacts to typing there sees the field as it is
        try:
            qr = parse_cccd_qr(line)
        except ValidationError as exc:
            self._on_damaged(str(exc))
        else:
            self._on_card(qr)
        edit.setFocus()  # the cursor back where the clerk was, after what they had typed
