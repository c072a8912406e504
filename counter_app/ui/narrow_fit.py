"""Parts of a window that must stay whole on the narrowest counter screen (1024×768).

Tab titles shorten themselves so every tab is on the bar at once (the shortcut kept, the whole
title in the tooltip); a list hides its least needed columns rather than scroll sideways; a
list of rows shows at least a given number of them (docs/architecture.md, "Screens that fit").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import shiboken6
from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QFrame,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

_SHORTCUT = re.compile(r"^(?P<name>.*?)\s*(?P<key>\([^()]*\))$")  # "Báo cáo (F11)"
TAB_SLACK = 12  # the tab bar's own frame and a pixel or two of rounding


class _TabTitles(QObject):
    """Keeps the titles of `tabs` short enough for every visible tab to be on its bar."""

    def __init__(self, tabs: QTabWidget) -> None:
        super().__init__(tabs)
        self._tabs = tabs
        self._full: dict[QWidget | None, str] = {}  # each page's whole title
        self._shown: dict[QWidget | None, str] = {}  # what this object last put on its tab
        tabs.tabBar().setElideMode(Qt.TextElideMode.ElideNone)  # shortened here, key kept
        tabs.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit()
        return False

    def full_title(self, index: int) -> str:
        """The title as the window gave it (a title set again since is taken as the new one)."""
        page, text = self._tabs.widget(index), self._tabs.tabText(index)
        if self._shown.get(page) != text:
            self._full[page] = text
        return self._full[page]

    def fit(self) -> None:
        tabs, bar = self._tabs, self._tabs.tabBar()
        metrics = bar.fontMetrics()
        shown = [i for i in range(tabs.count()) if tabs.isTabVisible(i)]
        titles = {i: self.full_title(i) for i in range(tabs.count())}
        padding = sum(
            bar.tabRect(i).width() - metrics.horizontalAdvance(tabs.tabText(i)) for i in shown
        )
        widths = [metrics.horizontalAdvance(titles[i]) for i in shown]
        cap = widest_title_that_fits(widths, tabs.width() - TAB_SLACK - padding)
        for i, title in titles.items():
            text = (
                title if metrics.horizontalAdvance(title) <= cap else shorten(title, cap, metrics)
            )
            page = tabs.widget(i)
            self._shown[page] = text
            if tabs.tabText(i) != text:
                tabs.setTabText(i, text)
            tabs.setTabToolTip(i, title)


def widest_title_that_fits(widths: Sequence[int], room: int) -> int:
    """The largest width W such that the titles, each cut to at most W, fit in `room`."""
    if sum(widths) <= room:
        return max(widths, default=0)
    low, high = 0, max(widths, default=0)
    while low < high:
        middle = (low + high + 1) // 2
        if sum(min(width, middle) for width in widths) <= room:
            low = middle
        else:
            high = middle - 1
    return low


def shorten(title: str, width: int, metrics: QFontMetrics) -> str:
    """`title` cut to `width` pixels with “…”, its shortcut “(F6)” kept whole at the end."""
    match = _SHORTCUT.match(title)
    name, key = (match["name"], " " + match["key"]) if match else (title, "")
    room = max(width - metrics.horizontalAdvance(key), metrics.horizontalAdvance("M…"))
    words = name.split()
    while len(words) > 1 and metrics.horizontalAdvance(" ".join(words) + "…") > room:
        words.pop()  # whole words read better than a cut one
    cut = " ".join(words) + "…"
    if metrics.horizontalAdvance(cut) > room:
        cut = metrics.elidedText(name, Qt.TextElideMode.ElideRight, room)
    return cut + key


def keep_every_tab_on_the_bar(tabs: QTabWidget) -> None:
    """Every visible tab of `tabs` on its bar whatever the width: long titles shortened."""
    _TabTitles(tabs).fit()


class _Columns(QObject):
    """Hides a table's optional columns, least needed first, when the others would not fit."""

    def __init__(self, table: QTableView, optional: Sequence[int], stretch_min: int) -> None:
        super().__init__(table)
        self._table, self._optional, self._stretch_min = table, tuple(optional), stretch_min
        self._widths = {col: table.columnWidth(col) for col in self._optional}
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        table, header = self._table, self._table.horizontalHeader()
        room = table.viewport().width() - self._stretch_min
        fixed = [c for c in range(header.count()) if c not in self._optional]
        shown = [c for c in fixed if not header.isSectionHidden(c) and not _stretches(table, c)]
        used = sum(header.sectionSize(c) for c in shown)
        for col in reversed(self._optional):  # the most needed of the optional ones first
            if not header.isSectionHidden(col):
                self._widths[col] = header.sectionSize(col)  # as the clerk left it
            width = self._widths[col]
            keep = used + width <= room
            if keep:
                used += width
            if keep == header.isSectionHidden(col):
                table.setColumnHidden(col, not keep)
                if keep:
                    table.setColumnWidth(col, self._widths[col])


