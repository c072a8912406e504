"""The wire decoder and the server's op checks on arbitrary input: the protocol's own refusal
(ProtocolError for an envelope, a quarantine result for an op), never anything else."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from counter_devkit.fake_device import FakeDevice
from counter_protocol import jsonscan
from counter_protocol.batch import build_batch, decode_batch
from counter_protocol.encoding import canonical_json, compress
from counter_protocol.errors import ProtocolError
from counter_server.ingest.checks import check_op
from counter_server.ingest.records import IncomingOp, Rejected

UNIT = "000.00.31.H27"

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=30,
)


def _valid_ops(seed: int) -> list[dict[str, Any]]:
    device = FakeDevice(UNIT, slot=1, seed=seed + 1)
    first = device.create_op()
    return [first, device.event_op(first["dossier_uuid"], 3), device.create_op()]


def _valid_batch_json(seed: int) -> bytes:
    import zstandard

    body = build_batch(1, _valid_ops(seed), app_version="0.1.0", catalogue_version="2026.1")
    return zstandard.ZstdDecompressor().decompress(body)


@st.composite
def mutated(draw: st.DrawFn, text: bytes) -> bytes:
    """`text` with a few bytes replaced, inserted or deleted, or a slice repeated deep."""
    data = bytearray(text)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        action = draw(st.sampled_from(["replace", "insert", "delete", "nest"]))
        byte = draw(st.sampled_from(list(b'{}[]",:\\0-9aeE.+ \x00\xff')))
        if action == "replace" and data:
            data[at] = byte
        elif action == "insert":
            data.insert(at, byte)
        elif action == "delete" and data:
            del data[at]
        elif action == "nest":
            depth = draw(st.integers(1, 1500))
            data[at:at] = b"[" * depth + b"1" + b"]" * depth
    return bytes(data)


def _decodes_or_refuses(raw: bytes) -> None:
    try:
        batch = decode_batch(compress(raw))
    except ProtocolError:
        return
    for index, op in enumerate(batch.ops):
        assert isinstance(check_op(bytes(op), UNIT, index), IncomingOp | Rejected)


@given(st.binary(max_size=400))
def test_arbitrary_bytes_are_refused_as_a_protocol_error(body: bytes) -> None:
    try:
        decode_batch(body)
    except ProtocolError:
        pass


@given(json_values)
def test_arbitrary_json_is_a_batch_or_a_protocol_error(value: Any) -> None:
    _decodes_or_refuses(json.dumps(value).encode())


@given(st.integers(0, 50).flatmap(lambda seed: mutated(_valid_batch_json(seed))))
def test_mutated_batches_decode_or_are_refused_and_every_op_is_checked(raw: bytes) -> None:
    _decodes_or_refuses(raw)


@given(st.integers(0, 50).flatmap(lambda seed: mutated(canonical_json(_valid_ops(seed)[0]))))
def test_a_mutated_op_is_taken_or_quarantined(raw: bytes) -> None:
    assert isinstance(check_op(raw, UNIT, 0), IncomingOp | Rejected)


@given(st.binary(max_size=300))
def test_arbitrary_op_bytes_are_quarantined(raw: bytes) -> None:
    result = check_op(raw, UNIT, 0)
    assert isinstance(result, Rejected) and result.reason


@given(
    st.lists(json_values, max_size=5)
    | st.dictionaries(st.text(max_size=8), json_values, max_size=5)
)
def test_the_depth_free_scan_finds_the_members_the_parser_finds(value: Any) -> None:
    found = jsonscan.members(json.dumps(value).encode())
    if isinstance(value, dict):
        assert {key: json.loads(raw) for key, raw in found} == value
    else:
        assert [json.loads(raw) for _, raw in found] == value
