"""The stored form of personal ids (CCCD/CMND) and phone numbers, whatever spelling was typed.

Every write path stores these forms, so a search by the number finds the dossier whichever way
the clerk typed it. Both functions are idempotent: a stored value normalises to itself.
"""

from __future__ import annotations

import re

from counter_app.domain.phones import validate_phone
from counter_app.domain.validation import ValidationError

_ID_SEPARATORS = re.compile(r"[\s.\-]+")
# Full-width digits come from some Vietnamese input methods; map them one to one onto ASCII.
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def normalise_id_number(value: str | None) -> str | None:
    """A CCCD/CMND without the spaces, dots and dashes typed between digit groups; None if blank.

    `042 195.123-456` → `042195123456`. Whether the number is valid is validation's business.
    """
    if value is None:
        return None
    compact = _ID_SEPARATORS.sub("", value.translate(_FULL_WIDTH_DIGITS))
    return compact or None


def normalise_phone(value: str | None) -> str | None:
    """The national 0… form of a valid Vietnamese number; anything else trimmed; None if blank.

    `+84 912 345 678`, `0084912345678` and `0912.345.678` all become `0912345678`. A number that
    is not valid is kept as typed (spaces collapsed): a wrong phone is a warning, not a refusal.
    """
    if value is None:
        return None
    text = " ".join(value.translate(_FULL_WIDTH_DIGITS).split())
    if not text:
        return None
    try:
        return validate_phone(text).national
    except ValidationError:
        return text
