"""Versioned form templates: every form of every circular the counter prints, by template id.

A dossier's `form_rules` names its circular; `template_for(rules, kind)` picks the form, and the
issued form keeps the template id so that a reprint uses the same one
(docs/decisions/0023-versioned-form-templates.md).
"""

from __future__ import annotations

from counter_app.documents.templates import tt01_2018, tt03_2025
from counter_app.documents.templates.base import STOP, FormData, FormTemplate

__all__ = ["TEMPLATES", "FormData", "FormTemplate", "UnknownTemplate", "template", "template_for"]

TEMPLATES: dict[str, FormTemplate] = {
    t.template_id: t for t in (*tt03_2025.TEMPLATES, *tt01_2018.TEMPLATES)
}
# Forms a circular lacks, printed from another circular (TT 01/2018 has no stop notice).
_BORROWED = {(tt01_2018.CIRCULAR, STOP): "tt03-2025/05"}


class UnknownTemplate(LookupError):
    """A template id or (circular, kind) the program does not know: a bug, not a user error."""


def template(template_id: str) -> FormTemplate:
    try:
        return TEMPLATES[template_id]
    except KeyError:
        raise UnknownTemplate(template_id) from None


def template_for(rules: str, kind: str) -> FormTemplate:
    """The template a dossier under `rules` ("tt03-2025" | "tt01-2018") prints for `kind`."""
    borrowed = _BORROWED.get((rules, kind))
    if borrowed:
        return template(borrowed)
    for candidate in TEMPLATES.values():
        if candidate.circular == rules and candidate.kind == kind:
            return candidate
    raise UnknownTemplate(f"{rules}/{kind}")
