"""Preview a slip PDF, print it through the system dialog, or save it as a file."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRect, QSize, QSizeF, Qt
from PySide6.QtGui import QKeySequence, QPageLayout, QPageSize, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.ui.file_dialogs import ask_save_path
from counter_app.ui.i18n import tr
from counter_app.ui.printing import preselect_printer
from counter_app.ui.widgets import MessageBar
from counter_app.ui.window_fit import fit_window

MAX_RENDER_DPI = 300  # a 600 dpi A4 bitmap is 140 MB; 300 dpi prints text and barcodes cleanly


class SlipRenderer(Protocol):
    """What a screen that shows a slip asks of the SlipService."""

    def render_for(self, code: str) -> bytes: ...


def load_pdf(pdf: bytes, parent: QObject) -> tuple[QPdfDocument, QBuffer]:
    """A QPdfDocument over in-memory bytes; the buffer must live as long as the document."""
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument(parent)
    document.load(buffer)
    return document, buffer


def print_document(document: QPdfDocument, printer: QPrinter) -> int:
    """Draw every page into the printer at (at most) 300 dpi; returns the pages printed."""
    first = document.pagePointSize(0)
    printer.setPageSize(QPageSize(QSizeF(first.width(), first.height()), QPageSize.Unit.Point))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            _draw_page(document, page, printer, painter)
    finally:
        painter.end()
    return document.pageCount()


def _draw_page(document: QPdfDocument, page: int, printer: QPrinter, painter: QPainter) -> None:
    points = document.pagePointSize(page)
    target = printer.pageLayout().fullRectPixels(printer.resolution())
    dpi = min(printer.resolution(), MAX_RENDER_DPI)
    image = document.render(
        page, QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
    )
    scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
    painter.drawImage(QRect(target.topLeft(), scaled), image)


class SlipPreviewDialog(QDialog):
    """Shows the slip; In (Ctrl+P), Lưu PDF (Ctrl+Shift+S), Đóng (Esc)."""

    def __init__(
        self, pdf: bytes, code: str, parent: QWidget | None = None, *, title: str | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title or tr("Giấy tiếp nhận hồ sơ {code}").format(code=code))
        self.pdf, self.code = pdf, code
        self.document, self._buffer = load_pdf(pdf, self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.message = MessageBar()
        self.print_button = QPushButton(tr("In (Ctrl+P)"))
        self.save_button = QPushButton(tr("Lưu PDF…"))
        self.close_button = QPushButton(tr("Đóng"))
        self.print_button.clicked.connect(self.print_with_dialog)
        self.save_button.clicked.connect(self.save_with_dialog)
        self.close_button.clicked.connect(self.accept)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_with_dialog)
        self._layout()
        fit_window(self, "slip_preview", 760, 700)
        self.print_button.setDefault(True)
        self.print_button.setFocus()

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def page_count(self) -> int:
        return self.document.pageCount()

    def print_with_dialog(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(f"Phieu-tiep-nhan-{self.code}")
        preselect_printer(printer)  # the counter's default printer (settings screen)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(tr("In giấy tiếp nhận"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        pages = print_document(self.document, printer)
        if pages:
            self.message.show_message(
                "success", tr("Đã gửi {pages} trang tới máy in.").format(pages=pages)
            )
        else:
            self.message.show_message(
                "error", tr("Không mở được máy in. Kiểm tra máy in rồi in lại.")
            )
        return bool(pages)

    def save_with_dialog(self) -> None:
        suggested = str(Path.home() / f"Phieu-tiep-nhan-{self.code}.pdf")
        path = ask_save_path(self, tr("Lưu giấy tiếp nhận"), suggested, tr("Tệp PDF (*.pdf)"))
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        try:
            path.write_bytes(self.pdf)
        except OSError as exc:
            self.message.show_message(
                "error",
                tr("Không lưu được tệp {path}: {strerror}").format(
                    path=path, strerror=exc.strerror
                ),
            )
            return False
        self.message.show_message("success", tr("Đã lưu {path}").format(path=path))
        return True
