"""Saving an intake, without widgets: check the form, store the dossier, then render its form.

The intake screen (IntakeView) draws and reads fields; this presenter decides what happens when
the clerk presses Ctrl+S / F9 (received, Mẫu 01, or papers asked, Mẫu 02, as the checklist
says), refuses (Mẫu 03) or, as a supervisor, receives an incomplete dossier, through the small
`IntakeScreen` protocol, so the flow is tested with a plain object standing in for the window.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from counter_app.domain.routing import InPersonRequired
from counter_app.domain.validation import ValidationIssue
from counter_app.services.clock import CLOCK_SUSPECT
from counter_app.services.errors import ServiceError
from counter_app.ui.i18n import tr
from counter_app.ui.intake_outcomes import IntakeOutcome
from counter_app.ui.texts import issue_text
from counter_app.ui.widgets import error_text
from counter_protocol.lifecycle import Action, StepData

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from counter_app.services.dto import ComponentInput, IntakeRequest
    from counter_app.ui.slip_preview import SlipRenderer
    from counter_app.ui.tasks import BackgroundTasks


class DossierIntake(Protocol):
    """What saving asks of the DossierService."""

    def receive(self, request: IntakeRequest, *, clock_confirmed: bool = False) -> str: ...

    def same_day_intakes(self, id_number: str | None, procedure_code: str) -> list[str]:
        """Codes received today for this id number and procedure (a likely duplicate)."""
        ...

    def intake(
        self,
        request: IntakeRequest,
        *,
        refuse_reason: str | None = ...,
        guidance: str | None = ...,
        override: str | None = ...,
        clock_confirmed: bool = ...,
    ) -> Outcome:
        """A new dossier with the outcome its checklist decides (or refused, or overridden)."""
        ...


class Outcome(Protocol):
    """What an intake outcome left: the code and the form issued with it."""

    @property
    def code(self) -> str: ...
    @property
    def form_id(self) -> int | None: ...


class IntakeOutcomes(Protocol):
    """A dossier waiting for papers, received or refused under its code (LifecycleService)."""

    def receive_supplemented(
        self,
        code: str,
        components: Sequence[ComponentInput],
        actor: str,
        *,
        override: str | None = ...,
        note: str | None = ...,
    ) -> Outcome: ...

    def refuse(self, code: str, actor: str, reason: str, note: str | None = ...) -> Outcome: ...


class HomeIntake(Protocol):
    """Receiving at the citizen's home, through the appointment (HomeVisitService)."""

    def receive_at_home(
        self, visit_id: int, request: IntakeRequest, *, clock_confirmed: bool = ...
    ) -> str: ...


class IntakeForms(Protocol):
    """What showing an issued form asks of the FormService."""

    def preview(self, form_id: int) -> bytes: ...


class IntakeScreen(Protocol):
    """What the presenter does to the intake screen."""

    def check_all(self) -> tuple[IntakeRequest, list[ValidationIssue]]:
        """The request as the form stands and every issue, each now shown under its field."""
        ...

    def planned_outcome(self) -> IntakeOutcome:
        """What the save button stands for: received, or papers asked for what is missing."""
        ...

    def shows_field(self, key: str) -> bool:
        """Whether an issue of this field has a place under a field on the screen."""
        ...

    def focus_first(self, keys: Sequence[str]) -> None:
        """The cursor on whichever of these fields comes first on the screen."""
        ...

    def show_message(self, kind: str, text: str) -> None: ...

    def set_saving(self, saving: bool) -> None:
        """While a save runs, the save button is off."""
        ...

    def reset_form(self) -> None: ...

    def announce_saved(self, code: str) -> None:
        """Tell the rest of the window (the list, the sync) that a dossier was stored."""
        ...

    def show_slip(self, code: str, pdf: bytes) -> None: ...

    def ask_clock_confirmation(self, text: str, on_confirmed: Callable[[], None]) -> None:
        """Ask the clerk whether the date shown is right; call `on_confirmed` if they say so."""
        ...

    def ask_duplicate_confirmation(self, text: str, on_confirmed: Callable[[], None]) -> None:
        """Ask whether to store a likely duplicate; `on_confirmed` only if the clerk says so."""
        ...

    def ask_post_override(self, text: str, on_reason: Callable[[str], None]) -> bool:
        """A supervisor may let an in-person procedure go by post: ask the reason and call
        `on_reason` with it. False (nothing asked) when the person is not a supervisor."""
        ...


IN_PERSON = InPersonRequired.default_code  # a post the procedure forbids (docs/domain.md#in-person)


