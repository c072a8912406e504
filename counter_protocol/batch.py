"""A push: the batch envelope around a device's ops, as built by the counter and read by the server.

The device sends `build_batch(...)` (zstd-compressed canonical JSON) to `transport.PUSH_PATH`
with `transport.push_headers(...)`: its device id and an Ed25519 signature over the exact
compressed bytes. The server reads it with `decode_batch`, which checks the envelope and leaves
each op as the exact bytes the device stored (`Raw`), to be hashed as received and decoded with
the types of ops.py. The server answers with a signed receipt (receipt.py).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Annotated, Any

import msgspec
from msgspec import Meta, Raw, Struct

from counter_protocol import jsonscan
from counter_protocol.encoding import (
    COMPRESSION_LEVEL,
    MAX_BATCH_BYTES,
    canonical_json,
    compress,
    decompress,
)
from counter_protocol.errors import ProtocolError
from counter_protocol.ops import Op
from counter_protocol.timefmt import format_time, parse_time, within_wire_range

SCHEMA_VERSION = 1  # shape of ops and their data (ops.py); bumped on an incompatible change
SUPPORTED_SCHEMA_VERSIONS = frozenset({1})

DEFAULT_BATCH_OPS = 1000
MAX_BATCH_OPS = 2000


class Batch(Struct, kw_only=True):
    """The envelope of a push. `ops` are the ops' canonical JSON bytes, spliced in as they are."""

    device_id: int
    batch_id: str
    app_version: str
    schema_version: int
    catalogue_version: str | None
    sent_at: str
    # The device's newest device_seq when it built the batch (not this batch's): it lets the
    # server tell an old backlog from a clock running backwards.
    head_seq: int | None = None
    ops: Annotated[list[Raw], Meta(max_length=MAX_BATCH_OPS)] = []


_BATCH = msgspec.json.Decoder(Batch)
WireOp = Op[Any] | bytes | Mapping[str, Any]


def new_batch_id() -> str:
    return str(uuid.uuid4())


def build_batch(
    device_id: int,
    ops: Sequence[WireOp],
    *,
    app_version: str,
    catalogue_version: str | None,
    head_seq: int | None = None,
    batch_id: str | None = None,
    sent_at: datetime | None = None,
    schema_version: int = SCHEMA_VERSION,
    level: int = COMPRESSION_LEVEL,
) -> bytes:
    """The compressed body for a push; sign exactly these bytes (`transport.push_headers`).

    `ops`: the exact `canonical_json(op)` bytes the outbox stored (spliced as they are), or ops
    (typed, or plain dicts in tests) encoded here the same way.
    """
    batch = Batch(
        device_id=device_id,
        batch_id=batch_id or new_batch_id(),
        app_version=app_version,
        schema_version=schema_version,
        catalogue_version=catalogue_version,
        sent_at=format_time(sent_at or datetime.now(UTC)),
        head_seq=head_seq,
        ops=[Raw(op if isinstance(op, bytes) else canonical_json(op)) for op in ops],
    )
    return compress(canonical_json(batch), level)


def decode_batch(body: bytes, max_size: int = MAX_BATCH_BYTES) -> Batch:
    """Inflate and parse a pushed body and check its envelope (not the ops: see the server).

    An op nested too deep for the decoder does not sink its batch: the envelope is read around
    it and the op is left as its bytes, to be quarantined alone. A too-deep envelope is refused.
    """
    data = decompress(body, max_size)
    try:
        batch = _BATCH.decode(data)
    except RecursionError:
        batch = _decode_around_deep_ops(data)
    except (msgspec.ValidationError, msgspec.DecodeError, UnicodeDecodeError) as exc:
        raise ProtocolError(f"not a batch: {exc}") from exc
    try:
        batch.batch_id = str(uuid.UUID(batch.batch_id))
    except ValueError as exc:
        raise ProtocolError("batch_id is not a UUID") from exc
    if not within_wire_range(parse_time(batch.sent_at)):
        raise ProtocolError("sent_at is out of range")
    return batch


def _decode_around_deep_ops(data: bytes) -> Batch:
    """The slow path: split the envelope without recursing, decode it without its ops, and
    keep each op as its raw bytes."""
    fields = jsonscan.members(data)
    if data.lstrip()[:1] != b"{" or any(key is None for key, _ in fields):
        raise ProtocolError("not a batch: expected an object")
    ops_json = dict(fields).get("ops", b"[]")
    if ops_json[:1] != b"[":
        raise ProtocolError("not a batch: ops is not an array")
    ops = [Raw(raw) for _, raw in jsonscan.members(ops_json)]
    if len(ops) > MAX_BATCH_OPS:
        raise ProtocolError(f"not a batch: more than {MAX_BATCH_OPS} ops")
    head = (
        b"{"
        + b",".join(canonical_json(key) + b":" + raw for key, raw in fields if key != "ops")
        + b"}"
    )
    try:
        batch = _BATCH.decode(head)
    except RecursionError as exc:
        raise ProtocolError("not a batch: nested too deep") from exc
    except (msgspec.ValidationError, msgspec.DecodeError, UnicodeDecodeError) as exc:
        raise ProtocolError(f"not a batch: {exc}") from exc
    batch.ops = ops
    return batch
