"""Windows that fit the screen they open on, at the size each clerk last left them.

A commune counter's screen is often 1366×768 or 1024×768: a window asking for more than the
screen's free area (the task bar taken off) would put its buttons below the edge. Every window
opens through `fit_window`, which caps the wanted size to that area, restores the size this
clerk last chose for this window, and keeps it when the window closes (docs/architecture.md,
"Screens that fit").
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room for the window manager's title bar and borders, which the widget's size leaves out.
FRAME_ALLOWANCE = QSize(16, 40)
_USER = {"name": "_"}


def remember_sizes_for(username: str) -> None:
    """Window sizes are kept per clerk: the one signed in now."""
    _USER["name"] = username or "_"


def available_area(widget: QWidget) -> QRect:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_window(widget: QWidget, name: str, width: int, height: int) -> None:
    """Size `widget` to the remembered or wanted size, never beyond the screen, centred."""
    area = available_area(widget)
    wanted = _remembered(name) or QSize(width, height)
    room = area.size() - FRAME_ALLOWANCE
    size = wanted.boundedTo(room).expandedTo(widget.minimumSizeHint().boundedTo(room))
    widget.resize(size)
    left = area.x() + max(0, (area.width() - size.width()) // 2)
    top = area.y() + max(0, (area.height() - size.height() - FRAME_ALLOWANCE.height()) // 2)
    widget.move(left, top)
    keeper = _SizeKeeper(name, widget)
    widget.installEventFilter(keeper)


def _settings() -> QSettings:
    return QSettings("counter_app", "windows")


def _key(name: str) -> str:
    return f"{_USER['name']}/{name}"


def _remembered(name: str) -> QSize | None:
    value = _settings().value(_key(name))
    if isinstance(value, QSize) and value.isValid():
        return value
    return None


class _SizeKeeper(QObject):
    """Writes the window's size when it closes or hides, under the signed-in clerk."""

    def __init__(self, name: str, widget: QWidget) -> None:
        super().__init__(widget)
        self._name = name

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        closing = event.type() in (QEvent.Type.Close, QEvent.Type.Hide)
        if closing and isinstance(watched, QWidget) and not watched.isMaximized():
            _settings().setValue(_key(self._name), watched.size())
        return False


def make_room_for_text(widget: QWidget) -> None:
    """Grow the window holding `widget` so a wrapped text that got longer is shown whole.

    Qt does not grow a shown window when a word-wrapped label needs more lines; the last lines
    would be cut off under the buttons. The window only grows, and never beyond the screen.
    """
    window = widget.window()
    layout = window.layout()
    if layout is None or not window.isVisible():
        return
    layout.activate()
    if layout.hasHeightForWidth():
        needed = layout.totalHeightForWidth(window.width())
    else:
        needed = layout.totalMinimumSize().height()
    room = available_area(window).height() - FRAME_ALLOWANCE.height()
    if needed > window.height():
        window.resize(window.width(), min(needed, room))
