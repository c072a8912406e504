"""The other messages of the sync, each encoded by one end and decoded by the other's code."""

from __future__ import annotations

from datetime import UTC, datetime

import msgspec
import orjson
import pytest

from counter_protocol.batch import Batch, build_batch, decode_batch
from counter_protocol.encoding import canonical_json, compress, decompress
from counter_protocol.enrol import (
    EnrolReply,
    EnrolRequest,
    EnrolRequestError,
    decode_enrol_request,
)
from counter_protocol.errors import ProtocolError
from counter_protocol.feed import (
    CHANGE_DOSSIER_STATUS,
    Change,
    ChangesPage,
    DossierStatusChange,
    parse_changes_page,
)
from counter_protocol.receipt import (
    APPLIED,
    DUPLICATE,
    OpResult,
    ReceiptError,
    make_receipt,
    sign_receipt,
    verify_receipt,
)
from counter_protocol.signing import generate_private_key, public_key_b64, sign
from tests.counter_protocol.test_ops import create_op, return_op

WHEN = datetime(2026, 11, 26, 1, 30, tzinfo=UTC)
KEY = generate_private_key()


def test_a_batch_carries_the_stored_op_bytes_untouched() -> None:
    stored = [canonical_json(create_op()), canonical_json(return_op())]
    body = build_batch(
        7,
        stored,
        app_version="0.1.0",
        catalogue_version="2026.1",
        head_seq=9,
        batch_id="8d1c1e0a-5b7f-4c1e-9a2d-3e4f5a6b7c8d",
        sent_at=WHEN,
    )
    batch = decode_batch(body)
    assert [bytes(op) for op in batch.ops] == stored
    assert (batch.device_id, batch.head_seq, batch.catalogue_version) == (7, 9, "2026.1")
    assert decompress(body) == canonical_json(batch)
    # Typed ops encode to the very bytes the outbox stored for them.
    assert (
        build_batch(
            7,
            [create_op(), return_op()],
            app_version="0.1.0",
            catalogue_version="2026.1",
            head_seq=9,
            batch_id=batch.batch_id,
            sent_at=WHEN,
        )
        == body
    )


def test_a_batch_envelope_is_checked() -> None:
    good = msgspec.to_builtins(
        Batch(
            device_id=1,
            batch_id="8d1c1e0a-5b7f-4c1e-9a2d-3e4f5a6b7c8d",
            app_version="x",
            schema_version=1,
            catalogue_version=None,
            sent_at=WHEN.isoformat(),
        )
    )
    assert decode_batch(build_batch(1, [], app_version="x", catalogue_version=None)).ops == []
    for broken in (
        {"device_id": True},
        {"schema_version": "1"},
        {"head_seq": "9"},
        {"batch_id": "8D1C"},
        {"sent_at": "2026-11-26T08:30:00"},
        {"ops": None},
    ):
        with pytest.raises(ProtocolError):
            decode_batch(compress(canonical_json(good | broken)))


def test_a_receipt_signed_by_the_server_verifies_on_the_counter() -> None:
    results = [
        OpResult(op_id="a", device_seq=1, result=APPLIED),
        OpResult(op_id="b", device_seq=2, result=DUPLICATE, prior=APPLIED, state=APPLIED),
    ]
    signed = sign_receipt(KEY, make_receipt("batch-1", 7, WHEN, results))
    raw = msgspec.json.encode(signed)  # the server's reply body
    receipt = verify_receipt(raw, public_key_b64(KEY), batch_id="batch-1", device_id=7)
    assert receipt == signed.receipt
    # Unset optional fields are not on the wire at all.
    assert orjson.loads(raw)["receipt"]["results"][0] == {
        "op_id": "a",
        "device_seq": 1,
        "result": APPLIED,
    }
    with pytest.raises(ReceiptError):
        verify_receipt(raw, public_key_b64(KEY), batch_id="batch-2")


def test_a_field_added_by_a_later_server_still_counts_in_the_signature() -> None:
    receipt = msgspec.to_builtins(
        make_receipt("batch-1", 7, WHEN, [OpResult(op_id="a", device_seq=1, result=APPLIED)])
    )
    receipt["server_note"] = "later field"
    raw = orjson.dumps({"receipt": receipt, "signature": sign(KEY, canonical_json(receipt))})
    assert verify_receipt(raw, public_key_b64(KEY)).batch_id == "batch-1"
    tampered = orjson.loads(raw)
    tampered["receipt"]["server_note"] = "changed"
    with pytest.raises(ReceiptError):
        verify_receipt(tampered, public_key_b64(KEY))


def test_a_changes_page_and_its_payload_round_trip() -> None:
    status = DossierStatusChange(
        dossier_uuid="u",
        dossier_code="c",
        from_status=2,
        to_status=4,
        note=None,
        actor="sở",
        at=WHEN.isoformat(),
    )
    page = ChangesPage(
        changes=[
            Change(
                seq=5,
                id="a" * 32,
                kind=CHANGE_DOSSIER_STATUS,
                unit_code="000.00.31.H27",
                created_at=WHEN.isoformat(),
                payload=msgspec.to_builtins(status),
            )
        ],
        next_cursor=5,
        next_cursor_id="a" * 32,
        has_more=False,
        server_time=WHEN.isoformat(),
    )
    body = msgspec.json.encode(page)  # as the server sends it
    parsed = parse_changes_page(body, sign(KEY, body), public_key_b64(KEY))
    assert parsed == page
    assert msgspec.convert(parsed.changes[0].payload, DossierStatusChange) == status
    assert b"reset" not in body and b"probes_missing" not in body


def test_an_enrolment_request_and_reply_round_trip() -> None:
    request = EnrolRequest(
        code="ABCD-2345",
        public_key=public_key_b64(KEY),
        device_uuid="0b7f2f4e-8a4c-4f53-9a56-5f0d4c1f7a01",
        device_name="Máy 1",
        slot=1,
        app_version="0.1.0",
    )
    assert b"unit_code" not in canonical_json(request)  # as counters before it sent it
    assert decode_enrol_request(canonical_json(request)) == request
    reply = EnrolReply(
        device_id=3,
        unit_code="000.00.31.H27",
        slot=1,
        server_public_key=public_key_b64(KEY),
        server_time=WHEN.isoformat(),
    )
    assert msgspec.json.decode(msgspec.json.encode(reply), type=EnrolReply) == reply


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (b'{"code": "x"}', "public_key"),
        (b"[]", None),
        (b"{", None),
        (
            b'{"code": "x", "public_key": "k", "device_uuid": "u", "device_name": "n", '
            b'"slot": "1", "app_version": "v"}',
            "slot",
        ),
    ],
)
def test_a_bad_enrolment_request_names_its_field(body: bytes, field: str | None) -> None:
    with pytest.raises(EnrolRequestError) as caught:
        decode_enrol_request(body)
    assert caught.value.field == field
