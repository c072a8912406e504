"""The server's answer to a push: one result per op, hashed, signed, checked by the device.

The device marks ops sent only after `verify_receipt`: the results' hash, the server's signature
over the whole receipt, and the batch and device it answers. Both checks run on the JSON as
received, before it is read as the typed `Receipt`, so a field this version does not know
still counts in the signature.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, Final, Literal

import msgspec
from msgspec import Struct

from counter_protocol.encoding import canonical_json, convert, decode_json_object, sha256_hex
from counter_protocol.errors import ProtocolError
from counter_protocol.signing import SignatureError, sign, verify
from counter_protocol.timefmt import format_time

if TYPE_CHECKING:
    from counter_protocol.signing import Ed25519PrivateKey, Ed25519PublicKey

APPLIED: Final = "applied"
DUPLICATE: Final = "duplicate"
CONFLICT: Final = "conflict"
QUARANTINED: Final = "quarantined"
HELD: Final = "held"
ResultName = Literal["applied", "duplicate", "conflict", "quarantined", "held"]
# An applied op the server keeps in the dossier's history without letting it move the status:
# the province had moved the dossier first (docs/sync.md#s20). Its `message` names both changes.
FLAG_PROVINCE_CONFLICT: Final = "province_conflict"


class ReceiptError(ValueError):
    """A receipt whose hash, signature or batch id does not check out: keep the ops unsent."""


class OpResult(Struct, kw_only=True, omit_defaults=True):
    """What became of one op. The optional fields go on the wire only when set."""

    op_id: str | None
    device_seq: int | None
    result: str  # a ResultName; text, so a result a later server adds still reads
    reason: str | None = None  # machine code, e.g. "other_unit"
    message: str | None = None  # Vietnamese, for the clerk or IT
    prior: str | None = None  # duplicate: the result first stored for this op
    state: str | None = None  # duplicate: where the op stands now (a held op may be applied)
    clock: str | None = None  # "ahead" | "behind": the op's created_at is suspect
    flag: str | None = None  # applied: FLAG_PROVINCE_CONFLICT, kept but not applied to status
    sub_state: str | None = None  # with a flag: the dossier's lifecycle state at the server now
    # `message` before formatting, for a reason of counter_protocol.op_reasons (decision 0034):
    template: str | None = None
    params: dict[str, str | int] | None = None


class Receipt(Struct, kw_only=True):
    batch_id: str
    device_id: int
    server_time: str
    results: list[OpResult]
    receipt_hash: str


class SignedReceipt(Struct, kw_only=True):
    receipt: Receipt
    signature: str


def receipt_hash(results: list[OpResult] | list[dict[str, Any]]) -> str:
    """SHA-256 (hex) over the canonical JSON of a receipt's per-op results, in their order."""
    return sha256_hex(canonical_json(results))


def make_receipt(
    batch_id: str, device_id: int, server_time: datetime, results: list[OpResult]
) -> Receipt:
    return Receipt(
        batch_id=batch_id,
        device_id=device_id,
        server_time=format_time(server_time),
        results=results,
        receipt_hash=receipt_hash(results),
    )


def sign_receipt(key: Ed25519PrivateKey, receipt: Receipt) -> SignedReceipt:
    """The server's signature covers the canonical JSON of the whole receipt, hash included."""
    return SignedReceipt(receipt=receipt, signature=sign(key, canonical_json(receipt)))


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
    raw = _plain(signed)
    receipt, signature = raw.get("receipt"), raw.get("signature")
    if not isinstance(receipt, dict) or not isinstance(signature, str):
        raise ReceiptError("reply is not a signed receipt")
    results = receipt.get("results")
    if not isinstance(results, list) or receipt_hash(results) != receipt.get("receipt_hash"):
        raise ReceiptError("receipt hash does not match its results")
    try:
        verify(server_public_key, canonical_json(receipt), signature)
        typed = convert(receipt, Receipt)
    except SignatureError as exc:
        raise ReceiptError(f"receipt signature invalid: {exc}") from exc
    except ProtocolError as exc:
        raise ReceiptError(f"receipt of an unknown shape: {exc}") from exc
    if batch_id is not None and typed.batch_id != batch_id:
        raise ReceiptError("receipt is for another batch")
    if device_id is not None and typed.device_id != device_id:
        raise ReceiptError("receipt is for another device")
    return typed


def _plain(signed: SignedReceipt | dict[str, Any] | bytes) -> dict[str, Any]:
    if isinstance(signed, bytes):
        return decode_json_object(signed)
    if isinstance(signed, SignedReceipt):
        plain: dict[str, Any] = msgspec.to_builtins(signed)
        return plain
    return dict(signed)


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
