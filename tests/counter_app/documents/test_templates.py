"""Every form of both circulars rendered from its template and read back: title, the circular it
follows, its key fields in correct Vietnamese, and the dossier code's barcode at 200 dpi."""

from __future__ import annotations

import unicodedata

import pytest
from PIL import ImageChops

from counter_app.documents.render import render_form, render_snapshot
from counter_app.documents.snapshot import dump_snapshot, load_snapshot
from counter_app.documents.templates import TEMPLATES, UnknownTemplate, template, template_for
from tests.counter_app.documents.form_samples import WARNING, sample
from tests.counter_app.documents.pdftools import CODE, decode, flat, page_count, pdf_text, rasterise

TT03 = "Phụ lục I, Thông tư số 03/2025/TT-VPCP"
TT01 = "Thông tư số 01/2018/TT-VPCP ngày 23/11/2018"
KEY_FIELDS = {
    "01": (
        "Vào Sổ theo dõi hồ sơ, Quyển số: 2026, Số thứ tự: 125",
        "5. Thời gian trả kết quả",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
        "UBND XÃ THẠCH HÀ",
    ),
    "02": (
        "Số: 3/HDHS",
        "(hướng dẫn một lần, đầy đủ)",
        "Giấy xác nhận tình trạng hôn nhân",
        "Lý do: Hồ sơ thiếu giấy xác nhận tình trạng hôn nhân.",
        "NGƯỜI HƯỚNG DẪN",
    ),
    "03": (
        "Số: 1/TCHS",
        "thông báo không tiếp nhận, giải quyết hồ sơ",
        "- Yêu cầu không thuộc thẩm quyền giải quyết của Sở Tư pháp.",
    ),
    "04": (
        "Số: 2/PXL",
        "Kính gửi: Ông/Bà Nguyễn Thị Hồng Nhung",
        "thời gian hẹn trả kết quả: 09 giờ 30 phút, ngày 29 tháng 11 năm 2026",
        "Lý do: Cần xác minh thêm tại nơi cư trú",
        "09 giờ 30 phút, ngày 02 tháng 12 năm 2026",
        "THỦ TRƯỞNG CƠ QUAN",
    ),
    "05": (
        "Số: 1/TB",
        "Sở Tư pháp tỉnh Hà Tĩnh thông báo dừng giải quyết hồ sơ",
        "Lý do: Người nộp hồ sơ đề nghị dừng giải quyết",
    ),
    "06": (
        "1. Giao: Trung tâm Phục vụ hành chính công tỉnh Hà Tĩnh",
        "2. Nhận: Sở Tư pháp",
        "Trước hạn",
        "Quá hạn",
        "RR123456785VN",
        "Người nhận (ký): Trần Văn Bình",
        "Cơ quan (bộ phận) giải quyết hồ sơ: Sở Tư pháp tỉnh Hà Tĩnh",
    ),
}
WORDING_04 = {
    "tt01-2018": "xin lỗi Ông/Bà và hẹn lại thời gian trả kết quả vào lúc",
    "tt03-2025": "xin lỗi Ông/Bà và đề nghị gia hạn thời gian giải quyết hồ sơ đến",
}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@pytest.fixture(scope="module", params=sorted(TEMPLATES))
def rendered(request: pytest.FixtureRequest) -> tuple[str, bytes]:
    form = template(request.param)
    return request.param, render_form(form, sample(form.data_type))


def test_title_circular_and_key_fields(rendered: tuple[str, bytes]) -> None:
    template_id, pdf = rendered
    form = template(template_id)
    text = flat(pdf_text(pdf, 1))
    assert text == nfc(text)  # pdftotext of an NFD-drawn page would come out decomposed
    basis = TT03 if form.circular == "tt03-2025" else TT01
    for expected in (
        form.title,
        f"Mẫu số {form.number} ({basis})",
        f"Mã hồ sơ: {CODE}",
        *KEY_FIELDS[form.kind],
        f"({WARNING})",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    ):
        assert nfc(expected) in text, expected
    if form.kind == "04":
        assert WORDING_04[form.circular] in text


def test_barcode_decodes_at_200_dpi(rendered: tuple[str, bytes]) -> None:
    _, pdf = rendered
    found = [d.text for d in decode(rasterise(pdf, 1, 200)) if d.format == "Code128"]
    assert found == [CODE]


def test_the_two_circulars_title_their_forms_as_they_prescribe() -> None:
    assert template_for("tt01-2018", "04").title == "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"
    assert template_for("tt03-2025", "04").title == (
        "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT"
    )
    assert template_for("tt01-2018", "06").template_id == "tt01-2018/05"  # Phiếu kiểm soát
    assert template_for("tt03-2025", "06").template_id == "tt03-2025/06"
    # TT 01/2018 has no stop notice: its dossiers get the TT 03/2025 one.
    assert template_for("tt01-2018", "05").template_id == "tt03-2025/05"
    with pytest.raises(UnknownTemplate):
        template_for("tt99-2030", "01")


@pytest.mark.parametrize("template_id", ["tt03-2025/01", "tt03-2025/04", "tt01-2018/05"])
def test_a_reprint_is_the_first_print_plus_its_mark(template_id: str) -> None:
    form = template(template_id)
    snapshot = dump_snapshot(sample(form.data_type), "A4")
    first = render_snapshot(template_id, snapshot)
    mark = "Bản in lại lúc 14 giờ 05 phút, ngày 04/12/2026"
    again = render_snapshot(template_id, snapshot, mark)
    assert render_snapshot(template_id, snapshot) == first  # byte for byte
    assert page_count(again) == page_count(first)
    for page in range(1, page_count(first) + 1):
        assert flat(pdf_text(again, page)) == f"{mark} {flat(pdf_text(first, page))}"
        changed = ImageChops.difference(
            rasterise(first, page, 100).convert("L"), rasterise(again, page, 100).convert("L")
        ).getbbox()
        assert changed is not None and changed[3] <= 15 / 25.4 * 100  # inside the top margin


def test_snapshot_round_trips_to_equal_data() -> None:
    for form in TEMPLATES.values():
        data = sample(form.data_type)
        loaded, size = load_snapshot(dump_snapshot(data, "A5"), form)
        assert (loaded, size) == (data, "A5")


def test_a_template_refuses_data_of_another_form() -> None:
    with pytest.raises(TypeError):
        render_form(template("tt03-2025/02"), sample(template("tt03-2025/03").data_type))
