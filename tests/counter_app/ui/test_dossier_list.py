"""Danh sách hồ sơ: today's list, debounced search, filters, keyset paging, due colours."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from counter_app.domain.dossier_rules import DueState
from counter_app.domain.vntime import now_vn
from counter_app.services.dto import DossierRow
from counter_app.services.search import DueFilter
from counter_app.ui.dossier_list import DossierListView, build_query
from counter_app.ui.dossier_model import (
    DUE_SOON_BRUSH,
    OVERDUE_BRUSH,
    PAGE_SIZE,
    PICKUP_BRUSH,
    DossierTableModel,
)
from counter_devkit.intake import intake as intake_request
from counter_protocol.timefmt import VN_TZ
from tests.counter_app.ui.helpers import type_text, wait_idle

NOW = now_vn().replace(microsecond=0)


def receive(services, name: str, id_number: str) -> str:
    return services.dossiers.receive(intake_request(name=name, id_number=id_number))


@pytest.fixture
def three_dossiers(services) -> dict[str, str]:
    return {
        "nhung": receive(services, "Nguyễn Thị Hồng Nhung", "042195123456"),
        "dat": receive(services, "Trần Văn Đạt", "042095001234"),
        "thu": receive(services, "Lê Thị Thu", "042195004321"),
    }


@pytest.fixture
def list_view(qtbot, services, runner) -> DossierListView:
    view = DossierListView(services.search, runner)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    return view


def codes_shown(view: DossierListView) -> list[str]:
    return [view.model.row_at(r).code for r in range(view.model.rowCount())]


def test_the_list_starts_with_todays_dossiers_newest_first(
    qtbot, list_view, three_dossiers, runner
):
    list_view.apply_filters()
    qtbot.waitUntil(lambda: list_view.model.rowCount() == 3)
    assert codes_shown(list_view) == [
        three_dossiers["thu"],
        three_dossiers["dat"],
        three_dossiers["nhung"],
    ]
    assert list_view.count_label.text() == "3 hồ sơ"
    model, first = list_view.model, list_view.model.row_at(0)
    received = model.index(0, model.HEADERS.index("Tiếp nhận")).data()
    due = model.index(0, model.HEADERS.index("Hẹn trả")).data()
    assert received == f"{first.received_at.astimezone(VN_TZ):%d/%m/%Y %H:%M}"  # Vietnam time
    assert due == f"{first.due_at.astimezone(VN_TZ):%d/%m/%Y %H:%M}"
    wait_idle(qtbot, runner)


def test_typing_a_name_without_diacritics_finds_the_dossier(
    qtbot, list_view, three_dossiers, runner
):
    list_view.apply_filters()
    qtbot.waitUntil(lambda: list_view.model.rowCount() == 3)
    type_text(list_view.search_edit, "tran van dat")
    assert list_view.model.rowCount() == 3  # debounced: nothing happens per keystroke
    qtbot.waitUntil(lambda: codes_shown(list_view) == [three_dossiers["dat"]])
    assert list_view.scope_combo.currentData() == "all"  # a search looks beyond today
    wait_idle(qtbot, runner)


@pytest.mark.parametrize("typed", ["042195004321", "Lê Thị", "le thi thu"])
def test_search_by_cccd_or_name_with_and_without_marks(
    qtbot, list_view, three_dossiers, typed, runner
):
    type_text(list_view.search_edit, typed)
    qtbot.keyClick(list_view.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: codes_shown(list_view) == [three_dossiers["thu"]])
    wait_idle(qtbot, runner)


def test_search_by_code(qtbot, list_view, three_dossiers, runner):
    type_text(list_view.search_edit, three_dossiers["nhung"])
    qtbot.waitUntil(lambda: codes_shown(list_view) == [three_dossiers["nhung"]])
    wait_idle(qtbot, runner)


@pytest.mark.parametrize("part", ["date and number", "unit, date and number", "number alone"])
def test_search_by_what_a_torn_slip_keeps(qtbot, list_view, three_dossiers, part, runner):
    code = three_dossiers["dat"]
    typed = {
        "date and number": code[-11:],  # 261204-0001
        "unit, date and number": code[-15:],  # H27-261204-0001
        "number alone": str(int(code[-4:])),  # received today
    }[part]
    type_text(list_view.search_edit, typed)
    qtbot.keyClick(list_view.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: codes_shown(list_view) == [code])
    wait_idle(qtbot, runner)


@pytest.mark.parametrize("typed", ["0912345", "2345678", "0912 345 678"])
def test_search_by_a_phones_first_or_last_digits(qtbot, list_view, three_dossiers, typed, runner):
    type_text(list_view.search_edit, typed)  # every test applicant has 0912345678
    qtbot.keyClick(list_view.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: sorted(codes_shown(list_view)) == sorted(three_dossiers.values()))
    wait_idle(qtbot, runner)


def test_filters_make_the_query():
    today = build_query("", "today", None, "", NOW)
    assert today.received_since == NOW.replace(hour=0, minute=0, second=0)
    assert today.due == DueFilter.ANY
    overdue = build_query("nhung", "all", 2, "overdue", NOW)
    assert (overdue.text, overdue.statuses, overdue.due) == ("nhung", (2,), DueFilter.OVERDUE)
    assert overdue.received_since is None
    assert build_query("", "all", None, "soon", NOW).due == DueFilter.SOON


def test_the_status_filter_runs_a_new_query(qtbot, list_view, three_dossiers, services, runner):
    services.lifecycle.result_received(three_dossiers["dat"], "canbo")  # result ready
    list_view.apply_filters()
    qtbot.waitUntil(lambda: list_view.model.rowCount() == 3)
    list_view.status_combo.setCurrentIndex(list_view.status_combo.findData(9))
    qtbot.waitUntil(lambda: codes_shown(list_view) == [three_dossiers["dat"]])
    wait_idle(qtbot, runner)


# --- the model on its own: a million rows, keyset paging, colours ---------------------------


class MillionDossiers:
    """A fake page source over ids 1..1,000,000 that records the keyset it was asked for."""

    TOTAL = 1_000_000

    def __init__(self) -> None:
        self.calls: list[int | None] = []

    def __call__(self, query, before_id, limit):
        self.calls.append(before_id)
        top = (before_id or self.TOTAL + 1) - 1
        return [row(i) for i in range(top, max(0, top - limit), -1)]


def row(
    i: int,
    status: int = 2,
    due_in: timedelta = timedelta(days=3),
    state: DueState = DueState.ON_TIME,
) -> DossierRow:
    return DossierRow(
        i,
        f"000.00.00.H27-261126-{i:07d}",
        f"Người nộp {i}",
        None,
        None,
        "2.000815",
        "Chứng thực bản sao",
        status,
        NOW - timedelta(hours=1),
        NOW + due_in,
        state,
    )


def test_scrolling_to_the_bottom_fetches_the_next_keyset_page(qtbot, runner):
    from PySide6.QtWidgets import QTableView

    source = MillionDossiers()
    model = DossierTableModel(source, runner, clock=lambda: NOW)
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    table.resize(800, 400)
    table.show()
    model.set_query(object())
    qtbot.waitUntil(lambda: model.rowCount() == PAGE_SIZE)
    table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() >= 2 * PAGE_SIZE)
    assert source.calls[:2] == [None, MillionDossiers.TOTAL - PAGE_SIZE + 1]
    assert model.canFetchMore()
    wait_idle(qtbot, runner)


def test_results_of_an_older_query_are_dropped(qtbot, runner):
    source = MillionDossiers()
    model = DossierTableModel(source, runner, clock=lambda: NOW)
    model.set_query("first")
    model.set_query("second")
    wait_idle(qtbot, runner)
    assert model.rowCount() == PAGE_SIZE  # one page, not two
    assert len(source.calls) == 2


def test_overdue_rows_are_red_due_soon_amber_pickup_green_closed_plain(qtbot, runner):
    rows = [
        row(5, due_in=-timedelta(hours=2), state=DueState.OVERDUE),
        row(4, due_in=timedelta(hours=5), state=DueState.DUE_SOON),
        row(3, status=9, due_in=-timedelta(days=2), state=DueState.AWAITING_PICKUP),
        row(2, status=10, due_in=-timedelta(days=2), state=DueState.CLOSED),
        row(1),
    ]
    model = DossierTableModel(lambda q, b, n: rows, runner, clock=lambda: NOW)
    model.set_query(object())
    qtbot.waitUntil(lambda: model.rowCount() == 5)
    colours = [model.data(model.index(r, 0), Qt.ItemDataRole.BackgroundRole) for r in range(5)]
    assert colours == [OVERDUE_BRUSH, DUE_SOON_BRUSH, PICKUP_BRUSH, None, None]
    tips = [model.data(model.index(r, 0), Qt.ItemDataRole.ToolTipRole) for r in range(5)]
    assert [t.split("\n")[-1] for t in tips[:3]] == [
        "(Quá hạn)",
        "(Sắp đến hạn)",
        "(Có kết quả, chờ trả)",
    ]
    assert model.data(model.index(3, model.COL_STATUS)) == "Đã trả kết quả"
    assert not model.canFetchMore()  # a short page is the last one


def test_a_selected_row_keeps_its_due_colour_inside_a_highlight_frame(qtbot, runner):
    from counter_app.ui.dossier_list import DossierTable

    rows = [row(2, due_in=-timedelta(hours=2), state=DueState.OVERDUE), row(1)]
    model = DossierTableModel(lambda q, b, n: rows, runner, clock=lambda: NOW)
    table = DossierTable()
    qtbot.addWidget(table)
    table.setModel(model)
    table.setSelectionBehavior(table.SelectionBehavior.SelectRows)
    model.set_query(object())
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    table.setColumnWidth(model.COL_NAME, 300)
    table.resize(900, 300)
    table.show()
    qtbot.waitExposed(table)
    highlight = table.palette().highlight().color().name()
    for selected in (0, 1):
        table.selectRow(selected)
        cell = table.visualRect(model.index(selected, model.COL_NAME))
        image = table.viewport().grab().toImage()
        inside = image.pixelColor(cell.right() - 8, cell.center().y()).name()
        assert inside == (OVERDUE_BRUSH.color().name() if selected == 0 else highlight)
        frame = image.pixelColor(cell.center().x(), cell.top() + 2).name()
        assert frame == highlight
