"""The counter's lifecycle use cases: one method per action, each one transaction
(docs/domain.md#lifecycle). Intake's three outcomes are `DossierService.intake`; a dossier waiting
for papers is received or refused here, under the code it already has."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

import orjson
from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.deadlines import (
    ControlRow,
    EventFacts,
    check_extension,
    control_rows,
    handover_due,
    resume_after_pause,
    timeliness,
)
from counter_app.domain.text import nfc
from counter_app.domain.vntime import now_vn
from counter_app.models.tables import Dossier, DossierComponent, DossierEvent, Procedure
from counter_app.services.calendar import CalendarService
from counter_app.services.dto import ComponentInput
from counter_app.services.errors import ServiceError
from counter_app.services.intake import next_log_seq
from counter_app.services.settings import get_setting
from counter_app.services.steps import (
    FormIssuer,
    IntakeResult,
    SecondSupplement,
    StepResult,
    apply_step,
    check_step,
    default_issuer,
    dossier_for_update,
    missing_papers,
    require_reason,
    require_supervisor,
)
from counter_app.services.store import Store
from counter_protocol.lifecycle import Action, StepData, read_step
from counter_protocol.timefmt import to_vn
from counter_protocol.tracking import is_s10_shaped, normalise_tracking_number, s10_fault

__all__ = ["IntakeResult", "LifecycleService", "StepResult"]


@dataclass(frozen=True)
class Prepared:
    """What an action's own effects produced: the event's step data and the form's facts."""

    step: StepData
    facts: dict[str, Any] = field(default_factory=dict)


