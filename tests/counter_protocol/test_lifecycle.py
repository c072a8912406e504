"""The lifecycle machine: every (state, action) pair is either allowed or refused, and the national
statuses it moves between are a pair the national rules allow."""

from __future__ import annotations

import pytest

from counter_protocol.lifecycle import (
    CREATION,
    STEPS,
    Action,
    LifecycleError,
    allowed_actions,
    next_state,
    province_sub_state,
    status_of,
)
from counter_protocol.statuses import ALLOWED_TRANSITIONS, Status, SubState

PAIRS = [(state, action) for state in SubState for action in Action]


@pytest.mark.parametrize(("state", "action"), PAIRS, ids=[f"{s}-{a}" for s, a in PAIRS])
def test_every_pair_is_allowed_or_refused_with_a_vietnamese_message(
    state: SubState, action: Action
) -> None:
    if state in STEPS[action].sources:
        target = next_state(state, action)
        before, after = status_of(state), status_of(target)
        assert after == before or after in ALLOWED_TRANSITIONS[before]
        assert action in allowed_actions(state)
    else:
        with pytest.raises(LifecycleError) as refused:
            next_state(state, action)
        assert action.label in str(refused.value)
        assert refused.value.code == "lifecycle.not_allowed"
        assert action not in allowed_actions(state)


def test_a_dossier_starts_received_waiting_for_papers_or_refused() -> None:
    assert {a: next_state(None, a) for a in CREATION} == {
        Action.RECEIVE: SubState.RECEIVED,
        Action.ASK_PAPERS: SubState.AWAITING_PAPERS,
        Action.REFUSE: SubState.REFUSED,
    }
    for action in set(Action) - set(CREATION):
        with pytest.raises(LifecycleError):
            next_state(None, action)


def test_extension_keeps_the_state_and_closed_dossiers_take_no_action() -> None:
    assert next_state(SubState.AT_AGENCY, Action.EXTEND) == SubState.AT_AGENCY
    for closed in (SubState.REFUSED, SubState.WITHDRAWN, SubState.STOPPED, SubState.RETURNED):
        assert allowed_actions(closed) == ()


def test_the_whole_happy_path_with_a_supplement_pause() -> None:
    state = next_state(None, Action.ASK_PAPERS)
    path = [
        Action.RECEIVE,
        Action.FORWARD,
        Action.AGENCY_RECEIVED,
        Action.ASK_SUPPLEMENT,
        Action.SUPPLEMENT_RECEIVED,
        Action.EXTEND,
        Action.RESULT_RECEIVED,
        Action.RETURN,
    ]
    statuses = [status_of(state)]
    for action in path:
        state = next_state(state, action)
        statuses.append(status_of(state))
    assert statuses == [1, 2, 4, 4, 5, 4, 4, 9, 10]


def test_each_national_status_means_a_state_that_maps_back_to_it() -> None:
    for status in Status:
        assert status_of(province_sub_state(status)) == status
