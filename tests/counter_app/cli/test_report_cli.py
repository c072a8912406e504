"""`counter-app report` as a subprocess on March 2026 (tests/counter_app/services/month_fixture.py):
the workbook's figures, and the one-line refusals with exit code 2."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from counter_app.services.home_visits import HomeVisitService
from counter_app.services.online_help import OnlineHelpService
from tests.counter_app.cli.test_cli import run
from tests.counter_app.services.lifecycle_helpers import make_counter, vn
from tests.counter_app.services.month_fixture import Month


@pytest.fixture
def march(services: Any, data_dir: Path) -> Month:
    counter = make_counter(services, data_dir, vn(2026, 3, 2, 7, 30))
    visits = HomeVisitService(services.store, services.calendar, counter.dossiers, counter.clock)
    month = Month(counter, visits, OnlineHelpService(services.store, counter.clock))
    month.run()
    services.close()
    return month


def test_the_march_workbook(march: Month, data_dir: Path) -> None:
    out = data_dir / "bao-cao.xlsx"
    done = run("report", "--from", "2026-03-01", "--to", "2026-03-31", "--out", str(out),
               data_dir=data_dir)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == (
        f"Đã ghi báo cáo (26 hồ sơ đã tiếp nhận, 2 dòng công việc theo tháng) vào {out}"
    )
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == [
        "Tổng hợp", "Theo thủ tục", "Theo lĩnh vực", "Theo kênh", "Theo trạng thái",
        "Công việc theo tháng",
    ]  # fmt: skip
    summary = {r[0]: r[1] for r in book["Tổng hợp"].iter_rows(min_row=5, values_only=True) if r[0]}
    # Made long after March: D21–D23, still open, are now past their dates too.
    assert summary == {
        "Trước hạn": 9, "Đúng hạn": 6, "Quá hạn": 6, "Đang giải quyết, trong hạn": 0,
        "Đang giải quyết, quá hạn": 5, "Tổng số hồ sơ đã tiếp nhận": 26,
    }  # fmt: skip
    unit = [
        r for r in book["Công việc theo tháng"].iter_rows(values_only=True) if r[3] == "Cả đơn vị"
    ]
    assert unit == [("03/2026", "000.23.05.H27", None, "Cả đơn vị", 26, 11, 3, 2, 3)]


def test_refusals_are_one_line_with_exit_2(data_dir: Path) -> None:
    pdf = run("report", "--from", "2026-03-01", "--out", str(data_dir / "r.pdf"), data_dir=data_dir)
    assert pdf.returncode == 2 and "chỉ hỗ trợ tệp .xlsx" in pdf.stderr
    assert len(pdf.stderr.strip().splitlines()) == 1
    backwards = run("report", "--from", "2026-03-10", "--to", "2026-03-01",
                    "--out", str(data_dir / "r.xlsx"), data_dir=data_dir)  # fmt: skip
    assert backwards.returncode == 2 and "Ngày bắt đầu" in backwards.stderr
    assert not list(data_dir.glob("r.*"))
