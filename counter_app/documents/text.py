"""Text preparation for drawing: NFC normalisation and greedy word wrapping by measured width."""

from __future__ import annotations

import unicodedata
from datetime import datetime

from counter_app.documents.fonts import text_width
from counter_protocol.timefmt import to_vn


def nfc(text: str) -> str:
    """NFC form: reportlab draws decomposed (NFD) Vietnamese with detached accents."""
    return unicodedata.normalize("NFC", text)


def wrap_lines(
    text: str, font: str, size: float, first_width: float, rest_width: float
) -> list[str]:
    """Split `text` into lines no wider than the given widths (the first line may be narrower).

    Words longer than a whole line (URLs, long codes) are cut by characters. Always returns at
    least one line, possibly empty, so callers can rely on a height.
    """
    space = text_width(" ", font, size)
    lines: list[str] = []
    current: list[str] = []
    used = 0.0
    for word in nfc(text).split():
        limit = rest_width if lines else first_width
        width = text_width(word, font, size)
        if current and used + space + width <= limit:
            current.append(word)
            used += space + width
            continue
        if current:
            lines.append(" ".join(current))
            limit = rest_width
        pieces = _cut_word(word, font, size, limit, rest_width) if width > limit else [word]
        lines.extend(pieces[:-1])
        current = [pieces[-1]]
        used = text_width(pieces[-1], font, size)
    lines.append(" ".join(current))
    return lines


def _cut_word(
    word: str, font: str, size: float, first_width: float, rest_width: float
) -> list[str]:
    """Cut one over-long word into pieces that each fit, character by character."""
    pieces: list[str] = []
    piece = ""
    for char in word:
        limit = rest_width if pieces else first_width
        if piece and text_width(piece + char, font, size) > limit:
            pieces.append(piece)
            piece = ""
        piece += char
    pieces.append(piece)
    return pieces


def dateline(place_name: str, moment: datetime) -> str:
    """`Hà Tĩnh, ngày 05 tháng 3 năm 2026`, in Vietnam time.

    Nghị định 30/2020 writes a leading zero for days below 10 and for months 1 and 2 only.
    """
    day = to_vn(moment)
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place_name}, ngày {day.day:02d} tháng {month} năm {day.year}"
