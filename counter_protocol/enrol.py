"""Enrolment on the wire: a counter PC presents a one-time code and its key; the server answers.

The request goes as JSON to `transport.ENROL_PATH`; the reply names the device id the server
gave the PC and the server's own public key, which then checks every receipt and page.
"""

from __future__ import annotations

import re

import msgspec
from msgspec import Struct, field

from counter_protocol.slots import SlotDay, SlotFirst

MAX_REQUEST_BYTES = 1024 * 1024


class EnrolRequest(Struct, kw_only=True, omit_defaults=True):
    code: str  # the one-time enrolment code, as typed
    public_key: str  # the PC's Ed25519 public key, base64
    device_uuid: str
    device_name: str
    slot: int
    app_version: str
    unit_code: str | None = None  # the PC's unit: a code for another unit is refused unused
    # The lowest number the PC itself already used in its slot, per recent day, and the server
    # device ids it held before (a PC enrolled again): the server refuses a PC whose own codes
    # clash with codes another identity issued in the slot. Older PCs send neither.
    slot_first_numbers: list[SlotFirst] = field(default_factory=list)
    earlier_device_ids: list[int] = field(default_factory=list)


class EnrolReply(Struct, kw_only=True):
    device_id: int
    unit_code: str
    slot: int
    server_public_key: str
    server_time: str
    # The slot's high-water marks of recent days (counter_protocol/slots.py): the PC numbers
    # above them. Older servers do not send it.
    slot_high_water: list[SlotDay] = field(default_factory=list)


_REQUEST = msgspec.json.Decoder(EnrolRequest)
_FIELD = re.compile(r"`\$\.(\w+)`|field `(\w+)`")


class EnrolRequestError(ValueError):
    """A request body that is not an enrolment request; `field` names the first bad field."""

    def __init__(self, message: str, field: str | None) -> None:
        super().__init__(message)
        self.field = field


def decode_enrol_request(body: bytes) -> EnrolRequest:
    """The request from its JSON bytes; EnrolRequestError naming the field at fault."""
    try:
        return _REQUEST.decode(body)
    except msgspec.ValidationError as exc:
        found = _FIELD.search(str(exc))
        raise EnrolRequestError(
            str(exc), (found.group(1) or found.group(2)) if found else None
        ) from exc
    except (msgspec.DecodeError, UnicodeDecodeError) as exc:  # bad UTF-8 inside a string
        raise EnrolRequestError(str(exc), None) from exc
