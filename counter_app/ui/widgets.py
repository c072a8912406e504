"""Small shared widgets: the message under a field, the message bar of a screen, a busy bar, a
dialog's two buttons."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from counter_app.ui.i18n import tr
from counter_app.ui.texts import user_error_text
from counter_app.ui.window_fit import make_room_for_text
from counter_protocol.errors import UserError
from counter_protocol.timefmt import format_vn, format_vn_date

ERROR_COLOUR = "#b3261e"
WARNING_COLOUR = "#8a5300"
SUCCESS_COLOUR = "#1e6b2f"
INFO_COLOUR = "#1f3a60"


class FieldMessage(QLabel):
    """The Vietnamese message shown right under a field: red if it blocks saving, amber if not."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setVisible(False)
        self.blocking = False

    def show_issue(self, message: str, blocking: bool) -> None:
        colour = ERROR_COLOUR if blocking else WARNING_COLOUR
        self.setStyleSheet(f"color: {colour}; font-size: 9pt;")
        self.setText(message)
        self.blocking = blocking
        self.setVisible(True)

    def clear_issue(self) -> None:
        self.setText("")
        self.blocking = False
        self.setVisible(False)


class MessageBar(QLabel):
    """A screen's message area: what just happened, in plain words, kept until the next action."""

    _STYLES: ClassVar[dict[str, tuple[str, str]]] = {
        "error": (ERROR_COLOUR, "#fdecea"),
        "warning": (WARNING_COLOUR, "#fff4e0"),
        "success": (SUCCESS_COLOUR, "#e8f5e9"),
        "info": (INFO_COLOUR, "#e8eef7"),
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind = ""
        self.setVisible(False)

    def show_message(self, kind: str, text: str) -> None:
        fg, bg = self._STYLES[kind]
        self.setStyleSheet(
            f"color: {fg}; background: {bg}; border: 1px solid {fg}; border-radius: 4px;"
            " padding: 6px; font-size: 11pt;"
        )
        self.kind = kind
        self.setText(text)
        self.setVisible(True)
        make_room_for_text(self)

    def clear_message(self) -> None:
        self.kind = ""
        self.setText("")
        self.setVisible(False)


class BusyIndicator(QWidget):
    """The status bar's account of long work: what is happening in words, and how far.

    A bare moving bar said nothing; the clerk now reads "Đang in giấy tiếp nhận…" or
    "Đồng bộ: đang gửi 120/500", with the bar filling when the total is known.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setFixedWidth(140)
        self.bar.setTextVisible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self.setVisible(False)

    def show_activity(self, text: str) -> None:
        """Work of unknown length; "" hides the indicator."""
        self.bar.setRange(0, 0)
        self._show(text)

    def show_progress(self, text: str, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, max(total, 1)))
        self._show(f"{text} {done}/{total}")

    def _show(self, text: str) -> None:
        self.label.setText(text)
        self.setToolTip(text)
        self.setVisible(bool(text))


def with_message(field: QWidget, message: FieldMessage) -> QWidget:
    """A field with its message label stacked under it, for a QFormLayout row."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(1)
    layout.addWidget(field)
    layout.addWidget(message)
    return box


def ok_cancel_buttons(dialog: QDialog, ok_text: str, cancel_text: str) -> QDialogButtonBox:
    """The dialog's two buttons in the platform's order: `ok_text` asks to accept (connect it
    to the dialog's own check), `cancel_text` rejects the dialog."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text)
    buttons.rejected.connect(dialog.reject)
    return buttons


def section_title(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(f"font-weight: bold; font-size: 11pt; color: {INFO_COLOUR};")
    return label


def error_text(error: BaseException) -> str:
    """What to tell the clerk about a failed task: what happened and what to do (a UserError's
    message and advice: the store locked, the disk full…), or a plain fallback for a bug."""
    if isinstance(error, UserError):
        return user_error_text(error)
    return tr("Có lỗi không mong muốn ({kind}: {error}). Hãy báo cán bộ CNTT.").format(
        kind=type(error).__name__, error=error
    )


def vn_when(moment: datetime) -> str:
    """A time as a clerk reads it: `dd/mm/yyyy HH:mm`, Vietnam time."""
    return format_vn(moment)


def vn_day(moment: datetime) -> str:
    return format_vn_date(moment)
