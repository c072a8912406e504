"""Tiếp nhận hồ sơ: the keyboard-first intake screen; Ctrl+S / F9 saves, then prints its form.

The checklist decides the outcome (received, Mẫu 01, or papers asked, Mẫu 02); Ctrl+R refuses
(Mẫu 03). A dossier waiting for papers, scanned by its code, re-opens here under that code.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox, QWidget

from counter_app.domain.validation import ValidationIssue
from counter_app.domain.vntime import now_vn
from counter_app.services.dto import ApplicantInput, IntakeRequest
from counter_app.ui.card_scan import CardScanWatcher
from counter_app.ui.i18n import tr
from counter_app.ui.intake_form import IntakeForm
from counter_app.ui.intake_outcomes import (
    OVERRIDE_KEY,
    REFUSE_KEY,
    IntakeOutcome,
    OutcomeBar,
    override_dialog,
    planned_outcome,
    post_override_dialog,
    refusal_dialog,
    save_text,
)
from counter_app.ui.intake_presenter import (
    DossierIntake,
    HomeIntake,
    IntakeForms,
    IntakeOutcomes,
    IntakePresenter,
)
from counter_app.ui.intake_reopen import StoredDossiers, reopen_dossier
from counter_app.ui.intake_sections import (
    appointment_text,
    clock_question,
)
from counter_app.ui.keyboard import discard_question, duplicate_question, enter_presses_buttons
from counter_app.ui.postal_form import UnitList
from counter_app.ui.procedure_picker import ProcedureSearch
from counter_app.ui.qt_compat import emit
from counter_app.ui.slip_preview import SlipPreviewDialog, SlipRenderer
from counter_app.ui.tasks import TaskRunner
from counter_app.ui.widgets import error_text

if TYPE_CHECKING:
    from counter_app.services.dto import DossierDetail
    from counter_app.services.home_visit_views import VisitView
    from counter_app.services.procedures import ProcedureInfo


class DueDates(Protocol):
    """What the appointment line asks of the CalendarService."""

    def due(
        self, received: datetime, amount: Decimal, unit: str, cutoff: str | None
    ) -> datetime: ...


class IntakeProcedures(ProcedureSearch, Protocol):
    """The picker's search, and one procedure by code (a re-opened dossier's)."""

    def get(self, code: str) -> ProcedureInfo: ...


class IntakeView(IntakeForm):
    """The intake form; `presenter` (IntakePresenter) saves it and shows the slip.

    Signals:
        dossier_saved(str): the code of a dossier just stored.
        slip_ready(str, bytes): its slip PDF, about to be shown.
        slip_closed(str): the clerk closed the slip of that dossier (its fees come next).
    """

    dossier_saved = Signal(str)
    slip_ready = Signal(str, bytes)
    slip_closed = Signal(str)

    def __init__(
        self,
        procedures: IntakeProcedures,
        calendar: DueDates,
        dossiers: DossierIntake,
        slips: SlipRenderer,
        runner: TaskRunner,
        clerk_username: str,
        parent: QWidget | None = None,
        *,
        outcomes: IntakeOutcomes | None = None,
        forms: IntakeForms | None = None,
        details: StoredDossiers | None = None,
        homes: HomeIntake | None = None,
        supervisor: bool = False,
        postal_units: UnitList | None = None,
    ) -> None:
        super().__init__(parent)
        self._postal_units = postal_units  # the sender's address pickers of a postal intake
        self._calendar, self._runner, self._clerk = calendar, runner, clerk_username
        self._procedures, self._details = procedures, details
        self._touched: set[str] = set()
        self._show_all = False
        self.reopened: str | None = None  # the code of a dossier waiting for papers, re-opened
        self.presenter = IntakePresenter(
            self, dossiers, slips, runner, owner=self, outcomes=outcomes, forms=forms, homes=homes
        )
        self.outcome_bar = OutcomeBar(supervisor)
        self.discard_question: QMessageBox | None = None  # open while the clerk decides
        self.duplicate_question: QMessageBox | None = None
        self._make_widgets(procedures)
        self._layout()
        self._connect()
        enter_presses_buttons(self)

    def _connect(self) -> None:
        self.applicant_form.edited.connect(self._on_edited)
        self.applicant_form.edits["address"].textChanged.connect(self._copy_address)
        self.delivery.edited.connect(self._on_edited)
        self.checklist_model.changed.connect(lambda: self._on_edited("components"))
        self.checklist_model.changed.connect(self._show_outcome)
        self.applicant_form.code_scanned.connect(self.reopen)
        cards = CardScanWatcher(self.applicant_form.fill_from_qr, self._card_damaged, self)
        cards.watch_every_field(self, skip=(self.applicant_form,))  # a card in any other field
        self.outcome_bar.refuse_requested.connect(self.ask_refusal)
        self.outcome_bar.override_requested.connect(self.ask_override)
        self.picker.procedure_chosen.connect(self._on_procedure)
        self._validate_timer.timeout.connect(self.validate)
        self._appointment_timer.timeout.connect(self._refresh_appointment)
        self.save_button.clicked.connect(self.save_and_print)
        self.clear_button.clicked.connect(self.ask_new_form)
        for keys in ("Ctrl+S", "F9"):
            QShortcut(
                QKeySequence(keys),
                self,
                self.save_and_print,
                Qt.ShortcutContext.WidgetWithChildrenShortcut,
            )
        for keys, act in (
            ("Ctrl+N", self.ask_new_form),
            (REFUSE_KEY, self.ask_refusal),
            (OVERRIDE_KEY, self.ask_override),
        ):
            QShortcut(QKeySequence(keys), self, act, Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def focus_first_field(self) -> None:
        self.applicant_form.scan_edit.setFocus()

    def _card_damaged(self, message: str) -> None:
        self.applicant_form.messages["cccd_qr"].show_issue(message, blocking=True)

    # --- live behaviour -------------------------------------------------------------------------

    def _on_edited(self, key: str) -> None:
        self._touched.add(key)
        self._validate_timer.start()

    def _copy_address(self, text: str) -> None:
        self.delivery.applicant_address = text.strip()

    def _on_procedure(self, info: ProcedureInfo | None) -> None:
        self.checklist_model.set_components(info.components if info else ())
        self.fees.set_fees(info.fees if info else ())
        self.delivery.offer_communes(None)
        if info is not None and info.any_commune:  # read on the store lane, like the picker
            self._runner.run_db(self._procedures.communes, self._offer_communes, owner=self)
        self._touched.add("procedure")
        self._refresh_appointment()
        self._validate_timer.start()
        if info is not None:
            self.checklist.setFocus()

    def _offer_communes(self, communes: list[tuple[str, str]]) -> None:
        chosen = self.picker.chosen  # the clerk may have picked another procedure meanwhile
        if chosen is not None and chosen.any_commune:
            self.delivery.offer_communes(communes)

    def _refresh_appointment(self) -> None:
        info = self.picker.chosen
        if info is None:
            self._appointment_timer.stop()
            self.appointment_label.setText(tr("Ngày hẹn trả: chọn thủ tục để tính."))
            return
        self._appointment_timer.start()
        calendar = self._calendar
        self._runner.run_db(
            lambda: calendar.due(
                now_vn(), info.processing_amount, info.processing_unit, info.cutoff
            ),
            lambda due: self._show_appointment(info, due),
            lambda error: self.appointment_label.setText(
                tr("Ngày hẹn trả: {error_text}").format(error_text=error_text(error))
            ),
            owner=self,
        )

    def _show_appointment(self, info: ProcedureInfo, due: datetime) -> None:
        if info is self.picker.chosen:
            self.appointment_label.setText(
                tr("Ngày hẹn trả: {appointment_text}").format(
                    appointment_text=appointment_text(due)
                )
            )

    # --- the outcome ----------------------------------------------------------------------------

    def _show_outcome(self) -> None:
        missing = self.checklist_model.missing_required()
        self.outcome_bar.show_missing(missing)
        self.save_button.setText(save_text(missing, self.reopened))

    def planned_outcome(self) -> IntakeOutcome:
        return planned_outcome(
            self.checklist_model.missing_required(),
            self.outcome_bar.guidance_edit.text(),
            self.reopened,
        )

    def ask_refusal(self) -> None:
        """Ctrl+R: a reason is required; then the dossier is refused and Mẫu 03 printed."""
        dialog = self.reason_dialog = refusal_dialog(self.window())
        dialog.accepted.connect(lambda: self.presenter.refuse(dialog.reason or ""))
        dialog.open()

    def ask_override(self) -> None:
        """A supervisor receives an incomplete dossier; the reason is logged with it."""
        missing = self.checklist_model.missing_required()
        if not self.outcome_bar.supervisor or not missing:
            return
        dialog = self.reason_dialog = override_dialog(self.window(), missing)
        dialog.accepted.connect(lambda: self.presenter.receive_anyway(dialog.reason or ""))
        dialog.open()

    def ask_post_override(self, text: str, on_reason: Callable[[str], None]) -> bool:
        """A supervisor lets an in-person procedure go by post, with a logged reason."""
        if not self.outcome_bar.supervisor:
            return False
        dialog = self.reason_dialog = post_override_dialog(self.window(), text)
        dialog.accepted.connect(lambda: on_reason(dialog.reason or ""))
        dialog.open()
        return True

    def reopen(self, code: str) -> None:
        """A scanned dossier code: if it waits for papers, fill the form to receive it."""
        details = self._details
        if details is None:
            return

        def open_it() -> None:
            self.show_message("info", tr("Đang mở hồ sơ {code}…").format(code=code))
            reopen_dossier(self, details, self._procedures, self._runner, code, self)

        self._after_discard(
            tr("Mở hồ sơ {code} sẽ thay hồ sơ đang nhập, chưa được lưu.").format(code=code), open_it
        )

    def fill_reopened(self, detail: DossierDetail, info: ProcedureInfo) -> None:
        """The form as the waiting dossier was stored; the clerk ticks what was brought."""
        self.reset_form()
        self.applicant_form.fill_applicant(detail.applicant, detail.authorised_person)
        self.picker.set_procedure(info)
        self.checklist_model.tick_names(c.name for c in detail.components if c.provided)
        self.note_edit.setText(detail.note or "")
        self.reopened = detail.code
        self.outcome_bar.set_reopened(detail.code)
        self._show_outcome()
        self.show_message(
            "info", tr("Đã mở hồ sơ {code}: đánh dấu giấy tờ vừa nhận.").format(code=detail.code)
        )
        self.checklist.setFocus()

    def fill_home_visit(self, visit: VisitView, info: ProcedureInfo) -> None:
        """At the citizen's home: the form pre-filled from the appointment; saving receives the
        dossier through the appointment (its channel and the home recorded with it)."""
        self.reset_form()
        applicant = ApplicantInput(visit.citizen_name, phone=visit.phone, address=visit.address)
        self.applicant_form.fill_applicant(applicant, None)
        self.picker.set_procedure(info)
        self.presenter.home_visit = visit.id
        self.show_message(
            "info",
            tr(
                "Tiếp nhận tại nhà theo lịch hẹn số {id} ({citizen_name}, {address}): "
                "quét CCCD, đánh dấu giấy tờ rồi lưu (Ctrl+S)."
            ).format(id=visit.id, citizen_name=visit.citizen_name, address=visit.address),
        )
        self.focus_first_field()

    # --- saving (the presenter decides; these are what it asks of the screen) -----------------

    def save_and_print(self) -> None:
        """Ctrl+S / F9: commit the dossier, then render the slip and open the preview."""
        self.presenter.save_and_print()

    def check_all(self) -> tuple[IntakeRequest, list[ValidationIssue]]:
        self._validate_timer.stop()
        self._show_all = True
        issues = self.validate()
        request, _ = self.build_request()
        return request, issues

    def show_message(self, kind: str, text: str) -> None:
        self.message.show_message(kind, text)

    def set_saving(self, saving: bool) -> None:
        self.save_button.setEnabled(not saving)

    def announce_saved(self, code: str) -> None:
        emit(self.dossier_saved, code)

    def show_slip(self, code: str, pdf: bytes) -> None:
        emit(self.slip_ready, code, pdf)
        self.preview = SlipPreviewDialog(pdf, code, self.window())
        self.preview.finished.connect(lambda _r: self.focus_first_field())
        self.preview.finished.connect(lambda _r: emit(self.slip_closed, code))
        self.preview.open()

    def ask_clock_confirmation(self, text: str, on_confirmed: Callable[[], None]) -> None:
        """A warning the clerk must answer: fix the clock (nothing stored) or store anyway."""

        def answered(confirmed: bool) -> None:
            self.clock_question = None
            if confirmed:
                on_confirmed()

        self.clock_question = clock_question(self.window(), text, answered)

    def has_input(self) -> bool:
        """Whether the clerk has typed, scanned, picked or ticked anything on this form."""
        typed = [self.applicant_form.scan_edit, *self.applicant_form.edits.values(), self.note_edit]
        return (
            any(edit.text().strip() for edit in typed)
            or self.picker.chosen is not None
            or any(c.provided for c in self.checklist_model.components())
        )

    def ask_new_form(self) -> None:
        """Ctrl+N / "Hồ sơ mới": an empty form at once; a filled one only once the clerk agrees."""
        self._after_discard(tr("Hồ sơ đang nhập chưa được lưu."), self.reset_form)

    def _after_discard(self, what: str, then: Callable[[], None]) -> None:
        """`then` at once on an untouched form; on a filled one, only once the clerk agrees."""
        if not self.has_input():
            then()
            return
        if self.discard_question is not None:
            return  # already asking

        def answered(discard: bool) -> None:
            self.discard_question = None
            if discard:
                then()

        self.discard_question = discard_question(self.window(), what, answered)

    def ask_duplicate_confirmation(self, text: str, on_confirmed: Callable[[], None]) -> None:
        """The same person and procedure were received today: store only if the clerk says so."""

        def answered(store: bool) -> None:
            self.duplicate_question = None
            if store:
                on_confirmed()

        self.duplicate_question = duplicate_question(self.window(), text, answered)

    def reset_form(self) -> None:
        """Empty the form for the next applicant and put the cursor in the scan box."""
        self.applicant_form.clear()
        self.picker.clear()
        self.delivery.clear()
        self.note_edit.clear()
        self.sets_spin.setValue(1)
        self.outcome_bar.clear()
        self.reopened = None
        self.presenter.home_visit = None
        self._show_outcome()
        self._touched.clear()
        self._show_all = False
        self.validate()
        self.message.clear_message()
        self.focus_first_field()
