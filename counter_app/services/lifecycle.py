"""The counter's lifecycle use cases: one method per action, each one transaction
(docs/domain.md#lifecycle). Intake's three outcomes are `DossierService.intake`; a dossier waiting
for papers is received or refused here, under the code it already has."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

import msgspec
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
from counter_app.models.tables import Dossier, DossierEvent, Procedure
from counter_app.services.calendar import CalendarService
from counter_app.services.codes import next_log_seq
from counter_app.services.details import unit_name
from counter_app.services.dto import ComponentInput
from counter_app.services.errors import ServiceError
from counter_app.services.people import named_control_rows, person_name
from counter_app.services.settings import get_setting
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
from counter_protocol.lifecycle import Action, StepData, read_step
from counter_protocol.texts import QT_TRANSLATE_NOOP
from counter_protocol.timefmt import to_vn

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
                facts = {**facts, "rows": self._sheet_rows(session, dossier)}
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
        effects = self._handover_effects(step)
        return self._run(code, Action.FORWARD, actor, effects, note)

    def _handover_effects(self, given: StepData) -> Effects:
        """The hand-over's units (codes on the event, names on Mẫu 06) and its verdict against
        the paper deadline."""

        def effects(session: Session, dossier: Dossier, now: datetime) -> Prepared:
            to_unit = given.to_unit or dossier.competent_code
            step = msgspec.structs.replace(given, from_unit=dossier.unit_code, to_unit=to_unit)
            due = handover_due(self._calendar.calendar(), dossier.received_at)
            facts = {
                "from_unit": unit_name(session, dossier.unit_code),
                "to_unit": _agency_name(session, dossier, to_unit),
                "handover_due": due.isoformat(timespec="seconds"),
                "verdict": str(timeliness(now, due)),
            }
            return Prepared(step, facts)

        return effects

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
        """The result is back at the counter: processing ends now (docs/domain.md#timeliness)."""
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
            facts = {"original_due_at": old.isoformat(timespec="seconds")}
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

    def extension_limit(self) -> int:
        """How many re-appointments (Mẫu 04) a dossier may have (setting; once by default)."""
        with self._store.read() as session:
            return int(get_setting(session, "lifecycle.extension_limit"))

    def control_sheet(self, code: str) -> list[ControlRow]:
        """The Mẫu 06 rows of a dossier: each hand-over with its deadline and verdict."""
        with self._store.read() as session:
            return self._control_rows(session, dossier_for_update(session, code))

    def _control_rows(self, session: Session, dossier: Dossier) -> list[ControlRow]:
        events = session.scalars(
            select(DossierEvent)
            .where(DossierEvent.dossier_id == dossier.id)
            .order_by(DossierEvent.seq)
        ).all()
        facts = [EventFacts(e.seq, e.kind, e.at, e.actor, _step_of(e)) for e in events]
        calendar = self._calendar.calendar()
        rows = control_rows(calendar, dossier.received_at, dossier.first_due_at, facts)
        return named_control_rows(rows, lambda who: person_name(session, who))

    def _sheet_rows(self, session: Session, dossier: Dossier) -> list[dict[str, Any]]:
        """The rows so far as the control sheet's facts (units by name, times as text)."""
        return [
            {
                "at": row.at.isoformat(timespec="seconds"),
                "handed_by": row.handed_by,
                "received_by": row.received_by,
                "postal_number": row.postal_number,
                "from_unit": unit_name(session, row.from_unit) if row.from_unit else None,
                "to_unit": _agency_name(session, dossier, row.to_unit) if row.to_unit else None,
                "note": row.label,
            }
            for row in self._control_rows(session, dossier)
        ]


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


def _agency_name(session: Session, dossier: Dossier, code: str | None) -> str | None:
    """What the control sheet prints for the receiving side: a unit's name when it is known."""
    if not code:
        return dossier.competent_name
    name = unit_name(session, code)
    if name == code and code == dossier.competent_code and dossier.competent_name:
        return dossier.competent_name
    return name
