"""The forms of Thông tư 03/2025/TT-VPCP, Phụ lục I (in force from 01/07/2025), Mẫu 01–06.

Mẫu 07 (Sổ theo dõi hồ sơ) is a register, not a form issued for one dossier.
"""

from __future__ import annotations

from counter_app.documents.data import (
    ControlSheetData,
    ExtensionData,
    RefusalData,
    SlipData,
    StopData,
    SupplementRequestData,
)
from counter_app.documents.templates.base import (
    CONTROL_SHEET,
    EXTENSION,
    RECEIPT,
    REFUSAL,
    STOP,
    SUPPLEMENT,
    FormTemplate,
)

CIRCULAR = "tt03-2025"
BASIS = "Phụ lục I, Thông tư số 03/2025/TT-VPCP"

TEMPLATES = (
    FormTemplate(
        "tt03-2025/01",
        CIRCULAR,
        RECEIPT,
        "01",
        "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        BASIS,
        SlipData,
    ),
    FormTemplate(
        "tt03-2025/02",
        CIRCULAR,
        SUPPLEMENT,
        "02",
        "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
        BASIS,
        SupplementRequestData,
        "HDHS",
    ),
    FormTemplate(
        "tt03-2025/03",
        CIRCULAR,
        REFUSAL,
        "03",
        "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
        BASIS,
        RefusalData,
        "TCHS",
    ),
    FormTemplate(
        "tt03-2025/04",
        CIRCULAR,
        EXTENSION,
        "04",
        "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
        BASIS,
        ExtensionData,
        "XL",
    ),
    FormTemplate(
        "tt03-2025/05",
        CIRCULAR,
        STOP,
        "05",
        "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ",
        BASIS,
        StopData,
        "TB",
    ),
    FormTemplate(
        "tt03-2025/06",
        CIRCULAR,
        CONTROL_SHEET,
        "06",
        "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
        BASIS,
        ControlSheetData,
    ),
)
