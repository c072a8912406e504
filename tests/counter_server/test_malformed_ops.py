"""A malformed op is quarantined on its own; a malformed envelope is a 4xx. Never a 500 or a
stuck queue: the batch's other ops are applied and the receipt names the quarantined one."""

from __future__ import annotations

from typing import Any

import pytest
import zstandard

from counter_devkit.fake_device import FakeDevice
from counter_devkit.server import ServerProcess
from counter_protocol.encoding import canonical_json, compress

DEEP = 1000


def _deep_json(depth: int) -> bytes:
    """Nesting built as text: a Python encoder would itself refuse 1,000 levels."""
    return b'{"x":[' * depth + b'"y"' + b"]}" * depth


def _results(server: ServerProcess, device: FakeDevice, ops: list[Any]) -> list[str]:
    """Push `ops` (dicts, or bytes spliced into the batch as they are); the receipt's results."""
    with server.client() as client:
        receipt = device.push(client, ops)
    return [r.result for r in receipt.results]


def _with_created_at(device: FakeDevice, text: str) -> dict[str, Any]:
    op = device.create_op()
    op["created_at"] = text
    return op


@pytest.mark.parametrize(
    "created_at",
    [
        "0001-01-01T00:00:00+07:00",
        "0001-01-01T00:00:00+14:00",
        "9999-12-31T23:59:59-12:00",
        "9999-12-31T23:59:59+07:00",
    ],
)
def test_an_op_created_in_year_1_or_9999_is_quarantined_alone(
    server: ServerProcess, created_at: str
) -> None:
    device = server.device()
    good_before, odd, good_after = (
        device.create_op(),
        _with_created_at(device, created_at),
        device.create_op(),
    )
    results = _results(server, device, [good_before, odd, good_after])
    assert results == ["applied", "quarantined", "applied"]
    again = _results(server, device, [device.create_op()])  # the queue moves on
    assert again == ["applied"]


@pytest.mark.parametrize("field", ["received_at", "due_at"])
def test_absurd_dossier_times_are_quarantined_alone(server: ServerProcess, field: str) -> None:
    device = server.device()
    odd = device.create_op()
    odd["data"][field] = "0001-01-01T00:00:00+07:00"
    odd["data"]["event"]["at"] = "9999-12-31T23:59:59-12:00"
    assert _results(server, device, [odd, device.create_op()]) == ["quarantined", "applied"]


def test_an_op_nested_1000_deep_inside_data_is_quarantined_alone(server: ServerProcess) -> None:
    device = server.device()
    deep = device.create_op()
    deep["data"]["event"]["extra"] = {"_": "PLACEHOLDER"}
    text = canonical_json(deep).replace(b'{"_":"PLACEHOLDER"}', _deep_json(DEEP))
    results = _results(server, device, [device.create_op(), text, device.create_op()])
    assert results == ["applied", "quarantined", "applied"]
    stored = server.rows(
        "SELECT CAST(op_id AS TEXT), state, reason FROM ops "
        "WHERE device_seq = :s AND device_id = :d",
        s=deep["device_seq"],
        d=device.device_id,
    )
    assert [tuple(r) for r in stored] == [(deep["op_id"], "quarantined", "too_deep")]


def test_a_whole_op_nested_1000_deep_is_quarantined_alone(server: ServerProcess) -> None:
    device = server.device()
    results = _results(server, device, [_deep_json(DEEP), device.create_op()])
    assert results == ["quarantined", "applied"]


def test_an_op_with_broken_utf8_inside_data_is_quarantined_alone(server: ServerProcess) -> None:
    device = server.device()
    broken = device.create_op()
    broken["data"]["applicant"]["full_name"] = "BROKEN"
    text = canonical_json(broken).replace(b"BROKEN", b"H\xb9ng")
    assert _results(server, device, [text, device.create_op()]) == ["quarantined", "applied"]


def test_wrong_types_inside_data_are_quarantined_alone(server: ServerProcess) -> None:
    device = server.device()
    odd = device.create_op()
    odd["data"]["event"]["extra"] = [1, 2]
    odd["data"]["applicant"]["full_name"] = {"no": "text"}
    odd2 = device.create_op()
    odd2["data"]["components"] = "none"
    assert _results(server, device, [odd, odd2, device.create_op()]) == [
        "quarantined",
        "quarantined",
        "applied",
    ]


@pytest.mark.parametrize(
    "envelope",
    [
        b"not json",
        b"[]",
        b'{"ops": 5}',
        b"null",
        b'{"device_id": "x"}',
    ],
)
def test_a_malformed_envelope_is_a_400(server: ServerProcess, envelope: bytes) -> None:
    device = server.device()
    status, reply = _post_compressed(server, device, envelope)
    assert status == 400, reply
    assert set(reply) == {"error", "message", "template", "params"}
    assert reply["template"].format(**reply["params"]) == reply["message"]


def test_an_envelope_nested_1000_deep_is_a_400(server: ServerProcess) -> None:
    device = server.device()
    _, body = device.batch([device.create_op()])
    deep = b'{"z":' + _deep_json(DEEP) + b"," + zstandard.ZstdDecompressor().decompress(body)[1:]
    status, reply = _post_compressed(server, device, deep)
    assert status == 400, reply
    assert _results(server, device, [device.create_op()]) == ["applied"]


def _post_compressed(server: ServerProcess, device: FakeDevice, raw: bytes) -> tuple[int, Any]:
    body = compress(raw)
    with server.client() as client:
        reply = device.post_body(client, body)
    return reply.status_code, reply.json()
