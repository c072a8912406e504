"""The province's monthly work counts, from ops pushed over HTTP to the real server (SQLite and
PostgreSQL): what each op counts for, in the Vietnam month of the work; a replay or a duplicate
never counts twice; a portal code another counter recorded is a conflict, not a second count; the
same figures from `counter-server workload` and its Excel file (docs/domain.md#work-counts)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import openpyxl

from counter_devkit.fake_device import FakeDevice
from counter_devkit.server import ServerProcess
from counter_protocol.timefmt import VN_TZ
from counter_protocol.workload import TASKS

POSTAL_ITEM = "EB123456785VN"


def at(device: FakeDevice, op: dict[str, Any], moment: datetime) -> dict[str, Any]:
    """`op` (a create) as if its dossier had been received at `moment`."""
    stamp = moment.isoformat(timespec="seconds")
    op["data"]["received_at"] = op["data"]["event"]["at"] = stamp
    return op


def create(device: FakeDevice, moment: datetime, actor: str, **data: Any) -> dict[str, Any]:
    op = at(device, device.create_op(**data), moment)
    op["data"]["event"]["actor"] = op["data"]["received_by"] = actor
    return op


def returned_by_post(
    device: FakeDevice, op: dict[str, Any], actor: str, moment: datetime
) -> list[dict[str, Any]]:
    """The dossier forwarded, its result back, and the result posted to the applicant at
    `moment`."""
    dossier = op["dossier_uuid"]
    steps = [
        device.event_op(dossier, 4, "forwarded"),
        device.event_op(dossier, 9, "result_received"),
        device.event_op(dossier, 10, "returned"),
    ]
    for step in steps:
        step["data"]["at"] = moment.isoformat(timespec="seconds")
    steps[-1]["data"]["actor"] = actor
    steps[-1]["data"]["extra"] = {"postal_number": POSTAL_ITEM, "receiver_name": "Lê Văn Nhận"}
    return steps


def month_lines(server: ServerProcess, month: str, unit: str) -> dict[str, list[int]]:
    """`counter-server workload`'s rows of one unit: clerk → a count per task."""
    out = server.cli("workload", "--month", month).stdout
    found = {}
    for line in out.splitlines():
        if line.startswith(unit):
            cells = line.split()
            found[cells[-len(TASKS) - 1]] = [int(c) for c in cells[-len(TASKS) :]]
    return found


def test_each_op_counts_for_its_tasks_once_in_its_vietnam_month(
    server: ServerProcess, client: httpx.Client, tmp_path: Path
) -> None:
    device = server.device()
    nov = datetime(2026, 11, 20, 9, 0, tzinfo=VN_TZ)
    posted_in = create(device, nov, "lan", channel=3)
    at_counter = create(device, nov, "lan")
    at_home = create(device, nov, "minh", at_home=True)
    refused = create(device, nov, "minh", status=3)
    refused["data"]["event"].update(kind="refused", to_status=3)
    # 23:30 on 30 November in Vietnam (16:30 UTC): November.
    late_evening = create(device, datetime(2026, 11, 30, 23, 30, tzinfo=VN_TZ), "lan")
    # 00:30 on 1 December in Vietnam is 17:30 on 30 November in UTC: a December receipt.
    december = create(device, datetime(2026, 12, 1, 0, 30, tzinfo=VN_TZ), "lan")
    ops = [posted_in, at_counter, at_home, refused, late_evening, december]
    ops += returned_by_post(device, at_counter, "lan", datetime(2026, 11, 25, 15, tzinfo=VN_TZ))
    ops.append(device.help_op("G22.99-261120-0001", "minh", nov))
    batch_id, body = device.batch(ops)
    receipt = device.push(client, ops, batch_id=batch_id)
    assert {r.result for r in receipt.results} == {"applied"}, receipt.results

    assert month_lines(server, "2026-11", device.unit_code) == {
        # received, returned, by post, at home, online help
        "lan": [3, 1, 2, 0, 0],
        "minh": [1, 0, 0, 1, 1],
    }
    assert month_lines(server, "2026-12", device.unit_code) == {"lan": [1, 0, 0, 0, 0]}

    again = device.post_body(client, body)  # the same signed push delivered twice
    assert again.status_code == 200
    assert month_lines(server, "2026-11", device.unit_code)["lan"] == [3, 1, 2, 0, 0]

    out = tmp_path / "thang-11.xlsx"
    server.cli("workload", "--month", "2026-11", "--out", str(out))
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    rows = [r for r in sheet.iter_rows(values_only=True) if r[0] == device.unit_code]
    assert [(r[2], *r[3:]) for r in rows] == [("lan", 3, 1, 2, 0, 0), ("minh", 1, 0, 0, 1, 1)]


def test_a_portal_code_helped_with_at_another_counter_is_a_conflict_not_a_second_count(
    server: ServerProcess, client: httpx.Client
) -> None:
    first, second = server.device(), server.device()
    moment = datetime(2026, 10, 5, 10, 0, tzinfo=VN_TZ)
    code = f"G22.99-{first.unit_code}-H1"
    assert first.push(client, [first.help_op(code, "lan", moment)]).results[0].result == "applied"
    [result] = second.push(client, [second.help_op(code, "hoa", moment)]).results
    assert (result.result, result.reason) == ("conflict", "portal_code_taken")
    assert result.message and "không được tính thêm" in result.message
    assert month_lines(server, "2026-10", first.unit_code) == {"lan": [0, 0, 0, 0, 1]}
    assert month_lines(server, "2026-10", second.unit_code) == {}
    held = server.rows("SELECT unit_code, clerk FROM online_help WHERE portal_code = :c", c=code)
    assert [tuple(r) for r in held] == [(first.unit_code, "lan")]


def test_a_malformed_help_record_is_quarantined_with_its_reason(
    server: ServerProcess, client: httpx.Client
) -> None:
    device = server.device()
    blank_clerk = device.help_op("G22.99-X-1", " ")
    bad_kind = device.help_op("G22.99-X-2", kind="nửa chừng")
    spaced = device.help_op("G22 99 X 3")
    chained = device.help_op("G22.99-X-4")
    chained["prev_seq"] = 1
    results = device.push(client, [blank_clerk, bad_kind, spaced, chained]).results
    assert [(r.result, r.reason) for r in results] == [
        ("quarantined", "malformed"),
        ("quarantined", "malformed"),
        ("quarantined", "bad_code"),
        ("quarantined", "malformed"),
    ]
    assert (
        server.scalar("SELECT count(*) FROM work_counts WHERE unit_code = :u", u=device.unit_code)
        == 0
    )


def test_a_month_that_is_not_a_month_is_refused_in_vietnamese(server: ServerProcess) -> None:
    refused = server.cli("workload", "--month", "2026-13", check=False)
    assert refused.returncode == 1
    assert "không hợp lệ" in refused.stderr and "2026-12" in refused.stderr
    wrong_file = server.cli("workload", "--month", "2026-11", "--out", "bang.pdf", check=False)
    assert wrong_file.returncode == 1 and ".xlsx" in wrong_file.stderr
