"""Wrapping, pagination and the dateline: the pieces the forms are built from."""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime

import pytest

from counter_app.documents.fonts import BOLD, REGULAR, text_width
from counter_app.documents.layout import Block, paginate, spacer
from counter_app.documents.text import dateline, nfc
from counter_app.documents.wrapping import wrap_lines
from counter_protocol.timefmt import VN_TZ

SENTENCE = (
    "Giấy tiếp nhận hồ sơ và hẹn trả kết quả được lập thành 02 liên; một liên giao cho "
    "cá nhân, tổ chức nộp hồ sơ"
)


@pytest.mark.parametrize("width", [60.0, 150.0, 400.0])
def test_wrapped_lines_fit_and_keep_every_word(width: float) -> None:
    lines = wrap_lines(SENTENCE, REGULAR, 10, width, width)
    assert all(text_width(line, REGULAR, 10) <= width for line in lines)
    assert " ".join(lines).split() == SENTENCE.split()


def test_first_line_may_be_narrower_than_the_rest() -> None:
    lines = wrap_lines(SENTENCE, BOLD, 10, 80, 300)
    assert text_width(lines[0], BOLD, 10) <= 80
    assert all(text_width(line, BOLD, 10) <= 300 for line in lines[1:])
    assert len(lines[1]) > len(lines[0])


def test_a_word_longer_than_the_line_is_cut() -> None:
    url = "https://dichvucong.hatinh.gov.vn/portaldvc/tra-cuu-ho-so?ma=000.28.31.H27-261126-0001"
    lines = wrap_lines(url, REGULAR, 10, 120, 120)
    assert len(lines) > 1
    assert "".join(lines) == url
    assert all(text_width(line, REGULAR, 10) <= 120 for line in lines)


def test_empty_text_still_gives_one_line() -> None:
    assert wrap_lines("", REGULAR, 10, 100, 100) == [""]


def test_wrapping_normalises_to_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Hồ sơ Đặng")
    assert not unicodedata.is_normalized("NFC", decomposed)
    lines = wrap_lines(decomposed, REGULAR, 10, 500, 500)
    assert lines == [nfc(decomposed)]
    assert unicodedata.is_normalized("NFC", lines[0])


def _block(height: float, **kw: object) -> Block:
    return Block(height, spacer(0).draw, **kw)  # type: ignore[arg-type]


def test_blocks_flow_onto_the_next_page() -> None:
    blocks = [_block(40) for _ in range(5)]
    pages = paginate(blocks, first_height=100, next_height=100)
    assert [len(p) for p in pages] == [2, 2, 1]


def test_the_first_page_can_offer_a_different_height() -> None:
    pages = paginate([_block(40) for _ in range(5)], first_height=100, next_height=200)
    assert [len(p) for p in pages] == [2, 3]


def test_kept_blocks_move_together() -> None:
    heading = _block(20, keep_with_next=True)
    blocks = [_block(60), heading, _block(30)]
    pages = paginate(blocks, first_height=100, next_height=100)
    assert pages[1][0] is heading and len(pages[1]) == 2


def test_a_chain_taller_than_a_page_is_not_kept() -> None:
    heading = _block(20, keep_with_next=True)
    pages = paginate([_block(60), heading, _block(150)], first_height=100, next_height=100)
    assert pages[0][-1] is heading


def test_continued_rows_get_their_page_header_again() -> None:
    header = _block(10, keep_with_next=True)
    rows = [_block(30, page_header=header) for _ in range(5)]
    pages = paginate([header, *rows], first_height=100, next_height=100)
    assert pages[0][0] is header
    assert all(page[0] is header for page in pages[1:])
    assert sum(1 for page in pages for b in page if b is not header) == 5
    assert all(sum(b.height for b in page) <= 100 for page in pages)


def test_an_oversized_block_gets_a_page_of_its_own_rather_than_looping() -> None:
    pages = paginate([_block(10), _block(500), _block(10)], first_height=100, next_height=100)
    assert [len(p) for p in pages] == [1, 1, 1]


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (datetime(2026, 1, 5, 3, 0, tzinfo=UTC), "Hà Tĩnh, ngày 05 tháng 01 năm 2026"),
        (datetime(2026, 2, 9, 3, 0, tzinfo=UTC), "Hà Tĩnh, ngày 09 tháng 02 năm 2026"),
        (datetime(2026, 3, 9, 3, 0, tzinfo=UTC), "Hà Tĩnh, ngày 09 tháng 3 năm 2026"),
        (datetime(2026, 12, 31, 17, 0, tzinfo=UTC), "Hà Tĩnh, ngày 01 tháng 01 năm 2027"),
        (datetime(2026, 11, 26, 23, 59, tzinfo=VN_TZ), "Hà Tĩnh, ngày 26 tháng 11 năm 2026"),
    ],
)
def test_dateline_follows_decree_30_in_vietnam_time(moment: datetime, expected: str) -> None:
    assert dateline("Hà Tĩnh", moment) == expected
