"""Lifecycle steps synced to the real server (SQLite and PostgreSQL), which applies them with the
same state machine; a province change that overtakes the counter's steps (docs/sync.md#s20)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from counter_app.services.conflicts import ConflictService
from counter_devkit.counter_pc import CounterPC, assert_converged
from counter_devkit.fake_device import FakeDevice
from counter_devkit.lifecycle_steps import FULL_LIFE, take_step
from counter_devkit.server import ServerProcess
from counter_protocol.lifecycle import Action
from counter_protocol.timefmt import parse_time
from counter_server.conflict_view import conflicts_html, recent_conflicts

PATHS: dict[str, tuple[Action, ...]] = {
    "full": FULL_LIFE,
    "appraisal_refused": (
        Action.FORWARD,
        Action.AGENCY_RECEIVED,
        Action.APPRAISAL_REFUSED,
        Action.RETURN,
    ),
    "stopped": (Action.FORWARD, Action.STOP),
    "withdrawn": (Action.WITHDRAW,),
}


def server_sub_states(server: ServerProcess, unit: str) -> dict[str, tuple[int, str]]:
    rows = server.rows("SELECT code, status, sub_state FROM dossiers WHERE unit_code = :u", u=unit)
    return {r[0]: (int(r[1]), str(r[2])) for r in rows}


def local_sub_states(pc: CounterPC) -> dict[str, tuple[int, str]]:
    return {
        r[0]: (int(r[1]), str(r[2])) for r in pc.sql("SELECT code, status, sub_state FROM dossiers")
    }


def test_every_step_syncs_and_the_server_ends_where_the_counter_is(
    server: ServerProcess, pc: CounterPC
) -> None:
    pc.enrol(server)
    codes = dict(zip(PATHS, pc.receive(len(PATHS)), strict=True))
    assert pc.sync.sync_once().error is None  # the server holds them received, then the steps
    for name, path in PATHS.items():
        for action in path:
            take_step(pc, codes[name], action)
    report = pc.sync.sync_once()
    assert report.error is None, report.error
    assert report.acked == sum(len(p) for p in PATHS.values())
    assert server_sub_states(server, pc.unit) == local_sub_states(pc)
    assert local_sub_states(pc)[codes["full"]] == (10, "returned")
    assert local_sub_states(pc)[codes["stopped"]] == (8, "stopped")
    assert_converged(server, pc)
    kinds = {r[0] for r in server.rows("SELECT DISTINCT kind FROM dossier_events")}
    assert {a.value for p in PATHS.values() for a in p} <= kinds
    extended = server.scalar("SELECT due_at FROM dossiers WHERE code = :c", c=codes["full"])
    sent = [r[0] for r in pc.sql("SELECT data_json FROM dossier_events WHERE kind = 'extended'")]
    asked = json.loads(sent[0])["due_at"]
    assert _aware(extended) == parse_time(asked)


def _aware(value: object) -> datetime:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    assert isinstance(value, datetime)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def test_province_stops_while_the_counter_forwards_and_returns_offline(
    server: ServerProcess, pc: CounterPC
) -> None:
    pc.enrol(server)
    code = pc.receive(1)[0]
    assert pc.sync.sync_once().error is None
    server.cli("dossier", "status", code, "8", "--actor", "Sở Tư pháp", "--note", "Dừng")
    offline = (Action.FORWARD, Action.AGENCY_RECEIVED, Action.RESULT_RECEIVED, Action.RETURN)
    for action in offline:
        take_step(pc, code, action)
    report = pc.sync.sync_once()
    assert report.error is None, report.error
    assert report.province_conflicts == len(offline)
    assert any("không khớp giữa tỉnh" in line for line in report.summary_lines(pc.clock()))
    # The server keeps the counter's four events, flagged, and the province's status.
    assert server_sub_states(server, pc.unit)[code] == (8, "stopped")
    kept = server.rows(
        "SELECT e.kind, e.conflict FROM dossier_events e JOIN dossiers d ON d.uuid = e.dossier_uuid"
        " WHERE d.code = :c AND e.source = 'device' ORDER BY e.event_seq",
        c=code,
    )
    assert [k for k, _ in kept] == [a.value for a in offline]
    assert all(c and "Dừng xử lý" not in c and "tỉnh đã chuyển" in c for _, c in kept)
    province = server.rows(
        "SELECT e.kind FROM dossier_events e JOIN dossiers d ON d.uuid = e.dossier_uuid"
        " WHERE d.code = :c AND e.source = 'province'",
        c=code,
    )
    assert province == [("province_status",)]
    # The counter: its events and the province's, the province's status, conflicts listed.
    assert local_sub_states(pc)[code] == (8, "stopped")
    events = pc.sql(
        "SELECT e.kind, e.origin FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id "
        "WHERE d.code = ? ORDER BY e.seq",
        code,
    )
    assert events == [
        ("received", "counter"),
        *[(a.value, "counter") for a in offline],
        ("province_status", "province"),
    ]
    conflicts = ConflictService(pc.services.store).list_conflicts()
    assert len(conflicts) == len(offline)
    assert all(c.dossier_code == code and c.source == "receipt" for c in conflicts)
    assert "Dừng giải quyết" in conflicts[0].message and code in conflicts[0].message
    assert set(pc.states()) == {"acked"}
    listed = server.cli("conflicts").stdout
    assert code in listed and "forwarded" in listed and "returned" in listed
    section = conflicts_html(recent_conflicts(server.engine))  # the dashboard's section
    assert section.count(f"<td>{code}</td>") == len(offline)


def test_a_province_change_that_does_not_fit_is_taken_with_a_conflict(
    server: ServerProcess, pc: CounterPC
) -> None:
    pc.enrol(server)
    code = pc.receive(1)[0]
    assert pc.sync.sync_once().error is None
    server.cli("dossier", "status", code, "9", "--actor", "Sở Tư pháp")
    report = pc.sync.sync_once()  # pulled before the counter moved: it fits, no conflict
    assert report.error is None and local_sub_states(pc)[code] == (9, "result_at_counter")
    server.cli("dossier", "status", code, "10", "--actor", "Sở Tư pháp")
    take_step(pc, code, Action.RETURN)
    assert server_sub_states(server, pc.unit)[code] == (10, "returned")
    report = pc.sync.sync_once()
    assert report.error is None, report.error
    assert server_sub_states(server, pc.unit) == local_sub_states(pc)
    assert_converged(server, pc)


def test_a_hostile_device_is_refused_with_a_reason(server: ServerProcess) -> None:
    device = server.device()
    first = device.create_op()
    uuid = first["dossier_uuid"]
    skip = device.event_op(uuid, 10, kind="returned")  # received → returned: not a step
    with server.client() as client:
        receipt = device.push(client, [first, skip])
    results = {r.op_id: r for r in receipt.results}
    assert results[first["op_id"]].result == "applied"
    refused = results[skip["op_id"]]
    assert (refused.result, refused.reason) == ("quarantined", "bad_transition")
    assert refused.message and "Không thể “Trả kết quả”" in refused.message
    assert server.scalar("SELECT status FROM dossiers WHERE uuid = :u", u=uuid) == 2


def test_a_malformed_step_is_refused_not_a_server_error(server: ServerProcess) -> None:
    device = server.device()
    first = device.create_op()
    bad = device.event_op(first["dossier_uuid"], 4, kind="forwarded")
    bad["data"]["extra"] = {"missing": "không phải danh sách"}
    with server.client() as client:
        receipt = device.push(client, [first, bad])
    refused = receipt.results[1]
    assert (refused.result, refused.reason) == ("quarantined", "bad_step")
    assert refused.message and "không hợp lệ" in refused.message


def test_dossiers_created_awaiting_papers_or_refused(server: ServerProcess) -> None:
    device = server.device()
    asked = _created(device, 1, "papers_asked", {"missing": ["Bản sao CCCD"], "form_no": "02"})
    refused = _created(device, 3, "refused", {"reason": "Không thuộc thẩm quyền", "form_no": "03"})
    legacy = device.create_op()  # an op from before the lifecycle: first event "received"
    later = device.event_op(asked["dossier_uuid"], 2, kind="received")
    with server.client() as client:
        receipt = device.push(client, [asked, refused, legacy, later])
    assert [r.result for r in receipt.results] == ["applied"] * 4, receipt.results
    states = {
        str(r[0]): (int(r[1]), str(r[2]))
        for r in server.rows(
            "SELECT CAST(uuid AS TEXT), status, sub_state FROM dossiers WHERE unit_code = :u",
            u=device.unit_code,
        )
    }
    assert states == {
        asked["dossier_uuid"]: (2, "received"),
        refused["dossier_uuid"]: (3, "refused"),
        legacy["dossier_uuid"]: (2, "received"),
    }


def _created(device: FakeDevice, status: int, kind: str, extra: dict[str, Any]) -> dict[str, Any]:
    op = device.create_op()
    data = op["data"]
    data["status"] = status
    data["event"] = data["event"] | {"kind": kind, "to_status": status, "extra": extra}
    device.dossiers[op["dossier_uuid"]]["status"] = status
    return op
