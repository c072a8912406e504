"""The sync wire protocol shared by the counter and the provincial server: shapes, bytes, checks.

Push: the device sends `build_batch(...)` (zstd-compressed canonical JSON) to `PUSH_PATH` with
`push_headers(...)`: its device id and an Ed25519 signature over the exact compressed bytes. The
server answers with a `SignedReceipt`; the device marks ops sent only after `verify_receipt`.
Pull: `GET changes_target(...)` with `signed_request_headers(...)`; the reply body is signed by
the server (`SERVER_SIGNATURE_HEADER`, checked by `verify_server_body`) and parsed by
`parse_changes_page`; its shapes, the checkable cursor (`cursor_id`, `reset`) and the probes of
acknowledged ops (`probe`) are in sync/feed_wire.py. Ops are plain dicts in the outbox's format
(see `Op`).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from itertools import pairwise
from typing import Any, Literal, NotRequired, TypedDict

import orjson
import zstandard

from counter_app.sync.feed_wire import MAX_PROBES as MAX_PROBES
from counter_app.sync.feed_wire import Change as Change
from counter_app.sync.feed_wire import ChangesPage as ChangesPage
from counter_app.sync.feed_wire import cursor_field_problem, feed_query
from counter_app.sync.feed_wire import is_change_id as is_change_id
from counter_app.sync.signing import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
    SignatureError,
    canonical_json,
    receipt_hash,
    sha256_hex,
    sign,
    verify,
)

PROTOCOL_VERSION = 1
SCHEMA_VERSION = 1  # shape of ops and their data; bumped on an incompatible change
SUPPORTED_SCHEMA_VERSIONS = frozenset({1})

ENROL_PATH = "/sync/v1/enrol"
PUSH_PATH = "/sync/v1/batches"
CHANGES_PATH = "/sync/v1/changes"
HEALTH_PATH = "/health"

DEVICE_HEADER = "X-Counter-Device"
SIGNATURE_HEADER = "X-Counter-Signature"
TIME_HEADER = "X-Counter-Time"
SERVER_SIGNATURE_HEADER = "X-Counter-Server-Signature"
BATCH_CONTENT_TYPE = "application/json"
BATCH_CONTENT_ENCODING = "zstd"

DEFAULT_BATCH_OPS = 1000
MAX_BATCH_OPS = 2000
MAX_BATCH_BYTES = 32 * 1024 * 1024  # decompressed; a bigger body is refused unread
COMPRESSION_LEVEL = 3  # ~100 B per new dossier on 500-op batches; higher levels gain little
DEFAULT_CHANGES_LIMIT = 500
MAX_CHANGES_LIMIT = 5000

KIND_CREATE = "dossier.create"
KIND_EVENT = "dossier.event"
OP_KINDS = frozenset({KIND_CREATE, KIND_EVENT})

APPLIED = "applied"
DUPLICATE = "duplicate"
CONFLICT = "conflict"
QUARANTINED = "quarantined"
HELD = "held"
ResultName = Literal["applied", "duplicate", "conflict", "quarantined", "held"]

CHANGE_DOSSIER_STATUS = "dossier.status"
CHANGE_CATALOGUE = "catalogue"
CHANGE_CALENDAR = "calendar"
CHANGE_TRACKING_POOL = "tracking_pool"
CHANGE_DEVICE_REVOKED = "device.revoked"


class ProtocolError(ValueError):
    """Bytes or JSON that do not follow this protocol."""


class ReceiptError(ValueError):
    """A receipt whose hash, signature or batch id does not check out: keep the ops unsent."""


class Op(TypedDict):
    """One outbox operation. Sent as its canonical JSON (`canonical_json(op)`, as the outbox
    stores it); the server hashes those bytes as received, which equals `payload_hash(op)`.
    A resend must be byte-identical to count as the same op."""

    op_id: str
    device_seq: int
    kind: str
    dossier_uuid: str
    dossier_code: str
    unit_code: str
    prev_seq: int | None
    created_at: str
    data: dict[str, Any]


class Batch(TypedDict):
    device_id: int
    batch_id: str
    app_version: str
    schema_version: int
    catalogue_version: str | None
    sent_at: str
    head_seq: NotRequired[int | None]  # the device's newest device_seq when it built the batch
    ops: list[dict[str, Any]]


class OpResult(TypedDict):
    op_id: str | None
    device_seq: int | None
    result: str  # one of ResultName
    reason: NotRequired[str]  # machine code, e.g. "other_unit"
    message: NotRequired[str]  # Vietnamese, for the clerk or IT
    prior: NotRequired[str]  # duplicate: the result first stored for this op
    state: NotRequired[str]  # duplicate: where the op stands now (a held op may be applied)
    clock: NotRequired[str]  # "ahead" | "behind": the op's created_at is suspect


class Receipt(TypedDict):
    batch_id: str
    device_id: int
    server_time: str
    results: list[OpResult]
    receipt_hash: str


class SignedReceipt(TypedDict):
    receipt: Receipt
    signature: str


class EnrolRequest(TypedDict):
    code: str
    public_key: str
    device_uuid: str
    device_name: str
    slot: int
    app_version: str
    unit_code: NotRequired[str]  # the PC's unit: a code for another unit is refused unused


class EnrolReply(TypedDict):
    device_id: int
    unit_code: str
    slot: int
    server_public_key: str
    server_time: str


def new_batch_id() -> str:
    return str(uuid.uuid4())


def format_time(moment: datetime) -> str:
    """Aware ISO-8601; refuses naive datetimes, which mean nothing on the wire."""
    if moment.tzinfo is None:
        raise ValueError("a naive datetime cannot go on the wire")
    return moment.isoformat()


def parse_time(text: object) -> datetime:
    """An aware datetime from ISO-8601 text; ProtocolError if it is not text, not ISO or naive."""
    if not isinstance(text, str):
        raise ProtocolError(f"expected an ISO time, got {type(text).__name__}")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as exc:
        raise ProtocolError(f"not an ISO time: {text[:40]!r}") from exc
    if moment.tzinfo is None:
        raise ProtocolError(f"time without a zone: {text[:40]!r}")
    return moment


def payload_hash(op: dict[str, Any]) -> str:
    """SHA-256 hex of the op's canonical JSON: equal hashes mean a resend, not an edit."""
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


