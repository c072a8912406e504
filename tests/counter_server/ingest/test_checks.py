"""The server's op checks: the typed fast path and the explaining slow path agree on every op."""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Callable
from typing import Any

import pytest

from counter_devkit.fake_device import FakeDevice
from counter_protocol.encoding import canonical_json
from counter_server.ingest.checks import check_op
from counter_server.ingest.records import IncomingOp, Rejected

UNIT = "000.00.31.H27"


@pytest.fixture
def device() -> FakeDevice:
    return FakeDevice(UNIT, slot=0, seed=7)


def checked(op: Any) -> IncomingOp | Rejected:
    return check_op(canonical_json(op), UNIT, 0)


def test_a_good_create_op_is_taken_with_its_fields_and_the_hash_of_its_bytes(
    device: FakeDevice,
) -> None:
    op = device.create_op()
    body = canonical_json(op)
    result = check_op(body, UNIT, 3)
    assert isinstance(result, IncomingOp)
    assert result.payload_hash == hashlib.sha256(body).hexdigest()
    assert (result.op_id, result.device_seq, result.dossier_code, result.index) == (
        op["op_id"],
        op["device_seq"],
        op["dossier_code"],
        3,
    )
    assert result.create is not None and result.create.status == op["data"]["status"]
    assert result.create.applicant.full_name == op["data"]["applicant"]["full_name"]
    assert canonical_json(op["data"]) == result.data_json


def test_a_good_event_op_is_taken(device: FakeDevice) -> None:
    create = device.create_op()
    event = device.event_op(create["dossier_uuid"], 4, note="Chuyển phòng Tư pháp")
    result = checked(event)
    assert isinstance(result, IncomingOp)
    assert result.create is None
    assert (result.prev_seq, result.event.to_status, result.event.note) == (
        create["device_seq"],
        4,
        "Chuyển phòng Tư pháp",
    )


def test_upper_case_uuids_are_taken_and_written_canonically(device: FakeDevice) -> None:
    op = device.create_op()
    op["op_id"], op["dossier_uuid"] = op["op_id"].upper(), op["dossier_uuid"].upper()
    result = checked(op)
    assert isinstance(result, IncomingOp)
    assert result.op_id == op["op_id"].lower()
    assert result.dossier_uuid == op["dossier_uuid"].lower()


Edit = Callable[[dict[str, Any]], None]


def _set(path: str, value: Any) -> Edit:
    def edit(op: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target = op
        for name in parents:
            target = target[int(name)] if isinstance(target, list) else target[name]
        target[last] = value

    return edit


def _drop(path: str) -> Edit:
    def edit(op: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target = op
        for name in parents:
            target = target[name]
        del target[last]

    return edit


CREATE_FAULTS: list[tuple[str, Edit, str, str]] = [
    ("blank procedure", _set("data.procedure_code", "   "), "malformed", "procedure_code"),
    ("procedure not text", _set("data.procedure_code", 12), "malformed", "procedure_code"),
    ("long name", _set("data.applicant.full_name", "A" * 201), "bad_data", "full_name"),
    ("blank name", _set("data.applicant.full_name", "\t"), "malformed", "full_name"),
    ("blank catalogue", _set("data.catalogue_version", " "), "malformed", "catalogue_version"),
    ("no applicant", _drop("data.applicant"), "malformed", "applicant"),
    ("status 11", _set("data.status", 11), "bad_status", "11"),
    ("status true", _set("data.status", True), "bad_status", "True"),
    ("channel text", _set("data.channel", "1"), "malformed", "channel"),
    ("bad time", _set("data.received_at", "2026-13-01T08:00:00+07:00"), "bad_time", "received_at"),
    ("naive time", _set("data.due_at", "2026-11-30T16:30:00"), "bad_time", "due_at"),
    ("naive created", _set("created_at", "2026-11-26T08:00:00"), "bad_time", "created_at"),
    ("negative copies", _set("data.components.0.copies", -1), "malformed", "copies"),
    ("component name", _set("data.components.0.name", None), "malformed", "components"),
    ("fees null", _set("data.fees", None), "malformed", "fees"),
    ("first event has a source", _set("data.event.from_status", 1), "bad_data", "nguồn"),
    ("first event, other status", _set("data.event.to_status", 4), "bad_data", "không khớp"),
    ("first event numbered 2", _set("data.event.event_seq", 2), "malformed", "event_seq"),
    ("extra is a list", _set("data.event.extra", []), "malformed", "extra"),
    ("note is a number", _set("data.event.note", 5), "malformed", "note"),
    ("blank actor", _set("data.event.actor", " "), "malformed", "actor"),
    ("other unit", _set("unit_code", "000.00.32.H27"), "other_unit", "000.00.32.H27"),
    ("bad code", _set("dossier_code", "H27-1"), "bad_code", "H27-1"),
    ("create with a predecessor", _set("prev_seq", 1), "malformed", "thao tác trước"),
    ("unknown kind", _set("kind", "dossier.delete"), "unknown_kind", "dossier.delete"),
    ("no op id", _drop("op_id"), "malformed", "op_id"),
    ("seq zero", _set("device_seq", 0), "malformed", "device_seq"),
    ("NUL in a name", _set("data.applicant.full_name", "An\x00"), "malformed", "NUL"),
    ("data not an object", _set("data", [1]), "malformed", "data"),
]


@pytest.mark.parametrize(
    ("fault", "reason", "words"),
    [(f, r, w) for _, f, r, w in CREATE_FAULTS],
    ids=[name for name, *_ in CREATE_FAULTS],
)
def test_a_faulty_create_op_is_refused_with_its_reason(
    device: FakeDevice, fault: Edit, reason: str, words: str
) -> None:
    op = copy.deepcopy(device.create_op())
    fault(op)
    result = checked(op)
    assert isinstance(result, Rejected), result
    assert result.reason == reason
    assert words in result.message


def test_an_event_op_without_its_predecessor_is_refused(device: FakeDevice) -> None:
    create = device.create_op()
    event = device.event_op(create["dossier_uuid"], 4)
    event["prev_seq"] = None
    result = checked(event)
    assert isinstance(result, Rejected) and "prev_seq" in result.message


def test_an_op_that_is_not_an_object_is_refused_without_an_identity() -> None:
    result = check_op(b"[1, 2]", UNIT, 5)
    assert isinstance(result, Rejected)
    assert (result.reason, result.op_id, result.device_seq, result.index) == (
        "malformed",
        None,
        None,
        5,
    )


def test_the_hash_is_over_the_bytes_as_sent(device: FakeDevice) -> None:
    op = device.create_op()
    spaced = canonical_json(op).replace(b'","', b'", "', 1)
    first, second = check_op(canonical_json(op), UNIT, 0), check_op(spaced, UNIT, 0)
    assert isinstance(first, IncomingOp) and isinstance(second, IncomingOp)
    assert first.payload_hash != second.payload_hash
    assert first.payload_hash == hashlib.sha256(canonical_json(op)).hexdigest()
