"""Canonical JSON: one byte form for typed structs and plain values, as outboxes stored it."""

from __future__ import annotations

import random

import orjson
import pytest

from counter_protocol.encoding import canonical_json, convert, decode_json_object
from counter_protocol.errors import ProtocolError
from counter_protocol.receipt import OpResult


def legacy(value: object) -> bytes:
    """The byte form outbox payloads and receipt hashes were first computed with."""
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)


def random_text(rng: random.Random) -> str:
    # Vietnamese letters (precomposed and combining), controls, quotes, backslashes, emoji.
    pool = 'aăâđêôơưz ÀÁẢÃẠàáảãạĐđƯứừửữự\u0301\u0323"\\/\n\t\r\b\f\x00\x1f\x7f\u2028\u2029\ufeff😀€'
    return "".join(rng.choice(pool) for _ in range(rng.randrange(0, 12)))


def random_json(rng: random.Random, depth: int = 0) -> object:
    choice = rng.randrange(8 if depth < 3 else 5)
    if choice == 0:
        return None
    if choice == 1:
        return rng.choice([True, False])
    if choice == 2:
        return rng.choice([0, -1, 1, 2**31, -(2**53), 2**63 - 1, 2**64 - 1, -(2**63)])
    if choice in (3, 4):
        return random_text(rng)
    if choice == 5:
        return [random_json(rng, depth + 1) for _ in range(rng.randrange(4))]
    return {random_text(rng): random_json(rng, depth + 1) for _ in range(rng.randrange(5))}


@pytest.mark.parametrize("seed", range(20))
def test_canonical_json_is_the_byte_form_payloads_were_stored_in(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(200):
        value = random_json(rng)
        assert canonical_json(value) == legacy(value)


def test_a_struct_encodes_like_the_dict_it_stands_for() -> None:
    result = OpResult(op_id="a", device_seq=3, result="quarantined", reason="fork")
    assert canonical_json(result) == legacy(
        {"op_id": "a", "device_seq": 3, "result": "quarantined", "reason": "fork"}
    )
    assert canonical_json([OpResult(op_id=None, device_seq=None, result="conflict")]) == (
        b'[{"device_seq":null,"op_id":null,"result":"conflict"}]'
    )


def test_plain_json_is_read_strictly() -> None:
    with pytest.raises(ProtocolError):
        decode_json_object(b"[1]")
    with pytest.raises(ProtocolError):
        decode_json_object(b"{not json")
    with pytest.raises(ProtocolError, match="result"):
        convert({"op_id": None, "device_seq": None}, OpResult)
