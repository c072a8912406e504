"""A demo dossier walked along its lifecycle path as the counter's services move one: intake's
outcome first (services/intake.py, services/dossiers.py), then each later action as
`LifecycleService` takes it (services/lifecycle.py): the action's own effects on the dossier's
columns (deadline start, pause, re-appointment), its event with typed step data
(`counter_protocol.lifecycle.StepData`), its new state, the end of processing, and the form the
step issues with the facts the service gives it. demo_rows.py writes the rows in bulk.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

import orjson

from counter_app.domain.calendar import WorkCalendar
from counter_app.domain.deadlines import (
    EventFacts,
    control_rows,
    handover_due,
    resume_after_pause,
    timeliness,
)
from counter_app.services.demo_plan import DemoPath
from counter_app.services.people import named_control_rows
from counter_app.services.steps import ENDING, FORM_OF, LATER_HANDOVERS
from counter_protocol.lifecycle import (
    Action,
    StepData,
    next_state,
    read_step,
    status_of,
    step_extra,
)
from counter_protocol.statuses import SubState

Row = dict[str, Any]
A = Action
HOUR = timedelta(hours=1)
PAPERS_WAIT = timedelta(days=4)  # how long an applicant takes to bring the missing papers
EXTENSION_HOURS = Decimal(5 * 8)  # a re-appointment: five working days after the current date
REASONS: dict[Action, tuple[str, ...]] = {
    A.ASK_PAPERS: ("Bổ sung bản chính giấy tờ còn thiếu theo danh mục thành phần hồ sơ.",),
    A.REFUSE: (
        "Thủ tục không thuộc thẩm quyền giải quyết của cơ quan.",
        "Người nộp không đủ điều kiện theo quy định của thủ tục.",
    ),
    A.ASK_SUPPLEMENT: ("Cần bổ sung giấy tờ để thẩm định hồ sơ.",),
    A.ASK_FINANCIAL: ("Nộp lệ phí theo thông báo của cơ quan thuế.",),
    A.EXTEND: ("Cần thêm thời gian xác minh, lấy ý kiến cơ quan liên quan.",),
    A.APPRAISAL_REFUSED: ("Kết quả thẩm định: hồ sơ không đủ điều kiện giải quyết.",),
    A.STOP: ("Người nộp không bổ sung hồ sơ theo yêu cầu trong thời hạn.",),
    A.WITHDRAW: ("Công dân đề nghị rút hồ sơ.",),
}
AGENCY_CLERKS = ("Nguyễn Văn Hùng", "Trần Thị Mai", "Lê Quang Vinh")


@dataclass
class Component:
    """A paper of the checklist, as its `dossier_components` row (the forms read these)."""

    name: str
    originals: int
    copies: int
    provided: bool
    required: bool


@dataclass(frozen=True)
class Event:
    """One step of a dossier's history: its `dossier_events` row and the extra it records."""

    row: Row
    extra: Row  # the step data as stored (`step_extra`)


@dataclass(frozen=True)
class IssuedStep:
    """A form a step issued, drawn from the dossier as it stood after the step."""

    form_no: str
    at: datetime
    event_seq: int
    drawn: Any


@dataclass
class DemoDossier:
    """A demo dossier's `dossiers` row (`values`), applicant and checklist, which the form
    builders read as they read a stored dossier; its events and the forms its steps issued."""

    values: Row
    applicant: Any  # the `applicants` row, by attribute
    components: list[Component]
    return_step: StepData  # who takes the result, what is paid then (ReturnService's)
    events: list[Event] = field(default_factory=list)
    forms: list[IssuedStep] = field(default_factory=list)
    created: Row | None = None  # the row as intake wrote it (the create op's data)

    def __getattr__(self, name: str) -> Any:  # a stored Dossier's columns, by attribute
        try:
            return self.__dict__["values"][name]
        except KeyError:
            raise AttributeError(name) from None


@dataclass(frozen=True)
class Prepared:
    """An action's step data and the facts its form is issued with (as the service's)."""

    step: StepData
    facts: Row = field(default_factory=dict)


Due = Callable[[datetime], datetime]  # the appointment of a dossier received at that instant
FormDrawer = Callable[[DemoDossier, str, datetime, str, Row], Any]


