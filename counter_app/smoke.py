"""Extra checks of `--smoke-test`: render a Mẫu 01 PDF and open it in Qt, offscreen.

This is the one check of an installed copy (also the frozen PyInstaller bundle): it proves the
fonts, reportlab's barcode modules and Qt's platform plugins all made it into the install.
"""

from __future__ import annotations

import os
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


def _qt_pdf_pages(pdf: bytes) -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # the smoke test never needs a display
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication(["counter-app-smoke"])
    label = QLabel("Kiểm tra tiếng Việt: Đặng Văn Đức")
    label.show()
    app.processEvents()
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    pages = document.pageCount()
    label.close()
    return int(pages)


def extra_checks(services: Any) -> str:
    pdf = render_slip(sample_slip())
    if not pdf.startswith(b"%PDF"):
        raise ServiceError("Không tạo được tệp PDF Mẫu 01.")
    pages = _qt_pdf_pages(pdf)
    if pages < 2:
        raise ServiceError(f"Qt đọc được {pages} trang của Mẫu 01 (cần 2 liên).")
    return f", Mẫu 01 PDF {len(pdf) // 1024} KB, Qt offscreen đọc {pages} trang"
