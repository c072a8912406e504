"""An in-memory counter for the lifecycle screens: dossiers move by the shared state machine.

It stands in for the lifecycle, forms and conflicts services with their screens' Protocols: a
step is checked with `counter_protocol.lifecycle.next_state` (so a refused step fails as the real
one does), recorded as an event, and issues the form the real service issues.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from counter_app.domain.kinds import Channel, ResultDelivery
from counter_app.services.dto import ComponentInput, DossierDetail, EventView
from counter_devkit.intake import intake
from counter_protocol.lifecycle import Action, StepData, next_state, status_of, step_extra
from counter_protocol.statuses import SubState
from counter_protocol.timefmt import VN_TZ

CODE = "000.00.00.H27-260305-0001"
T0 = datetime(2026, 3, 5, 9, 30, tzinfo=VN_TZ)
FORM_OF_STEP = {Action.ASK_SUPPLEMENT: "02", Action.EXTEND: "04", Action.STOP: "05"}
FORM_OF_CREATION = {Action.RECEIVE: "01", Action.ASK_PAPERS: "02", Action.REFUSE: "03"}


@dataclass(frozen=True)
class Event(EventView):
    extra: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Form:
    form_id: int
    form_no: str
    title: str
    number: str | None
    issued_at: datetime
    issued_by: str
    prints: int = 0

    @property
    def issuer(self) -> str:
        return self.issued_by


@dataclass(frozen=True)
class Handover:
    label: str
    at: datetime
    handed_by: str
    received_by: str
    to_unit: str | None
    postal_number: str | None
    verdict: str | None = None


@dataclass(frozen=True)
class Printed:
    pdf: bytes


@dataclass(frozen=True)
class Conflict:
    id: int
    detected_at: datetime
    message: str
    seen_at: datetime | None = None
    note: tuple | None = None  # no marked note: shown as written


def a_detail(code: str = CODE, sub_state: SubState = SubState.RECEIVED) -> DossierDetail:
    request = intake()
    return DossierDetail(
        id=1,
        uuid="3f6c1c9e-0000-4000-8000-000000000001",
        code=code,
        unit_code="000.00.00.H27",
        procedure_code=request.procedure_code,
        procedure_name="Chứng thực bản sao từ bản chính",
        catalogue_version="2026.1",
        agency_name="UBND xã Thạch Hà",
        processing_text="Trong ngày",
        applicant=request.applicant,
        authorised_person=None,
        components=(ComponentInput("Bản chính giấy tờ", 1, 0, True),),
        channel=Channel.COUNTER,
        result_delivery=ResultDelivery.AT_COUNTER,
        delivery_address=None,
        status=int(status_of(sub_state)),
        sub_state=str(sub_state),
        received_at=T0,
        due_at=T0 + timedelta(days=3),
        returned_at=None,
        received_by="canbo",
        received_by_name="Nguyễn Thị Hồng Nhung",
        fees=(),
        note=None,
        sets_count=1,
        events=(Event(1, "received", T0, "canbo", None, 2, None, "counter"),),
    )


class FakeCounter:
    """details, lifecycle, forms and conflicts over a dict of dossiers."""

    def __init__(self, *details: DossierDetail) -> None:
        self.dossiers = {d.code: d for d in details} or {CODE: a_detail()}
        self.steps: list[tuple[str, Action, StepData, str]] = []
        self.issued: dict[str, list[Form]] = {}
        self.conflict_rows: list[Conflict] = []
        self.renders: list[tuple[str, int]] = []
        self.refusal: Exception | None = None
        self.clock = T0
        self.extensions_allowed = 1  # the lifecycle.extension_limit setting

    # details / lifecycle / forms / conflicts are all this object (app.Services has four).
    @property
    def details(self) -> FakeCounter:
        return self

    lifecycle = forms = conflicts = details

    def get(self, code: str) -> DossierDetail:
        return self.dossiers[code]

    # --- the LifecycleService's steps, each recorded as (code, action, StepData, actor) ----------

    def forward(
        self,
        code,
        actor,
        *,
        to_unit=None,
        received_by=None,
        handed_by=None,
        postal_number=None,
        note=None,
    ):
        data = StepData(
            to_unit=to_unit,
            received_by=received_by,
            handed_by=handed_by,
            postal_number=postal_number,
            reason=note,
        )
        return self.take_step(code, Action.FORWARD, data, actor=actor)

    def agency_received(self, code, actor, *, received_by, handed_by=None, note=None):
        data = StepData(received_by=received_by, handed_by=handed_by, reason=note)
        return self.take_step(code, Action.AGENCY_RECEIVED, data, actor=actor)

    def result_received(self, code, actor, *, handed_by=None, note=None):
        data = StepData(handed_by=handed_by, reason=note)
        return self.take_step(code, Action.RESULT_RECEIVED, data, actor=actor)

    def ask_supplement(self, code, actor, reason, missing=(), *, confirm_late=False, note=None):
        data = StepData(reason=reason, missing=list(missing), late_warning=confirm_late)
        return self.take_step(code, Action.ASK_SUPPLEMENT, data, actor=actor)

    def supplement_received(self, code, actor, note=None):
        return self.take_step(code, Action.SUPPLEMENT_RECEIVED, StepData(reason=note), actor=actor)

    def ask_financial(self, code, actor, reason=None, note=None):
        return self.take_step(code, Action.ASK_FINANCIAL, StepData(reason=reason), actor=actor)

    def financial_done(self, code, actor, note=None):
        return self.take_step(code, Action.FINANCIAL_DONE, StepData(reason=note), actor=actor)

    def extend(self, code, actor, reason, new_due, note=None):
        data = StepData(reason=reason, due_at=new_due.isoformat())
        return self.take_step(code, Action.EXTEND, data, actor=actor)

    def extension_limit(self) -> int:
        return self.extensions_allowed

    def appraisal_refused(self, code, actor, reason, note=None):
        return self.take_step(code, Action.APPRAISAL_REFUSED, StepData(reason=reason), actor=actor)

    def stop(self, code, actor, reason, note=None):
        return self.take_step(code, Action.STOP, StepData(reason=reason), actor=actor)

    def withdraw(self, code, actor, reason, note=None):
        return self.take_step(code, Action.WITHDRAW, StepData(reason=reason), actor=actor)

    def control_sheet(self, code: str) -> list[Handover]:
        handovers = (Action.FORWARD, Action.AGENCY_RECEIVED, Action.RESULT_RECEIVED)
        return [
            Handover(
                Action(e.kind).label,
                e.at,
                str(e.extra.get("handed_by") or e.actor),
                str(e.extra.get("received_by") or ""),
                e.extra.get("to_unit"),
                e.extra.get("postal_number"),
            )
            for e in self.dossiers[code].events
            if isinstance(e, Event) and e.kind in handovers
        ]

    def take_step(self, code: str, action: Action, data: StepData, *, actor: str) -> object:
        if self.refusal is not None:
            raise self.refusal
        dossier = self.dossiers[code]
        state = next_state(SubState(dossier.sub_state), action)
        self.clock += timedelta(minutes=5)
        seq = len(dossier.events) + 1
        event = Event(
            seq,
            action.value,
            self.clock,
            actor,
            None,
            int(status_of(state)),
            data.reason,
            "counter",
            extra=step_extra(data),
        )
        due = datetime.fromisoformat(data.due_at) if data.due_at else dossier.due_at
        self.dossiers[code] = replace(
            dossier,
            sub_state=str(state),
            status=int(status_of(state)),
            due_at=due,
            events=(*dossier.events, event),
        )
        self.steps.append((code, action, data, actor))
        if action in FORM_OF_STEP:
            self.issue(code, FORM_OF_STEP[action], actor)
        return None

    def issue(self, code: str, form_no: str, actor: str) -> Form:
        forms = self.issued.setdefault(code, [])
        form = Form(
            100 + sum(map(len, self.issued.values())),
            form_no,
            "",
            f"{len(forms) + 1}/HD",
            self.clock,
            actor,
        )
        forms.append(form)
        return form

    def forms_of(self, code: str) -> list[Form]:
        return list(self.issued.get(code, []))

    def preview(self, form_id: int) -> bytes:
        self.renders.append(("render", form_id))
        return b"%PDF-fake"

    def print_form(self, form_id: int, *, actor: str) -> Printed:
        self.renders.append(("reprint", form_id))
        return Printed(b"%PDF-fake")

    def list_conflicts(
        self, *, unseen_only: bool = False, dossier_code: str | None = None
    ) -> list[Conflict]:
        return [c for c in self.conflict_rows if not unseen_only or c.seen_at is None]

    def mark_seen(self, conflict_id: int, actor: str) -> object:
        self.conflict_rows = [
            replace(c, seen_at=self.clock) if c.id == conflict_id else c for c in self.conflict_rows
        ]
        return None
