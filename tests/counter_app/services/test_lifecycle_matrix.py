"""Every sub-state × every action, through the services on a real store: an allowed step writes
exactly one event and one outbox op and moves the dossier; a refused one writes nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from counter_app.services.steps import FORM_OF
from counter_protocol.errors import UserError
from counter_protocol.lifecycle import Action, LifecycleError, next_state, read_step, status_of
from counter_protocol.ops import CreateData, EventData, decode_op
from counter_protocol.statuses import SubState
from counter_protocol.timefmt import to_vn
from tests.counter_app.services.lifecycle_helpers import (
    CLERK,
    Counter,
    all_in_hand,
    make_counter,
    request,
    vn,
)

S = SubState


def _received(c: Counter) -> str:
    return c.dossiers.receive(request())


def _waiting(c: Counter) -> str:
    return c.dossiers.intake(request("Tờ khai theo mẫu")).code


def _then(first: Callable[[Counter], str], *steps: Callable[[Counter, str], object]):
    def build(c: Counter) -> str:
        code = first(c)
        for step in steps:
            step(c, code)
        return code

    return build


def _set_sub_state(state: SubState) -> Callable[[Counter, str], object]:
    # Drafts and dossiers awaiting a fee come from elsewhere (the portal); the counter never
    # creates them, so the test puts a waiting dossier in that state directly.
    return lambda c, code: c.rows_write(
        "update dossiers set sub_state = ? where code = ?", str(state), code
    )


def _later_working_day(c: Counter, code: str) -> datetime:
    due = to_vn(datetime.fromisoformat(c.dossier(code, "due_at")[0]))
    calendar = c.lifecycle._calendar.calendar()
    return datetime.combine(
        calendar.first_working_day_from((due + timedelta(days=7)).date()),
        due.time(),
        tzinfo=due.tzinfo,
    )


CALLS: dict[Action, Callable[[Counter, str], object]] = {
    Action.RECEIVE: lambda c, code: c.lifecycle.receive_supplemented(code, all_in_hand(), CLERK),
    Action.REFUSE: lambda c, code: c.lifecycle.refuse(code, CLERK, "Không đủ điều kiện"),
    Action.FORWARD: lambda c, code: c.lifecycle.forward(code, CLERK, received_by="Văn thư"),
    Action.AGENCY_RECEIVED: lambda c, code: c.lifecycle.agency_received(
        code, "chuyenvien", received_by="Chuyên viên"
    ),
    Action.ASK_SUPPLEMENT: lambda c, code: c.lifecycle.ask_supplement(
        code, "chuyenvien", "Thiếu giấy", ["Bản sao"], confirm_late=True
    ),
    Action.SUPPLEMENT_RECEIVED: lambda c, code: c.lifecycle.supplement_received(code, CLERK),
    Action.ASK_FINANCIAL: lambda c, code: c.lifecycle.ask_financial(code, CLERK, "Nộp thuế"),
    Action.FINANCIAL_DONE: lambda c, code: c.lifecycle.financial_done(code, CLERK),
    Action.EXTEND: lambda c, code: c.lifecycle.extend(
        code, CLERK, "Chờ xác minh", _later_working_day(c, code)
    ),
    Action.RESULT_RECEIVED: lambda c, code: c.lifecycle.result_received(code, CLERK),
    Action.APPRAISAL_REFUSED: lambda c, code: c.lifecycle.appraisal_refused(
        code, CLERK, "Không đủ điều kiện"
    ),
    Action.STOP: lambda c, code: c.lifecycle.stop(code, CLERK, "Có tranh chấp"),
    Action.WITHDRAW: lambda c, code: c.lifecycle.withdraw(code, CLERK, "Công dân xin rút"),
    Action.RETURN: lambda c, code: c.returns.return_result(
        code, "Nguyễn Thị Hồng Nhung", "042195123456", CLERK, True
    ),
}

STATES: dict[SubState, Callable[[Counter], str]] = {
    S.DRAFT: _then(_waiting, _set_sub_state(S.DRAFT)),
    S.AWAITING_PAPERS: _waiting,
    S.AWAITING_FEE: _then(_waiting, _set_sub_state(S.AWAITING_FEE)),
    S.RECEIVED: _received,
    S.IN_TRANSIT: _then(_received, CALLS[Action.FORWARD]),
    S.AT_AGENCY: _then(_received, CALLS[Action.FORWARD], CALLS[Action.AGENCY_RECEIVED]),
    S.SUPPLEMENT: _then(_received, CALLS[Action.ASK_SUPPLEMENT]),
    S.FINANCIAL: _then(_received, CALLS[Action.ASK_FINANCIAL]),
    S.REFUSED: lambda c: c.dossiers.intake(request(), refuse_reason="Không thuộc thẩm quyền").code,
    S.WITHDRAWN: _then(_received, CALLS[Action.WITHDRAW]),
    S.STOPPED: _then(_received, CALLS[Action.STOP]),
    S.RESULT_AT_COUNTER: _then(_received, CALLS[Action.RESULT_RECEIVED]),
    S.RETURNED: _then(_received, CALLS[Action.RESULT_RECEIVED], CALLS[Action.RETURN]),
}


def test_every_action_and_every_state_is_covered() -> None:
    assert set(STATES) == set(SubState)
    # A dossier is asked for papers only when it is created (DossierService.intake).
    assert set(Action) - set(CALLS) == {Action.ASK_PAPERS}


def _dossier_counts(c: Counter, code: str) -> tuple[int, int, int]:
    [(events, ops, forms)] = c.rows(
        "select (select count(*) from dossier_events where dossier_id = d.id), "
        "(select count(*) from outbox where dossier_uuid = d.uuid), "
        "(select count(*) from issued_forms where dossier_id = d.id) from dossiers d "
        "where d.code = ?",
        code,
    )
    return events, ops, forms


def _try(c: Counter, state: SubState, action: Action) -> None:
    code = STATES[state](c)
    assert c.dossier(code, "sub_state") == (str(state),)
    before, totals = _dossier_counts(c, code), c.counts()
    try:
        target = next_state(state, action)
    except LifecycleError:
        with pytest.raises(UserError):
            CALLS[action](c, code)
        assert c.counts() == totals, (state, action)
        assert c.dossier(code, "sub_state") == (str(state),)
        return
    CALLS[action](c, code)
    events, ops, forms = _dossier_counts(c, code)
    form = int(action in FORM_OF and c.lifecycle.issues_forms)
    assert (events, ops, forms) == (before[0] + 1, before[1] + 1, before[2] + form), action
    assert c.dossier(code, "status", "sub_state") == (int(status_of(target)), str(target))
    assert c.events(code)[-1][0] == str(action)


def _check_ops_decode(c: Counter) -> None:
    for (payload,) in c.rows("select payload from outbox_payloads order by device_seq"):
        op = decode_op(bytes(payload))
        event = op.data.event if isinstance(op.data, CreateData) else op.data
        assert isinstance(event, EventData)
        read_step(event.extra)  # every extra is a StepData


@pytest.mark.parametrize("state", list(SubState), ids=str)
def test_each_action_from_this_state_is_done_whole_or_not_at_all(
    services, data_dir: Path, state: SubState
) -> None:
    counter = make_counter(services, data_dir, vn(2026, 3, 10, 9, 0))
    for action in CALLS:
        _try(counter, state, action)
    _check_ops_decode(counter)
