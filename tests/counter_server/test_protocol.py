"""The wire protocol's pure functions, as the counter's client will call them (no server)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import msgspec
import orjson
import pytest
import zstandard

from counter_devkit.fake_device import FakeDevice
from counter_protocol.batch import MAX_BATCH_OPS, build_batch, decode_batch, new_batch_id
from counter_protocol.encoding import canonical_json, compress, decompress
from counter_protocol.errors import ProtocolError
from counter_protocol.feed import changes_target, parse_changes_page
from counter_protocol.receipt import ReceiptError
from counter_protocol.signing import (
    SignatureError,
    generate_private_key,
    load_private_key,
    private_key_b64,
    public_key_b64,
    sign,
    verify,
)
from counter_protocol.timefmt import format_time, parse_time
from counter_protocol.transport import (
    NONCE_HEADER,
    SIGNATURE_HEADER,
    TIME_HEADER,
    request_signing_bytes,
    signed_request_headers,
)

WHEN = datetime(2026, 11, 26, 8, 30, tzinfo=UTC)


def test_stored_op_bytes_and_op_dicts_build_the_same_body() -> None:
    device = FakeDevice("000.00.00.H27", 1)
    ops = [device.create_op() for _ in range(3)]
    args = {
        "app_version": "0.1.0",
        "catalogue_version": "v1",
        "head_seq": 9,
        "batch_id": new_batch_id(),
        "sent_at": WHEN,
    }
    from_dicts = build_batch(7, ops, **args)  # type: ignore[arg-type]
    from_bytes = build_batch(7, [canonical_json(op) for op in ops], **args)  # type: ignore[arg-type]
    assert from_dicts == from_bytes
    batch = decode_batch(from_bytes)
    assert [orjson.loads(bytes(op)) for op in batch.ops] == ops
    assert (batch.head_seq, batch.device_id) == (9, 7)
    assert decompress(from_bytes) == canonical_json(batch)


def test_a_new_dossier_costs_well_under_300_bytes_on_the_wire() -> None:
    device = FakeDevice("000.00.00.H27", 1)
    ops = [device.create_op() for _ in range(300)]
    body = build_batch(1, ops, app_version="0.1.0", catalogue_version="v1")
    assert len(body) / len(ops) < 300


def test_decompress_refuses_bombs_and_garbage() -> None:
    bomb = zstandard.ZstdCompressor().compress(b"0" * 2_000_000)
    with pytest.raises(ProtocolError, match="larger"):
        decompress(bomb, max_size=1_000_000)
    with pytest.raises(ProtocolError, match="zstd"):
        decompress(b"not zstd at all")


def test_decode_batch_checks_the_envelope() -> None:
    good = build_batch(1, [], app_version="x", catalogue_version=None)
    assert decode_batch(good).ops == []
    broken: dict[str, Any]
    for broken in (
        {"device_id": "1"},
        {"batch_id": "nope"},
        {"sent_at": "2026-01-01T00:00"},
        {"ops": {}},
        {"ops": [{}] * (MAX_BATCH_OPS + 1)},
    ):
        body = msgspec.to_builtins(decode_batch(good)) | broken
        with pytest.raises(ProtocolError):
            decode_batch(compress(canonical_json(body)))


def test_times_on_the_wire_carry_their_zone() -> None:
    assert parse_time(format_time(WHEN)) == WHEN
    with pytest.raises(ValueError):
        format_time(datetime(2026, 1, 1))
    with pytest.raises(ProtocolError):
        parse_time("2026-01-01T00:00:00")


def test_keys_round_trip_and_signatures_bind_the_exact_bytes() -> None:
    key = generate_private_key()
    again = load_private_key(private_key_b64(key))
    assert public_key_b64(again) == public_key_b64(key)
    signature = sign(key, b"batch bytes")
    verify(public_key_b64(key), b"batch bytes", signature)
    with pytest.raises(SignatureError):
        verify(public_key_b64(key), b"batch bytez", signature)
    with pytest.raises(SignatureError):
        verify(public_key_b64(key), b"batch bytes", "!!not base64!!")


def test_signed_get_headers_cover_path_query_device_time_and_nonce() -> None:
    key = generate_private_key()
    target = changes_target(42, 10)
    assert target == "/sync/v1/changes?cursor=42&limit=10"
    headers = signed_request_headers(5, key, "GET", target, WHEN)
    stamp, nonce = headers[TIME_HEADER], headers[NONCE_HEADER]
    signed = request_signing_bytes("GET", target, 5, stamp, nonce)
    verify(public_key_b64(key), signed, headers[SIGNATURE_HEADER])
    with pytest.raises(SignatureError):
        verify(
            public_key_b64(key),
            request_signing_bytes("GET", target, 6, stamp, nonce),
            headers[SIGNATURE_HEADER],
        )
    with pytest.raises(SignatureError):
        verify(
            public_key_b64(key),
            request_signing_bytes("GET", target, 5, stamp, "other"),
            headers[SIGNATURE_HEADER],
        )


def test_a_changes_page_must_be_signed_and_in_order() -> None:
    key = generate_private_key()
    page = {
        "changes": [
            {"seq": 3, "kind": "x", "unit_code": None, "created_at": "", "payload": {}},
            {"seq": 2, "kind": "x", "unit_code": None, "created_at": "", "payload": {}},
        ],
        "next_cursor": 3,
        "has_more": False,
        "server_time": "",
    }
    body = canonical_json(page)
    with pytest.raises(ProtocolError, match="order"):
        parse_changes_page(body, sign(key, body), public_key_b64(key))
    with pytest.raises(ReceiptError):
        parse_changes_page(body, None, public_key_b64(key))
