"""Tests for the search folding and NFC helpers."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.text import clean, fold, nfc, search_tokens

# Every Vietnamese vowel with every tone (ngang, huyền, sắc, hỏi, ngã, nặng), lower and upper.
VOWEL_ROWS = {
    "a": "aàáảãạ ăằắẳẵặ âầấẩẫậ",
    "e": "eèéẻẽẹ êềếểễệ",
    "i": "iìíỉĩị",
    "o": "oòóỏõọ ôồốổỗộ ơờớởỡợ",
    "u": "uùúủũụ ưừứửữự",
    "y": "yỳýỷỹỵ",
}


@pytest.mark.parametrize(("base", "row"), VOWEL_ROWS.items())
def test_every_tone_and_vowel_mark_folds_to_the_bare_letter(base: str, row: str) -> None:
    letters = row.replace(" ", "")
    assert fold(letters) == base * len(letters)
    assert fold(letters.upper()) == base * len(letters)


def test_d_with_stroke_folds_to_d_both_cases() -> None:
    assert fold("đ") == "d"
    assert fold("Đ") == "d"
    assert fold("Đặng Đình Điệp") == "dang dinh diep"


def test_fold_of_a_full_name() -> None:
    assert fold("Nguyễn Văn Đạt") == "nguyen van dat"
    assert fold("  TRẦN   thị\tHỒNG\n") == "tran thi hong"


def test_nfd_input_folds_like_nfc() -> None:
    name = "Nguyễn Thị Hường Đặng"
    assert fold(unicodedata.normalize("NFD", name)) == fold(name) == "nguyen thi huong dang"


def test_fold_leaves_digits_and_punctuation() -> None:
    assert fold("Số 12, Ngõ 3/5") == "so 12, ngo 3/5"


def test_fold_of_letters_outside_the_table_still_drops_marks() -> None:
    # Greek with a tonos is not in the precomputed table: it takes the slow path.
    assert fold("Ά") == "α"
    assert fold("Ø") == "ø"


def test_nfc_and_clean() -> None:
    nfd = unicodedata.normalize("NFD", "Hà Tĩnh")
    assert nfd != "Hà Tĩnh"
    assert nfc(nfd) == "Hà Tĩnh"
    assert clean(f"  {nfd}\r\n  Việt   Nam ") == "Hà Tĩnh Việt Nam"


def test_search_tokens() -> None:
    assert search_tokens(" Lê  Thị Ánh-Tuyết ") == ["le", "thi", "anh-tuyet"]
    assert search_tokens("") == []


@given(st.lists(st.sampled_from(["an", "nguyen", "van", "thi", "le", "o"]), min_size=1, max_size=6))
def test_name_pairs_hold_every_two_words_of_a_name_once(words: list[str]) -> None:
    from counter_app.domain.text import name_pairs, pair_token

    tokens = name_pairs(" ".join(words)).split()
    assert len(tokens) == len(set(tokens))
    expected = {pair_token(a, b) for i, a in enumerate(words) for b in words[i + 1 :]}
    assert set(tokens) == expected
    assert all(pair_token(a, b) == pair_token(b, a) for a in words for b in words)
