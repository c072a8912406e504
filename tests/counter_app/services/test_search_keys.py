"""Any dossier is found by any part of it a clerk may have: its code or the date-and-number part
of it (a torn slip), the number alone on the day, a phone's first or last seven-plus digits, the
CCCD, the name with or without diacritics, cut short anywhere. Property tests over a demo store."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, time
from pathlib import Path
from typing import Any
from unittest.mock import patch

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.dossier_rules import DueState
from counter_app.domain.text import fold
from counter_app.services import search
from counter_app.services.search import DossierQuery, DueFilter, SearchService
from counter_protocol.statuses import Status
from counter_protocol.timefmt import VN_TZ

DOSSIERS = 400
EVERYTHING = 10_000  # one page holds every match of the small store


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from counter_app.app import build_services
    from counter_app.services.demo import fill_demo

    folder: Path = tmp_path_factory.mktemp("search-keys")
    services = build_services(str(folder))
    fill_demo(services.store, services.calendar, DOSSIERS, seed=7, with_forms=False)
    yield services
    services.close()


@pytest.fixture(scope="module")
def stored(demo: Any) -> list[Any]:
    """Every dossier as the list shows it."""
    rows = demo.search.find(DossierQuery(), limit=EVERYTHING)
    assert len(rows) == DOSSIERS
    return rows


def codes_found(demo: Any, text: str, **query: Any) -> list[str]:
    return [r.code for r in demo.search.find(DossierQuery(text=text, **query), limit=EVERYTHING)]


def pick(stored: list[Any]) -> st.SearchStrategy[Any]:
    return st.sampled_from(stored)


@given(data=st.data())
def test_found_by_code_or_its_date_and_number_part(demo, stored, data) -> None:
    row = data.draw(pick(stored))
    unit, day, number = re.fullmatch(r"(.+)-(\d{6})-(\d{4})", row.code).groups()
    assert codes_found(demo, row.code) == [row.code]
    assert codes_found(demo, row.code.lower()) == [row.code]
    assert row.code in codes_found(demo, f"{day}-{number}")
    assert codes_found(demo, f"{unit[-3:]}-{day}-{number}") == [row.code]
    assert row.code in codes_found(demo, f"{day}-{int(number)}")  # leading zeros left off
    assert row.code in codes_found(demo, day)  # the day's dossiers


@given(data=st.data())
def test_found_by_the_number_alone_on_its_day(demo, stored, data) -> None:
    row = data.draw(pick(stored))
    day, number = row.code.rsplit("-", 2)[1:]
    that_day = datetime.strptime(day, "%y%m%d").date()
    search = SearchService(
        demo.store, demo.calendar, lambda: datetime.combine(that_day, time(16), VN_TZ)
    )
    typed = data.draw(st.sampled_from([number, str(int(number))]))
    assert row.code in [r.code for r in search.find(DossierQuery(text=typed), limit=EVERYTHING)]


@given(data=st.data())
def test_found_by_a_phones_first_or_last_digits(demo, stored, data) -> None:
    row = data.draw(pick(stored))
    digits = row.phone
    size = data.draw(st.integers(7, len(digits)))
    typed = data.draw(st.sampled_from([digits[:size], digits[-size:]]))
    assert row.code in codes_found(demo, typed), typed


@given(data=st.data())
def test_found_by_cccd(demo, stored, data) -> None:
    row = data.draw(pick(stored))
    assert row.code in codes_found(demo, row.id_number)


@given(data=st.data())
def test_found_by_name_cut_short_with_or_without_marks(demo, stored, data) -> None:
    """Whole words, the last cut short (an earlier word cut short is the fallback's: see the
    rule below)."""
    row = data.draw(pick(stored))
    words = row.applicant_name.split()
    typed = words[: data.draw(st.integers(1, len(words)))]
    if data.draw(st.booleans()):  # the last word cut short
        typed[-1] = typed[-1][: data.draw(st.integers(1, len(typed[-1])))]
    text = " ".join(typed)
    if data.draw(st.booleans()):
        text = fold(text)
    assert row.code in codes_found(demo, text), text


@given(data=st.data())
def test_a_name_with_a_status_finds_exactly_what_the_rule_says(demo, stored, data) -> None:
    """Each typed word is a whole word of the name, the last a word's start; if no dossier
    passing the filters has that, every typed word is a word's start (docs/decisions/0016)."""
    row = data.draw(pick(stored))
    words = fold(row.applicant_name).split()
    typed = [w[: data.draw(st.integers(1, len(w)))] for w in words[: data.draw(st.integers(1, 3))]]
    status = data.draw(st.sampled_from([int(s) for s in Status]))
    # A status's dossiers walked among, or walked themselves (the store is small).
    few = data.draw(st.sampled_from([search.FEW_IN_STATUSES, 0]))
    with patch.object(search, "FEW_IN_STATUSES", few):
        found = codes_found(demo, " ".join(typed), statuses=(status,))
    kept = [r for r in stored if r.status == status]
    expected = [r.code for r in kept if _name_matches(r.applicant_name, typed, all_prefix=False)]
    if not expected and len(typed) > 1:
        expected = [r.code for r in kept if _name_matches(r.applicant_name, typed, all_prefix=True)]
    assert found == expected


def _name_matches(name: str, typed: list[str], *, all_prefix: bool) -> bool:
    words = fold(name).split()
    last = len(typed) - 1
    return all(
        any(w.startswith(t) for w in words) if all_prefix or i == last else t in words
        for i, t in enumerate(typed)
    )


@given(due=st.sampled_from([DueFilter.OVERDUE, DueFilter.SOON]))
def test_a_due_filter_keeps_exactly_its_dossiers(demo, stored, due) -> None:
    state = {DueFilter.OVERDUE: DueState.OVERDUE, DueFilter.SOON: DueState.DUE_SOON}[due]
    assert codes_found(demo, "", due=due) == [r.code for r in stored if r.due_state == state]


@given(data=st.data())
def test_a_key_found_among_many_is_still_found(demo, stored, data) -> None:
    row = data.draw(pick(stored))
    with patch.object(search, "SMALL_SET", 0):  # the key's set walked, not taken whole
        assert row.code in codes_found(demo, row.code[-11:-5])  # the day's dossiers
        assert codes_found(demo, row.code) == [row.code]


def test_a_number_that_no_key_has_finds_nothing(demo) -> None:
    assert codes_found(demo, "12345") == []
    assert codes_found(demo, "-") == codes_found(demo, " . ") == []
    assert codes_found(demo, "zzqx") == []


@given(text=st.text(max_size=30) | st.from_regex(r"[+]?[0-9 .\-]{0,14}", fullmatch=True))
def test_any_typed_text_gets_an_answer(demo, text: str) -> None:
    rows = demo.search.find(DossierQuery(text=text), limit=5)
    assert len(rows) <= 5
