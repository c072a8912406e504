"""Open a PDF with QtPdf offscreen and count its pages (used by `--smoke-test`)."""

from __future__ import annotations

import os


def qt_pdf_page_count(pdf: bytes) -> int:
    """Start Qt offscreen, show a Vietnamese label, load `pdf` with QPdfDocument: its page count."""
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
