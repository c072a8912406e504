"""Intake at the counter: the three outcomes (received, papers asked for, refused), each one
transaction that writes the dossier, its first event, its outbox op and its form together
(docs/domain.md#intake-outcomes). Later steps are `services/lifecycle.py`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta
from typing import Any

import msgspec
from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.identifiers import normalise_id_number
from counter_app.domain.kinds import Channel
from counter_app.domain.roles import Permission
from counter_app.domain.vntime import now_vn
from counter_app.models.tables import Dossier
from counter_app.services.address_units import shipped_units
from counter_app.services.clock import check_clock
from counter_app.services.dto import IntakeRequest
from counter_app.services.intake import Created, DueFunction, store_new
from counter_app.services.intake_rules import (
    Creation,
    IntakeIncomplete,
    check_intake,
    intake_outcome,
    missing_required,
    normalised_request,
)
from counter_app.services.permissions import require_desk
from counter_app.services.postal import record_inbound
from counter_app.services.settings import get_setting
from counter_app.services.steps import (
    FormIssuer,
    IntakeResult,
    default_issuer,
    issue_step_form,
    require_supervisor,
)
from counter_app.services.store import Store
from counter_protocol.lifecycle import Action
from counter_protocol.timefmt import VN_TZ, to_vn


class DossierService:
    """Receive dossiers at the counter: complete, incomplete (Mẫu 02) or refused (Mẫu 03)."""

    def __init__(
        self,
        store: Store,
        due: DueFunction,
        clock: Callable[[], datetime] = now_vn,
        issuer: FormIssuer | None = None,
    ):
        self._store = store
        self._due = due
        self._clock = clock
        self._issuer = issuer if issuer is not None else default_issuer()

    def receive(self, request: IntakeRequest, *, clock_confirmed: bool = False) -> str:
        """Store a complete dossier (status 2) and return its code. IntakeIncomplete when a
        required paper is not ticked (nothing written); ClockSuspect when this PC's clock
        cannot be right and the clerk has not confirmed it."""
        missing = missing_required(request)
        if missing:
            raise IntakeIncomplete(missing)
        return self.intake(request, clock_confirmed=clock_confirmed).code

    def intake(
        self,
        request: IntakeRequest,
        *,
        refuse_reason: str | None = None,
        guidance: str | None = None,
        override: str | None = None,
        clock_confirmed: bool = False,
    ) -> IntakeResult:
        """Store a new dossier with the outcome its checklist decides and issue its form:
        received (Mẫu 01) when every required paper is ticked; papers asked for (Mẫu 02, no
        deadline yet) when one is missing, unless a supervisor receives it anyway with the
        reason `override`; refused (Mẫu 03) when `refuse_reason` is given."""
        request = normalised_request(request)  # checked in the form it is stored in
        creation = intake_outcome(request, refuse_reason, guidance)
        with self._store.write() as session:
            require_desk(session, request.clerk, Permission.RECEIVE)
            if creation.action == Action.ASK_PAPERS and override is not None:
                bent = require_supervisor(session, request.clerk, override)
                step = msgspec.structs.replace(creation.step, override=bent)
                creation = Creation(Action.RECEIVE, step)
            check_intake(request, receiving=creation.action == Action.RECEIVE)
            now = to_vn(self._clock())
            check_clock(session, now, confirmed=clock_confirmed)
            created = store_new(session, request, now, self._due, creation)
            sender = request.postal_sender
            if sender is not None and request.channel == Channel.POSTAL:  # who posted it
                record_inbound(session, shipped_units(), created.code, sender, request.clerk, now)
            form_id = self._issue(session, created, creation, request.clerk, now)
        missing = tuple(creation.step.missing)
        return IntakeResult(created.code, creation.action, form_id, created.due_at, missing)

    def same_day_intakes(self, id_number: str | None, procedure_code: str) -> list[str]:
        """Codes of the dossiers received lately for the same person's id number and the same
        procedure: a second one is most likely the same papers saved twice. "Lately" is the
        counter's setting `intake.duplicate_days`: Vietnam days with today counted (1: today
        only; 0: never ask) (docs/domain.md#likely-duplicates). Empty without an id number."""
        number = normalise_id_number(id_number or "")
        if not number:
            return []
        with self._store.read() as session:
            days = int(get_setting(session, "intake.duplicate_days"))
            if days < 1:
                return []
            first_day = to_vn(self._clock()).date() - timedelta(days=days - 1)
            since = datetime.combine(first_day, time(), tzinfo=VN_TZ)
            query = (
                select(Dossier.code)
                .where(Dossier.id_number == number, Dossier.procedure_code == procedure_code)
                .where(Dossier.received_at >= since)
                .order_by(Dossier.received_at)
            )
            return list(session.scalars(query))

    def _issue(
        self, session: Session, created: Created, creation: Creation, actor: str, now: datetime
    ) -> int | None:
        if self._issuer is None:
            return None
        dossier = session.get(Dossier, created.dossier_id)
        assert dossier is not None
        facts = _creation_facts(created, creation)
        return issue_step_form(
            session, dossier, creation.action, actor, now, 1, self._issuer, facts
        )


def _creation_facts(created: Created, creation: Creation) -> dict[str, Any]:
    """What the first form states beyond the dossier row: logbook numbers, the papers asked
    for and the guidance, the refusal's reason."""
    step = creation.step
    facts: dict[str, Any] = {"due_at": created.due_at.isoformat(timespec="seconds")}
    if created.log_seq is not None:
        facts.update(log_book=created.log_book, log_seq=created.log_seq)
    if step.missing:
        facts["missing"] = list(step.missing)
    if step.reason:
        facts["reason"] = step.reason
    if step.override:
        facts["override"] = step.override
    return facts
