"""A demo dossier walked along its lifecycle path as the lifecycle service moves one
(services/lifecycle.py, services/steps.py): each action's own effects on the dossier's columns
(deadline start, pause, re-appointment), then its event with typed step data
(`counter_protocol.lifecycle.StepData`), its new state, the end of processing, and the form the
step issues with the facts the service gives it. The rows are written in bulk by demo_rows.py.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import orjson

from counter_app.domain.calendar import WorkCalendar
from counter_app.domain.deadlines import handover_due, resume_after_pause, timeliness
from counter_app.services.demo_plan import DemoPath
from counter_app.services.steps import ENDING, FORM_OF
from counter_protocol.lifecycle import Action, StepData, next_state, status_of, step_extra
from counter_protocol.statuses import SubState

Row = dict[str, Any]
A = Action
HOUR = timedelta(hours=1)
PAPERS_WAIT = timedelta(days=4)  # how long an applicant takes to bring the missing papers
EXTENSION_HOURS = 5 * 8  # a re-appointment: five working days later
REASONS: dict[Action, tuple[str, ...]] = {
    A.ASK_PAPERS: ("Thiếu giấy tờ bắt buộc theo danh mục thành phần hồ sơ.",),
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


@dataclass
class DemoDossier:
    """A demo dossier's `dossiers` row (`values`), applicant and checklist, read by the form
    builders as they read a stored dossier; its events and the forms its steps issued."""

    values: Row
    applicant: Any  # the applicant's columns, by attribute
    components: list[Component]
    events: list[Event] = field(default_factory=list)
    forms: list[IssuedStep] = field(default_factory=list)

    def __getattr__(self, name: str) -> Any:  # a stored Dossier's columns, by attribute
        try:
            return self.__dict__["values"][name]
        except KeyError:
            raise AttributeError(name) from None


@dataclass(frozen=True)
class Event:
    """One step of a dossier's history: its `dossier_events` row and the extra it records."""

    row: Row
    extra: dict[str, Any] | None


@dataclass(frozen=True)
class IssuedStep:
    """A form a step issued: its kind, when, with which event, from which facts; `data` is
    the form's plain data, drawn from the dossier as it stood after the step."""

    form_no: str
    at: datetime
    event_seq: int
    data: Any


@dataclass(frozen=True)
class Prepared:
    """An action's step data and the facts its form is issued with (as the service's)."""

    step: StepData
    facts: dict[str, Any] = field(default_factory=dict)


FormDrawer = Callable[[DemoDossier, str, datetime, str, dict[str, Any]], Any]


