"""Receiving a dossier is one transaction: dossier, applicant, components, event, outbox op."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from counter_app.services.errors import ServiceError
from counter_app.services.intake_rules import IntakeInvalid
from counter_devkit.intake import intake
from counter_protocol.statuses import Status


def _count(db: Path, table: str) -> int:
    return sqlite3.connect(db).execute(f"select count(*) from {table}").fetchone()[0]


def test_receive_writes_everything_together(services, data_dir: Path) -> None:
    code = services.dossiers.receive(intake())
    detail = services.details.get(code)
    assert detail.status == Status.RECEIVED
    assert detail.applicant.full_name == "Nguyễn Thị Hồng Nhung"
    assert [c.name for c in detail.components] == ["Bản chính giấy tờ", "Bản sao cần chứng thực"]
    assert [(e.kind, e.to_status) for e in detail.events] == [("received", 2)]
    assert detail.received_at.utcoffset().total_seconds() == 7 * 3600
    assert detail.due_at >= detail.received_at
    db = data_dir / "counter.sqlite3"
    row = (
        sqlite3.connect(db)
        .execute(
            "select p.payload, o.state, o.device_seq from outbox o "
            "join outbox_payloads p using (device_seq)"
        )
        .fetchone()
    )
    op = json.loads(row[0])
    assert (op["kind"], op["dossier_code"], row[1], row[2]) == ("dossier.create", code, "queued", 1)
    assert op["data"]["applicant"]["id_number"] == "042195123456"


def test_a_failure_inside_the_transaction_leaves_nothing(
    services, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from counter_app.services import outbox

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk unplugged")

    monkeypatch.setattr(outbox, "enqueue", broken)
    with pytest.raises(RuntimeError):
        services.dossiers.receive(intake())
    db = data_dir / "counter.sqlite3"
    for table in (
        "dossiers",
        "applicants",
        "dossier_components",
        "dossier_events",
        "outbox",
        "code_counters",
    ):
        assert _count(db, table) == 0, table


def test_blocking_issues_are_reported_per_field_in_vietnamese(services) -> None:
    request = intake(name="", id_number="042195")
    with pytest.raises(IntakeInvalid) as caught:
        services.dossiers.receive(request)
    fields = {i.field for i in caught.value.issues if i.blocking}
    assert {"full_name", "id_number"} <= fields
    assert "CCCD" in caught.value.message or "12" in caught.value.message


def test_an_unknown_procedure_is_refused(services) -> None:
    with pytest.raises(ServiceError, match="Không có thủ tục"):
        services.dossiers.receive(intake(procedure="9.999999"))


def test_lifecycle_steps_are_new_events_with_outbox_ops(services, data_dir: Path) -> None:
    from counter_protocol.lifecycle import LifecycleError

    code = services.dossiers.receive(intake())
    services.lifecycle.forward(code, "canbo", received_by="Văn thư Sở Tư pháp")
    services.lifecycle.result_received(code, "canbo")
    detail = services.details.get(code)
    assert [(e.from_status, e.to_status) for e in detail.events] == [(None, 2), (2, 4), (4, 9)]
    ops = (
        sqlite3.connect(data_dir / "counter.sqlite3")
        .execute("select device_seq, payload from outbox_payloads order by device_seq")
        .fetchall()
    )
    assert [s for s, _ in ops] == [1, 2, 3]
    assert [json.loads(p)["prev_seq"] for _, p in ops] == [None, 1, 2]
    with pytest.raises(LifecycleError):
        services.lifecycle.forward(code, "canbo", received_by="Văn thư")


def test_return_of_results(services) -> None:
    from counter_app.services.errors import NotFound, NotReady

    code = services.dossiers.receive(intake())
    with pytest.raises(NotReady, match="chưa có kết quả"):
        services.returns.check(code)
    services.lifecycle.result_received(code, "canbo")
    assert services.returns.check(code).code == code
    services.returns.return_result(code, "Nguyễn Thị Hồng Nhung", "042195123456", "canbo", True)
    detail = services.details.get(code)
    assert detail.status == Status.RETURNED and detail.returned_at is not None
    with pytest.raises(NotReady, match="đã trả kết quả"):
        services.returns.check(code)
    with pytest.raises(NotFound):
        services.returns.check("000.00.00.H27-200101-0001")