Effects = Callable[[Session, Dossier, datetime], Prepared]


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

    def _run(
        self, code: str, action: Action, actor: str, effects: Effects, note: str | None = None
    ) -> StepResult:
        with self._store.write() as session:
            dossier = dossier_for_update(session, code)
            check_step(dossier, action)  # refused here, before any effect is computed
            now = to_vn(self._clock())
            prepared = effects(session, dossier, now)
            return apply_step(
                session,
                dossier,
                action,
                actor=actor,
                at=now,
                step=prepared.step,
                note=note,
                issuer=self._issuer,
                facts=prepared.facts,
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
            _update_components(session, dossier, components)
            # Still incomplete: only a supervisor may receive it, with a logged reason.
            bent = (
                require_supervisor(session, actor, override) if missing_papers(components) else None
            )
            return self._start_deadline(session, dossier, now, bent)

        result = self._run(code, Action.RECEIVE, actor, effects, note)
        return IntakeResult(result.code, Action.RECEIVE, result.form_id, result.due_at)

    def refuse(self, code: str, actor: str, reason: str, note: str | None = None) -> IntakeResult:
        """Refuse a dossier waiting for papers (Mẫu 03), under its code."""
        text = require_reason(Action.REFUSE, reason)
        result = self._run(code, Action.REFUSE, actor, _with_reason(text), note)
        return IntakeResult(result.code, Action.REFUSE, result.form_id, result.due_at)

    def _start_deadline(
        self, session: Session, dossier: Dossier, now: datetime, override: str | None
    ) -> Prepared:
        proc = session.get(Procedure, dossier.procedure_id)
        assert proc is not None
        due = self._calendar.due(
            now, Decimal(proc.processing_amount), proc.processing_unit, proc.cutoff
        )
        dossier.received_at, dossier.due_at, dossier.first_due_at = now, due, due
        dossier.log_book = f"{now.year:04d}"
        dossier.log_seq = next_log_seq(session, dossier.unit_code, dossier.log_book)
        step = StepData(
            due_at=due.isoformat(timespec="seconds"),
            competent_code=dossier.competent_code,
            competent_name=dossier.competent_name,
            override=override,
        )
        facts = {"log_book": dossier.log_book, "log_seq": dossier.log_seq}
        return Prepared(step, {**facts, "due_at": step.due_at})

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
        number = _postal_number(postal_number)
        if not (received_by or "").strip() and number is None:
            raise ServiceError(
                "Nhập người nhận hồ sơ hoặc số hiệu bưu gửi.",
                field="received_by",
                code="lifecycle.receiver_required",
            )

        def effects(session: Session, dossier: Dossier, now: datetime) -> Prepared:
            step = StepData(
                handed_by=nfc(handed_by or actor).strip(),
                received_by=nfc(received_by or "").strip() or None,
                from_unit=dossier.unit_code,
                to_unit=to_unit or dossier.competent_code,
                postal_number=number,
            )
            due = handover_due(self._calendar.calendar(), dossier.received_at)
            verdict = timeliness(now, due)
            facts = {"handover_due": due.isoformat(timespec="seconds"), "verdict": str(verdict)}
            return Prepared(step, facts)

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
        return self._run(code, Action.AGENCY_RECEIVED, actor, _fixed(step), note)

    def result_received(
        self, code: str, actor: str, *, handed_by: str | None = None, note: str | None = None
    ) -> StepResult:
        """The result is back at the counter: processing ends now (docs/domain.md#on-time)."""
        step = StepData(handed_by=handed_by, received_by=actor)
        return self._run(code, Action.RESULT_RECEIVED, actor, _fixed(step), note)

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
                raise SecondSupplement(
                    f"Hồ sơ {dossier.code} đã được yêu cầu bổ sung "
                    f"{dossier.supplement_requests} lần; yêu cầu thêm lần nữa thì hồ sơ bị tính "
                    "là trễ hạn.",
                    advice="Xác nhận nếu vẫn yêu cầu bổ sung.",
                )
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
        return self._run(code, Action.ASK_FINANCIAL, actor, _fixed(step), note)

    def financial_done(self, code: str, actor: str, note: str | None = None) -> StepResult:
        return self._run(code, Action.FINANCIAL_DONE, actor, _fixed(StepData()), note)

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
            facts = {  # Mẫu 04 states the reason and the new date
                "previous_due_at": old.isoformat(timespec="seconds"),
                "due_at": step.due_at,
                "reason": text,
            }
            return Prepared(step, facts)

        return self._run(code, Action.EXTEND, actor, effects, note)

    def appraisal_refused(
        self, code: str, actor: str, reason: str, note: str | None = None
    ) -> StepResult:
        """The agency refused after appraisal; its written reason is the result to hand back."""
        text = require_reason(Action.APPRAISAL_REFUSED, reason)
        return self._run(code, Action.APPRAISAL_REFUSED, actor, _with_reason(text), note)

    def stop(self, code: str, actor: str, reason: str, note: str | None = None) -> StepResult:
        """The agency stops processing (Mẫu 05)."""
        text = require_reason(Action.STOP, reason)
        return self._run(code, Action.STOP, actor, _with_reason(text), note)

    def withdraw(self, code: str, actor: str, reason: str, note: str | None = None) -> StepResult:
        """The applicant withdraws the dossier (status 7)."""
        text = require_reason(Action.WITHDRAW, reason)
        return self._run(code, Action.WITHDRAW, actor, _with_reason(text), note)

    # --- reading ---------------------------------------------------------------------------------

    def control_sheet(self, code: str) -> list[ControlRow]:
        """The Mẫu 06 rows of a dossier: each hand-over with its deadline and verdict."""
        with self._store.read() as session:
            dossier = dossier_for_update(session, code)
            events = session.scalars(
                select(DossierEvent)
                .where(DossierEvent.dossier_id == dossier.id)
                .order_by(DossierEvent.seq)
            ).all()
            facts = [EventFacts(e.seq, e.kind, e.at, e.actor, _step_of(e)) for e in events]
            calendar = self._calendar.calendar()
            return control_rows(calendar, dossier.received_at, dossier.first_due_at, facts)


def _step_of(event: DossierEvent) -> StepData:
    return read_step(orjson.loads(event.data_json) if event.data_json else None)


def _fixed(step: StepData) -> Effects:
    def effects(session: Session, dossier: Dossier, now: datetime) -> Prepared:
        return Prepared(step)

    return effects


def _with_reason(reason: str) -> Effects:
    """A step that records its reason and, when it ends a supplement pause, closes the pause."""

    def effects(session: Session, dossier: Dossier, now: datetime) -> Prepared:
        dossier.paused_at = None
        return Prepared(StepData(reason=reason), {"reason": reason})

    return effects


def _postal_number(value: str | None) -> str | None:
    """The stored form of a postal item number; an S10-shaped one must be a valid S10."""
    if not (value or "").strip():
        return None
    number = normalise_tracking_number(value or "")
    if is_s10_shaped(number):
        fault = s10_fault(number)
        if fault is not None:
            raise ServiceError(fault[1], field="postal_number", code=fault[0])
    return number


def _update_components(
    session: Session, dossier: Dossier, components: Sequence[ComponentInput]
) -> None:
    """The checklist as it is now: ticks updated by name, papers not listed before added."""
    rows = {
        c.name: c
        for c in session.scalars(
            select(DossierComponent).where(DossierComponent.dossier_id == dossier.id)
        )
    }
    for ordinal, component in enumerate(components, start=len(rows) + 1):
        row = rows.get(component.name)
        if row is None:
            session.add(
                DossierComponent(
                    dossier_id=dossier.id,
                    ordinal=ordinal,
                    name=component.name,
                    originals=component.originals,
                    copies=component.copies,
                    provided=component.provided,
                    required=component.required,
                )
            )
        else:
            row.provided, row.required = component.provided, component.required