class DossierWalk:
    """Moves one dossier along one path; `log_seq(book)` numbers the logbook, `draw` builds a
    step's form data from the dossier as it stands then."""

    def __init__(
        self,
        calendar: WorkCalendar,
        rng: random.Random,
        now: datetime,
        log_seq: Callable[[str], int],
        draw: FormDrawer,
    ) -> None:
        self.calendar, self.rng, self.now = calendar, rng, now
        self.log_seq, self.draw = log_seq, draw
        self._in_hours = calendar.next_working_instant

    def walk(self, dossier: DemoDossier, path: DemoPath, started: datetime, due: Due) -> None:
        state: SubState | None = None
        at = started
        for index, action in enumerate(path.actions):
            if index:
                at = self._next_time(dossier, state, at, len(path.actions) - index)
            state = self.take(dossier, state, action, at, due)

    def take(
        self, d: DemoDossier, state: SubState | None, action: Action, at: datetime, due: Due
    ) -> SubState:
        """The action's effects, then its event, state, end of processing and form (the order
        of `services.steps.apply_step`)."""
        target = next_state(state, action)
        prepared = self._effects(d, state, action, at, due)
        seq, extra = len(d.events) + 1, step_extra(prepared.step)
        status = int(status_of(target))
        from_status = d.values["status"] if state is not None else None
        d.events.append(Event(_event_row(seq, action, at, d, from_status, status, extra), extra))
        d.values.update(status=status, sub_state=str(target), last_event_seq=seq)
        if action in ENDING:
            d.values["ended_at"] = at
        if action == A.RETURN:
            d.values["returned_at"] = at
        if action in FORM_OF:
            form_no, actor = FORM_OF[action], d.values["received_by"]
            data = self.draw(d, form_no, at, actor, prepared.facts)
            d.forms.append(IssuedStep(form_no, at, seq, data))
        return target

    def _next_time(
        self, d: DemoDossier, state: SubState | None, previous: datetime, steps_left: int
    ) -> datetime:
        """Spread over what is left of the time to the appointment (a few days for papers at
        the counter), inside working hours, never after now."""
        if state == SubState.AWAITING_PAPERS:
            horizon = previous + PAPERS_WAIT
        else:
            horizon = max(d.values["due_at"], previous + HOUR)
        end = min(horizon, self.now)
        moment = previous + (end - previous) / (steps_left + 1)
        return min(max(self._working(moment), previous), self.now)

    def _working(self, moment: datetime) -> datetime:
        opening = self._in_hours(moment)
        if opening == moment:
            return moment
        return self._in_hours(opening + timedelta(seconds=self.rng.randrange(4 * 3600)))

    def _effects(
        self, d: DemoDossier, state: SubState | None, action: Action, at: datetime, due: Due
    ) -> Prepared:
        if action == A.RECEIVE:
            return self._receive(d, state, at, due)
        if action == A.ASK_PAPERS:
            return self._ask_papers(d)
        if action == A.FORWARD:
            return self._forward(d, at)
        if action == A.AGENCY_RECEIVED:
            return Prepared(StepData(received_by=self.rng.choice(AGENCY_CLERKS)))
        if action == A.RESULT_RECEIVED:
            return Prepared(StepData(received_by=d.values["received_by"]))
        if action in (A.ASK_SUPPLEMENT, A.SUPPLEMENT_RECEIVED):
            return self._supplement(d, action, at)
        if action == A.EXTEND:
            return self._extend(d)
        if action == A.RETURN:
            return Prepared(StepData(**d.values.pop("_return_extra")))
        if action in REASONS and action != A.ASK_FINANCIAL:  # refuse, stop, withdraw…
            return self._with_reason(d, action)
        return Prepared(StepData(reason=REASONS[action][0]) if action in REASONS else StepData())

    def _receive(self, d: DemoDossier, state: SubState | None, at: datetime, due: Due) -> Prepared:
        """The deadline starts: at the first contact, or when the papers were brought."""
        v = d.values
        if state is not None:  # received later, under the code the dossier already has
            v.update(received_at=at, due_at=due(at))
            for component in d.components:
                component.provided = True
        v["first_due_at"] = v["due_at"]
        v["log_book"] = f"{at.year:04d}"
        v["log_seq"] = self.log_seq(v["log_book"])
        step = StepData(
            due_at=v["due_at"].isoformat(timespec="seconds"),
            competent_code=v["competent_code"],
            competent_name=v["competent_name"],
        )
        return Prepared(step, {"log_book": v["log_book"], "log_seq": v["log_seq"]})

    def _ask_papers(self, d: DemoDossier) -> Prepared:
        """One or two papers of the checklist are missing: Mẫu 02 lists them."""
        papers = d.components[: self.rng.choice((1, 2))]
        for component in papers:
            component.provided = False
        missing = [c.name for c in papers]
        reason = REASONS[A.ASK_PAPERS][0]
        return Prepared(StepData(missing=missing), {"missing": missing, "reason": reason})

    def _forward(self, d: DemoDossier, at: datetime) -> Prepared:
        v = d.values
        step = StepData(
            handed_by=v["received_by"],
            received_by=self.rng.choice(AGENCY_CLERKS),
            from_unit=v["unit_code"],
            to_unit=v["competent_code"],
        )
        deadline = handover_due(self.calendar, v["received_at"])
        verdict = timeliness(at, deadline)
        facts = {
            "handover_due": deadline.isoformat(timespec="seconds"),
            "verdict": str(verdict),
            "received_by": step.received_by,
            "to_unit": v["competent_name"],
        }
        return Prepared(step, facts)

    def _supplement(self, d: DemoDossier, action: Action, at: datetime) -> Prepared:
        v = d.values
        if action == A.ASK_SUPPLEMENT:
            late = v["supplement_requests"] >= 1
            v["paused_at"], v["supplement_requests"] = at, v["supplement_requests"] + 1
            missing = [d.components[-1].name]
            reason = REASONS[action][0]
            return Prepared(StepData(reason=reason, missing=missing, late_warning=late))
        resumed = resume_after_pause(self.calendar, v["due_at"], v["paused_at"] or at, at)
        v["due_at"], v["paused_at"] = resumed.due_at, None
        step = StepData(
            due_at=resumed.due_at.isoformat(timespec="seconds"),
            paused_hours=str(resumed.paused_hours),
        )
        return Prepared(step)

    def _extend(self, d: DemoDossier) -> Prepared:
        """A new date five working days after the current one (allowed once)."""
        v = d.values
        old = v["due_at"]
        new = self.calendar.add_working_hours(old, EXTENSION_HOURS)
        v["due_at"], v["extensions"] = new, v["extensions"] + 1
        reason = REASONS[A.EXTEND][0]
        step = StepData(reason=reason, due_at=new.isoformat(timespec="seconds"))
        return Prepared(step, {"previous_due_at": old.isoformat(timespec="seconds")})

    def _with_reason(self, d: DemoDossier, action: Action) -> Prepared:
        d.values["paused_at"] = None
        reason = self.rng.choice(REASONS[action])
        return Prepared(StepData(reason=reason), {"reason": reason})


Due = Callable[[datetime], datetime]


def _event_row(
    seq: int,
    action: Action,
    at: datetime,
    d: DemoDossier,
    from_status: int | None,
    to_status: int,
    extra: dict[str, Any],
) -> Row:
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
