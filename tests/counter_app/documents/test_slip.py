"""Mẫu 01 rendered end to end: read back with poppler and zxing-cpp like a clerk's scanner would."""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime

import pytest

from counter_app.documents.slip import COPY_LABELS, TITLE, render_slip
from tests.counter_app.documents.pdftools import (
    CODE,
    LOOKUP,
    decode,
    flat,
    page_count,
    page_size_pt,
    pdf_fonts,
    pdf_text,
    rasterise,
    slip_data,
)


@pytest.fixture(scope="module")
def a4_slip() -> bytes:
    return render_slip(slip_data())


@pytest.fixture(scope="module")
def a5_slip() -> bytes:
    return render_slip(slip_data(), "A5")


@pytest.mark.parametrize("page", [1, 2])
def test_code128_and_qr_decode_on_each_copy(a4_slip: bytes, page: int) -> None:
    found = {d.format: d.text for d in decode(rasterise(a4_slip, page))}
    assert found.get("Code128") == CODE
    assert found.get("QRCode") == f"{CODE}\n{LOOKUP}"


def test_a4_has_one_page_per_copy_with_its_label(a4_slip: bytes) -> None:
    assert page_count(a4_slip) == 2
    assert page_size_pt(a4_slip) == pytest.approx((595.28, 841.89), abs=0.1)
    assert f"({COPY_LABELS[0]})" in pdf_text(a4_slip, 1)
    assert f"({COPY_LABELS[1]})" in pdf_text(a4_slip, 2)
    assert COPY_LABELS[1] not in pdf_text(a4_slip, 1)


def test_vietnamese_fields_are_printed_in_nfc(a4_slip: bytes) -> None:
    text = pdf_text(a4_slip, 1)  # raw: an NFD-drawn slip would extract decomposed
    for expected in (
        TITLE,
        f"Mã hồ sơ: {CODE}",
        "Nguyễn Thị Hồng Nhung",
        "Đặng Văn Đức",
        "Đăng ký khai sinh (Mã TTHC: 1.001193)",
        "Xã Thạch Hà, tỉnh Hà Tĩnh",
        "UBND XÃ THẠCH HÀ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "NGƯỜI NỘP HỒ SƠ",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
        "Lê Thị Thu Hà",
        "Phí, lệ phí: 8.000 đồng",
        "Vào Sổ theo dõi hồ sơ, Quyển số: 2026, Số thứ tự: 125",
        "Cơ quan giải quyết hồ sơ: UBND xã Thạch Hà",
        "Đường dây nóng: 0239 3855 999",
        "Ghi chú:",
    ):
        assert unicodedata.normalize("NFC", expected) in text, expected


def test_times_are_printed_in_vietnam_time(a4_slip: bytes) -> None:
    text = flat(pdf_text(a4_slip, 1))
    assert "4. Thời gian nhận hồ sơ: 09 giờ 30 phút, ngày 26 tháng 11 năm 2026" in text
    assert (
        "5. Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 00 phút, ngày 26 tháng 11 năm 2026"
        in text
    )
    assert "Hà Tĩnh, ngày 26 tháng 11 năm 2026" in text


def test_dateline_uses_the_vietnam_date_across_midnight() -> None:
    late_utc = datetime(2026, 2, 28, 17, 30, tzinfo=UTC)  # 1 March 00:30 in Vietnam
    text = flat(pdf_text(render_slip(slip_data(received_at=late_utc)), 1))
    assert "Hà Tĩnh, ngày 01 tháng 3 năm 2026" in text
    assert "00 giờ 30 phút, ngày 01 tháng 03 năm 2026" in text


def test_decomposed_input_is_drawn_composed() -> None:
    nfd_name = unicodedata.normalize("NFD", "Đặng Văn Đức")
    assert nfd_name != "Đặng Văn Đức"
    text = pdf_text(render_slip(slip_data(applicant_name=nfd_name)), 1)
    assert "Tiếp nhận hồ sơ của: Đặng Văn Đức" in text


def test_only_embedded_noto_fonts(a4_slip: bytes) -> None:
    fonts = pdf_fonts(a4_slip)
    assert {row[0].split("+")[-1] for row in fonts} == {
        "NotoSans-Regular",
        "NotoSans-Bold",
        "NotoSans-Italic",
    }
    assert all(row[3] == "yes" for row in fonts), fonts


