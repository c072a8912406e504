"""The monthly work counts: what each event and record counts for, and the properties that make
the province's figure the sum of its counters' figures."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_protocol.lifecycle import Action
from counter_protocol.timefmt import VN_TZ
from counter_protocol.workload import (
    TASKS,
    Task,
    WorkEvent,
    WorkHelp,
    WorkKey,
    event_tasks,
    month_of,
    month_rows,
    month_span,
    tally,
)

ZONES = st.sampled_from([UTC, VN_TZ])
MOMENTS = st.datetimes(
    min_value=datetime(2025, 1, 1), max_value=datetime(2027, 12, 31), timezones=ZONES
)
KINDS = st.sampled_from([str(a) for a in Action])
EVENTS = st.builds(
    WorkEvent,
    unit_code=st.sampled_from(["000.00.01.H27", "000.00.02.H27"]),
    actor=st.sampled_from(["lan", "minh", "hoa"]),
    at=MOMENTS,
    kind=KINDS,
    channel=st.sampled_from([1, 2, 3]),
    at_home=st.booleans(),
    postal_number=st.one_of(st.none(), st.just(""), st.just("EB123456785VN")),
)
HELPS = st.builds(
    WorkHelp,
    unit_code=st.sampled_from(["000.00.01.H27", "000.00.02.H27"]),
    clerk=st.sampled_from(["lan", "minh"]),
    helped_at=MOMENTS,
)


def test_each_kind_of_work_counts_for_its_tasks() -> None:
    assert event_tasks("received", 1) == {Task.RECEIVED}
    assert event_tasks("received", 3) == {Task.RECEIVED, Task.BY_POST}
    assert event_tasks("received", 1, at_home=True) == {Task.RECEIVED, Task.AT_HOME}
    assert event_tasks("returned", 1) == {Task.RETURNED}
    assert event_tasks("returned", 1, postal_number="EB123456785VN") == {
        Task.RETURNED,
        Task.BY_POST,
    }
    # A result handed over at the counter is not postal work, even for a dossier posted in.
    assert event_tasks("returned", 3) == {Task.RETURNED}


@pytest.mark.parametrize("kind", ["refused", "papers_asked", "forwarded", "supplement_received"])
def test_a_refusal_a_request_for_papers_or_a_processing_step_counts_for_nothing(
    kind: str,
) -> None:
    assert event_tasks(kind, 3, at_home=True, postal_number="EB123456785VN") == frozenset()


@given(kind=KINDS, channel=st.integers(1, 3), home=st.booleans(), post=st.booleans())
def test_only_receipts_and_returns_count(kind: str, channel: int, home: bool, post: bool) -> None:
    tasks = event_tasks(kind, channel, home, "EB123456785VN" if post else None)
    if kind not in ("received", "returned"):
        assert not tasks
    else:
        assert (Task.RECEIVED in tasks) == (kind == "received")
        assert (Task.RETURNED in tasks) == (kind == "returned")
        assert Task.ONLINE_HELP not in tasks
        assert (Task.AT_HOME in tasks) == (kind == "received" and home)


@given(moment=MOMENTS)
def test_the_month_is_the_vietnam_month_and_its_span_holds_the_moment(moment: datetime) -> None:
    month = month_of(moment)
    start, end = month_span(month)
    assert start <= moment < end
    assert month == moment.astimezone(VN_TZ).strftime("%Y-%m")
    assert month_of(end) != month and month_of(end - timedelta(microseconds=1)) == month


def test_an_evening_in_utc_on_the_last_day_belongs_to_the_next_month() -> None:
    assert month_of(datetime(2026, 11, 30, 17, 0, tzinfo=UTC)) == "2026-12"
    assert month_of(datetime(2026, 11, 30, 16, 59, tzinfo=UTC)) == "2026-11"
    assert month_span("2026-12") == (
        datetime(2026, 12, 1, tzinfo=VN_TZ),
        datetime(2027, 1, 1, tzinfo=VN_TZ),
    )


@pytest.mark.parametrize("text", ["2026-13", "2026-1", "26-01", "", "2026-00"])
def test_a_month_that_is_not_yyyy_mm_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        month_span(text)


def test_a_naive_time_has_no_month() -> None:
    with pytest.raises(ValueError):
        month_of(datetime(2026, 12, 1))


@given(first=st.lists(EVENTS), second=st.lists(EVENTS), helps=st.lists(HELPS))
def test_counting_two_counters_together_is_the_sum_of_counting_each(
    first: list[WorkEvent], second: list[WorkEvent], helps: list[WorkHelp]
) -> None:
    half = len(helps) // 2
    together = tally(first + second, helps)
    apart = tally(first, helps[:half]) + tally(second, helps[half:])
    assert together == apart
    assert tally(reversed(first + second), reversed(helps)) == together


@given(events=st.lists(EVENTS), helps=st.lists(HELPS))
def test_counts_follow_the_rule_event_by_event(
    events: list[WorkEvent], helps: list[WorkHelp]
) -> None:
    counts = tally(events, helps)
    per_task = Counter[Task]()
    for key, number in counts.items():
        per_task[key.task] += number
    assert per_task[Task.RECEIVED] == sum(e.kind == "received" for e in events)
    assert per_task[Task.RETURNED] == sum(e.kind == "returned" for e in events)
    assert per_task[Task.AT_HOME] == sum(e.kind == "received" and e.at_home for e in events)
    assert per_task[Task.ONLINE_HELP] == len(helps)
    assert per_task[Task.BY_POST] <= per_task[Task.RECEIVED] + per_task[Task.RETURNED]


@given(
    events=st.lists(EVENTS), helps=st.lists(HELPS), month=st.sampled_from(["2026-01", "2027-12"])
)
def test_a_months_rows_hold_exactly_that_months_counts(
    events: list[WorkEvent], helps: list[WorkHelp], month: str
) -> None:
    counts = tally(events, helps)
    rows = month_rows(counts, month)
    assert [(r.unit_code, r.clerk) for r in rows] == sorted({(r.unit_code, r.clerk) for r in rows})
    for task in TASKS:
        expected = sum(n for k, n in counts.items() if k.month == month and k.task == task)
        assert sum(r.count(task) for r in rows) == expected
    assert all(any(r.counts.values()) for r in rows)


def test_a_clerks_month_in_one_unit() -> None:
    at = datetime(2026, 12, 3, 9, tzinfo=VN_TZ)
    events = [
        WorkEvent("U1", "lan", at, "received", 3),
        WorkEvent("U1", "lan", at, "received", 1, at_home=True),
        WorkEvent("U1", "lan", at, "refused", 1),
        WorkEvent("U1", "lan", at, "returned", 1, postal_number="EB123456785VN"),
        WorkEvent("U1", "minh", at, "returned", 1),
    ]
    rows = month_rows(tally(events, [WorkHelp("U1", "lan", at)]), "2026-12")
    assert [(r.clerk, [r.count(t) for t in TASKS]) for r in rows] == [
        ("lan", [2, 1, 2, 1, 1]),
        ("minh", [0, 1, 0, 0, 0]),
    ]
    assert WorkKey("2026-12", "U1", "lan", Task.BY_POST) in tally(events)
