"""The server's batch planner against a reference model of chains, duplicates and gaps.

A device's dossiers are chains (a create, then events, each naming its predecessor). A batch
carries any subset of their ops in any order, some twice (byte-identical resends) and some
resent edited. The model: a resend is a duplicate, an edited resend a conflict, an op whose
whole chain before it is in the batch is applied, any other is held for its predecessor.
"""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from counter_devkit.fake_device import FakeDevice
from counter_protocol.encoding import canonical_json
from counter_server.ingest.checks import check_op
from counter_server.ingest.plan import Known, Planner

UNIT = "000.00.31.H27"


def _chains(lengths: list[int]) -> list[list[dict[str, Any]]]:
    device = FakeDevice(UNIT, slot=1, seed=5)
    chains = []
    for length in lengths:
        first = device.create_op()
        chain = [first] + [
            device.event_op(first["dossier_uuid"], None, kind="note") for _ in range(length - 1)
        ]
        chains.append(chain)
    return chains


@st.composite
def batches(draw: st.DrawFn) -> tuple[list[list[dict[str, Any]]], list[tuple[dict[str, Any], str]]]:
    chains = _chains(draw(st.lists(st.integers(1, 4), min_size=1, max_size=5)))
    ops = [op for chain in chains for op in chain]
    chosen = draw(st.lists(st.sampled_from(ops), max_size=14))
    sent = []
    for op in chosen:
        if draw(st.integers(0, 5)) == 0:  # an edited resend of the same op id
            op = copy.deepcopy(op)
            event = op["data"].get("event", op["data"])  # a create's first event, or the event
            event["note"] = "sửa"
        sent.append((op, "orig" if op in ops else "edited"))
    return chains, draw(st.permutations(sent))


def _expected(
    chains: list[list[dict[str, Any]]], sent: list[tuple[dict[str, Any], str]]
) -> list[str]:
    first_bytes: dict[str, bytes] = {}
    for op, _ in sent:
        first_bytes.setdefault(op["op_id"], canonical_json(op))
    present = {op_id for op_id in first_bytes}
    expected, seen = [], set()
    for op, _ in sent:
        op_id = op["op_id"]
        if op_id in seen:
            same = canonical_json(op) == first_bytes[op_id]
            expected.append("duplicate" if same else "conflict")
            continue
        seen.add(op_id)
        chain = next(c for c in chains if c[0]["dossier_uuid"] == op["dossier_uuid"])
        before = chain[: [o["op_id"] for o in chain].index(op_id)]
        if all(o["op_id"] in present for o in before):
            # an edited first copy is applied as sent (the server never saw the original)
            expected.append("applied")
        else:
            expected.append("held")
    return expected


@given(batches())
def test_the_planner_agrees_with_the_chain_model(
    case: tuple[list[list[dict[str, Any]]], list[tuple[dict[str, Any], str]]],
) -> None:
    chains, sent = case
    entries = [check_op(canonical_json(op), UNIT, index) for index, (op, _) in enumerate(sent)]
    plan = Planner(1, "b", Known(), datetime.now(UTC)).run(entries)
    assert [r.result for r in plan.results] == _expected(chains, sent)
    assert [r.op_id for r in plan.results] == [op["op_id"] for op, _ in sent]
    stored = [row["op_id"] for row in plan.new_rows]
    assert len(stored) == len(set(stored)) == len({op["op_id"] for op, _ in sent})
