"""A tab's page built the first time it is shown: the main window opens on the dossier list and
builds (and imports) the other screens when the clerk first goes to them
(docs/decisions/0037-first-screen-first.md)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from counter_app.ui.keyboard import enter_presses_buttons

W = TypeVar("W", bound=QWidget)


class LazyPage(QWidget):
    """Stands in the tab bar from the start (its title, key and role rule apply at once); its
    screen is built by `build` on the first `content()`, then `built(content)` is called (the
    window connects it to the rest)."""

    def __init__(
        self, build: Callable[[], QWidget], built: Callable[[QWidget], None] | None = None
    ) -> None:
        super().__init__()
        self._build, self._built = build, built
        self._content: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def is_built(self) -> bool:
        return self._content is not None

    def content(self) -> QWidget:
        if self._content is None:
            content = self._content = self._build()
            enter_presses_buttons(content)  # as on every screen of the main window
            self._layout.addWidget(content)
            content.show()  # now, not on the next turn of the event loop (added to a shown page)
            self.setFocusProxy(content)
            if self._built is not None:
                self._built(content)
        return self._content


def page_content(page: QWidget | None) -> QWidget | None:
    """What a tab shows: a lazy page's screen (built now if it was not yet), else the page."""
    return page.content() if isinstance(page, LazyPage) else page


def content_as(page: LazyPage, kind: type[W]) -> W:
    """The page's screen, of the type its builder makes."""
    content = page.content()
    if not isinstance(content, kind):
        raise TypeError(f"{kind.__name__} expected, {type(content).__name__} built")
    return content


def current_content(tabs: QTabWidget) -> QWidget | None:
    """The screen of the tab on show."""
    return page_content(tabs.currentWidget())
