"""Mẫu 01 on an 80 mm receipt roll: read back with poppler and zxing-cpp."""

from __future__ import annotations

import pytest
from reportlab.lib.units import mm

from counter_app.documents.slip import COPY_LABELS, TITLE, render_slip
from tests.counter_app.documents.pdftools import (
    CODE,
    LOOKUP,
    decode,
    flat,
    page_count,
    page_size_pt,
    pdf_text,
    rasterise,
    slip_data,
)


@pytest.fixture(scope="module")
def receipt_slip() -> bytes:
    return render_slip(slip_data(), "receipt")


def test_a_receipt_slip_is_80_mm_wide_with_both_copies(receipt_slip: bytes) -> None:
    width, height = page_size_pt(receipt_slip)
    assert (round(width / mm), round(height / mm)) == (80, 297)
    assert page_count(receipt_slip) == 2
    for page, label in enumerate(COPY_LABELS, start=1):
        text = flat(pdf_text(receipt_slip, page))
        assert flat(TITLE) in text.upper() and f"({label})" in text
        assert "Mẫu số 01" in text and "Trang 1/1" in text  # the footer shrinks, never cut


@pytest.mark.parametrize("page", [1, 2])
def test_the_receipts_barcodes_decode(receipt_slip: bytes, page: int) -> None:
    found = {d.format: d.text for d in decode(rasterise(receipt_slip, page, dpi=300))}
    assert found.get("Code128") == CODE
    assert found.get("QRCode") == f"{CODE}\n{LOOKUP}"
