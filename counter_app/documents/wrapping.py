"""Greedy word wrapping by measured width (the fonts' metrics: PDF drawing only)."""

from __future__ import annotations

from counter_app.documents.fonts import text_width
from counter_app.documents.text import nfc


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
