"""Vietnamese text normalisation: NFC for storage and display, accent folding for search."""

from __future__ import annotations

import re
import unicodedata

# Latin blocks that hold every precomposed Vietnamese letter (Latin-1 Supplement, Latin
# Extended-A/B, Latin Extended Additional) plus the combining diacritics a scanner or a
# macOS clipboard may send as NFD.
_PRECOMPOSED_RANGES = ((0x00C0, 0x0250), (0x1E00, 0x1F00))
_COMBINING_MARKS = range(0x0300, 0x0370)


def _fold_char_slow(char: str) -> str:
    """Fold one character the definitional way: NFD, drop marks, đ→d, lowercase."""
    decomposed = unicodedata.normalize("NFD", char)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.replace("đ", "d").replace("Đ", "d").lower()


def _build_fold_table() -> dict[int, str | None]:
    """Precompute the fold of every letter we expect, so `fold` is one str.translate."""
    table: dict[int, str | None] = {
        code: chr(code).lower() for code in range(ord("A"), ord("Z") + 1)
    }
    for start, stop in _PRECOMPOSED_RANGES:
        for code in range(start, stop):
            folded = _fold_char_slow(chr(code))
            if folded != chr(code):
                table[code] = folded
    for code in _COMBINING_MARKS:
        table[code] = None
    return table


_FOLD_TABLE = _build_fold_table()


def fold(text: str) -> str:
    """The search key of a text: no diacritics, đ→d, lowercase, single spaces.

    `fold("Nguyễn Văn Đạt") == "nguyen van dat"`. NFC and NFD input fold alike. This is the one
    folding used for both the stored `*_folded` columns and the typed query, so they always match.
    """
    folded = text.translate(_FOLD_TABLE)
    if not folded.isascii():
        # Rare: a letter outside the table (Greek, Cyrillic, a stray mark); fold it the slow way.
        folded = "".join(_fold_char_slow(c) for c in unicodedata.normalize("NFD", folded))
    return " ".join(folded.split())


def nfc(text: str) -> str:
    """The NFC form of a text: how every Vietnamese string is stored and compared."""
    return unicodedata.normalize("NFC", text)


def clean(text: str) -> str:
    """NFC, trimmed, with every inner run of whitespace collapsed to one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def search_tokens(text: str) -> list[str]:
    """The folded words of a text, in order: what a type-ahead query is matched on."""
    return fold(text).split()


_LETTERS_ONLY = re.compile(r"[^\W\d_]+")
PAIR_JOINER = "0"  # a digit: never inside a letters-only word, so "a"+"nb" ≠ "an"+"b"


def name_words(folded: str) -> list[str]:
    """The letters-only words of a folded name, as the full-text tokenizer splits them."""
    return _LETTERS_ONLY.findall(folded)


def pair_token(a: str, b: str) -> str:
    """One token for "these two words are both in the name", whatever their order."""
    first, second = sorted((a, b))
    return f"{first}{PAIR_JOINER}{second}"


def name_pairs(folded: str) -> str:
    """Every pair of words of a folded name (two at different places), as one line of tokens:
    the pair index answers "nguyen le" by one short list instead of intersecting two long ones
    (docs/decisions/0031-search-always-answers-fast.md)."""
    words = name_words(folded)
    pairs = {pair_token(a, b) for i, a in enumerate(words) for b in words[i + 1 :]}
    return " ".join(sorted(pairs))
