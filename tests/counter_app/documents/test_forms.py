"""Mẫu 02 and Mẫu 03 rendered and read back."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from counter_app.documents.data import RefusalData, SupplementItem, SupplementRequestData
from counter_app.documents.forms import (
    REFUSAL_TITLE,
    SUPPLEMENT_TITLE,
    render_refusal,
    render_supplement_request,
)
from tests.counter_app.documents.pdftools import CODE, flat, page_count, pdf_fonts, pdf_text

UNIT = "Trung tâm Phục vụ hành chính công xã Thạch Hà"


def supplement(**changes: object) -> SupplementRequestData:
    base: dict[str, object] = dict(
        document_number=None,
        dossier_code=None,
        unit_name=UNIT,
        agency_name="UBND xã Thạch Hà",
        place_name="Hà Tĩnh",
        applicant_name="Đặng Văn Đức",
        applicant_address="Xã Thạch Hà, tỉnh Hà Tĩnh",
        applicant_phone="0987 654 321",
        applicant_email="",
        procedure_name="Đăng ký kết hôn",
        procedure_code="1.000894",
        items=(
            SupplementItem("Giấy xác nhận tình trạng hôn nhân", 1, 0, 0),
            SupplementItem("Bản sao Căn cước của hai bên", 0, 2, 1),
        ),
        reason="Hồ sơ thiếu giấy xác nhận tình trạng hôn nhân.",
        contact_name="bà Lê Thị Thu Hà",
        contact_phone="0239 3855 999",
        clerk_name="Lê Thị Thu Hà",
        issued_at=datetime(2026, 2, 4, 17, 15, tzinfo=UTC),
    )
    base.update(changes)
    return SupplementRequestData(**base)  # type: ignore[arg-type]


def refusal(**changes: object) -> RefusalData:
    base: dict[str, object] = dict(
        document_number="12/TCHS",
        dossier_code=CODE,
        unit_name=UNIT,
        agency_name="UBND xã Thạch Hà",
        place_name="Hà Tĩnh",
        applicant_name="Nguyễn Thị Hồng Nhung",
        applicant_address="Xã Thạch Hà, tỉnh Hà Tĩnh",
        applicant_phone="0912 345 678",
        applicant_email="nhung@example.vn",
        procedure_name="Cấp bản sao trích lục hộ tịch",
        procedure_code="2.000635",
        reasons=(
            "Yêu cầu không thuộc thẩm quyền giải quyết của Ủy ban nhân dân cấp xã.",
            "Người yêu cầu không có quyền yêu cầu cấp bản sao.",
        ),
        clerk_name="Lê Thị Thu Hà",
        issued_at=datetime(2026, 11, 26, 8, 5, tzinfo=UTC),
    )
    base.update(changes)
    return RefusalData(**base)  # type: ignore[arg-type]


def test_supplement_request_text() -> None:
    pdf = render_supplement_request(supplement())
    text = flat(pdf_text(pdf))
    assert page_count(pdf) == 1
    for expected in (
        SUPPLEMENT_TITLE,
        "Số: ……/HDHS",
        "Hà Tĩnh, ngày 05 tháng 02 năm 2026",
        "Tiếp nhận hồ sơ của Ông/Bà: Đặng Văn Đức",
        "Đăng ký kết hôn (Mã TTHC: 1.000894)",
        "Yêu cầu Ông/Bà hoàn thiện hồ sơ gồm những nội dung như sau (hướng dẫn một lần, đầy đủ):",
        "Giấy xác nhận tình trạng hôn nhân",
        "Bản sao Căn cước của hai bên",
        "Lý do: Hồ sơ thiếu giấy xác nhận tình trạng hôn nhân.",
        "liên hệ với bà Lê Thị Thu Hà, số điện thoại 0239 3855 999 để được hướng dẫn./.",
        "NGƯỜI HƯỚNG DẪN",
        "Lê Thị Thu Hà",
        "Mẫu số 02",
    ):
        assert expected in text, expected
    assert "Mã hồ sơ" not in text
    assert "NGƯỜI NỘP HỒ SƠ" not in text


def test_supplement_request_prints_number_and_code_when_known() -> None:
    text = flat(
        pdf_text(
            render_supplement_request(
                supplement(document_number="125/HDHS", dossier_code=CODE), "A5"
            )
        )
    )
    assert "Số: 125/HDHS" in text
    assert f"Mã hồ sơ: {CODE}" in text


def test_refusal_text() -> None:
    pdf = render_refusal(refusal())
    text = flat(pdf_text(pdf))
    for expected in (
        REFUSAL_TITLE,
        "Số: 12/TCHS",
        f"Mã hồ sơ: {CODE}",
        "Hà Tĩnh, ngày 26 tháng 11 năm 2026",
        "Tiếp nhận hồ sơ của Ông/Bà: Nguyễn Thị Hồng Nhung",
        f"Qua xem xét, {UNIT} thông báo không tiếp nhận, giải quyết hồ sơ này với lý "
        "do cụ thể như sau:",
        "- Yêu cầu không thuộc thẩm quyền giải quyết của Ủy ban nhân dân cấp xã.",
        "- Người yêu cầu không có quyền yêu cầu cấp bản sao.",
        "Xin thông báo cho Ông/Bà được biết và thực hiện./.",
        "NGƯỜI NỘP HỒ SƠ",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
        "Lê Thị Thu Hà",
        "Mẫu số 03",
    ):
        assert expected in text, expected


@pytest.mark.parametrize(
    "pdf_maker",
    [lambda: render_supplement_request(supplement()), lambda: render_refusal(refusal(), "A5")],
)
def test_forms_embed_their_fonts(pdf_maker: object) -> None:
    fonts = pdf_fonts(pdf_maker())  # type: ignore[operator]
    assert fonts and all(row[3] == "yes" for row in fonts)


def test_a_long_refusal_continues_on_a_second_page() -> None:
    reasons = tuple(
        f"Lý do thứ {i}: giấy tờ trong hồ sơ không hợp lệ theo quy định hiện hành"
        for i in range(1, 60)
    )
    pdf = render_refusal(refusal(reasons=reasons), "A5")
    assert page_count(pdf) >= 2
    text = flat(pdf_text(pdf))
    assert "Lý do thứ 59:" in text and "(tiếp theo)" in text
    assert "Xin thông báo cho Ông/Bà được biết và thực hiện./." in text
