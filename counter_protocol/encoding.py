"""The bytes both ends agree on: canonical JSON, SHA-256 hashes, zstd frames, strict decoding.

`canonical_json` is THE byte form of anything hashed or signed: keys sorted at every level,
no spaces, UTF-8 text unescaped. It encodes the typed structs of this package and plain JSON
values alike, in one C pass. For the values the protocol carries (text, integers, null,
booleans, lists and objects) its bytes are exactly those of `orjson.dumps(value,
option=OPT_SORT_KEYS)`, the form outbox payloads were first stored in; so stored payloads and
their hashes stay valid (tests/counter_protocol/test_encoding.py holds the two together).
"""

from __future__ import annotations

import hashlib
from typing import Any, TypeVar

import msgspec
import orjson
import zstandard

from counter_protocol.errors import ProtocolError

COMPRESSION_LEVEL = 3  # ~100 B per new dossier on 500-op batches; higher levels gain little
MAX_BATCH_BYTES = 32 * 1024 * 1024  # decompressed; a bigger body is refused unread

T = TypeVar("T")

_CANONICAL = msgspec.json.Encoder(order="sorted")


def canonical_json(value: Any) -> bytes:
    """The single byte form of a JSON value or wire struct that is hashed or signed."""
    return _CANONICAL.encode(value)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def payload_hash(op: Any) -> str:
    """SHA-256 hex of an op's canonical JSON: equal hashes mean a resend, not an edit."""
    return sha256_hex(canonical_json(op))


def compress(data: bytes, level: int = COMPRESSION_LEVEL) -> bytes:
    return zstandard.ZstdCompressor(level=level, write_content_size=True).compress(data)


def decompress(data: bytes, max_size: int = MAX_BATCH_BYTES) -> bytes:
    """Inflate a zstd frame, refusing frames that claim (or turn out) to exceed `max_size`."""
    try:
        params = zstandard.get_frame_parameters(data)
        if params.content_size > max_size:
            raise ProtocolError(f"batch larger than {max_size} bytes")
        out = zstandard.ZstdDecompressor().decompress(data, max_output_size=max_size)
    except zstandard.ZstdError as exc:
        raise ProtocolError(f"not a valid zstd frame: {exc}") from exc
    if len(out) > max_size:
        raise ProtocolError(f"batch larger than {max_size} bytes")
    return out


def decode_json_object(data: bytes) -> dict[str, Any]:
    """A JSON object as plain Python values (what signatures and hashes are checked on)."""
    try:
        value = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise ProtocolError(f"not valid JSON: {exc}") from exc
    if not isinstance(value, dict):
        raise ProtocolError("expected a JSON object")
    return value


def convert(value: Any, kind: type[T]) -> T:
    """Plain JSON values (already parsed, perhaps already verified) as the wire type `kind`."""
    try:
        return msgspec.convert(value, kind)
    except msgspec.ValidationError as exc:
        raise ProtocolError(str(exc)) from exc