def build_batch(
    device_id: int,
    ops: Sequence[dict[str, Any] | bytes],
    *,
    app_version: str,
    catalogue_version: str | None,
    head_seq: int | None = None,
    batch_id: str | None = None,
    sent_at: datetime | None = None,
    schema_version: int = SCHEMA_VERSION,
    level: int = COMPRESSION_LEVEL,
) -> bytes:
    """The compressed body for `PUSH_PATH`; sign exactly these bytes (`push_headers`).

    `ops`: op dicts, or the exact `canonical_json(op)` bytes the outbox stored (spliced as is).
    `head_seq`: the outbox's newest device_seq now (not this batch's): it lets the server tell
    an old backlog from a clock running backwards.
    """
    batch: Batch = {
        "device_id": device_id,
        "batch_id": batch_id or new_batch_id(),
        "app_version": app_version,
        "schema_version": schema_version,
        "catalogue_version": catalogue_version,
        "sent_at": format_time(sent_at or datetime.now(UTC)),
        "head_seq": head_seq,
        "ops": [],
    }
    # Sorted keys put "ops" once at the top level, and no string can hold an unescaped quote.
    envelope = canonical_json(batch)
    parts = b",".join(op if isinstance(op, bytes) else canonical_json(op) for op in ops)
    body = envelope.replace(b'"ops":[]', b'"ops":[' + parts + b"]", 1)
    return compress(body, level)


def push_headers(device_id: int, key: Ed25519PrivateKey, body: bytes) -> dict[str, str]:
    """Headers for a push: who sends, and their signature over the exact body bytes."""
    return {
        DEVICE_HEADER: str(device_id),
        SIGNATURE_HEADER: sign(key, body),
        "Content-Type": BATCH_CONTENT_TYPE,
        "Content-Encoding": BATCH_CONTENT_ENCODING,
    }


def request_signing_bytes(method: str, target: str, device_id: int | str, stamp: str) -> bytes:
    """What a bodiless request signs: method, path with its raw query, device id and time."""
    return f"{method.upper()}\n{target}\n{device_id}\n{stamp}".encode()


def signed_request_headers(
    device_id: int, key: Ed25519PrivateKey, method: str, target: str,
    now: datetime | None = None,
) -> dict[str, str]:
    """Headers for a signed GET. `target` is the path plus the exact query string sent."""
    stamp = format_time(now or datetime.now(UTC))
    signature = sign(key, request_signing_bytes(method, target, device_id, stamp))
    return {DEVICE_HEADER: str(device_id), TIME_HEADER: stamp, SIGNATURE_HEADER: signature}


def decode_json_object(data: bytes) -> dict[str, Any]:
    try:
        value = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise ProtocolError(f"not valid JSON: {exc}") from exc
    if not isinstance(value, dict):
        raise ProtocolError("expected a JSON object")
    return value


def decode_batch(body: bytes, max_size: int = MAX_BATCH_BYTES) -> Batch:
    """Inflate and parse a pushed body and check its envelope (not the ops; see the server)."""
    raw = decode_json_object(decompress(body, max_size))
    check_envelope(raw)
    return raw  # type: ignore[return-value]  # shape checked just above


