"""One op schema for both ends: what the counter builds is what the server decodes, to the byte."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import msgspec
import pytest

from counter_app.services import outbox
from counter_app.services.dto import ApplicantInput, ComponentInput, FeeLine, IntakeRequest
from counter_app.services.wire_data import create_op_data, event_op_data
from counter_protocol.encoding import canonical_json, payload_hash, sha256_hex
from counter_protocol.ops import (
    KIND_CREATE,
    KIND_EVENT,
    OP_HEAD,
    CreateData,
    EventData,
    Op,
    decode_op,
)
from counter_protocol.timefmt import VN_TZ
from counter_server.ingest.checks import check_op
from counter_server.ingest.records import IncomingOp

UNIT = "000.00.31.H27"
CODE = f"{UNIT}-261126-0001"
DOSSIER = "5d9b3a8e-2c1f-4e7a-8b6d-1a2b3c4d5e6f"
AT = datetime(2026, 11, 26, 8, 30, 15, tzinfo=VN_TZ)
DUE = datetime(2026, 11, 30, 16, 30, tzinfo=VN_TZ)
# SHA-256 of these two ops as the counter stored them before the typed schema (plain dicts,
# orjson with sorted keys): outboxes still hold such bytes, and resends must match them.
CREATE_HASH_BEFORE = "cf43db6a3c0b11dc9ce6847d12588fed2bca239d443aaf5c35476d9fb7573dd2"
EVENT_HASH_BEFORE = "538b711bb3fffc1802ffbf60a91c70ef38a7747a5c7d2f612d22af7aa54efda2"


def intake() -> IntakeRequest:
    return IntakeRequest(
        procedure_code="2.000815",
        clerk="canbo",
        note="Khách cần gấp",
        applicant=ApplicantInput(
            full_name="Nguyễn Thị Hồng Nhung",
            id_number="042195123456",
            birth_date=date(1995, 3, 12),
            sex="Nữ",
            phone="0912345678",
            email="nhung@example.vn",
            address="Xóm 3, xã Thạch Hà, tỉnh Hà Tĩnh",
        ),
        components=(
            ComponentInput("Bản chính giấy tờ", 1, 0, True),
            ComponentInput("Bản sao cần chứng thực", 0, 2, True),
        ),
        fees=(FeeLine("le_phi", "Lệ phí chứng thực", 2000, "at_receipt", True),),
    )


def create_op() -> Op[CreateData]:
    """A received dossier's op, built the way services/intake.py builds it."""
    req = intake()
    values = {
        "procedure_code": req.procedure_code,
        "catalogue_version": "2026.1",
        "status": 2,
        "channel": 1,
        "result_delivery": 0,
        "delivery_address": None,
        "received_at": AT,
        "due_at": DUE,
        "note": "Khách cần gấp",
    }
    event = {
        "seq": 1,
        "kind": "received",
        "at": AT,
        "actor": "canbo",
        "from_status": None,
        "to_status": 2,
        "note": "Khách cần gấp",
    }
    return outbox.build_op(
        "0b7f2f4e-8a4c-4f53-9a56-5f0d4c1f7a01",
        7,
        KIND_CREATE,
        DOSSIER,
        CODE,
        UNIT,
        None,
        AT,
        create_op_data(req, values, event),
    )


def return_op() -> Op[EventData]:
    """A return of result (an event op with its receiver), built as services/returns.py does."""
    event = {
        "seq": 2,
        "kind": "returned",
        "at": AT,
        "actor": "canbo",
        "from_status": 9,
        "to_status": 10,
        "note": None,
    }
    extra = {
        "receiver_name": "Trần Văn Bình",
        "receiver_id_number": "042090001234",
        "fees_collected": [],
    }
    return outbox.build_op(
        "1c8e3f5a-9b5d-4a64-8b67-6a1e5d2a8b12",
        8,
        KIND_EVENT,
        DOSSIER,
        CODE,
        UNIT,
        7,
        AT,
        event_op_data(event, extra),
    )


OPS = [pytest.param(create_op, id="create"), pytest.param(return_op, id="event")]


@pytest.mark.parametrize("build", OPS)
def test_each_op_kind_round_trips_through_its_bytes(build: Any) -> None:
    op = build()
    body = canonical_json(op)
    again = decode_op(body)
    assert again == op
    assert canonical_json(again) == body


@pytest.mark.parametrize(
    ("build", "before"), [(create_op, CREATE_HASH_BEFORE), (return_op, EVENT_HASH_BEFORE)]
)
def test_the_typed_ops_keep_the_bytes_stored_before_them(build: Any, before: str) -> None:
    assert payload_hash(build()) == before


@pytest.mark.parametrize("build", OPS)
def test_the_server_decodes_what_the_counter_built_with_no_field_lost(build: Any) -> None:
    op = build()
    body = canonical_json(op)
    checked = check_op(body, UNIT, 0)
    assert isinstance(checked, IncomingOp), checked
    data = checked.create if op.kind == KIND_CREATE else checked.event
    assert data == op.data
    assert checked.data_json == canonical_json(op.data)
    # Every field the counter sent is a field of the shared types: decoding and encoding again
    # gives the same JSON, not a subset of it.
    assert msgspec.to_builtins(decode_op(body)) == msgspec.json.decode(body)
    head = OP_HEAD.decode(body)
    assert (head.op_id, head.device_seq, head.prev_seq) == (op.op_id, op.device_seq, op.prev_seq)


@pytest.mark.parametrize("build", OPS)
def test_both_ends_hash_an_op_alike(build: Any) -> None:
    op = build()
    counter_hash = payload_hash(op)  # what the outbox stores next to the op's bytes
    checked = check_op(canonical_json(op), UNIT, 0)
    assert isinstance(checked, IncomingOp)
    assert checked.payload_hash == counter_hash
    assert payload_hash(decode_op(canonical_json(op))) == counter_hash


def test_an_op_stored_before_a_new_field_still_decodes_with_its_default() -> None:
    plain = msgspec.to_builtins(create_op())
    for name in ("sets_count", "authorised_person", "delivery_address", "note"):
        del plain["data"][name]
    del plain["data"]["applicant"]["email"]
    op = decode_op(canonical_json(plain))
    assert isinstance(op.data, CreateData)
    assert (op.data.sets_count, op.data.note, op.data.applicant.email) == (1, None, None)


def test_the_server_types_refuse_what_the_counter_never_sends() -> None:
    plain = msgspec.to_builtins(create_op())
    for path, value in (
        (("kind",), "dossier.delete"),
        (("data", "status"), 11),
        (("data", "procedure_code"), ""),
        (("device_seq",), 0),
        (("data", "components"), [{"name": "x", "originals": -1, "copies": 0}]),
    ):
        broken = msgspec.to_builtins(create_op())
        target = broken
        for name in path[:-1]:
            target = target[name]
        target[path[-1]] = value
        with pytest.raises(msgspec.ValidationError):
            decode_op(canonical_json(broken))
    assert decode_op(canonical_json(plain)) == create_op()


def test_the_op_hash_is_the_hash_of_its_canonical_bytes() -> None:
    op = create_op()
    assert payload_hash(op) == sha256_hex(canonical_json(op))
    assert payload_hash(op) == payload_hash(msgspec.to_builtins(op))  # typed or plain, alike