class IntakePresenter:
    """Commits first; the form is rendered only after the commit: a failed print loses nothing."""

    def __init__(
        self,
        screen: IntakeScreen,
        dossiers: DossierIntake,
        slips: SlipRenderer,
        tasks: BackgroundTasks,
        owner: QObject | None = None,
        *,
        outcomes: IntakeOutcomes | None = None,
        forms: IntakeForms | None = None,
        homes: HomeIntake | None = None,
    ) -> None:
        self._screen, self._dossiers, self._slips = screen, dossiers, slips
        self._outcomes, self._forms, self._homes = outcomes, forms, homes
        self.home_visit: int | None = None  # the appointment whose dossier is being received
        self._tasks, self._owner = tasks, owner
        self.saving = False
        self.last_code: str | None = None

    def save_and_print(self) -> None:
        """Ctrl+S / F9: received (Mẫu 01) or papers asked (Mẫu 02), as the checklist says."""
        self.submit(self._screen.planned_outcome())

    def refuse(self, reason: str) -> None:
        """Refused at the counter (Mẫu 03) with the reason the clerk gave."""
        planned = self._screen.planned_outcome()
        self.submit(IntakeOutcome(Action.REFUSE, StepData(reason=reason), planned.reopened))

    def receive_anyway(self, reason: str) -> None:
        """A supervisor receives an incomplete dossier; the reason is logged with it."""
        planned = self._screen.planned_outcome()
        step = StepData(missing=planned.step.missing, override=reason)
        self.submit(IntakeOutcome(Action.RECEIVE, step, planned.reopened))

    def submit(self, outcome: IntakeOutcome) -> None:
        """Store the outcome if nothing blocks it; then render its form and show it."""
        if self.saving:
            return  # a second Ctrl+S while the first is being stored
        request, issues = self._screen.check_all()
        blocking = [i for i in issues if i.blocking and _blocks(i, outcome)]
        if blocking:
            self._refuse(blocking)
            return
        if outcome.reopened is not None or not request.applicant.id_number:
            self._save(request, outcome, clock_confirmed=False)
            return
        self._check_duplicates(request, outcome)

    def _check_duplicates(self, request: IntakeRequest, outcome: IntakeOutcome) -> None:
        """Before a new dossier is stored: the same person and procedure already today?"""
        self.saving = True  # a second Ctrl+S meanwhile waits for this answer
        applicant, procedure = request.applicant.id_number, request.procedure_code
        self._tasks.run_db(
            lambda: self._dossiers.same_day_intakes(applicant, procedure),
            lambda codes: self._on_duplicates(codes, request, outcome),
            lambda error: self._on_save_failed(error, request, outcome),
            owner=self._owner,
        )

    def _on_duplicates(
        self, codes: list[str], request: IntakeRequest, outcome: IntakeOutcome
    ) -> None:
        self.saving = False
        if not codes:
            self._save(request, outcome, clock_confirmed=False)
            return
        text = duplicate_text(codes, request.applicant.id_number or "")
        self._screen.show_message("warning", tr("Chưa lưu: {text}").format(text=text))
        self._screen.ask_duplicate_confirmation(
            text, lambda: self._save(request, outcome, clock_confirmed=False)
        )

    def _save(
        self, request: IntakeRequest, outcome: IntakeOutcome, *, clock_confirmed: bool
    ) -> None:
        self.saving = True
        self._screen.set_saving(True)
        self._screen.show_message("info", tr("Đang lưu hồ sơ…"))
        home = self.home_visit
        self._tasks.run_db(
            lambda: self._store(request, outcome, clock_confirmed, home),
            lambda stored: self._on_saved(*stored, outcome),
            lambda error: self._on_save_failed(error, request, outcome),
            owner=self._owner,
            what=tr("Đang lưu hồ sơ…"),
        )

    def _store(
        self,
        request: IntakeRequest,
        outcome: IntakeOutcome,
        clock_confirmed: bool,
        home: int | None = None,
    ) -> tuple[str, int | None]:
        """Runs on the store lane: (code, form id) of a new dossier, or of a dossier waiting
        for papers received or refused under its code."""
        action, step, dossiers = outcome.action, outcome.step, self._dossiers
        if home is not None:
            return self._receive_at_home(home, request, outcome, clock_confirmed), None
        if outcome.reopened is not None:
            return self._complete(outcome.reopened, request, outcome)
        if action is Action.RECEIVE and step == StepData():
            return dossiers.receive(request, clock_confirmed=clock_confirmed), None
        done = dossiers.intake(
            request,
            refuse_reason=step.reason if action is Action.REFUSE else None,
            guidance=step.reason if action is Action.ASK_PAPERS else None,
            override=step.override,
            clock_confirmed=clock_confirmed,
        )
        return done.code, done.form_id

    def _receive_at_home(
        self, visit_id: int, request: IntakeRequest, outcome: IntakeOutcome, clock_confirmed: bool
    ) -> str:
        if self._homes is None:
            raise RuntimeError("home appointments are not wired")
        if outcome.action is not Action.RECEIVE or outcome.step != StepData():
            raise ServiceError(
                tr("Tại nhà người dân chỉ tiếp nhận hồ sơ đủ giấy tờ."),
                advice=tr("Hướng dẫn người dân bổ sung rồi hẹn lại, hoặc tiếp nhận tại quầy."),
                field="components",
            )
        return self._homes.receive_at_home(visit_id, request, clock_confirmed=clock_confirmed)

    def _complete(
        self, code: str, request: IntakeRequest, outcome: IntakeOutcome
    ) -> tuple[str, int | None]:
        if self._outcomes is None:
            raise RuntimeError("intake outcomes are not wired")
        if outcome.action is Action.REFUSE:
            done = self._outcomes.refuse(code, request.clerk, outcome.step.reason or "")
        else:
            done = self._outcomes.receive_supplemented(
                code, request.components, request.clerk, override=outcome.step.override
            )
        return done.code, done.form_id

    def _refuse(self, blocking: Sequence[ValidationIssue]) -> None:
        loose = [issue_text(i) for i in blocking if not self._screen.shows_field(i.field)]
        text = tr("Chưa lưu: còn {count} lỗi cần sửa (chữ đỏ dưới ô nhập).").format(
            count=len(blocking)
        )
        self._screen.show_message("error", "\n".join([text, *loose]))
        self._screen.focus_first([i.field for i in blocking])

    def _on_saved(self, code: str, form_id: int | None, outcome: IntakeOutcome) -> None:
        self.saving = False
        self.last_code = code
        screen = self._screen
        screen.set_saving(False)
        screen.reset_form()
        screen.show_message(
            "success",
            tr("{saved_text} Đang tạo phiếu…").format(saved_text=saved_text(code, outcome)),
        )
        screen.announce_saved(code)
        self._tasks.run_io(
            lambda: self._render(code, form_id),
            lambda pdf: self._on_slip(code, outcome, pdf),
            lambda error: self._on_slip_failed(code, outcome, error),
            owner=self._owner,
            what=tr("Đang lập giấy tiếp nhận để in…"),
        )

    def _render(self, code: str, form_id: int | None) -> bytes:
        """Runs on the io lane: the form issued with the outcome, or the receipt slip."""
        if form_id is not None and self._forms is not None:
            return self._forms.preview(form_id)
        return self._slips.render_for(code)

    def _on_save_failed(
        self, error: BaseException, request: IntakeRequest, outcome: IntakeOutcome
    ) -> None:
        self.saving = False
        self._screen.set_saving(False)
        if getattr(error, "code", None) == CLOCK_SUSPECT:  # nothing stored: the clerk decides
            self._screen.show_message(
                "warning", tr("Chưa lưu: {error_text}").format(error_text=error_text(error))
            )
            self._screen.ask_clock_confirmation(
                error_text(error), lambda: self._save(request, outcome, clock_confirmed=True)
            )
            return
        if getattr(error, "code", None) == IN_PERSON and self._screen.ask_post_override(
            error_text(error), lambda reason: self._save_by_post(request, outcome, reason)
        ):
            self._screen.show_message(
                "warning", tr("Chưa lưu: {error_text}").format(error_text=error_text(error))
            )
            return
        issues: Sequence[ValidationIssue] = getattr(error, "issues", None) or ()
        if issues:  # the service's own check refused it: show where, as for the form's
            self._screen.check_all()
            self._refuse([i for i in issues if i.blocking] or list(issues))
            return
        self._screen.show_message(
            "error", tr("Chưa lưu được hồ sơ: {error_text}").format(error_text=error_text(error))
        )

    def _save_by_post(self, request: IntakeRequest, outcome: IntakeOutcome, reason: str) -> None:
        """Again, with the supervisor's reason for the post logged on the first event."""
        self._save(replace(request, override_reason=reason), outcome, clock_confirmed=False)

    def _on_slip(self, code: str, outcome: IntakeOutcome, pdf: bytes) -> None:
        self._screen.show_message(
            "success",
            tr("{saved_text} Phiếu đã sẵn sàng.").format(saved_text=saved_text(code, outcome)),
        )
        self._screen.show_slip(code, pdf)

    def _on_slip_failed(self, code: str, outcome: IntakeOutcome, error: BaseException) -> None:
        self._screen.show_message(
            "warning",
            tr(
                "{saved_text} Nhưng chưa tạo được phiếu: {error_text}. Có thể in lại từ "
                "Danh sách hồ sơ."
            ).format(saved_text=saved_text(code, outcome), error_text=error_text(error)),
        )


def _blocks(issue: ValidationIssue, outcome: IntakeOutcome) -> bool:
    """Asking for papers or refusing needs no paper ticked: only a receipt does."""
    return outcome.action is Action.RECEIVE or issue.field != "components"


def duplicate_text(codes: Sequence[str], id_number: str) -> str:
    listed = ", ".join(codes)
    return tr(
        "Hôm nay đã tiếp nhận hồ sơ {listed} của người có số CCCD {id_number} "
        "cho cùng thủ tục này. Có thể hồ sơ đang được lưu hai lần."
    ).format(listed=listed, id_number=id_number)


def saved_text(code: str, outcome: IntakeOutcome) -> str:
    if outcome.action is Action.REFUSE:
        return tr("Đã từ chối tiếp nhận hồ sơ {code} (Mẫu 03).").format(code=code)
    if outcome.action is Action.ASK_PAPERS:
        return tr("Đã lưu hồ sơ {code}, chờ bổ sung giấy tờ (Mẫu 02).").format(code=code)
    return tr("Đã lưu hồ sơ {code}.").format(code=code)
