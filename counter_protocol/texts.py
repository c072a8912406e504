"""Texts that reach the screen from below it, marked for Qt Linguist without importing Qt.

Vietnamese is the source language everywhere. The layers below the screens (this package, the
counter's domain, models, services, sync) must not import Qt, yet their error messages and labels
are shown on screen in the clerk's language. They mark each such text with `QT_TRANSLATE_NOOP`,
the name pyside6-lupdate looks for, with one of the two contexts below written out literally
(lupdate reads the literal, not a constant). The screens translate the marked text when they show
it (`counter_app/ui/texts.py`); everything else (the command line, logs, the wire, the store)
keeps the Vietnamese. Decision 0034.

A message with values in it is a template with named fields, formatted with the error's `params`
(`UserError(QT_TRANSLATE_NOOP("messages", "Không tìm thấy hồ sơ {code}."), params={"code": c})`):
the screen translates the template, then formats it.
"""

from __future__ import annotations

MESSAGES = "messages"  # errors' messages and advice, validation issues
LABELS = "labels"  # statuses, roles, kinds: short names shown in lists and filters


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """Marks `text` for translation in `context` (MESSAGES or LABELS); returns it unchanged."""
    return text
