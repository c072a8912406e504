"""A numbering slot's high-water marks: the last number used per day, sent at enrolment or signed
into a file, so a PC set up again in a slot never re-issues a code already printed.

The mark of a day is `n` of the highest code `slot × 1000 + n` used that day in the unit and slot
(counter_protocol/codes.py). The signed file carries the marks to a PC that cannot reach the
server: the server signs them with its Ed25519 key, and the counter checks the signature against
a server key it trusts before it numbers anything above them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import msgspec
import orjson
from msgspec import Struct

from counter_protocol.encoding import canonical_json, convert
from counter_protocol.errors import UserError
from counter_protocol.signing import SignatureError, public_key_b64, sign, verify
from counter_protocol.texts import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from counter_protocol.signing import Ed25519PrivateKey

SLOT_FILE_KIND = "counter-slot-high-water/1"


class SlotDay(Struct, kw_only=True, frozen=True):
    day: str  # yyMMdd, as in the dossier code
    last_seq: int  # the highest n used that day in the slot (the number is slot × 1000 + n)


class SlotFirst(Struct, kw_only=True, frozen=True):
    day: str  # yyMMdd
    first_seq: int  # the lowest n a PC itself used that day in its slot


class SlotFileBody(Struct, kw_only=True):
    kind: str
    unit_code: str
    slot: int
    issued_at: str  # wire time (counter_protocol/timefmt.py)
    server_public_key: str
    days: list[SlotDay]


class SlotFileError(UserError):
    """A slot file that cannot be trusted or does not fit this PC; the message is Vietnamese."""

    default_code = "slot_file.invalid"


def write_slot_file(
    key: Ed25519PrivateKey, unit_code: str, slot: int, issued_at: str, days: list[SlotDay]
) -> bytes:
    """The signed file's bytes: the marks and the signature over their canonical JSON."""
    body = SlotFileBody(
        kind=SLOT_FILE_KIND,
        unit_code=unit_code,
        slot=slot,
        issued_at=issued_at,
        server_public_key=public_key_b64(key),
        days=days,
    )
    signed = canonical_json(body)
    document = {"body": msgspec.to_builtins(body), "signature": sign(key, signed)}
    return orjson.dumps(document, option=orjson.OPT_INDENT_2) + b"\n"


def read_slot_file(data: bytes, trusted_key: str) -> SlotFileBody:
    """The marks of a slot file signed by the server whose public key is `trusted_key`."""
    try:
        document = orjson.loads(data)
        body: Any = document["body"]
        verify(trusted_key, canonical_json(body), document["signature"])
        parsed = convert(body, SlotFileBody)
    except (orjson.JSONDecodeError, TypeError, KeyError, ValueError, SignatureError) as exc:
        raise SlotFileError(
            QT_TRANSLATE_NOOP(
                "messages",
                "Tệp số thứ tự hồ sơ của slot không hợp lệ hoặc đã bị sửa (chữ ký của máy chủ "
                "không khớp); chưa nạp gì.",
            ),
            advice=QT_TRANSLATE_NOOP(
                "messages", "Xin bộ phận CNTT tệp mới tạo bằng “counter-server slot-file”."
            ),
        ) from exc
    if parsed.kind != SLOT_FILE_KIND or parsed.server_public_key != trusted_key:
        raise SlotFileError(
            QT_TRANSLATE_NOOP(
                "messages", "Tệp số thứ tự hồ sơ không phải của máy chủ này; chưa nạp gì."
            )
        )
    return parsed
