"""The counter's lifecycle use cases: one method per action, each one transaction
(docs/domain.md#lifecycle). Intake's three outcomes are `DossierService.intake`; a dossier waiting
for papers is received or refused here, under the code it already has."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from sqlalchemy.orm import Session

from counter_app.domain.deadlines import ControlRow, check_extension, resume_after_pause
from counter_app.domain.text import nfc
from counter_app.domain.vntime import now_vn
from counter_app.models.tables import Dossier
from counter_app.services.calendar import CalendarService
from counter_app.services.control_sheet import control_sheet_rows, sheet_facts_rows
from counter_app.services.dto import ComponentInput
from counter_app.services.errors import ServiceError
from counter_app.services.settings import get_setting
from counter_app.services.step_effects import (
    Effects,
    Prepared,
    fixed_step,
    handover_effects,
    start_deadline,
    with_reason,
)
from counter_app.services.steps import (
    LATER_HANDOVERS,
    FormIssuer,
    IntakeResult,
    SecondSupplement,
    StepResult,
    apply_step,
    check_step,
    checked_postal_number,
    default_issuer,
    dossier_for_update,
    missing_papers,
    require_reason,
    require_supervisor,
    update_components,
)
from counter_app.services.store import Store
from counter_protocol.lifecycle import Action, StepData
from counter_protocol.texts import QT_TRANSLATE_NOOP
from counter_protocol.timefmt import to_vn

__all__ = ["IntakeResult", "LifecycleService", "StepResult"]


class LifecycleService:
    """Move dossiers through their life: hand-overs, supplements, financial duties, deadlines,
    results, refusals, stops and withdrawals."""

    def __init__(
        self,
        store: Store,
        calendar: CalendarService,
        clock: Callable[[], datetime] = now_vn,
        issuer: FormIssuer | None = None,
    ) -> None:
        self._store, self._calendar, self._clock = store, calendar, clock
        self._issuer = issuer if issuer is not None else default_issuer()

    @property
    def issues_forms(self) -> bool:
        """Whether steps issue their forms (this build has the forms service)."""
        return self._issuer is not None

    def _run(
        self, code: str, action: Action, actor: str, effects: Effects, note: str | None = None
    ) -> StepResult:
        with self._store.write() as session:
            dossier = dossier_for_update(session, code)
            check_step(dossier, action)  # refused here, before any effect is computed
            now = to_vn(self._clock())
            prepared = effects(session, dossier, now)
            facts = prepared.facts
            if action in LATER_HANDOVERS:  # Mẫu 06 again, with the rows signed so far
                facts = {**facts, "rows": sheet_facts_rows(session, dossier, self._calendar)}
            return apply_step(
                session,
                dossier,
                action,
                actor=actor,
                at=now,
                step=prepared.step,
                note=note,
                issuer=self._issuer,
                facts=facts,
            )

    # --- at the counter, a dossier waiting for papers -------------------------------------------

    def receive_supplemented(
        self,
        code: str,
        components: Sequence[ComponentInput],
        actor: str,
        *,
        override: str | None = None,
        note: str | None = None,
    ) -> IntakeResult:
        """The papers were brought: receive the dossier under its code; the deadline starts now
        (received_at = now; submitted_at stays the first contact)."""

        def effects(session: Session, dossier: Dossier, now: datetime) -> Prepared:
            update_components(session, dossier, components)
            # Still incomplete: only a supervisor may receive it, with a logged reason.
            bent = (
                require_supervisor(session, actor, override) if missing_papers(components) else None
            )
            return start_deadline(session, dossier, now, bent, self._calendar)

        result = self._run(code, Action.RECEIVE, actor, effects, note)
        return IntakeResult(result.code, Action.RECEIVE, result.form_id, result.due_at)

    def refuse(self, code: str, actor: str, reason: str, note: str | None = None) -> IntakeResult:
        """Refuse a dossier waiting for papers (Mẫu 03), under its code."""
        text = require_reason(Action.REFUSE, reason)
        result = self._run(code, Action.REFUSE, actor, with_reason(text), note)
        return IntakeResult(result.code, Action.REFUSE, result.form_id, result.due_at)

    # --- hand-overs ------------------------------------------------------------------------------

    def forward(
        self,
        code: str,
        actor: str,
        *,
        to_unit: str | None = None,
        received_by: str | None = None,
        handed_by: str | None = None,
        postal_number: str | None = None,
        note: str | None = None,
    ) -> StepResult:
        """Hand the paper to the competent agency (or post it): Mẫu 06 starts (NĐ 61/2018 Điều
        18). By post, the item's number stands for the receiver."""
        number = checked_postal_number(postal_number)
        if not (received_by or "").strip() and number is None:
            raise ServiceError(
                QT_TRANSLATE_NOOP("messages", "Nhập người nhận hồ sơ hoặc số hiệu bưu gửi."),
                field="received_by",
                code="lifecycle.receiver_required",
            )
        step = StepData(
            handed_by=nfc(handed_by or actor).strip(),
            received_by=nfc(received_by or "").strip() or None,
            to_unit=to_unit,
            postal_number=number,
        )
        effects = handover_effects(step, self._calendar)
        return self._run(code, Action.FORWARD, actor, effects, note)

    def agency_received(
        self,
        code: str,
        actor: str,
        *,
        received_by: str,
        handed_by: str | None = None,
        note: str | None = None,
    ) -> StepResult:
        """The competent agency signed for the paper (a Mẫu 06 row)."""
        step = StepData(received_by=nfc(received_by).strip() or None, handed_by=handed_by)
        return self._run(code, Action.AGENCY_RECEIVED, actor, fixed_step(step), note)

    def result_received(
        self, code: str, actor: str, *, handed_by: str | None = None, note: str | None = None
    ) -> StepResult:
        """The result is back at the counter: processing ends now (docs/domain.md#timeliness)."""
        step = StepData(handed_by=handed_by, received_by=actor)
        return self._run(code, Action.RESULT_RECEIVED, actor, fixed_step(step), note)

    # --- pauses and duties -----------------------------------------------------------------------

    def ask_supplement(
        self,
        code: str,
        actor: str,
        reason: str,
        missing: Sequence[str] = (),
        *,
        confirm_late: bool = False,
        note: str | None = None,
    ) -> StepResult:
        """The agency asks for more papers: the clock pauses. A second request makes the dossier
        count as late: refused with `SecondSupplement` unless `confirm_late`."""
        text = require_reason(Action.ASK_SUPPLEMENT, reason)

        def effects(session: Session, dossier: Dossier, now: datetime) -> Prepared:
            late = dossier.supplement_requests >= 1
            if late and not confirm_late:
                raise _second_supplement(dossier)
            dossier.paused_at = now
            dossier.supplement_requests += 1
            items = [nfc(m).strip() for m in missing if m.strip()]
            return Prepared(StepData(reason=text, missing=items, late_warning=late))

        return self._run(code, Action.ASK_SUPPLEMENT, actor, effects, note)

    def supplement_received(self, code: str, actor: str, note: str | None = None) -> StepResult:
        """The papers came back: the appointment moves by the pause's working hours."""

        def effects(session: Session, dossier: Dossier, now: datetime) -> Prepared:
            paused = dossier.paused_at or now
            resumed = resume_after_pause(self._calendar.calendar(), dossier.due_at, paused, now)
            dossier.due_at, dossier.paused_at = resumed.due_at, None
            step = StepData(
                due_at=resumed.due_at.isoformat(timespec="seconds"),
                paused_hours=str(resumed.paused_hours),
            )
            return Prepared(step)

        return self._run(code, Action.SUPPLEMENT_RECEIVED, actor, effects, note)

    def ask_financial(
        self, code: str, actor: str, reason: str | None = None, note: str | None = None
    ) -> StepResult:
        step = StepData(reason=nfc(reason or "").strip() or None)
        return self._run(code, Action.ASK_FINANCIAL, actor, fixed_step(step), note)

    def financial_done(self, code: str, actor: str, note: str | None = None) -> StepResult:
        return self._run(code, Action.FINANCIAL_DONE, actor, fixed_step(StepData()), note)

    # --- late, refused, stopped, withdrawn -------------------------------------------------------

    def extend(
        self, code: str, actor: str, reason: str, new_due: datetime, note: str | None = None
    ) -> StepResult:
        """Apologise and set a new date (Mẫu 04): later than the current one, on a working day,
        at most `lifecycle.extension_limit` times (once by default)."""
        text = require_reason(Action.EXTEND, reason)

        def effects(session: Session, dossier: Dossier, now: datetime) -> Prepared:
            limit = int(get_setting(session, "lifecycle.extension_limit"))
            new = to_vn(new_due)
            calendar = self._calendar.calendar()
            check_extension(calendar, dossier.due_at, new, dossier.extensions, limit)
            old = dossier.due_at
            dossier.due_at, dossier.extensions = new, dossier.extensions + 1
            step = StepData(reason=text, due_at=new.isoformat(timespec="seconds"))
            facts = {"original_due_at": old.isoformat(timespec="seconds")}
            return Prepared(step, facts)

        return self._run(code, Action.EXTEND, actor, effects, note)

    def appraisal_refused(
        self, code: str, actor: str, reason: str, note: str | None = None
    ) -> StepResult:
        """The agency refused after appraisal; its written reason is the result to hand back."""
        text = require_reason(Action.APPRAISAL_REFUSED, reason)
        return self._run(code, Action.APPRAISAL_REFUSED, actor, with_reason(text), note)

    def stop(self, code: str, actor: str, reason: str, note: str | None = None) -> StepResult:
        """The agency stops processing (Mẫu 05)."""
        text = require_reason(Action.STOP, reason)
        return self._run(code, Action.STOP, actor, with_reason(text), note)

    def withdraw(self, code: str, actor: str, reason: str, note: str | None = None) -> StepResult:
        """The applicant withdraws the dossier (status 7)."""
        text = require_reason(Action.WITHDRAW, reason)
        return self._run(code, Action.WITHDRAW, actor, with_reason(text), note)

    # --- reading ---------------------------------------------------------------------------------

    def extension_limit(self) -> int:
        """How many re-appointments (Mẫu 04) a dossier may have (setting; once by default)."""
        with self._store.read() as session:
            return int(get_setting(session, "lifecycle.extension_limit"))

    def control_sheet(self, code: str) -> list[ControlRow]:
        """The Mẫu 06 rows of a dossier: each hand-over with its deadline and verdict."""
        with self._store.read() as session:
            dossier = dossier_for_update(session, code)
            return control_sheet_rows(session, dossier, self._calendar)


def _second_supplement(dossier: Dossier) -> SecondSupplement:
    """A second request for papers makes the dossier count as late: asked to confirm first."""
    return SecondSupplement(
        QT_TRANSLATE_NOOP(
            "messages",
            "Hồ sơ {dossier_code} đã được yêu cầu bổ sung {supplement_requests} "
            "lần; yêu cầu thêm lần nữa thì hồ sơ bị tính là trễ hạn.",
        ),
        advice=QT_TRANSLATE_NOOP("messages", "Xác nhận nếu vẫn yêu cầu bổ sung."),
        params={
            "dossier_code": dossier.code,
            "supplement_requests": dossier.supplement_requests,
        },
    )
