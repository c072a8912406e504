"""The logbook and the report of March 2026 against figures worked out by hand (month_fixture.py
says what happened to each of the 30 dossiers). Nothing here is computed by the code under test:
appointments are the receipt plus the procedure's working days on the sessions 07:00–11:30,
13:30–17:00; verdicts follow docs/domain.md#timeliness."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from counter_app.domain.reports import Period, PeriodReport, Verdict
from counter_app.services.books import BookService
from counter_app.services.home_visits import HomeVisitService
from counter_app.services.online_help import OnlineHelpService
from counter_app.services.reports import ReportService
from counter_protocol.workload import Task
from tests.counter_app.documents.pdftools import flat, pdf_text
from tests.counter_app.services.lifecycle_helpers import make_counter, vn
from tests.counter_app.services.month_fixture import Month

MARCH = Period(vn(2026, 3, 1).date(), vn(2026, 3, 31).date())
REPORT_AT = vn(2026, 3, 30, 9, 0)
TABLE_START = 9  # first dossier row of the logbook sheet
HT = "Đăng ký chấm dứt giám hộ"
HKD_NAME = "Đăng ký thành lập hộ kinh doanh"
NAME, CONTACT = "Nguyễn Thị Hồng Nhung", "Xóm 3, xã Thạch Hà, tỉnh Hà Tĩnh, 0912345678"
DECIDER, AT_COUNTER = "Ủy ban nhân dân xã Đức Thọ", "Tại Bộ phận Một cửa"
E, T, L = Verdict.EARLY, Verdict.ON_TIME, Verdict.LATE
OPEN, OVERDUE = Verdict.OPEN, Verdict.OPEN_OVERDUE

# Số thứ tự, dossier, procedure, received, appointment in force, returned: in the order received.
# D10's date moved 8 working hours (paused 03/03 14:00 → 04/03 14:00: 3 h + 4.5 h + 0.5 h);
# D11's 2 h 45 (03/03 15:00 → 04/03 07:45), its second request still pending; D12 re-appointed.
# D14, received as the afternoon opens (13:30), is due when the morning closes two days later
# (3.5 h + 8 h + 4.5 h), not at 13:30.
BOOK: tuple[tuple[int, str, str, str, str, str | None], ...] = (
    (1, "D01", HT, "02/03/2026 08:00", "04/03/2026 08:00", "03/03/2026 14:05"),
    (2, "D02", HT, "02/03/2026 08:30", "04/03/2026 08:30", "04/03/2026 09:05"),
    (3, "D03", HT, "02/03/2026 09:00", "04/03/2026 09:00", "05/03/2026 10:30"),
    (4, "D04", HT, "02/03/2026 09:30", "04/03/2026 09:30", "06/03/2026 10:30"),
    (5, "D06", HT, "03/03/2026 08:00", "05/03/2026 08:00", None),
    (6, "D09", HT, "03/03/2026 08:30", "05/03/2026 08:30", None),
    (7, "D10", HT, "03/03/2026 09:00", "06/03/2026 09:00", None),
    (8, "D11", HT, "03/03/2026 09:30", "05/03/2026 14:15", None),
    (9, "D12", HT, "03/03/2026 10:00", "10/03/2026 10:00", None),
    (10, "D13", HT, "03/03/2026 10:30", "05/03/2026 10:30", None),
    (11, "D14", HT, "03/03/2026 13:30", "05/03/2026 11:30", None),
    (12, "D15", HT, "03/03/2026 13:45", "05/03/2026 13:45", None),
    (13, "D16", HT, "03/03/2026 14:30", "05/03/2026 14:30", "06/03/2026 08:10"),
    (14, "D17", HT, "04/03/2026 08:10", "06/03/2026 08:10", "06/03/2026 09:00"),
    (15, "D19", HT, "04/03/2026 08:30", "06/03/2026 08:30", "06/03/2026 10:00"),
    (16, "D20", HT, "04/03/2026 09:15", "06/03/2026 09:15", None),
    (17, "D18", HT, "04/03/2026 10:10", "06/03/2026 10:10", None),
    (18, "D24", HKD_NAME, "05/03/2026 08:00", "10/03/2026 08:00", "10/03/2026 09:00"),
    (19, "D25", HKD_NAME, "05/03/2026 08:45", "10/03/2026 08:45", "10/03/2026 08:00"),
    (20, "D26", HKD_NAME, "05/03/2026 09:30", "10/03/2026 09:30", "10/03/2026 11:00"),
    (21, "D27", HT, "06/03/2026 15:30", "10/03/2026 15:30", None),
    (22, "D28", HT, "06/03/2026 16:00", "10/03/2026 16:00", None),
    (23, "D30", HT, "09/03/2026 08:30", "11/03/2026 08:30", "12/03/2026 08:00"),
    (24, "D21", HT, "27/03/2026 08:00", "31/03/2026 08:00", None),
    (25, "D22", HT, "27/03/2026 09:00", "31/03/2026 09:00", None),
    (26, "D23", HT, "30/03/2026 08:00", "01/04/2026 08:00", None),
)
NOT_IN_BOOK = ("D05", "D07", "D08", "D29")  # refused, awaiting papers, withdrawn before receipt
VERDICTS = {
    "D01": E, "D02": T, "D03": L, "D04": E, "D06": T, "D09": E, "D10": T, "D11": L, "D12": L,
    "D13": E, "D14": L, "D15": E, "D16": T, "D17": E, "D18": OVERDUE, "D19": E, "D20": OVERDUE,
    "D21": OPEN, "D22": OPEN, "D23": OPEN, "D24": T, "D25": E, "D26": L, "D27": L, "D28": E,
    "D30": T,
}  # fmt: skip
STATUSES = {1: 1, 2: 3, 3: 2, 4: 2, 5: 2, 7: 2, 8: 2, 9: 5, 10: 11}  # national status: dossiers
CANBO = {
    Task.RECEIVED: 24,
    Task.RETURNED: 10,
    Task.BY_POST: 3,
    Task.AT_HOME: 2,
    Task.ONLINE_HELP: 2,
}
QUANTRI = {
    Task.RECEIVED: 2,
    Task.RETURNED: 1,
    Task.BY_POST: 0,
    Task.AT_HOME: 0,
    Task.ONLINE_HELP: 1,
}


@pytest.fixture
def march(services: Any, data_dir: Path) -> Month:
    counter = make_counter(services, data_dir, vn(2026, 3, 2, 7, 30))
    visits = HomeVisitService(services.store, services.calendar, counter.dossiers, counter.clock)
    month = Month(counter, visits, OnlineHelpService(services.store, counter.clock))
    month.run()
    return month


@pytest.fixture
def report(services: Any, march: Month) -> PeriodReport:
    return ReportService(services.store, clock=lambda: REPORT_AT).report(MARCH)


def expected_rows(codes: dict[str, str]) -> list[tuple[Any, ...]]:
    return [
        (seq, "2026", codes[key], procedure, NAME, CONTACT, DECIDER, received, due, returned,
         AT_COUNTER, None)
        for seq, key, procedure, received, due, returned in BOOK
    ]  # fmt: skip


def test_the_excel_logbook_is_the_hand_computed_book(
    services: Any, march: Month, tmp_path: Path
) -> None:
    out = tmp_path / "march.xlsx"
    book = BookService(services.store, now=lambda: REPORT_AT)
    assert book.write(MARCH, out) == 26
    sheet = openpyxl.load_workbook(out, read_only=True).active
    assert sheet is not None
    rows = [tuple(r) for r in sheet.iter_rows(min_row=TABLE_START, values_only=True)]
    assert rows == expected_rows(march.codes)


def test_the_pdf_logbook_lists_the_same_rows_in_order(
    services: Any, march: Month, tmp_path: Path
) -> None:
    """Read with pdftotext -layout: a row's first line has its numbers, code and days in the
    column order, its second line the times (the raw reading order strays across columns)."""
    out = tmp_path / "march.pdf"
    BookService(services.store, now=lambda: REPORT_AT).write(MARCH, out)
    lines = layout_lines(out)
    at = [
        next(i for i, line in enumerate(lines) if march.codes[key] in line) for _, key, *_ in BOOK
    ]
    assert at == sorted(at)
    assert not any(march.codes[key] in line for key in NOT_IN_BOOK for line in lines)
    for (seq, key, _, received, due, returned), index in zip(BOOK, at, strict=True):
        moments = [m.split() for m in (received, due, returned) if m]
        days = " +".join(day for day, _ in moments)
        times = " +".join(time for _, time in moments)
        assert re.match(rf"{seq} +2026 +{march.codes[key]} .* {days} +Tại Bộ phận", lines[index])
        assert re.search(rf"{times} +Một cửa$", lines[index + 1]), key


def layout_lines(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [line.strip() for line in text.splitlines()]


def test_each_slip_prints_its_book_number(services: Any, march: Month) -> None:
    for seq, key in ((1, "D01"), (5, "D06"), (14, "D17"), (16, "D20"), (26, "D23")):
        slip = flat(pdf_text(services.slips.render_for(march.codes[key])))
        assert f"Quyển số: 2026, Số thứ tự: {seq}" in slip, key


def test_early_on_time_late_by_the_official_rules(report: PeriodReport) -> None:
    assert report.received == 26
    counted = {v: list(VERDICTS.values()).count(v) for v in Verdict}
    assert counted == {E: 9, T: 6, L: 6, OPEN: 3, OVERDUE: 2}  # the hand tally, written twice
    assert report.timeliness.verdicts == counted


def test_counts_by_field_procedure_and_channel(report: PeriodReport) -> None:
    by_field = {line.key: (line.label, line.total, line.verdicts) for line in report.by_field}
    assert by_field == {
        "HT": ("Hộ tịch", 23, {E: 8, T: 5, L: 5, OPEN: 3, OVERDUE: 2}),
        "HKD": ("Thành lập và hoạt động của hộ kinh doanh", 3, {E: 1, T: 1, L: 1}),
    }
    assert [(line.label, line.total) for line in report.by_procedure] == [(HT, 23), (HKD_NAME, 3)]
    channels = {line.key: (line.total, line.verdicts) for line in report.by_channel}
    assert channels == {
        "direct": (21, {E: 7, T: 5, L: 5, OPEN: 3, OVERDUE: 1}),
        "post": (3, {E: 1, T: 1, L: 1}),  # D04, D16, D26
        "home": (2, {E: 1, OVERDUE: 1}),  # D17, D18
        "online": (0, {}),
        "online_help": (3, {}),
    }


def test_counts_by_status_include_what_the_book_leaves_out(report: PeriodReport) -> None:
    assert {int(line.key): line.total for line in report.by_status} == STATUSES
    assert sum(STATUSES.values()) == 30


def test_monthly_work_per_clerk_and_unit(report: PeriodReport) -> None:
    lines = {(w.month, w.clerk): w.counts for w in report.work}
    assert lines == {("2026-03", "canbo"): CANBO, ("2026-03", "quantri"): QUANTRI}
    assert {t: report.work_total(t) for t in Task} == {
        Task.RECEIVED: 26, Task.RETURNED: 11, Task.BY_POST: 3, Task.AT_HOME: 2,
        Task.ONLINE_HELP: 3,
    }  # fmt: skip


def test_the_report_workbook_holds_the_same_figures(
    services: Any, march: Month, tmp_path: Path
) -> None:
    out = tmp_path / "report.xlsx"
    ReportService(services.store, clock=lambda: REPORT_AT).write(MARCH, out)
    book = openpyxl.load_workbook(out)
    summary = {r[0]: r[1] for r in book["Tổng hợp"].iter_rows(min_row=5, values_only=True) if r[0]}
    assert summary == {
        "Trước hạn": 9, "Đúng hạn": 6, "Quá hạn": 6, "Đang giải quyết, trong hạn": 3,
        "Đang giải quyết, quá hạn": 2, "Tổng số hồ sơ đã tiếp nhận": 26,
    }  # fmt: skip
    work = [r for r in book["Công việc theo tháng"].iter_rows(min_row=5, values_only=True) if r[0]]
    assert work == [
        ("03/2026", "000.23.05.H27", "canbo", NAME, 24, 10, 3, 2, 2),
        ("03/2026", "000.23.05.H27", "quantri", "Hoàng Văn Quản", 2, 1, 0, 0, 1),
        ("03/2026", "000.23.05.H27", None, "Cả đơn vị", 26, 11, 3, 2, 3),
    ]
    with zipfile.ZipFile(out) as package:  # openpyxl does not read charts back: their XML
        charts = sorted(n for n in package.namelist() if n.startswith("xl/charts/chart"))
        pie = package.read(charts[0]).decode()
    assert len(charts) == len(book.worksheets) == 6  # a chart on every sheet
    assert "'Tổng hợp'!$B$5:$B$9" in pie  # the five verdict counts of the summary table
