"""A pushed batch as typed structures, decoded and type-checked in one C pass (msgspec).

The body is split into its envelope and the exact bytes of each op; each op's bytes are hashed as
received and decoded straight into the structs below, which hold what the server checks and
stores. Anything these types refuse goes to the slow, explaining path in `checks.py`, so the
reason a clerk reads is the same whichever path looked first.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

import msgspec
from msgspec import Meta, Raw, Struct

from counter_app.sync.protocol import Batch, ProtocolError, check_envelope, decompress

Seq = Annotated[int, Meta(gt=0, lt=2**62)]
Count = Annotated[int, Meta(ge=0)]
StatusCode = Literal[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]  # counter_app.domain.statuses.Status


# Text of 1 to N characters (explain.TEXT_LIMITS says the same). Blank text is refused by
# checks.py: a regex here would double the cost of decoding an op.
Text40 = Annotated[str, Meta(min_length=1, max_length=40)]
Text60 = Annotated[str, Meta(min_length=1, max_length=60)]
Text200 = Annotated[str, Meta(min_length=1, max_length=200)]


class Applicant(Struct):
    full_name: Text200


class Component(Struct):
    name: str
    originals: Count
    copies: Count


class EventData(Struct):
    """An event: the first one inside a create op's data, or a whole event op's data."""

    event_seq: int
    kind: Text40
    actor: Text200
    at: str
    from_status: StatusCode | None = None
    to_status: StatusCode | None = None
    note: str | None = None
    extra: dict[str, Any] | None = None


class CreateData(Struct):
    procedure_code: Text60
    received_by: Text200
    status: StatusCode
    channel: int
    result_delivery: int
    received_at: str
    applicant: Applicant
    components: list[Component]
    event: EventData
    catalogue_version: Text40 | None = None
    due_at: str | None = None
    fees: list[Any] = []


class OpHead(Struct):
    """An op's own fields; `data` stays raw bytes until its kind says which struct it is."""

    op_id: str
    device_seq: Seq
    kind: str
    dossier_uuid: str
    dossier_code: str
    unit_code: str
    created_at: str
    data: Raw
    prev_seq: Seq | None = None


_ENVELOPE = msgspec.json.Decoder(dict[str, Raw])
_OPS = msgspec.json.Decoder(list[Raw])
OP_HEAD = msgspec.json.Decoder(OpHead)
CREATE_DATA = msgspec.json.Decoder(CreateData)
EVENT_DATA = msgspec.json.Decoder(EventData)
WireError = (msgspec.ValidationError, msgspec.DecodeError)


def decode_push(body: bytes) -> Batch:
    """Inflate a pushed body and check its envelope; `ops` holds each op's bytes, unparsed."""
    try:
        fields = _ENVELOPE.decode(decompress(body))
        envelope: dict[str, Any] = {
            name: msgspec.json.decode(raw) for name, raw in fields.items() if name != "ops"}
        ops = fields.get("ops")
        envelope["ops"] = [bytes(op) for op in _OPS.decode(ops)] if ops is not None else None
    except WireError as exc:
        raise ProtocolError(f"not valid JSON: {exc}") from exc
    check_envelope(envelope)
    return envelope  # type: ignore[return-value]  # shape checked just above
