"""How a typed name is looked up: the words, which are prefixes, and the indexes that can walk it.

Names are folded (đ→d, marks dropped) and indexed twice (docs/decisions/0016, 0031):
- the name index (FTS5 `dossier_search`), a word per token: words before the last are whole
  words, the last a prefix ("le thi t"); a typed start longer than the prefix indexes is
  expanded to the whole words it starts (`search_terms`), which FTS5 walks lazily;
- the pair index (FTS5 `dossier_name_pairs`), every two words of a name as one token. Two common
  words that never meet ("nguyen le") are then one short list to read, not two long ones to
  intersect: the cost of a name that matches nothing, or only a few, stops growing with the store.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.text import pair_token
from counter_app.models.tables import SearchTerm

PREFIX_INDEXED = 3  # the name index keeps prefix indexes for 1, 2 and 3 letters
MAX_EXPANSION = 40  # whole words a typed start may stand for, beyond which it stays a prefix
MAX_PAIR_TOKENS = 120  # pair tokens one pair of typed words may stand for
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class NameWalk:
    """One index that lists a name's candidates newest first; `unchecked` are the typed words
    that index does not test (they are tested on each row it lists)."""

    index: str  # "names" or "pairs" (models/search_queries.index_walk)
    expression: str
    unchecked: tuple[int, ...] = ()


@dataclass(frozen=True)
class NameLookup:
    words: tuple[str, ...]
    prefixes: tuple[bool, ...]
    walks: tuple[NameWalk, ...]  # the cheapest first


def query_words(folded: str) -> list[str]:
    """The typed words as the index splits them, each once."""
    return list(dict.fromkeys(_WORD.findall(folded)))


def name_lookup(session: Session, folded: str, *, all_prefix: bool = False) -> NameLookup | None:
    """How to find `folded`; None when no stored name can match. `all_prefix` treats every word
    as a prefix (the fallback for "ng van an")."""
    words = query_words(folded)
    if not words:
        return None
    prefixes = [True] * len(words) if all_prefix else [False] * (len(words) - 1) + [True]
    expansions = [
        expand(session, w) if prefix else [w] for w, prefix in zip(words, prefixes, strict=True)
    ]
    if any(e == [] for e in expansions):
        return None  # a typed start that no stored name word has
    walks = [NameWalk("names", _names_expression(words, prefixes, expansions))]
    pairs = _pairs_walk(expansions)
    if pairs is not None:
        walks.insert(0, pairs)
    return NameLookup(tuple(words), tuple(prefixes), tuple(walks))


def expand(session: Session, start: str) -> list[str] | None:
    """The whole name words starting with `start`; None when there are too many to list."""
    terms = session.scalars(
        select(SearchTerm.term)
        .where(SearchTerm.term >= start, SearchTerm.term < start + "\uffff")
        .limit(MAX_EXPANSION + 1)
    ).all()
    return None if len(terms) > MAX_EXPANSION else list(terms)


def _quoted(word: str) -> str:
    return '"' + word.replace('"', "") + '"'


def _names_expression(
    words: list[str], prefixes: list[bool], expansions: list[list[str] | None]
) -> str:
    parts = []
    for word, prefix, expansion in zip(words, prefixes, expansions, strict=True):
        if not prefix:
            parts.append(_quoted(word))
        elif expansion is None or len(word) <= PREFIX_INDEXED:
            parts.append(f"{_quoted(word)}*")  # a prefix index answers it, or too many words
        else:
            parts.append("(" + " OR ".join(_quoted(t) for t in expansion) + ")")
    return " AND ".join(parts)


def _pairs_walk(expansions: list[list[str] | None]) -> NameWalk | None:
    """Neighbouring typed words as pair tokens where each stands for few whole words, none
    shared (two typed words must then be two words of the name, as the name index requires)."""
    groups: list[str] = []
    covered: set[int] = set()
    for i in range(len(expansions) - 1):
        tokens = _pair_tokens(expansions[i], expansions[i + 1])
        if tokens:
            groups.append("(" + " OR ".join(_quoted(t) for t in tokens) + ")")
            covered.update((i, i + 1))
    if not groups:
        return None
    unchecked = tuple(i for i in range(len(expansions)) if i not in covered)
    return NameWalk("pairs", " AND ".join(groups), unchecked)


def _pair_tokens(first: list[str] | None, second: list[str] | None) -> list[str] | None:
    if first is None or second is None or len(first) * len(second) > MAX_PAIR_TOKENS:
        return None
    if set(first) & set(second) or not all(t.isalpha() for t in first + second):
        return None
    return sorted({pair_token(a, b) for a in first for b in second})