def check_envelope(raw: dict[str, Any]) -> None:
    """The batch envelope's fields (not its ops), in place: raises ProtocolError."""
    if not _is_int(raw.get("device_id")):
        raise ProtocolError("device_id must be an integer")
    raw["batch_id"] = _check_uuid(raw.get("batch_id"), "batch_id")
    if not isinstance(raw.get("app_version"), str):
        raise ProtocolError("app_version must be text")
    if not _is_int(raw.get("schema_version")):
        raise ProtocolError("schema_version must be an integer")
    catalogue = raw.get("catalogue_version")
    if catalogue is not None and not isinstance(catalogue, str):
        raise ProtocolError("catalogue_version must be text or null")
    parse_time(raw.get("sent_at"))
    head = raw.get("head_seq")
    if head is not None and not _is_int(head):
        raise ProtocolError("head_seq must be an integer or null")
    ops = raw.get("ops")
    if not isinstance(ops, list):
        raise ProtocolError("ops must be a list")
    if len(ops) > MAX_BATCH_OPS:
        raise ProtocolError(f"at most {MAX_BATCH_OPS} ops per batch")


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_uuid(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise ProtocolError(f"{name} must be a UUID string")
    try:
        return str(uuid.UUID(value))
    except ValueError as exc:
        raise ProtocolError(f"{name} is not a UUID") from exc


def make_receipt(
    batch_id: str, device_id: int, server_time: datetime, results: list[OpResult]
) -> Receipt:
    return {
        "batch_id": batch_id,
        "device_id": device_id,
        "server_time": format_time(server_time),
        "results": results,
        "receipt_hash": receipt_hash(list(results)),  # type: ignore[arg-type]
    }


def sign_receipt(key: Ed25519PrivateKey, receipt: Receipt) -> SignedReceipt:
    """The server's signature covers the canonical JSON of the whole receipt, hash included."""
    return {"receipt": receipt, "signature": sign(key, canonical_json(receipt))}


def verify_receipt(
    signed: SignedReceipt | dict[str, Any] | bytes,
    server_public_key: Ed25519PublicKey | str,
    *,
    batch_id: str | None = None,
    device_id: int | None = None,
) -> Receipt:
    """Check a push reply: results hash, server signature, and (if given) batch and device.

    Returns the receipt; raises ReceiptError on any mismatch, in which case nothing is acked.
    """
    raw = decode_json_object(signed) if isinstance(signed, bytes) else dict(signed)
    receipt, signature = raw.get("receipt"), raw.get("signature")
    if not isinstance(receipt, dict) or not isinstance(signature, str):
        raise ReceiptError("reply is not a signed receipt")
    results = receipt.get("results")
    if not isinstance(results, list) or receipt_hash(results) != receipt.get("receipt_hash"):
        raise ReceiptError("receipt hash does not match its results")
    try:
        verify(server_public_key, canonical_json(receipt), signature)
    except SignatureError as exc:
        raise ReceiptError(f"receipt signature invalid: {exc}") from exc
    if batch_id is not None and receipt.get("batch_id") != batch_id:
        raise ReceiptError("receipt is for another batch")
    if device_id is not None and receipt.get("device_id") != device_id:
        raise ReceiptError("receipt is for another device")
    return receipt  # type: ignore[return-value]  # hash and signature vouch for the shape


def verify_server_body(
    body: bytes, signature: str | None, server_public_key: Ed25519PublicKey | str
) -> None:
    """Raise ReceiptError unless the server signed exactly these response bytes."""
    if not signature:
        raise ReceiptError("reply is not signed")
    try:
        verify(server_public_key, body, signature)
    except SignatureError as exc:
        raise ReceiptError(f"reply signature invalid: {exc}") from exc


def changes_target(
    cursor: int, limit: int = DEFAULT_CHANGES_LIMIT, cursor_id: str | None = None,
    probes: Sequence[str] = (),
) -> str:
    """Path and query for a pull; sign exactly this string. The rest: sync/feed_wire.py."""
    return f"{CHANGES_PATH}?{feed_query(cursor, limit, cursor_id, probes)}"


def parse_changes_page(
    body: bytes, signature: str | None, server_public_key: Ed25519PublicKey | str
) -> ChangesPage:
    """Verify and parse a pull reply. Store `next_cursor` with the applied changes, atomically."""
    verify_server_body(body, signature, server_public_key)
    page = decode_json_object(body)
    changes = page.get("changes")
    if not isinstance(changes, list) or not _is_int(page.get("next_cursor")):
        raise ProtocolError("not a changes page")
    seqs: list[int] = [c["seq"] for c in changes if isinstance(c, dict) and _is_int(c.get("seq"))]
    if len(seqs) != len(changes) or any(a >= b for a, b in pairwise(seqs)):
        raise ProtocolError("changes are not in server order")
    if (problem := cursor_field_problem(page, changes)) is not None:
        raise ProtocolError(problem)
    return page  # type: ignore[return-value]  # signed by the server, shape checked
