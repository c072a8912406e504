"""The slot's high-water marks on the wire: the enrolment reply field and the signed file."""

from __future__ import annotations

import msgspec
import orjson
import pytest
from msgspec import Struct

from counter_protocol.enrol import EnrolReply
from counter_protocol.signing import generate_private_key, public_key_b64
from counter_protocol.slots import SlotDay, SlotFileError, read_slot_file, write_slot_file

KEY = generate_private_key()
MARKS = [SlotDay(day="261204", last_seq=12), SlotDay(day="261205", last_seq=3)]


class OldEnrolReply(Struct, kw_only=True):
    """The reply as counters before the high-water marks decode it."""

    device_id: int
    unit_code: str
    slot: int
    server_public_key: str
    server_time: str


def test_the_high_water_field_is_optional_both_ways() -> None:
    old_reply = (
        b'{"device_id":3,"unit_code":"U","slot":0,"server_public_key":"k","server_time":"t"}'
    )
    assert msgspec.json.decode(old_reply, type=EnrolReply).slot_high_water == []
    new = EnrolReply(
        device_id=3,
        unit_code="U",
        slot=0,
        server_public_key="k",
        server_time="t",
        slot_high_water=MARKS,
    )
    wire = msgspec.json.encode(new)
    assert msgspec.json.decode(wire, type=EnrolReply) == new
    assert msgspec.json.decode(wire, type=OldEnrolReply).device_id == 3


def test_a_signed_slot_file_reads_back_and_a_changed_one_is_refused() -> None:
    data = write_slot_file(KEY, "000.00.31.H27", 0, "2026-12-05T08:00:00+07:00", MARKS)
    body = read_slot_file(data, public_key_b64(KEY))
    assert (body.unit_code, body.slot, body.days) == ("000.00.31.H27", 0, MARKS)
    changed = orjson.loads(data)
    changed["body"]["days"][0]["last_seq"] = 1
    with pytest.raises(SlotFileError, match="đã bị sửa"):
        read_slot_file(orjson.dumps(changed), public_key_b64(KEY))
    with pytest.raises(SlotFileError, match="đã bị sửa"):
        read_slot_file(data, public_key_b64(generate_private_key()))
    with pytest.raises(SlotFileError):
        read_slot_file(b"not json", public_key_b64(KEY))
