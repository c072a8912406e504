"""The postal hand-over list as printed: every item's text read back with pdftotext and every
Code 128 decoded back to its S10 number at 200 dpi."""

from __future__ import annotations

from datetime import UTC, date, datetime

from counter_app.documents.handover import HandoverData, HandoverRow, render_handover
from counter_devkit.postal import s10_numbers
from tests.counter_app.documents.pdftools import decode, flat, page_count, pdf_text, rasterise


def rows(count: int) -> list[HandoverRow]:
    return [
        HandoverRow(
            number,
            f"Nguyễn Văn Bưu {i}",
            "0912345678",
            f"Số {i} đường Phan Đình Phùng, Phường Thành Sen, Tỉnh Hà Tĩnh",
            200 + i,
            25000,
            f"000.23.05.H27-261204-{i:04d}",
        )
        for i, number in enumerate(s10_numbers(4000, count), start=1)
    ]


def test_each_item_is_printed_with_its_barcode_and_the_total() -> None:
    items = rows(3)
    data = HandoverData(
        date(2026, 12, 4), "Trung tâm PVHCC xã Đức Thọ", datetime(2026, 12, 4, 9, tzinfo=UTC), items
    )
    pdf = render_handover(data)
    text = flat(pdf_text(pdf))
    assert "DANH SÁCH GIAO BƯU GỬI TRẢ KẾT QUẢ" in text and "Ngày giao: 04/12/2026" in text
    for row in items:
        assert row.tracking_number in text and row.dossier_code in text
        assert row.receiver in text
    assert "Tổng cước: 75.000 đồng" in text
    found = sorted(d.text for d in decode(rasterise(pdf, 1)) if d.format == "Code128")
    assert found == sorted(r.tracking_number for r in items)


def test_a_long_list_flows_onto_more_pages_and_every_barcode_still_reads() -> None:
    items = rows(14)
    data = HandoverData(date(2026, 12, 4), "Trung tâm", datetime(2026, 12, 4, 9, tzinfo=UTC), items)
    pdf = render_handover(data)
    pages = page_count(pdf)
    assert pages >= 2
    found = {d.text for p in range(1, pages + 1) for d in decode(rasterise(pdf, p))}
    assert found == {r.tracking_number for r in items}
    assert "(tiếp theo)" in pdf_text(pdf, 2) or "SỐ HIỆU BƯU GỬI" in pdf_text(pdf, 2)
