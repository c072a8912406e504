"""A note for the clerk or IT kept twice: formatted in Vietnamese (the record, read as written)
and as its marked pieces, a JSON list of {"template", "params"} that, formatted and joined by a
space, give the Vietnamese. Screens show the pieces in the clerk's language
(docs/decisions/0034-texts-from-lower-layers.md); used by `sync_log.message_marked` (store
revision 0017) and `outbox.last_error_marked` (0018).
"""

from __future__ import annotations

import json

from counter_protocol.texts import Marked, marked_from_plain, plain_marked

Part = tuple[str, dict[str, object]]  # a marked template and its values


def formatted(parts: list[Part]) -> str:
    """The Vietnamese the pieces make."""
    return " ".join(template.format(**params) if params else template for template, params in parts)


def stored_note(parts: list[Part]) -> str | None:
    """The pieces as the `*_marked` columns keep them (None: no note)."""
    if not parts:
        return None
    plain = [plain_marked(Marked(template, params)) for template, params in parts]
    return json.dumps(plain, ensure_ascii=False)


def read_note(stored: str | None) -> tuple[Marked, ...] | None:
    """The pieces back; None when there are none or they do not read (then the row's
    Vietnamese is shown instead)."""
    try:
        plain = json.loads(stored) if stored else None
    except ValueError:
        return None
    if not isinstance(plain, list):
        return None
    pieces = [marked_from_plain(piece) for piece in plain]
    return None if None in pieces else tuple(p for p in pieces if p is not None)
