"""The operations a counter sends: one typed schema, built by the counter, decoded by the server.

An op is `Op[data]`: its own fields (identity, dossier, chain position, time) and the data of
its kind: `CreateData` for `dossier.create` (a received dossier with its first event),
`EventData` for `dossier.event` (a later event, such as a status change or a return),
`HelpData` for `online_help.record` (a citizen helped to submit on the national portal: no
dossier of the counter; the envelope's `dossier_uuid` is the record's uuid and `dossier_code`
the portal's dossier code, docs/decisions/0029-online-help-as-an-op.md). The
counter builds `Op[CreateData]` / `Op[EventData]` and stores `canonical_json(op)`; the server
decodes the same bytes as `Op[Raw]` (its data left unparsed), hashes them as received, then
decodes the data with the decoder of the op's kind (`DATA_DECODERS`). Adding a field means
adding it here, once, with a default so that ops stored before it still decode.

The length limits and status codes below are the server's checks, declared with the types:
msgspec applies them while decoding; building a struct in Python does not check them.
"""

from __future__ import annotations

from typing import Annotated, Any, Final, Generic, Literal, TypeVar

import msgspec
from msgspec import UNSET, Meta, Raw, Struct, UnsetType

KIND_CREATE: Final = "dossier.create"
KIND_EVENT: Final = "dossier.event"
KIND_ONLINE_HELP: Final = "online_help.record"
OpKind = Literal["dossier.create", "dossier.event", "online_help.record"]
OP_KINDS = frozenset({KIND_CREATE, KIND_EVENT, KIND_ONLINE_HELP})
DOSSIER_KINDS = frozenset({KIND_CREATE, KIND_EVENT})

Seq = Annotated[int, Meta(gt=0, lt=2**62)]
Count = Annotated[int, Meta(ge=0)]
StatusCode = Literal[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]  # counter_protocol.statuses.Status

# Text of 1 to N characters; the server's explaining path names these limits too. Blank text
# is refused by the server's checks: a regex here would double the cost of decoding an op.
TEXT_LIMITS: Final = {
    "procedure_code": 60,
    "catalogue_version": 40,
    "full_name": 200,
    "actor": 200,
    "kind": 40,
    "received_by": 200,
}
Text40 = Annotated[str, Meta(min_length=1, max_length=40)]
Text60 = Annotated[str, Meta(min_length=1, max_length=60)]
Text200 = Annotated[str, Meta(min_length=1, max_length=200)]


class Applicant(Struct, kw_only=True):
    """The person or organisation who lodged the dossier."""

    full_name: Text200
    kind: int = 1  # 1 citizen, 2 organisation
    id_number: str | None = None
    old_id_number: str | None = None
    birth_date: str | None = None  # ISO date
    sex: str | None = None
    phone: str | None = None
    email: str | None = None
    address: str | None = None


class Component(Struct, kw_only=True):
    """One paper of the dossier (thành phần hồ sơ): how many originals and copies."""

    name: str
    originals: Count
    copies: Count
    provided: bool = True


class Fee(Struct, kw_only=True):
    """A fee or charge (phí, lệ phí) of the procedure, and when it is collected."""

    kind: str  # phi | le_phi
    name: str
    amount: int
    collected: str  # at_receipt | at_return | exempt
    paid: bool = False


class EventData(Struct, kw_only=True):
    """An event: the first one inside a create op's data, or a whole event op's data."""

    event_seq: int
    kind: Text40
    actor: Text200
    at: str
    from_status: StatusCode | None = None
    to_status: StatusCode | None = None
    note: str | None = None
    extra: dict[str, Any] | None = None  # what the event's kind records (e.g. the receiver)


class CreateData(Struct, kw_only=True):
    """A received dossier as the counter stored it, with its first event."""

    procedure_code: Text60
    received_by: Text200
    status: StatusCode
    channel: int  # 1 at the counter, 3 by post
    result_delivery: int  # 0 at the counter, 1 by post
    received_at: str
    applicant: Applicant
    components: list[Component]
    event: EventData
    catalogue_version: Text40 | None = None
    due_at: str | None = None
    fees: list[Fee] = []
    delivery_address: str | None = None
    authorised_person: str | None = None
    note: str | None = None
    sets_count: int = 1
    # Received at the citizen's home (docs/domain.md#received-at-home). Left out of the bytes
    # unless true, so every other dossier's op keeps the bytes it had before this field.
    at_home: bool | UnsetType = UNSET

    @property
    def received_at_home(self) -> bool:
        return self.at_home is True


HelpKindCode = Literal["full", "partial"]  # toàn trình | một phần


class HelpData(Struct, kw_only=True):
    """An online-help record: which service, which procedure, which clerk, when. The citizen's
    name and phone stay at the counter: the province counts the work, not the people."""

    kind: HelpKindCode
    procedure_code: Text60
    clerk: Text200
    helped_at: str


DataT = TypeVar("DataT")


class Op(Struct, Generic[DataT], kw_only=True):
    """One outbox operation. It goes on the wire as its canonical JSON, as the outbox stored
    it; a resend must be byte-identical to count as the same op."""

    op_id: str
    device_seq: Seq
    kind: OpKind
    dossier_uuid: str
    dossier_code: str
    unit_code: str
    created_at: str
    data: DataT
    prev_seq: Seq | None = None  # the device_seq of the dossier's previous op; None: a create


CreateOp = Op[CreateData]
EventOp = Op[EventData]
HelpOp = Op[HelpData]
OpData = CreateData | EventData | HelpData

# Decoders are built once; each decodes and type-checks in one C pass.
OP_HEAD = msgspec.json.Decoder(Op[Raw])
CREATE_DATA = msgspec.json.Decoder(CreateData)
EVENT_DATA = msgspec.json.Decoder(EventData)
HELP_DATA = msgspec.json.Decoder(HelpData)
DATA_DECODERS: Final[dict[str, msgspec.json.Decoder[Any]]] = {
    KIND_CREATE: CREATE_DATA,
    KIND_EVENT: EVENT_DATA,
    KIND_ONLINE_HELP: HELP_DATA,
}
WireError = (msgspec.ValidationError, msgspec.DecodeError, UnicodeDecodeError)  # bad UTF-8


def decode_op(body: bytes) -> CreateOp | EventOp | HelpOp:
    """A whole op from its bytes, data typed by kind; msgspec.ValidationError if it is not one.
    (The server decodes in two steps instead: it checks the head before the data.)"""
    head = OP_HEAD.decode(body)
    data: Any = DATA_DECODERS[head.kind].decode(head.data)
    return Op(
        op_id=head.op_id,
        device_seq=head.device_seq,
        kind=head.kind,
        dossier_uuid=head.dossier_uuid,
        dossier_code=head.dossier_code,
        unit_code=head.unit_code,
        created_at=head.created_at,
        data=data,
        prev_seq=head.prev_seq,
    )