def _stretches(table: QTableView, col: int) -> bool:
    mode = table.horizontalHeader().sectionResizeMode(col)
    return mode == mode.Stretch


def hide_columns_when_narrow(table: QTableView, optional: Sequence[int], stretch_min: int) -> None:
    """Columns `optional` (least needed first) are hidden while the table is too narrow for
    them and the stretching column's `stretch_min` pixels: the list never scrolls sideways."""
    _Columns(table, optional, stretch_min).fit()


def show_rows(view: QTableView, rows: int) -> None:
    """Up to `rows` rows of the table `view` in sight whatever else the screen holds: its
    least height follows the rows it has (a short list takes no more room than it needs)."""
    model = view.model()

    def keep_room() -> None:
        header = view.horizontalHeader().sizeHint().height()
        row = view.verticalHeader().defaultSectionSize()
        wanted = min(rows, max(model.rowCount(), 1))
        view.setMinimumHeight(header + wanted * row + 2 * view.frameWidth())

    for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
        signal.connect(keep_room)
    keep_room()
    # Asks for the height of the rows it has (not Qt's fixed guess, which leaves empty rows
    # while the column around it scrolls), and still takes what the screen has to spare.
    view.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)


def scrolling_column(*boxes: QWidget) -> QScrollArea:
    """`boxes` one under another, scrolled up and down when the screen is too short for all of
    them: the lists inside keep the rows `show_rows` gave them."""
    column = QWidget()
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    for box in boxes:
        layout.addWidget(box)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(column)
    _FollowFocus(area)
    return area


class _FollowFocus(QObject):
    """Scrolls the field that gets the cursor into sight, however it got it (Tab, a click, the
    first error of a refused save, a shortcut); and keeps the area as wide as what it holds
    needs (it scrolls up and down only: a row of buttons is never half off to the side)."""

    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area)
        self._area = area
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        column = area.widget()
        if column is not None:
            column.installEventFilter(self)
        self._keep_width()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self._keep_width()
        return False

    def _keep_width(self) -> None:
        column, bar = self._area.widget(), self._area.verticalScrollBar()
        if column is not None:
            needed = column.minimumSizeHint().width() + bar.sizeHint().width()
            self._area.setMinimumWidth(needed)

    def _on_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        if not shiboken6.isValid(self._area):  # the application outlives the screen
            return
        column = self._area.widget()
        if new is not None and column is not None and column.isAncestorOf(new):
            self._area.ensureWidgetVisible(new)


class KeepEndLabel(QLabel):
    """One line whose `head` is painted shortened with “…” when narrow, its `end` always whole:
    the status bar's counter and unit names give way, the unit code stays. `text()` and the
    tooltip keep the whole line; `shown_text()` is what is painted."""

    def __init__(self, head: str, end: str, parent: QWidget | None = None) -> None:
        super().__init__(head + end, parent)
        self._head, self._end = head, end
        self.setToolTip(head + end)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(self.fontMetrics().horizontalAdvance("…" + self._end) + 2, hint.height())

    def shown_text(self) -> str:
        metrics = self.fontMetrics()
        room = self.contentsRect().width() - metrics.horizontalAdvance(self._end) - 2
        head = metrics.elidedText(self._head, Qt.TextElideMode.ElideRight, max(room, 0))
        return (head or "…") + self._end

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)  # pen and font from the label's palette and font
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(self.contentsRect(), flags, self.shown_text())
