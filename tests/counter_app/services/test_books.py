"""The logbook of a period from dossiers taken in through the real services: one row per dossier
received, in the order of the book's numbers, the same number as on the dossier's slip."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from counter_app.documents.logbook_rows import NO_DOSSIERS
from counter_app.domain.kinds import ResultDelivery
from counter_app.domain.reports import Period
from counter_app.services.books import BookService, UnknownBookFormat
from counter_protocol.lifecycle import Action
from tests.counter_app.documents.pdftools import flat, pdf_text
from tests.counter_app.services.lifecycle_helpers import (
    CLERK,
    Counter,
    all_in_hand,
    make_counter,
    request,
    vn,
)

PROCEDURE = "Đăng ký chấm dứt giám hộ"  # 1.004845 of the sample catalogue
DECIDER = "Ủy ban nhân dân xã Đức Thọ"
CONTACT = "Xóm 3, xã Thạch Hà, tỉnh Hà Tĩnh, 0912345678"
NAME = "Nguyễn Thị Hồng Nhung"
POSTED_NAME = "Trần Văn Bưu"
PERIOD = Period(vn(2026, 3, 10).date(), vn(2026, 3, 11).date())
TABLE_START = 9  # 1-based sheet row of the first dossier (header, title, column titles above)


@pytest.fixture
def counter(services: Any, data_dir: Path) -> Counter:
    return make_counter(services, data_dir, vn(2026, 3, 10, 9, 0))


@pytest.fixture
def book(services: Any) -> BookService:
    return BookService(services.store, now=lambda: vn(2026, 3, 12, 8, 0))


def take_in(counter: Counter) -> dict[str, str]:
    """Tuesday 10/03/2026 and Wednesday 11/03: three received (A, C, and B once its papers come),
    one refused (D), one withdrawn while it waited for papers (F), one received the day after
    the period (E)."""
    codes: dict[str, str] = {}
    codes["A"] = counter.dossiers.intake(request()).code  # seq 1
    counter.clock.set(vn(2026, 3, 10, 10, 0))
    codes["B"] = counter.dossiers.intake(request("Bản sao giấy khai sinh")).code
    counter.clock.set(vn(2026, 3, 10, 15, 30))
    posted = replace(request(), result_delivery=ResultDelivery.BY_POST, delivery_address="x")
    posted = replace(posted, applicant=replace(posted.applicant, full_name=POSTED_NAME))
    codes["C"] = counter.dossiers.intake(posted).code  # seq 2
    counter.clock.set(vn(2026, 3, 10, 16, 0))
    codes["D"] = counter.dossiers.intake(request("Tờ khai theo mẫu")).code
    counter.lifecycle.refuse(codes["D"], CLERK, "Không thuộc thẩm quyền")
    counter.clock.set(vn(2026, 3, 11, 8, 30))
    result = counter.lifecycle.receive_supplemented(codes["B"], all_in_hand(), CLERK)
    assert result.outcome == Action.RECEIVE  # seq 3
    codes["F"] = counter.dossiers.intake(request("Tờ khai theo mẫu")).code
    counter.lifecycle.withdraw(codes["F"], CLERK, "Công dân xin rút")  # never received
    counter.clock.set(vn(2026, 3, 11, 9, 0))
    counter.lifecycle.result_received(codes["A"], CLERK)
    counter.clock.set(vn(2026, 3, 11, 14, 0))
    counter.returns.return_result(codes["A"], NAME, "042195123456", CLERK, True)
    counter.clock.set(vn(2026, 3, 12, 7, 45))
    codes["E"] = counter.dossiers.intake(request()).code  # seq 4, outside the period
    return codes


def expected_rows(codes: dict[str, str]) -> list[tuple[Any, ...]]:
    """Hand-computed: two working days from receipt; A returned on 11/03 at 14:00."""
    counter_words, post_words = "Tại Bộ phận Một cửa", "Qua dịch vụ bưu chính công ích"
    return [
        (1, "2026", codes["A"], PROCEDURE, NAME, CONTACT, DECIDER,
         "10/03/2026 09:00", "12/03/2026 09:00", "11/03/2026 14:00", counter_words, None),
        (2, "2026", codes["C"], PROCEDURE, POSTED_NAME, CONTACT, DECIDER,
         "10/03/2026 15:30", "12/03/2026 15:30", None, post_words, None),
        (3, "2026", codes["B"], PROCEDURE, NAME, CONTACT, DECIDER,
         "11/03/2026 08:30", "13/03/2026 08:30", None, counter_words, None),
    ]  # fmt: skip


def sheet_rows(path: Path) -> list[tuple[Any, ...]]:
    sheet = openpyxl.load_workbook(path, read_only=True).active
    assert sheet is not None
    return [tuple(row) for row in sheet.iter_rows(min_row=TABLE_START, values_only=True)]


def test_the_excel_book_holds_exactly_the_received_dossiers_in_order(
    counter: Counter, book: BookService, tmp_path: Path
) -> None:
    codes = take_in(counter)
    out = tmp_path / "so.xlsx"
    assert book.write(PERIOD, out) == 3
    assert sheet_rows(out) == expected_rows(codes)
    sheet = openpyxl.load_workbook(out, read_only=True).active
    assert sheet is not None
    head = [c for row in sheet.iter_rows(max_row=8, values_only=True) for c in row if c]
    assert "SỔ THEO DÕI HỒ SƠ" in head and "Từ ngày 10/03/2026 đến ngày 11/03/2026" in head
    assert "Hà Tĩnh, ngày 12 tháng 3 năm 2026" in head


def test_the_book_number_is_the_slip_number(
    counter: Counter, services: Any, book: BookService, tmp_path: Path
) -> None:
    codes = take_in(counter)
    out = tmp_path / "so.xlsx"
    book.write(PERIOD, out)
    for seq, _, code, *_ in sheet_rows(out):
        slip = flat(pdf_text(services.slips.render_for(code)))
        assert f"Quyển số: 2026, Số thứ tự: {seq}" in slip
        assert counter.dossier(code, "log_seq") == (seq,)
    assert len(codes) == 6


def test_the_pdf_book_lists_the_same_rows_in_order(
    counter: Counter, book: BookService, tmp_path: Path
) -> None:
    codes = take_in(counter)
    out = tmp_path / "so.pdf"
    book.write(PERIOD, out)
    text = flat(pdf_text(out.read_bytes()))
    assert "SỔ THEO DÕI HỒ SƠ" in text and "Từ ngày 10/03/2026 đến ngày 11/03/2026" in text
    assert "Mẫu số 07 – Thông tư 03/2025/TT-VPCP" in text and "Trang 1/1" in text
    where = [text.find(codes[key]) for key in "ACB"]
    assert -1 not in where and where == sorted(where)
    for key in "DEF":
        assert codes[key] not in text
    for row in expected_rows(codes):
        start = text.find(row[2])
        cells = text[start - 12 : start + 400]
        assert f"{row[0]} 2026 {row[2]}" in cells
        for value in (row[7], row[8], row[9]):
            if value:
                day, minute = value.split()
                assert day in cells and minute in cells


def test_an_empty_period_gives_a_book_that_says_so(book: BookService, tmp_path: Path) -> None:
    day = Period(vn(2026, 3, 1).date(), vn(2026, 3, 1).date())
    assert book.write(day, tmp_path / "so.pdf") == 0
    text = flat(pdf_text((tmp_path / "so.pdf").read_bytes()))
    assert NO_DOSSIERS in text and "Ngày 01/03/2026" in text
    assert book.write(day, tmp_path / "so.xlsx") == 0
    assert sheet_rows(tmp_path / "so.xlsx")[0][0] == NO_DOSSIERS


def test_another_file_type_is_refused(book: BookService, tmp_path: Path) -> None:
    with pytest.raises(UnknownBookFormat, match=r"chỉ hỗ trợ tệp \.pdf hoặc \.xlsx"):
        book.write(PERIOD, tmp_path / "so.csv")
    assert not list(tmp_path.glob("so.*"))
