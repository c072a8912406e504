"""Hỗ trợ nộp trực tuyến, driven as a clerk would: the record is listed for the day, a portal
code already recorded is refused next to its field, and no dossier is ever created."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from counter_app.domain.appointments import HelpKind
from counter_app.services.search import DossierQuery
from counter_app.ui.online_help_view import OnlineHelpView
from tests.counter_app.ui.helpers import CLERK, type_text, wait_idle
from tests.counter_app.ui.test_intake import pick_procedure

CLERK_NAME = "Nguyễn Thị Hồng Nhung"  # the clerk `canbo` of counter_devkit.stores

PORTAL_CODE = "H27.23-261205-0042"
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def view(qtbot, services, runner) -> OnlineHelpView:
    widget = OnlineHelpView(services.online_help, services.procedures, runner, CLERK)
    qtbot.addWidget(widget)
    widget.resize(1366, 720)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    widget.refresh()
    widget.focus_first_field()
    return widget


def fill(qtbot, view: OnlineHelpView, code: str, name: str = "Trần Thị Mai") -> None:
    assert view.portal_edit.hasFocus()
    type_text(view.portal_edit, code)
    view.kind_combo.setCurrentIndex(view.kind_combo.findData(HelpKind.PARTIAL.value))
    pick_procedure(qtbot, view, "dang ky ket hon")
    type_text(view.edits["citizen_name"], name)
    type_text(view.edits["phone"], "0987654321")


def all_dossiers(services) -> int:
    return len(services.search.find(DossierQuery()))


def test_a_help_is_listed_a_second_one_refused_and_no_dossier_made(qtbot, view, services, runner):
    before = all_dossiers(services)
    fill(qtbot, view, PORTAL_CODE)
    qtbot.keyClick(view.edits["phone"], Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert view.message.kind == "success"
    cells = [view.model.index(0, c).data() for c in range(view.model.columnCount())]
    assert cells[1:7] == [
        PORTAL_CODE,
        "Một phần",
        "1.000894",
        "Trần Thị Mai",
        "0987654321",
        CLERK_NAME,
    ]  # fmt: skip: the clerk shown by name, not by the username the record keeps
    assert cells[0][2:] == view.model.row_at(0).helped_at.strftime("/%m/%Y %H:%M")
    assert view.portal_edit.hasFocus() and view.portal_edit.text() == ""  # ready for the next

    fill(qtbot, view, PORTAL_CODE, "Lê Văn Hùng")  # the same portal dossier again
    qtbot.keyClick(view.edits["phone"], Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: view.messages["portal_code"].isVisible())
    assert "đã được ghi nhận hỗ trợ" in view.messages["portal_code"].text()
    assert view.portal_edit.hasFocus()
    assert len(services.online_help.day(view.model.row_at(0).helped_at.date())) == 1
    assert all_dossiers(services) == before  # help creates no dossier
    wait_idle(qtbot, runner)


def test_a_malformed_portal_code_is_refused_before_anything_is_written(qtbot, view, services):
    type_text(view.portal_edit, "H27 123")
    qtbot.keyClick(view.portal_edit, Qt.Key.Key_Return, CTRL)
    assert view.messages["portal_code"].isVisible()
    assert "khoảng trắng" in view.messages["portal_code"].text()
    assert view.portal_edit.hasFocus()
    assert view.model.rowCount() == 0
