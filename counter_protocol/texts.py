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

from collections.abc import Mapping
from dataclasses import dataclass, field

MESSAGES = "messages"  # errors' messages and advice, validation issues
LABELS = "labels"  # statuses, roles, kinds: short names shown in lists and filters


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """Marks `text` for translation in `context` (MESSAGES or LABELS); returns it unchanged."""
    return text


@dataclass(frozen=True, eq=False)
class Marked:
    """A marked template and its values, standing as one value inside another message: the place
    a catalogue refusal names (“Thủ tục {code}”), a server's note quoted in a counter's notice.

    Formatted (`str`, or a field of the outer message) it is the Vietnamese; the screens
    translate it as a message of its own before putting it in (counter_app/ui/texts.py)."""

    template: str
    params: Mapping[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.template.format(**self.params) if self.params else self.template

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __eq__(self, other: object) -> bool:  # equal to another, or to its Vietnamese
        if isinstance(other, Marked):
            return (self.template, dict(self.params)) == (other.template, dict(other.params))
        return isinstance(other, str) and str(self) == other

    def __hash__(self) -> int:
        return hash(str(self))


def plain_marked(marked: Marked) -> dict[str, object]:
    """A marked text as JSON keeps it (a stored note read back later in another language): a
    `Marked`, or an error quoted inside it, becomes {"template", "params"} in turn."""
    return {"template": marked.template, "params": {k: _plain(v) for k, v in marked.params.items()}}


def _plain(value: object) -> object:
    template, params = getattr(value, "template", None), getattr(value, "params", None)
    if isinstance(template, str) and isinstance(params, Mapping):  # a Marked or a UserError
        return plain_marked(Marked(template, params))
    if isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    return str(value)


def marked_from_plain(plain: object) -> Marked | None:
    """The `Marked` that `plain_marked` gave, or None when `plain` is not one."""
    if not isinstance(plain, dict) or not isinstance(plain.get("template"), str):
        return None
    params = plain.get("params")
    values = params if isinstance(params, dict) else {}
    return Marked(plain["template"], {k: marked_from_plain(v) or v for k, v in values.items()})
