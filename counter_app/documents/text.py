"""Text preparation: NFC normalisation and the dateline (no fonts: the Excel writers use it too;
wrapping by measured width is in wrapping.py)."""

from __future__ import annotations

import unicodedata
from datetime import datetime

from counter_protocol.timefmt import to_vn


def nfc(text: str) -> str:
    """NFC form: reportlab draws decomposed (NFD) Vietnamese with detached accents."""
    return unicodedata.normalize("NFC", text)


def dateline(place_name: str, moment: datetime) -> str:
    """`Hà Tĩnh, ngày 05 tháng 3 năm 2026`, in Vietnam time.

    Nghị định 30/2020 writes a leading zero for days below 10 and for months 1 and 2 only.
    """
    day = to_vn(moment)
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place_name}, ngày {day.day:02d} tháng {month} năm {day.year}"
