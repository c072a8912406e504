"""The lower layers' texts in the clerk's language: errors, validation issues, statuses, labels.

The domain, services, sync and counter_protocol never import Qt; they mark their messages and
labels with `QT_TRANSLATE_NOOP("messages" | "labels", …)` (counter_protocol/texts.py) and give
the values of a formatted message as `params`. Here, and only here, those texts are translated:
the template first, then formatted with the values (decision 0034). A text nobody marked comes
back unchanged, in Vietnamese, the source language.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping

from PySide6.QtCore import QCoreApplication

from counter_protocol.errors import UserError
from counter_protocol.lifecycle import Action
from counter_protocol.statuses import Status
from counter_protocol.texts import LABELS, MESSAGES, Marked

log = logging.getLogger(__name__)
_LOWERED_LABELS = {a.label.lower(): a.label for a in Action}


def label_text(label: str) -> str:
    """A short label from below the screens (a status, a role, a kind) in the clerk's language."""
    return QCoreApplication.translate(LABELS, label) if label else label


def _value_text(value: object) -> object:
    """A value inside a message: a label translated, a lower-cased step label too (a sentence
    such as “Cần ghi rõ lý do khi “{action}”” names the step in lower case); a message inside
    a message (a `Marked` place, an error quoted by another) translated as a message."""
    if isinstance(value, Marked | UserError):
        return message_text(value.template, value.params)
    if not isinstance(value, str) or not value:
        return value
    translated = label_text(value)
    if translated == value and value in _LOWERED_LABELS:
        return label_text(_LOWERED_LABELS[value]).lower()
    return translated


def processing_time_text(text: str) -> str:
    """A procedure's time limit (“Trong ngày”, “03 ngày làm việc”) in the clerk's language: the
    number stays, the unit is a label (services/procedures.py)."""
    number, _, unit = text.partition(" ")
    if unit and number[:1].isdigit():
        return f"{number} {label_text(unit)}"
    return label_text(text)


def status_text(status: Status) -> str:
    return label_text(status.label)


def message_text(template: str, params: Mapping[str, object] | None = None) -> str:
    """`template` translated, then formatted with `params` (a label among them translated too).

    A translation that names a value the message does not have is a translator's slip: the
    Vietnamese is shown rather than nothing."""
    if not template:
        return template
    translated = QCoreApplication.translate(MESSAGES, template)
    if not params:
        return translated
    values = {k: _value_text(v) for k, v in params.items()}
    try:
        return translated.format(**values)
    except (KeyError, IndexError, ValueError):
        log.warning("translation of %r does not fit its values", template)
        return template.format(**params)


def issue_text(issue: object) -> str:
    """A validation issue's message (anything with `message`, `template` and `params`)."""
    template = getattr(issue, "template", "") or ""
    if not template:
        return message_text(str(getattr(issue, "message", "")))
    return message_text(template, dict(getattr(issue, "params", ())))


def user_error_text(error: UserError) -> str:
    """A UserError's message and advice on one line, as `one_line()` but translated."""
    issues: Iterable[object] | None = getattr(error, "issues", None)
    shown = [i for i in issues or () if getattr(i, "blocking", True)]
    if shown:  # a refused form: its blocking issues, one a line
        message = "\n".join(issue_text(issue) for issue in shown)
    else:
        message = message_text(error.template, error.params)
    advice = message_text(error.advice_template, error.params)
    return f"{message} {advice}".strip()


def note_text(note: tuple[Marked, ...] | None, written: str) -> str:
    """A note kept with its values (services/notes.py) in the clerk's language; a row written
    before notes were kept so, or a server's own words, is looked up as written."""
    if note is None:
        return message_text(written)
    try:
        return " ".join(message_text(piece.template, piece.params) for piece in note)
    except (KeyError, IndexError, ValueError):  # values read back as text no longer fit
        return written
