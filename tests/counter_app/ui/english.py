"""What a screen shows in words, and which of it is still Vietnamese once English is chosen.

Every text a person reads on a widget is collected (labels, buttons, group and tab titles, table
headers, placeholders, tooltips, window titles, menu actions, wizard page titles, combo items,
spin box suffixes). A text is still Vietnamese if it has a letter only Vietnamese writes
(ă â đ ê ô ơ ư, or a tone mark) once the data in it is taken out. Data is named explicitly: every
text value the counter's store holds (the procedure catalogue, units and communes, people's
names, the counter's name, settings) plus the few written in the screens on purpose.
"""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QTextEdit,
    QWidget,
    QWizard,
    QWizardPage,
)

from counter_app.assets import get_asset
from counter_app.config import DB_FILENAME

VIETNAMESE_LETTERS = frozenset("ăâđêôơưĂÂĐÊÔƠƯ")
TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")  # grave, acute, tilde, hook, dot below
# Written in the screens on purpose, in Vietnamese whatever the language.
ON_PURPOSE = (
    "Tiếng Việt",  # the language chooser names each language in its own words
    "Hà Tĩnh",  # place names in an example
    "Đức Thọ",
    "Quầy số 1",  # the tests' own counter text
)


def is_vietnamese(text: str) -> bool:
    decomposed = unicodedata.normalize("NFD", text)
    return any(c in VIETNAMESE_LETTERS or c in TONE_MARKS for c in decomposed)


def _json_strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)


def _texts_in(value: str) -> Iterator[str]:
    """A stored text, or the texts inside a stored JSON document (fee lines, papers…)."""
    if value[:1] in "[{":
        try:
            yield from (t for t in _json_strings(json.loads(value)) if is_vietnamese(t))
            return
        except ValueError:
            pass
    if is_vietnamese(value):
        yield value


def catalogue_texts() -> set[str]:
    """The shipped catalogues' names (procedures, units, provinces, communes): data."""
    found: set[str] = set()
    for path in get_asset("catalogue").glob("*.json"):
        found.update(_json_strings(json.loads(path.read_text(encoding="utf-8"))))
    return {text for text in found if is_vietnamese(text)}


def store_texts(data_dir: Path) -> set[str]:
    """Every Vietnamese text value in the store and the catalogues: the data a screen may show
    as it is (read when the screen is checked: what the test itself stored counts)."""
    found = catalogue_texts()
    conn = sqlite3.connect(data_dir / DB_FILENAME)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            for row in conn.execute(f'SELECT * FROM "{table}"'):  # the store's own table names
                found.update(t for v in row if isinstance(v, str) for t in _texts_in(v))
    finally:
        conn.close()
    return found


def _item_view_headers(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None or not isinstance(model, QAbstractTableModel):
        return []  # a list has no header
    return [
        str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        for column in range(model.columnCount())
    ]


def _own_texts(widget: QWidget) -> list[str]:
    """The words `widget` itself shows (not its children's)."""
    texts = [widget.toolTip(), widget.windowTitle() if widget.isWindow() else ""]
    if isinstance(widget, QLabel | QAbstractButton):
        texts.append(widget.text())
    if isinstance(widget, QGroupBox):
        texts.append(widget.title())
    if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
        texts.append(widget.placeholderText())
    if isinstance(widget, QTabWidget):
        texts += [widget.tabText(i) for i in range(widget.count())]
        texts += [widget.tabToolTip(i) for i in range(widget.count())]
    if isinstance(widget, QAbstractItemView):
        texts += _item_view_headers(widget)
    if isinstance(widget, QComboBox):
        texts += [widget.itemText(i) for i in range(widget.count())]
    if isinstance(widget, QSpinBox):
        texts += [widget.prefix(), widget.suffix()]
    if isinstance(widget, QAbstractSpinBox):
        texts.append(widget.specialValueText())
    if isinstance(widget, QWizardPage):
        texts += [widget.title(), widget.subTitle()]
    if isinstance(widget, QWizard):
        buttons = (QWizard.WizardButton.NextButton, QWizard.WizardButton.BackButton)
        texts += [widget.buttonText(b) for b in buttons]
    return texts


def shown_texts(window: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every text of `window` and its children, menus and actions included."""
    found = []
    for widget in [window, *window.findChildren(QWidget)]:
        where = f"{type(widget).__name__} {widget.objectName()}".strip()
        found += [(where, t) for t in _own_texts(widget) if t]
    for action in window.findChildren(QAction):
        found += [(f"QAction {action.text()!r}", t) for t in (action.text(), action.toolTip())]
    return found


def untranslated(window: QWidget, data: Iterable[str]) -> list[str]:
    """The texts of `window` still in Vietnamese once the data in them is taken out."""
    pieces = sorted({*data, *ON_PURPOSE}, key=len, reverse=True)
    left = []
    for where, text in shown_texts(window):
        rest = text
        for piece in pieces:
            if piece in rest:
                rest = rest.replace(piece, "")
        if is_vietnamese(rest):
            left.append(f"{where}: {text!r}")
    return sorted(set(left))


def assert_english(window: QWidget, data_dir: Path) -> None:
    left = untranslated(window, store_texts(data_dir))
    assert not left, "still Vietnamese:\n" + "\n".join(left)
