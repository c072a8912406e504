"""Check one pushed op before anything is written: shape, types, unit, codes, times and statuses.

An op that fails is quarantined with a machine reason and a Vietnamese message; the others go on.
The op's bytes are hashed as received and decoded straight into the wire's typed structs
(counter_protocol/ops.py); only an op that does not decode is parsed again, to say what is wrong
with it (`explain.py`).
"""

from __future__ import annotations

import orjson
from msgspec import Raw

from counter_protocol import jsonscan
from counter_protocol.encoding import sha256_hex
from counter_protocol.errors import ProtocolError
from counter_protocol.ops import (
    CREATE_DATA,
    EVENT_DATA,
    HELP_DATA,
    KIND_CREATE,
    KIND_ONLINE_HELP,
    OP_HEAD,
    CreateData,
    EventData,
    Op,
    WireError,
)
from counter_server.ingest.explain import (
    OpRejected,
    canonical_uuid,
    check_code,
    check_code_slot,
    check_portal_code,
    check_prev,
    explain,
    malformed,
    op_identity,
    time_value,
)
from counter_server.ingest.records import Entry, IncomingHelp, IncomingOp, Rejected


def check_op(body: bytes, unit_code: str, index: int, slot: int | None = None) -> Entry:
    """An IncomingOp from an op's bytes pushed by a device of `unit_code` (numbering `slot`,
    when given: a create must carry a code of that slot), or why not."""
    digest = sha256_hex(body)
    try:
        if b"\\" in body and b"\\u0000" in body:  # memchr first: most ops hold no escape at all
            raise OpRejected("malformed", "Thao tác chứa ký tự NUL không hợp lệ.")
        return _checked(OP_HEAD.decode(body), body, digest, unit_code, index, slot)
    except OpRejected as exc:
        return _rejected(body, digest, index, exc)
    except (*WireError, UnicodeDecodeError, _Reparse):  # (bad UTF-8 in `data` shows late)
        return _rejected(body, digest, index, None, unit_code)
    except RecursionError:  # nested past what the decoders take, in `data` or anywhere
        return _rejected(body, digest, index, OpRejected("too_deep", _TOO_DEEP))


def read_back(body: bytes, payload_hash: str, unit_code: str) -> IncomingOp:
    """A held op from its stored JSON (it passed its checks when it arrived)."""
    op = check_op(body, unit_code, -1)
    if isinstance(op, Rejected):
        raise OpRejected(op.reason, op.message)
    if isinstance(op, IncomingHelp):  # a help record is applied or refused, never held
        raise OpRejected("malformed", "Bản ghi hỗ trợ nộp trực tuyến không chờ thao tác trước.")
    op.payload_hash = payload_hash  # as first received, whatever byte form it is stored in
    return op


def _checked(
    head: Op[Raw], body: bytes, digest: str, unit_code: str, index: int, slot: int | None
) -> IncomingOp | IncomingHelp:
    op_id, dossier_uuid = canonical_uuid(head.op_id), canonical_uuid(head.dossier_uuid)
    if op_id is None or dossier_uuid is None:  # (an unknown kind did not decode at all)
        raise _Reparse  # the slow path says which, in the words it always used
    if head.kind == KIND_ONLINE_HELP:
        return _checked_help(head, body, digest, unit_code, index, (op_id, dossier_uuid))
    code = check_code(head.unit_code, head.dossier_code, unit_code)
    prev_seq = check_prev(head.prev_seq, head.kind, head.device_seq)
    created_at = time_value(head.created_at, "created_at")
    create = None
    if head.kind == KIND_CREATE:
        create = CREATE_DATA.decode(head.data)
        _check_create(create)
        if slot is not None:
            check_code_slot(code, slot)
        event = create.event
    else:
        event = EVENT_DATA.decode(head.data)
        _check_event(event, first=False)
    return IncomingOp(
        body=body,
        op_id=op_id,
        device_seq=head.device_seq,
        kind=head.kind,
        dossier_uuid=dossier_uuid,
        dossier_code=code,
        unit_code=unit_code,
        prev_seq=prev_seq,
        created_at=created_at,
        created_text=head.created_at,
        payload_hash=digest,
        create=create,
        event=event,
        data_json=bytes(head.data),
        index=index,
    )


