"""Windows that fit the screen they open on, at the size each clerk last left them.

A commune counter's screen is often 1366×768 or 1024×768: a window asking for more than the
screen's free area (the task bar taken off) would put its buttons below the edge. Every window
opens through `fit_window`, which caps the wanted size to that area, restores the size this
clerk last chose for this window, and keeps it when the window closes (docs/architecture.md,
"Screens that fit").

The sizes live in a small JSON file of the user's configuration folder, replaced whole at each
write (a new file renamed over the old). QSettings' file format was used before; it guards its
file with a lock file, and a program killed between creating that lock and writing its
process number into it left an empty lock that made every later program hang for good when a
window closed. A rename needs no lock: the last window closed wins, a kill leaves the old file.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QRect, QSize, QStandardPaths
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


SIZES_FILE = "window-sizes.json"
log = logging.getLogger(__name__)


def sizes_file() -> Path:
    """`counter_app/window-sizes.json` in the user's configuration folder."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    return Path(folder) / "counter_app" / SIZES_FILE


def _key(name: str) -> str:
    return f"{_USER['name']}/{name}"


def _read_sizes() -> dict[str, list[int]]:
    """The kept sizes; a missing, unreadable or damaged file keeps none (windows open at their
    wanted size, and the next close writes a sound file)."""
    try:
        kept = json.loads(sizes_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return kept if isinstance(kept, dict) else {}


def _remembered(name: str) -> QSize | None:
    value = _read_sizes().get(_key(name))
    if isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) for v in value):
        size = QSize(value[0], value[1])
        return size if size.isValid() and not size.isEmpty() else None
    return None


def _keep_size(name: str, size: QSize) -> None:
    sizes = _read_sizes()
    sizes[_key(name)] = [size.width(), size.height()]
    target = sizes_file()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".sizes-", suffix=".tmp")
    except OSError as exc:  # a size not kept is no reason to stop closing a window
        log.warning("window size not kept: %s", exc)
        return
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(sizes, out)
        os.replace(temporary, target)
    except OSError as exc:
        log.warning("window size not kept: %s", exc)
        Path(temporary).unlink(missing_ok=True)


class _SizeKeeper(QObject):
    """Writes the window's size when it closes or hides, under the signed-in clerk."""

    def __init__(self, name: str, widget: QWidget) -> None:
        super().__init__(widget)
        self._name = name

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        closing = event.type() in (QEvent.Type.Close, QEvent.Type.Hide)
        if closing and isinstance(watched, QWidget) and not watched.isMaximized():
            _keep_size(self._name, watched.size())
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
