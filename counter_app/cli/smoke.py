"""`counter-app --smoke-test`: the one check of an installed copy (also the PyInstaller bundle).

It opens (or creates) and migrates the store, checks the catalogue and the working-day calendar of
the current year, renders a Mẫu 01 PDF and has Qt open it offscreen: that proves the fonts,
reportlab's barcode modules, the holiday tables and Qt's platform plugins all made it into the
install. Qt's half lives in `ui/pdf_check.py`, reached through the host so nothing here imports Qt.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from counter_app.domain.calendar import DurationUnit, WorkCalendar
from counter_app.domain.vntime import now_vn
from counter_app.services.errors import ServiceError
from counter_protocol.timefmt import VN_TZ, format_vn

if TYPE_CHECKING:
    from counter_app.cli.host import AppHost, CommandServices

MIN_DAYS_OFF = 5  # every Vietnamese year has Tết, 30/4, 1/5, 2/9, 1/1 and Giỗ Tổ off


def run_smoke_test(args: argparse.Namespace, host: AppHost) -> int:
    from counter_app.services.catalogue import ensure_catalogue

    with host.opened_services(args.data_dir) as services:
        services.store.require_sound()  # the start-up integrity check of the store
        version = ensure_catalogue(services.store)
        count = len(services.procedures.search("", limit=10_000))
        if count == 0:
            raise ServiceError("Danh mục thủ tục trống.")
        check_calendar(services, now_vn().year)
        extra = _check_slip(host)
        db_file = services.store.paths.db_file
    print(f"smoke-test: ok (kho {db_file}, danh mục {version}, {count} thủ tục{extra})")
    return 0


def check_calendar(services: CommandServices, year: int) -> None:
    """The year's longest break (Tết) is in the calendar, and one working day from the last
    working day before it lands on the first working day after it."""
    calendar = services.calendar.calendar()
    days_off = {day for day, kind, _ in services.calendar.year_table(year) if kind == "holiday"}
    if len(days_off) < MIN_DAYS_OFF:
        raise ServiceError(
            f"Lịch ngày làm việc năm {year} thiếu ngày nghỉ lễ (chỉ có {len(days_off)} ngày)."
        )
    first, last = longest_break(calendar, days_off)
    before = first - timedelta(days=1)
    while not calendar.is_working_day(before):
        before -= timedelta(days=1)
    session = calendar.sessions_on(before)[0]
    opening = datetime.combine(before, session.start, tzinfo=VN_TZ)
    received = opening + (datetime.combine(before, session.end, tzinfo=VN_TZ) - opening) / 2
    due = services.calendar.due(received, Decimal(1), DurationUnit.WORKING_DAYS, None)
    expected = calendar.first_working_day_from(last + timedelta(days=1))
    if due.date() != expected:
        raise ServiceError(
            f"Lịch ngày làm việc tính sai: tiếp nhận {format_vn(received)}, "
            f"hẹn {format_vn(due)} (cần ngày {expected:%d/%m/%Y})."
        )


def longest_break(calendar: WorkCalendar, days_off: set[date]) -> tuple[date, date]:
    """First and last day of the longest run of non-working days that holds a day off."""
    best = (min(days_off), min(days_off))
    for day in sorted(days_off):
        first, last = day, day
        while not calendar.is_working_day(first - timedelta(days=1)):
            first -= timedelta(days=1)
        while not calendar.is_working_day(last + timedelta(days=1)):
            last += timedelta(days=1)
        if (last - first) > (best[1] - best[0]):
            best = (first, last)
    return best


def _check_slip(host: AppHost) -> str:
    from counter_app.documents.slip import render_slip, sample_slip

    pdf = render_slip(sample_slip(now_vn()))
    if not pdf.startswith(b"%PDF"):
        raise ServiceError("Không tạo được tệp PDF Mẫu 01.")
    pages = host.qt_pdf_page_count(pdf)
    if pages < 2:
        raise ServiceError(f"Qt đọc được {pages} trang của Mẫu 01 (cần 2 liên).")
    return f", Mẫu 01 PDF {len(pdf) // 1024} KB, Qt offscreen đọc {pages} trang"
