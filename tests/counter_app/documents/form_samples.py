"""One filled-in sample of every form's data, for the template tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from counter_app.documents.data import (
    ControlSheetData,
    ExtensionData,
    HandoverRow,
    RefusalData,
    StopData,
    SupplementItem,
    SupplementRequestData,
)
from counter_app.documents.templates import FormData
from tests.counter_app.documents.pdftools import CODE, slip_data

RECEIVED = datetime(2026, 11, 26, 2, 30, tzinfo=UTC)  # 09:30 Vietnam time
MANAGING = "UBND tỉnh Hà Tĩnh"
UNIT = "Trung tâm Phục vụ hành chính công tỉnh Hà Tĩnh"
AGENCY = "Sở Tư pháp tỉnh Hà Tĩnh"
APPLICANT = "Nguyễn Thị Hồng Nhung"
WARNING = "Danh mục mẫu — không dùng cho hồ sơ thật"
_PEOPLE: dict[str, Any] = dict(
    managing_body=MANAGING,
    unit_name=UNIT,
    agency_name=AGENCY,
    place_name="Hà Tĩnh",
    applicant_name=APPLICANT,
    applicant_address="Xóm 3, xã Thạch Hà, tỉnh Hà Tĩnh",
    applicant_phone="0912345678",
    sample_warning=WARNING,
)


def supplement() -> SupplementRequestData:
    return SupplementRequestData(
        document_number="3/HDHS",
        dossier_code=CODE,
        applicant_email="",
        procedure_name="Đăng ký kết hôn",
        procedure_code="1.000894",
        items=(
            SupplementItem("Giấy xác nhận tình trạng hôn nhân", 1, 0, 0),
            SupplementItem("Bản sao Căn cước của hai bên", 0, 2, 1),
        ),
        reason="Hồ sơ thiếu giấy xác nhận tình trạng hôn nhân.",
        contact_name="Bộ phận Một cửa",
        contact_phone="0239 3855 999",
        clerk_name="Lê Thị Thu Hà",
        issued_at=RECEIVED,
        **_PEOPLE,
    )


def refusal() -> RefusalData:
    return RefusalData(
        document_number="1/TCHS",
        dossier_code=CODE,
        applicant_email="",
        procedure_name="Đăng ký kết hôn",
        procedure_code="1.000894",
        reasons=("Yêu cầu không thuộc thẩm quyền giải quyết của Sở Tư pháp.",),
        clerk_name="Lê Thị Thu Hà",
        issued_at=RECEIVED,
        **_PEOPLE,
    )


def extension() -> ExtensionData:
    return ExtensionData(
        document_number="2/PXL",
        dossier_code=CODE,
        procedure_name="Đăng ký kết hôn",
        received_at=RECEIVED,
        original_due_at=RECEIVED + timedelta(days=3),
        new_due_at=RECEIVED + timedelta(days=6),
        reason="Cần xác minh thêm tại nơi cư trú",
        extensions_before=0,
        issued_at=RECEIVED + timedelta(days=3),
        **_PEOPLE,
    )


def stop() -> StopData:
    return StopData(
        document_number="1/TB",
        dossier_code=CODE,
        procedure_name="Đăng ký kết hôn",
        procedure_code="1.000894",
        received_at=RECEIVED,
        reason="Người nộp hồ sơ đề nghị dừng giải quyết",
        clerk_name="Lê Thị Thu Hà",
        issued_at=RECEIVED + timedelta(days=1),
        **_PEOPLE,
    )


def control_sheet() -> ControlSheetData:
    hand = HandoverRow(
        UNIT, AGENCY, RECEIVED + timedelta(hours=2), "Trước hạn", "Lê Thị Thu Hà", "Trần Văn Bình"
    )
    post = HandoverRow(
        AGENCY, UNIT, RECEIVED + timedelta(days=3), "Quá hạn", "", "", "RR123456785VN"
    )
    return ControlSheetData(
        dossier_code=CODE,
        managing_body=MANAGING,
        unit_name=UNIT,
        place_name="Hà Tĩnh",
        applicant_name=APPLICANT,
        procedure_name="Đăng ký kết hôn",
        received_at=RECEIVED,
        due_at=RECEIVED + timedelta(days=2),
        deciding_agency=AGENCY,
        cooperating_agency="",
        rows=(hand, post),
        issued_at=RECEIVED + timedelta(days=3),
        sample_warning=WARNING,
    )


def sample(data_type: type[FormData]) -> FormData:
    """The sample of one form's data type."""
    makers: dict[str, Callable[[], FormData]] = {
        "SlipData": lambda: slip_data(sample_warning=WARNING),
        "SupplementRequestData": supplement,
        "RefusalData": refusal,
        "ExtensionData": extension,
        "StopData": stop,
        "ControlSheetData": control_sheet,
    }
    return makers[data_type.__name__]()
