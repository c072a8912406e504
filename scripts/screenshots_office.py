"""The post office's screens for scripts/screenshots.py: home appointments (with a clash refused),
online-service help (with a portal code refused twice), the fee window, the day's fee entries
and the cash report preview. Filled on the demo store as a clerk would fill them."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

VISIT_PROCEDURE = "1.000894"  # Đăng ký kết hôn
CITIZENS = (
    ("Nguyễn Văn Hải", "0912000111", "Thôn Trung, xã Đức Thọ, tỉnh Hà Tĩnh", 8),
    ("Trần Thị Lan", "0983000222", "Xóm 2, xã Đức Thọ, tỉnh Hà Tĩnh", 10),
    ("Lê Văn Nam", "0904000333", "Tổ 5, phường Thành Sen, tỉnh Hà Tĩnh", 14),
)


def next_working_day(services) -> date:
    calendar = services.calendar.calendar()
    day = datetime.now().date() + timedelta(days=1)
    while not calendar.sessions_on(day):
        day += timedelta(days=1)
    return day


def shoot_office(app, runner, window, services, out: Path, clerk: str, settle, grab) -> None:
    shoot_visits(app, runner, window, services, out, clerk, settle, grab)
    shoot_online_help(app, runner, window, services, out, clerk, settle, grab)
    shoot_fees(app, runner, window, services, out, clerk, settle, grab)
    shoot_home_intake(app, runner, window, services, out, settle, grab)


def book_demo_visits(services, clerk: str, day: date) -> None:
    from counter_app.domain.appointments import VisitStatus
    from counter_app.services.home_visits import VisitRequest
    from counter_protocol.timefmt import VN_TZ

    ids = []
    for name, phone, address, hour in CITIZENS:
        start = datetime.combine(day, datetime.min.time(), VN_TZ) + timedelta(hours=hour)
        request = VisitRequest(
            clerk, start, start + timedelta(hours=1), name, phone, address, VISIT_PROCEDURE
        )
        ids.append(services.home_visits.book(request))
    services.home_visits.record_outcome(ids[2], VisitStatus.ABSENT, clerk, "Không có nhà")


def shoot_visits(app, runner, window, services, out, clerk, settle, grab) -> None:
    from PySide6.QtCore import QDate, QTime

    day = next_working_day(services)
    book_demo_visits(services, clerk, day)
    visits = window.office.visits
    window.office.show_page(visits)
    visits.day_edit.setDate(QDate(day.year, day.month, day.day))
    settle(app, runner, 300)
    grab(window, out / "visits.png")
    visits.book()
    dialog = visits.dialog
    settle(app, runner, 200)
    dialog.day_edit.setDate(QDate(day.year, day.month, day.day))
    dialog.start_edit.setTime(QTime(8, 30))
    dialog.end_edit.setTime(QTime(9, 30))
    for key, text in (("citizen_name", "Phạm Thị Hoa"), ("phone", "0915000444")):
        dialog.edits[key].setText(text)
    dialog.edits["address"].setText("Thôn Đông, xã Đức Thọ, tỉnh Hà Tĩnh")
    dialog.picker.set_procedure(services.procedures.get(VISIT_PROCEDURE))
    dialog.save()
    settle(app, runner, 300)
    grab(dialog, out / "visit-clash.png")
    dialog.close()


def shoot_online_help(app, runner, window, services, out, clerk, settle, grab) -> None:
    from counter_app.domain.appointments import HelpKind
    from counter_app.services.online_help import HelpInput

    for code, name, kind in (
        ("H27.23-261205-0101", "Hoàng Thị Thu", HelpKind.FULL),
        ("H27.23-261205-0102", "Đặng Văn Minh", HelpKind.PARTIAL),
    ):
        services.online_help.add(HelpInput(code, kind, VISIT_PROCEDURE, name, clerk))
    view = window.office.online_help
    window.office.show_page(view)
    settle(app, runner, 200)
    view.portal_edit.setText("H27.23-261205-0101")
    view.picker.set_procedure(services.procedures.get(VISIT_PROCEDURE))
    view.edits["citizen_name"].setText("Hoàng Thị Thu")
    view.save()
    settle(app, runner, 300)
    grab(window, out / "online-help.png")


def collect_demo_fees(services, clerk: str) -> str | None:
    """Entries on the demo's dossiers that owe something; the code of one still owing."""
    from counter_app.services.search import DossierQuery

    number, owing = 500, None
    for row in services.search.find(DossierQuery(), limit=200):
        owed = [o for o in services.fees.owed(row.code) if o.owed]
        if not owed:
            continue
        if number >= 506:
            owing = owing or row.code
            continue
        number += 1
        receipt = f"1C26TBL/{number:07}"
        services.fees.collect(row.code, owed[0].name, clerk=clerk, receipt=receipt)
        if number == 503:
            services.fees.collect_postage(
                row.code, "Cước chuyển phát", 32_000, clerk=clerk, receipt=None
            )
    return owing


def shoot_fees(app, runner, window, services, out, clerk, settle, grab) -> None:
    from counter_app.ui.fee_dialog import FeeDialog

    owing = collect_demo_fees(services, clerk)
    fees = window.office.fees
    window.office.show_page(fees)
    settle(app, runner, 300)
    grab(window, out / "fees.png")
    fees.show_report()
    settle(app, runner, 1500)  # QPdfView renders asynchronously
    if fees.preview is not None:
        settle(app, runner, 800)
        grab(fees.preview, out / "cash-report.png")
        fees.preview.close()
    if owing is not None:
        dialog = FeeDialog(services.fees, runner, clerk, owing, None, window)
        dialog.show()
        settle(app, runner, 300)
        dialog.rows[0].text_edit.setText("1C26TBL/12")
        dialog.postage.amount_spin.setValue(25_000)
        dialog.save()
        settle(app, runner, 300)
        grab(dialog, out / "fee-window.png")
        dialog.close()
    shoot_ledger(app, runner, window, services, out, settle, grab)


def shoot_ledger(app, runner, window, services, out, settle, grab) -> None:
    from counter_app.ui.fee_ledger_dialog import FeeLedgerDialog

    entry = window.office.fees.model.entry_at(0)
    services.fees.refund(entry.id, clerk=entry.clerk, reason="Thu nhầm khoản", amount=20_000)
    dialog = FeeLedgerDialog(services.fees, runner, entry.clerk, entry.dossier_code, window)
    dialog.show()
    settle(app, runner, 300)
    grab(dialog, out / "fee-ledger.png")
    dialog.close()


def shoot_home_intake(app, runner, window, services, out, settle, grab) -> None:
    visits = window.office.visits
    window.office.show_page(visits)
    settle(app, runner, 300)
    visits.table.selectRow(0)
    visits.receive_at_home()
    settle(app, runner, 300)
    grab(window, out / "intake-at-home.png")