def test_numbered_lines_and_components_table(a4_slip: bytes) -> None:
    text = flat(pdf_text(a4_slip, 1))
    for line in (
        "1. Thành phần hồ sơ nộp gồm:",
        "2. Số lượng hồ sơ: 01 (bộ)",
        "3. Thời gian giải quyết hồ sơ theo quy định là: Trong ngày",
        "6. Đăng ký nhận kết quả tại: địa chỉ Thôn Đông Phúc, Xã Thạch Hà (qua dịch vụ bưu chính",
        "STT Tên giấy tờ Bản chính Bản sao",
    ):
        assert line in text, line
    for index in (1, 2, 3):
        assert f"(mục {index})" in text


def test_a5_puts_each_copy_on_its_own_a5_page(a5_slip: bytes) -> None:
    assert page_size_pt(a5_slip) == pytest.approx((419.53, 595.28), abs=0.1)
    assert page_count(a5_slip) == 2
    assert "Trang 1/1" in pdf_text(a5_slip, 1)
    found = {d.format: d.text for d in decode(rasterise(a5_slip, 2))}
    assert found.get("Code128") == CODE
    assert found.get("QRCode", "").startswith(CODE)


@pytest.mark.parametrize("page_size", ["A4", "A5"])
def test_fifteen_components_continue_on_a_next_page(page_size: str) -> None:
    pdf = render_slip(slip_data(components=15), page_size)  # type: ignore[arg-type]
    pages = page_count(pdf)
    assert pages % 2 == 0 and pages >= 4  # each copy overflows onto its own extra pages
    per_copy = pages // 2
    first_copy = flat(" ".join(pdf_text(pdf, p) for p in range(1, per_copy + 1)))
    assert [i for i in range(1, 16) if f"(mục {i})" not in first_copy] == []
    assert first_copy.count("(mục 15)") == 1
    continued = flat(pdf_text(pdf, 2))
    assert f"Mã hồ sơ: {CODE} · {COPY_LABELS[0]} (tiếp theo)" in continued
    assert f"Trang 2/{per_copy}" in continued
    assert "NGƯỜI TIẾP NHẬN HỒ SƠ" in flat(pdf_text(pdf, per_copy))
    assert f"({COPY_LABELS[1]})" in pdf_text(pdf, per_copy + 1)


def test_continued_table_repeats_its_header() -> None:
    pdf = render_slip(slip_data(components=15))
    page_one, page_two = flat(pdf_text(pdf, 1)), flat(pdf_text(pdf, 2))
    assert "(mục 1)" in page_one and "(mục 15)" in page_two  # the table does break
    assert "STT Tên giấy tờ Bản chính Bản sao" in page_one
    assert "STT Tên giấy tờ Bản chính Bản sao" in page_two


def test_empty_component_list_prints_a_placeholder() -> None:
    text = pdf_text(render_slip(slip_data(components=0)), 1)
    assert "(Không có giấy tờ kèm theo)" in text


def test_optional_lines_are_left_out_when_absent() -> None:
    pdf = render_slip(
        slip_data(
            authorised_person=None,
            log_book=None,
            log_seq=None,
            hotline=None,
            note=None,
            fees_text=None,
            applicant_email="",
        )
    )
    text = flat(pdf_text(pdf, 1))
    assert "ủy quyền nộp" not in text
    assert "Vào Sổ theo dõi hồ sơ, Quyển số: ……, Số thứ tự: ……" in text  # filled in by hand
    assert "Đường dây nóng" not in text
    assert "Email:" not in text
    assert "Phí, lệ phí: Không" in text


def test_same_data_gives_identical_bytes() -> None:
    assert render_slip(slip_data()) == render_slip(slip_data())


def test_codes_are_vectors_not_images(a4_slip: bytes) -> None:
    assert b"/Subtype /Image" not in a4_slip


def test_a_long_code_moves_the_qr_below_and_still_decodes() -> None:
    long_code = "000.28.31.H27-261126-0001-BOSUNG-LAN-02"
    pdf = render_slip(slip_data(dossier_code=long_code), "A5")
    found = {d.format: d.text for d in decode(rasterise(pdf, 1))}
    assert found.get("Code128") == long_code
    assert found.get("QRCode", "").startswith(long_code)
