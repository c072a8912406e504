"""The three intake outcomes on a real store, driven by keys: Mẫu 01, Mẫu 02, Mẫu 03, re-open."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from counter_app.models.tables import Dossier
from counter_app.ui.intake_view import IntakeView
from counter_protocol.statuses import Status, SubState
from tests.counter_app.ui.helpers import CLERK, type_text, wait_idle
from tests.counter_app.ui.test_intake import pick_procedure, scan_card, tick_all_components

FIRST_PAPER = "Bản chính giấy tờ, văn bản làm cơ sở chứng thực bản sao"
SECOND_PAPER = "Bản sao cần chứng thực"


@pytest.fixture
def intake(qtbot, services, runner) -> IntakeView:
    view = IntakeView(
        services.procedures,
        services.calendar,
        services.dossiers,
        services.slips,
        runner,
        CLERK,
        outcomes=services.lifecycle,
        forms=services.forms,
        details=services.details,
    )
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    view.focus_first_field()
    return view


def start(qtbot, view: IntakeView) -> None:
    """Card scanned, procedure picked; the cursor lands in the checklist."""
    scan_card(qtbot, view)
    pick_procedure(qtbot, view, "chung thuc ban sao")


def saved_code(qtbot, view: IntakeView) -> str:
    qtbot.waitUntil(lambda: view.preview is not None, timeout=15_000)
    return view.presenter.last_code or ""


def test_all_required_papers_ticked_saves_and_prints_mau_01(qtbot, intake, services, runner):
    start(qtbot, intake)
    assert intake.save_button.text().startswith("In phiếu yêu cầu bổ sung (Mẫu 02)")
    qtbot.keyClick(intake.checklist, Qt.Key.Key_Space)
    qtbot.keyClick(intake.checklist, Qt.Key.Key_Down)
    qtbot.keyClick(intake.checklist, Qt.Key.Key_Space)
    assert intake.save_button.text() == "Lưu và in giấy hẹn (Mẫu 01) (Ctrl+S / F9)"
    assert not intake.outcome_bar.missing_label.isVisible()
    qtbot.keyClick(intake.checklist, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    code = saved_code(qtbot, intake)
    detail = services.details.get(code)
    assert (detail.status, detail.sub_state) == (Status.RECEIVED, SubState.RECEIVED)
    assert [f.form_no for f in services.forms.forms_of(code)] == ["01"]
    wait_idle(qtbot, runner)


def test_a_missing_paper_prints_mau_02_listing_exactly_it(qtbot, intake, services, runner):
    start(qtbot, intake)
    qtbot.keyClick(intake.checklist, Qt.Key.Key_Space)  # only the first paper was brought
    assert intake.outcome_bar.missing_label.isVisible()
    assert SECOND_PAPER in intake.outcome_bar.missing_label.text()
    assert FIRST_PAPER not in intake.outcome_bar.missing_label.text()
    guidance = intake.outcome_bar.guidance_edit
    guidance.setFocus()
    type_text(guidance, "Mang bản sao có chứng thực")
    qtbot.keyClick(guidance, Qt.Key.Key_F9)
    code = saved_code(qtbot, intake)
    detail = services.details.get(code)
    assert (detail.status, detail.sub_state) == (Status.NEW, SubState.AWAITING_PAPERS)
    forms = services.forms.forms_of(code)
    assert [f.form_no for f in forms] == ["02"]
    assert intake.preview.pdf == services.forms.preview(forms[0].form_id)
    assert "chờ bổ sung giấy tờ (Mẫu 02)" in intake.message.text()
    wait_idle(qtbot, runner)


def test_refusal_needs_a_reason_and_prints_mau_03(qtbot, intake, services, runner):
    start(qtbot, intake)
    qtbot.keyClick(intake.checklist, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: intake.reason_dialog is not None and intake.reason_dialog.isVisible())
    dialog = intake.reason_dialog
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible() and dialog.reason_message.text() == "Phải ghi lý do."
    type_text(dialog.reason_edit, "Thủ tục không thuộc thẩm quyền của xã")
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    code = saved_code(qtbot, intake)
    detail = services.details.get(code)
    assert detail.status == Status.NOT_RECEIVED
    assert [f.form_no for f in services.forms.forms_of(code)] == ["03"]
    wait_idle(qtbot, runner)


def test_a_dossier_waiting_for_papers_is_received_under_its_code_when_scanned(
    qtbot, intake, services, runner
):
    start(qtbot, intake)
    qtbot.keyClick(intake.checklist, Qt.Key.Key_Space)
    qtbot.keyClick(intake.checklist, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    code = saved_code(qtbot, intake)
    intake.preview.close()
    intake.preview = None
    intake.activateWindow()
    qtbot.waitUntil(intake.isActiveWindow)
    intake.focus_first_field()
    type_text(intake.applicant_form.scan_edit, code)  # the barcode on the Mẫu 02
    qtbot.keyClick(intake.applicant_form.scan_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: intake.reopened == code)
    assert intake.applicant_form.text("full_name") == "Nguyễn Thị Hồng Nhung"
    assert intake.checklist_model.missing_required() == [SECOND_PAPER]
    qtbot.keyClick(intake.checklist, Qt.Key.Key_Down)
    qtbot.keyClick(intake.checklist, Qt.Key.Key_Space)
    assert intake.save_button.text().startswith(f"Tiếp nhận {code}")
    qtbot.keyClick(intake.checklist, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: intake.preview is not None, timeout=15_000)
    detail = services.details.get(code)
    assert (detail.status, detail.sub_state) == (Status.RECEIVED, SubState.RECEIVED)
    assert [f.form_no for f in services.forms.forms_of(code)] == ["02", "01"]
    wait_idle(qtbot, runner)


def test_a_supervisor_receives_an_incomplete_dossier_with_a_logged_reason(qtbot, services, runner):
    from counter_devkit.stores import TEST_PASSWORD

    services.accounts.create_user(
        "truongbp", "Trần Văn Bình", "supervisor", TEST_PASSWORD, by="@console"
    )
    view = IntakeView(
        services.procedures,
        services.calendar,
        services.dossiers,
        services.slips,
        runner,
        "truongbp",
        outcomes=services.lifecycle,
        forms=services.forms,
        details=services.details,
        supervisor=True,
    )
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.focus_first_field()
    start(qtbot, view)
    qtbot.keyClick(view.checklist, Qt.Key.Key_Space)
    assert view.outcome_bar.override_button.isVisible()
    qtbot.keyClick(
        view.checklist,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: view.reason_dialog is not None and view.reason_dialog.isVisible())
    dialog = view.reason_dialog
    assert SECOND_PAPER in dialog.prompt.text()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    type_text(dialog.reason_edit, "Bản sao nộp bổ sung trong ngày")
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    code = saved_code(qtbot, view)
    detail = services.details.get(code)
    assert detail.status == Status.RECEIVED
    assert [f.form_no for f in services.forms.forms_of(code)] == ["01"]
    wait_idle(qtbot, runner)


def test_a_clerk_has_no_override_button(qtbot, intake):
    start(qtbot, intake)
    qtbot.keyClick(intake.checklist, Qt.Key.Key_Space)
    assert not intake.outcome_bar.override_button.isVisible()


def test_a_boundary_free_procedure_is_received_for_the_applicants_commune(
    qtbot, intake, services, runner
):

    scan_card(qtbot, intake)
    pick_procedure(qtbot, intake, "chung thuc ban sao")
    assert intake.picker.chosen is not None and intake.picker.chosen.any_commune
    combo = intake.delivery.commune_combo
    qtbot.waitUntil(lambda: combo.isVisibleTo(intake) and combo.count() > 1)
    names = [combo.itemText(i) for i in range(combo.count())]
    assert names[0] == "Xã/phường nơi tiếp nhận" and "Ủy ban nhân dân phường Thành Sen" in names
    combo.setCurrentIndex(names.index("Ủy ban nhân dân phường Thành Sen"))
    tick_all_components(qtbot, intake)
    qtbot.keyClick(intake.checklist, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    code = saved_code(qtbot, intake)
    with services.store.read() as session:
        stored = session.scalar(select(Dossier).where(Dossier.code == code))
        assert stored is not None
        assert (stored.unit_code, stored.competent_code) == ("000.23.05.H27", "000.20.01.H27")
    assert services.details.get(code).agency_name == "Ủy ban nhân dân phường Thành Sen"
    assert not combo.isVisibleTo(intake)  # the next applicant starts at the receiving commune
    wait_idle(qtbot, runner)


def test_a_waiting_dossier_scanned_over_a_filled_form_asks_first(qtbot, intake, services, runner):
    start(qtbot, intake)
    qtbot.keyClick(intake.checklist, Qt.Key.Key_Space)
    qtbot.keyClick(intake.checklist, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    code = saved_code(qtbot, intake)
    intake.preview.close()
    intake.preview = None
    name = intake.applicant_form.edits["full_name"]
    name.setFocus()
    type_text(name, "Lê Văn Bình")  # the next applicant, half typed
    intake.applicant_form.scan_edit.setFocus()
    type_text(intake.applicant_form.scan_edit, code)  # a Mẫu 02 scanned by mistake
    qtbot.keyClick(intake.applicant_form.scan_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: intake.discard_question is not None)
    qtbot.keyClick(intake.discard_question, Qt.Key.Key_Return)  # the default: keep
    qtbot.waitUntil(lambda: intake.discard_question is None)
    wait_idle(qtbot, runner)
    assert intake.reopened is None
    assert intake.applicant_form.text("full_name") == "Lê Văn Bình"
