"""The slip preview: the PDF loads, prints through QPrinter with a readable barcode, saves."""

from __future__ import annotations

import pytest
from PySide6.QtPrintSupport import QPrinter

from counter_app.ui.slip_preview import SlipPreviewDialog
from counter_devkit.intake import intake as intake_request
from tests.counter_app.documents.pdftools import decode, page_count, rasterise


@pytest.fixture
def slip(services) -> tuple[str, bytes]:
    code = services.dossiers.receive(intake_request())
    return code, services.slips.render_for(code)


def test_printing_draws_every_page_with_a_barcode_a_scanner_reads(qtbot, slip, tmp_path):
    code, pdf = slip
    dialog = SlipPreviewDialog(pdf, code)
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(300)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))

    assert dialog.print_to(printer)
    assert dialog.message.kind == "success"
    assert page_count(printed.read_bytes()) == dialog.page_count() == page_count(pdf)
    assert code in [d.text for d in decode(rasterise(printed.read_bytes(), 1, dpi=200))]


def test_save_writes_the_previewed_pdf(qtbot, slip, tmp_path):
    code, pdf = slip
    dialog = SlipPreviewDialog(pdf, code)
    qtbot.addWidget(dialog)
    target = tmp_path / "phieu.pdf"
    assert dialog.save_to(target)
    assert target.read_bytes() == pdf
    assert not dialog.save_to(tmp_path / "missing-folder" / "phieu.pdf")
    assert dialog.message.kind == "error"
