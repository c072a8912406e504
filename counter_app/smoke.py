"""Extra checks of `--smoke-test`: render a Mẫu 01 PDF and open it in Qt, offscreen.

This is the one check of an installed copy (also the frozen PyInstaller bundle): it proves the
fonts, reportlab's barcode modules and Qt's platform plugins all made it into the install.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from counter_app.documents.data import SlipComponent, SlipData
from counter_app.documents.slip import render_slip
from counter_app.domain.vntime import now_vn
from counter_app.services.errors import ServiceError


def sample_slip() -> SlipData:
    received = now_vn()
    return SlipData(
        dossier_code="000.00.00.H27-261126-0001", unit_name="Trung tâm Phục vụ hành chính công",
        agency_name="Sở Tư pháp tỉnh Hà Tĩnh", place_name="Hà Tĩnh",
        applicant_name="Nguyễn Thị Hồng Nhung", applicant_id="042195123456",
        applicant_address="Xã Thạch Hà, tỉnh Hà Tĩnh", applicant_phone="0912345678",
        applicant_email="", authorised_person=None, procedure_name="Chứng thực bản sao",
        procedure_code="2.000815", components=(SlipComponent("Bản chính giấy tờ", 1, 0),),
        sets_count=1, processing_time_text="Trong ngày", received_at=received,
        due_at=received + timedelta(hours=2), result_delivery_text="Tại Bộ phận Một cửa",
        fees_text=None, clerk_name="Kiểm tra", logbook_text=None, lookup_hint="",
        hotline=None, note=None,
    )


def extra_checks(services: Any) -> str:
    pdf = render_slip(sample_slip())
    if not pdf.startswith(b"%PDF"):
        raise ServiceError("Không tạo được tệp PDF Mẫu 01.")
    from counter_app.ui.pdf_check import qt_pdf_page_count  # Qt stays inside ui/

    pages = qt_pdf_page_count(pdf)
    if pages < 2:
        raise ServiceError(f"Qt đọc được {pages} trang của Mẫu 01 (cần 2 liên).")
    return f", Mẫu 01 PDF {len(pdf) // 1024} KB, Qt offscreen đọc {pages} trang"
