"""The forms of Thông tư 01/2018/TT-VPCP (23/11/2018), for dossiers received under it.

It has no stop notice: a TT 01/2018 dossier that is stopped gets the TT 03/2025 Mẫu 05
(docs/decisions/0023-versioned-form-templates.md), so STOP has no template here.
"""

from __future__ import annotations

from counter_app.documents.data import (
    ControlSheetData,
    ExtensionData,
    RefusalData,
    SlipData,
    SupplementRequestData,
)
from counter_app.documents.templates.base import (
    CONTROL_SHEET,
    EXTENSION,
    RECEIPT,
    REFUSAL,
    SUPPLEMENT,
    FormTemplate,
)

CIRCULAR = "tt01-2018"
BASIS = "Thông tư số 01/2018/TT-VPCP ngày 23/11/2018"

TEMPLATES = (
    FormTemplate(
        "tt01-2018/01",
        CIRCULAR,
        RECEIPT,
        "01",
        "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        BASIS,
        SlipData,
    ),
    FormTemplate(
        "tt01-2018/02",
        CIRCULAR,
        SUPPLEMENT,
        "02",
        "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
        BASIS,
        SupplementRequestData,
        "HDHS",
    ),
    FormTemplate(
        "tt01-2018/03",
        CIRCULAR,
        REFUSAL,
        "03",
        "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
        BASIS,
        RefusalData,
        "TCHS",
    ),
    FormTemplate(
        "tt01-2018/04",
        CIRCULAR,
        EXTENSION,
        "04",
        "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
        BASIS,
        ExtensionData,
        "PXL",
    ),
    FormTemplate(
        "tt01-2018/05",
        CIRCULAR,
        CONTROL_SHEET,
        "05",
        "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
        BASIS,
        ControlSheetData,
    ),
)