class DossierWalk:
    """Moves demo dossiers along their paths; `log_seq(book)` numbers the logbook, `draw`
    builds a step's form data (None: the steps issue no forms), `unit_name(code)` names a unit
    as the store knows it."""

    def __init__(
        self,
        calendar: WorkCalendar,
        rng: random.Random,
        now: datetime,
        log_seq: Callable[[str], int],
        draw: FormDrawer | None,
        unit_name: Callable[[str], str],
        person_name: Callable[[str], str] = str,
    ) -> None:
        self.calendar, self.rng, self.now = calendar, rng, now
        self.log_seq, self.draw, self.unit_name = log_seq, draw, unit_name
        self.person_name = person_name
        self._in_hours = calendar.next_working_instant

    def walk(self, d: DemoDossier, path: DemoPath, started: datetime, due: Due) -> None:
        state: SubState | None = None
        at = started
        for index, action in enumerate(path.actions):
            if index:
                at = self._next_time(d, state, at, len(path.actions) - index)
            state = self.take(d, state, action, at, due)
            if index == 0:
                d.created = dict(d.values)

    def take(
        self, d: DemoDossier, state: SubState | None, action: Action, at: datetime, due: Due
    ) -> SubState:
        """The action's effects, then its event, state, end of processing and form (the order
        of `services.steps.apply_step`)."""
        target = next_state(state, action)
        prepared = self._effects(d, state, action, at, due)
        seq, status = len(d.events) + 1, int(status_of(target))
        from_status = d.values["status"] if state is not None else None
        extra = step_extra(prepared.step)
        facts = self._form_facts(d, state, action, extra, prepared.facts)
        d.events.append(Event(_event_row(seq, action, at, d, from_status, status, extra), extra))
        d.values.update(status=status, sub_state=str(target), last_event_seq=seq)
        if action in ENDING:
            d.values["ended_at"] = at
        if action == A.RETURN:
            d.values["returned_at"] = at
        if action in FORM_OF and self.draw is not None:
            drawn = self.draw(d, FORM_OF[action], at, d.values["received_by"], facts)
            d.forms.append(IssuedStep(FORM_OF[action], at, seq, drawn))
        # The store keeps whole seconds: the next step reads the date back as stored.
        d.values["due_at"] = d.values["due_at"].replace(microsecond=0)
        return target

    def _form_facts(
        self, d: DemoDossier, state: SubState | None, action: Action, extra: Row, facts: Row
    ) -> Row:
        """What the step's form is issued with: at intake the outcome's facts; later what the
        event records plus the step's own facts, and for a later hand-over the rows so far."""
        if state is None or action not in FORM_OF:
            return facts
        facts = {**extra, **facts}
        if action in LATER_HANDOVERS:
            facts["rows"] = self._sheet_rows(d)
        return facts

    def _sheet_rows(self, d: DemoDossier) -> list[Row]:
        """The control sheet's rows so far (`LifecycleService._sheet_rows`)."""
        v = d.values
        events = [
            EventFacts(e.row["seq"], e.row["kind"], e.row["at"], e.row["actor"], read_step(e.extra))
            for e in d.events
        ]
        return [
            {
                "at": row.at.isoformat(timespec="seconds"),
                "handed_by": row.handed_by,
                "received_by": row.received_by,
                "postal_number": row.postal_number,
                "from_unit": self.unit_name(row.from_unit) if row.from_unit else None,
                "to_unit": self._agency_name(d, row.to_unit) if row.to_unit else None,
                "note": row.label,
            }
            for row in named_control_rows(
                control_rows(self.calendar, v["received_at"], v["first_due_at"], events),
                self.person_name,
            )
        ]

    def _agency_name(self, d: DemoDossier, code: str | None) -> str | None:
        """The receiving side's name on the control sheet (as the lifecycle service names it)."""
        competent_code, competent_name = d.values["competent_code"], d.values["competent_name"]
        if not code:
            return str(competent_name) if competent_name else None
        name = self.unit_name(code)
        if name == code and code == competent_code and competent_name:
            return str(competent_name)
        return name

    def _next_time(
        self, d: DemoDossier, state: SubState | None, previous: datetime, steps_left: int
    ) -> datetime:
        """Spread over what is left of the time to the appointment (a few days for papers at
        the counter), inside working hours, never after now."""
        if state == SubState.AWAITING_PAPERS:
            horizon = previous + PAPERS_WAIT
        else:
            horizon = max(d.values["due_at"], previous + HOUR)
        moment = previous + (min(horizon, self.now) - previous) / (steps_left + 1)
        opening = self._in_hours(moment)
        if opening != moment:  # closed then: some time in the next opening hours
            opening = self._in_hours(opening + timedelta(seconds=self.rng.randrange(4 * 3600)))
        return min(max(opening.replace(microsecond=0), previous), self.now)  # stored to the second

    def _effects(
        self, d: DemoDossier, state: SubState | None, action: Action, at: datetime, due: Due
    ) -> Prepared:
        if action == A.RECEIVE:
            return self._receive(d, state, at, due)
        if state is None:  # intake's other outcomes: papers asked for, refused
            return self._created(d, action)
        special = _SPECIAL.get(action)
        if special is not None:
            return special(self, d, at)
        if action in (A.APPRAISAL_REFUSED, A.STOP, A.WITHDRAW, A.REFUSE):
            d.values["paused_at"] = None  # `_with_reason`: a pause ends with the dossier
            reason = self.rng.choice(REASONS[action])
            return Prepared(StepData(reason=reason), {"reason": reason})
        if action == A.ASK_FINANCIAL:
            return Prepared(StepData(reason=REASONS[action][0]))
        if action == A.RETURN:
            return Prepared(d.return_step)
        return Prepared(StepData())  # FINANCIAL_DONE

    def _receive(self, d: DemoDossier, state: SubState | None, at: datetime, due: Due) -> Prepared:
        """The deadline starts: at intake, or when the papers were brought (`_start_deadline`)."""
        v = d.values
        if state is not None:  # received later, under the code the dossier already has
            v.update(received_at=at, due_at=due(at))
            for component in d.components:
                component.provided = True
        v.update(first_due_at=v["due_at"], log_book=f"{at.year:04d}")
        v["log_seq"] = self.log_seq(v["log_book"])
        due_text = v["due_at"].isoformat(timespec="seconds")
        step = StepData(
            due_at=due_text, competent_code=v["competent_code"], competent_name=v["competent_name"]
        )
        return Prepared(
            step, {"due_at": due_text, "log_book": v["log_book"], "log_seq": v["log_seq"]}
        )

    def _created(self, d: DemoDossier, action: Action) -> Prepared:
        """Papers asked for (one or two missing, Mẫu 02) or refused (Mẫu 03) at intake."""
        facts: Row = {"due_at": d.values["due_at"].isoformat(timespec="seconds")}
        decider = {k: d.values[k] for k in ("competent_code", "competent_name")}  # as intake
        if action == A.REFUSE:
            d.values["ended_at"] = d.values["received_at"]
            reason = self.rng.choice(REASONS[action])
            return Prepared(StepData(reason=reason, **decider), {**facts, "reason": reason})
        papers = d.components[: self.rng.choice((1, 2))]
        for component in papers:
            component.provided = False
        missing, guidance = [c.name for c in papers], REASONS[action][0]
        step = StepData(missing=missing, reason=guidance, **decider)
        return Prepared(step, {**facts, "missing": missing, "reason": guidance})

    def _forward(self, d: DemoDossier, at: datetime) -> Prepared:
        v = d.values
        step = StepData(
            handed_by=v["received_by"],
            received_by=self.rng.choice(AGENCY_CLERKS),
            from_unit=v["unit_code"],
            to_unit=v["competent_code"],
        )
        deadline = handover_due(self.calendar, v["received_at"])
        facts = {
            "from_unit": self.unit_name(v["unit_code"]),
            "to_unit": self._agency_name(d, step.to_unit),
            "handover_due": deadline.isoformat(timespec="seconds"),
            "verdict": str(timeliness(at, deadline)),
        }
        return Prepared(step, facts)

    def _agency_received(self, d: DemoDossier, at: datetime) -> Prepared:
        return Prepared(StepData(received_by=self.rng.choice(AGENCY_CLERKS)))

    def _result_received(self, d: DemoDossier, at: datetime) -> Prepared:
        return Prepared(StepData(received_by=d.values["received_by"]))

    def _ask_supplement(self, d: DemoDossier, at: datetime) -> Prepared:
        """The clock pauses; a second request is confirmed as late (`confirm_late`)."""
        v = d.values
        late = v["supplement_requests"] >= 1
        v["paused_at"], v["supplement_requests"] = at, v["supplement_requests"] + 1
        step = StepData(
            reason=REASONS[A.ASK_SUPPLEMENT][0], missing=[d.components[-1].name], late_warning=late
        )
        return Prepared(step)

    def _supplement_received(self, d: DemoDossier, at: datetime) -> Prepared:
        v = d.values
        resumed = resume_after_pause(self.calendar, v["due_at"], v["paused_at"] or at, at)
        v["due_at"], v["paused_at"] = resumed.due_at, None
        step = StepData(
            due_at=resumed.due_at.isoformat(timespec="seconds"),
            paused_hours=str(resumed.paused_hours),
        )
        return Prepared(step)

    def _extend(self, d: DemoDossier, at: datetime) -> Prepared:
        """A new date five working days after the current one (allowed once)."""
        v = d.values
        old, new = v["due_at"], self.calendar.add_working_hours(v["due_at"], EXTENSION_HOURS)
        v["due_at"], v["extensions"] = new, v["extensions"] + 1
        step = StepData(reason=REASONS[A.EXTEND][0], due_at=new.isoformat(timespec="seconds"))
        return Prepared(step, {"original_due_at": old.isoformat(timespec="seconds")})


_SPECIAL: dict[Action, Callable[[DossierWalk, DemoDossier, datetime], Prepared]] = {
    A.FORWARD: DossierWalk._forward,
    A.AGENCY_RECEIVED: DossierWalk._agency_received,
    A.RESULT_RECEIVED: DossierWalk._result_received,
    A.ASK_SUPPLEMENT: DossierWalk._ask_supplement,
    A.SUPPLEMENT_RECEIVED: DossierWalk._supplement_received,
    A.EXTEND: DossierWalk._extend,
}


def _event_row(
    seq: int,
    action: Action,
    at: datetime,
    d: DemoDossier,
    from_status: int | None,
    to_status: int,
    extra: Row,
) -> Row:
    """The `dossier_events` row, but its id."""
    return {
        "dossier_id": d.values["id"],
        "seq": seq,
        "kind": str(action),
        "at": at,
        "actor": d.values["received_by"],
        "from_status": from_status,
        "to_status": to_status,
        "note": None,
        "data_json": orjson.dumps(extra).decode() if extra else None,
        "origin": "counter",
    }
