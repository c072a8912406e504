"""Who issues the counter's papers: the body above the one-stop centre, named in the headers of
the forms and of the logbook (a small module: the logbook needs this alone of the form facts)."""

from __future__ import annotations

import re

from counter_app.models.tables import Unit

_COMMUNE = re.compile(r"\b(xã|phường|đặc khu)\s+(.+)$", re.IGNORECASE)


def managing_body(unit: Unit | None, place_name: str) -> str | None:
    """`units.managing_body`, else UBND of the province (a provincial centre) or of the commune
    named in the centre's name; None when neither can be told (the header shows the centre only)."""
    if unit is None:
        return None
    if unit.managing_body:
        return unit.managing_body
    if unit.level == "province":
        return f"UBND tỉnh {place_name}"
    match = _COMMUNE.search(unit.name)
    if unit.level == "commune" and match:
        return f"UBND {match.group(1).lower()} {match.group(2)}"
    return None
