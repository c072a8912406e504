"""The daily cash report: every entry of the day shown, refunds negative, and totals by kind and
overall that are the sum of the lines (a hand-computed day, and random days)."""

from __future__ import annotations

import re
import subprocess
from datetime import date, datetime

from hypothesis import given
from hypothesis import strategies as st

from counter_app.documents.cash_report import CashReportData, CashRow, render_cash_report
from counter_app.domain.fee_ledger import FeeKind
from counter_protocol.timefmt import VN_TZ
from tests.counter_app.documents.pdftools import flat, pdf_text

CODE = "000.28.31.H27-261204-0001"
DAY = date(2026, 12, 4)


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, 4, hour, minute, tzinfo=VN_TZ)


DAY_ROWS = (
    CashRow(at(8, 5), CODE, "Lệ phí chứng thực", "le_phi", "collect", 2000, "1C26TBL/101", False),
    CashRow(at(9), CODE, "Phí thẩm định", "phi", "collect", 50000, "1C26TBL/102", False),
    CashRow(at(9, 30), CODE, "Phí thẩm định", "phi", "refund", 20000, None, False),
    CashRow(at(10), CODE, "Cước chuyển phát", "postage", "collect", 25000, None, True),
    CashRow(at(11), CODE, "Lệ phí chứng thực", "le_phi", "correction", -500, None, False),
)


def pdf(rows: tuple[CashRow, ...]) -> bytes:
    return render_cash_report(CashReportData(DAY, "Nguyễn Văn An (canbo)", at(17), rows))


def report(rows: tuple[CashRow, ...]) -> str:
    return flat(pdf_text(pdf(rows)))


def table_rows(rows: tuple[CashRow, ...]) -> list[str]:
    """The first line of each table row as pdftotext -layout lays it out, spaces collapsed."""
    done = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf(rows), capture_output=True)
    lines = done.stdout.decode("utf-8").splitlines()
    return [flat(line) for line in lines if re.match(r"^ *\d\d:\d\d ", line)]


def test_a_hand_computed_day() -> None:
    text = report(DAY_ROWS)
    assert "BẢNG KÊ THU PHÍ, LỆ PHÍ TRONG NGÀY" in text
    assert "Ngày: 04/12/2026 Cán bộ thu: Nguyễn Văn An (canbo)" in text
    assert table_rows(DAY_ROWS) == [
        f"08:05 {CODE} Lệ phí chứng thực Lệ phí 1C26TBL/101 2.000",
        f"09:00 {CODE} Phí thẩm định Phí 1C26TBL/102 50.000",
        f"09:30 {CODE} Hoàn trả: Phí thẩm Phí -20.000",  # "định" wraps
        f"10:00 {CODE} Cước chuyển phát Cước Chờ số biên lai 25.000",
        f"11:00 {CODE} Điều chỉnh: Lệ phí Lệ phí -500",
    ]
    # 50.000 − 20.000 phí; 2.000 − 500 lệ phí; 25.000 cước; 56.500 in all.
    assert "Tổng phí: 30.000 đồng Tổng lệ phí: 1.500 đồng Tổng cước: 25.000 đồng" in text
    assert "Tổng cộng: 56.500 đồng" in text
    assert "1 khoản đang chờ số biên lai" in text


def _amount(text: str) -> int:
    return int(text.replace(".", ""))


ROW = st.builds(
    CashRow,
    at=st.integers(7 * 60, 17 * 60).map(lambda m: at(m // 60, m % 60)),
    dossier_code=st.just(CODE),
    line_name=st.sampled_from(["Lệ phí A", "Phí B", "Cước C"]),  # one line: never wrapped
    kind=st.sampled_from([k.value for k in FeeKind]),
    direction=st.sampled_from(["collect", "refund", "correction"]),
    amount=st.integers(0, 5_000_000),
    receipt=st.none(),
    pending=st.just(False),
)


@given(st.lists(ROW, max_size=12))
def test_totals_are_the_sum_of_the_lines_shown(rows: list[CashRow]) -> None:
    text = report(tuple(rows))
    prefix = {"collect": "", "refund": "Hoàn trả: ", "correction": "Điều chỉnh: "}
    lines = table_rows(tuple(rows))
    assert [line.rpartition(" ")[0] for line in lines] == [
        f"{r.at:%H:%M} {CODE} {prefix[r.direction]}{r.line_name} {FeeKind(r.kind).label}"
        for r in rows
    ]
    shown = [_amount(line.rpartition(" ")[2]) for line in lines]
    assert shown == [-r.amount if r.direction == "refund" else r.amount for r in rows]
    totals = {
        label: _amount(value)
        for label, value in re.findall(r"Tổng (phí|lệ phí|cước|cộng): (-?[\d.]+) đồng", text)
    }
    expected = {"phí": 0, "lệ phí": 0, "cước": 0}
    labels = {"phi": "phí", "le_phi": "lệ phí", "postage": "cước"}
    for row, value in zip(rows, shown, strict=True):
        expected[labels[row.kind]] += value
    assert {k: totals[k] for k in expected} == expected
    assert totals["cộng"] == sum(shown)