def _checked_help(
    head: Op[Raw], body: bytes, digest: str, unit_code: str, index: int, ids: tuple[str, str]
) -> IncomingHelp:
    """An online-help record (docs/decisions/0029-online-help-as-an-op.md): no dossier, no chain."""
    code = check_portal_code(head.unit_code, head.dossier_code, unit_code)
    if head.prev_seq is not None:
        raise _Reparse
    created_at = time_value(head.created_at, "created_at")
    data = HELP_DATA.decode(head.data)
    if data.procedure_code.isspace() or data.clerk.isspace():
        raise _Reparse
    return IncomingHelp(
        body=body,
        op_id=ids[0],
        device_seq=head.device_seq,
        kind=head.kind,
        dossier_uuid=ids[1],
        portal_code=code,
        unit_code=unit_code,
        created_at=created_at,
        created_text=head.created_at,
        payload_hash=digest,
        help=data,
        helped_at=time_value(data.helped_at, "helped_at"),
        index=index,
    )


class _Reparse(Exception):
    """The typed decode cannot take this op as it is; the slow path can."""


def _check_create(data: CreateData) -> None:
    """What the types of ops.py cannot say (they already checked lengths and status codes)."""
    texts = (
        data.procedure_code,
        data.received_by,
        data.applicant.full_name,
        data.catalogue_version or "-",
    )
    if any(text.isspace() for text in texts):
        raise _Reparse  # blank: the slow path names the field
    time_value(data.received_at, "received_at")
    if data.due_at is not None:
        time_value(data.due_at, "due_at")
    event = data.event
    _check_event(event, first=True)
    if event.from_status is not None or event.to_status is None:
        raise OpRejected("bad_data", _FIRST_EVENT)
    if event.to_status != data.status:
        raise OpRejected("bad_data", _STATUS_MISMATCH)


def _check_event(event: EventData, *, first: bool) -> None:
    if event.event_seq != 1 if first else event.event_seq < 2:
        raise malformed("event_seq")
    if event.kind.isspace() or event.actor.isspace():
        raise _Reparse
    time_value(event.at, "at")


_TOO_DEEP = "Thao tác sai định dạng: dữ liệu lồng nhau quá sâu."
_FIRST_EVENT = "Sự kiện tiếp nhận phải có trạng thái đích, không có nguồn."
_STATUS_MISMATCH = "Trạng thái của hồ sơ và của sự kiện tiếp nhận không khớp."


def _rejected(
    body: bytes, digest: str, index: int, fault: OpRejected | None, unit_code: str = ""
) -> Rejected:
    """The slow path: parse the op as plain JSON to name what is wrong (or to take it after
    all, when only its form was unusual: upper-case UUIDs, say)."""
    try:
        raw = orjson.loads(body)
    except orjson.JSONDecodeError:
        raw = _shallow(body)
    if fault is None:
        fault = explain(raw, unit_code)
    op_id, seq = op_identity(raw)
    return Rejected(index, raw, op_id, seq, digest, fault.reason, fault.message)


def _shallow(body: bytes) -> dict[str, object] | None:
    """The op's top-level fields that parse on their own (a deep `data` left out), so that a
    too-deep op keeps its op id and device_seq and is quarantined under them."""
    try:
        fields = jsonscan.members(body)
    except ProtocolError:
        return None
    shallow: dict[str, object] = {}
    for key, raw in fields:
        if key is not None and key != "data":
            try:
                shallow[key] = orjson.loads(raw)
            except orjson.JSONDecodeError:
                continue
    return shallow or None
