"""The numbering slots of a unit: the last number used per day, told to a PC that enrols in a slot
(or written to a signed file for one that cannot reach the server), and the enrolments refused
because the PC already printed codes that another identity of the slot issued too."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

import orjson
from sqlalchemy import Connection, Engine, select

from counter_protocol.codes import DOSSIER_CODE_RE
from counter_protocol.enrol import EnrolRequest
from counter_protocol.signing import Ed25519PrivateKey
from counter_protocol.slots import SlotDay, write_slot_file
from counter_protocol.timefmt import VN_TZ, format_time
from counter_server.errors import Refused
from counter_server.models import Device, DossierRow, OpRow

# Codes carry the counter's Vietnam date; a PC's clock may be a few days off, so a month of marks
# covers every day a replacement PC could number on.
HIGH_WATER_DAYS = 31


def slot_high_water(
    conn: Connection,
    unit_code: str,
    slot: int,
    now: datetime,
    exclude_devices: Iterable[int] = (),
) -> list[SlotDay]:
    """The highest n used per day of the last HIGH_WATER_DAYS in `unit_code`'s `slot`: on the
    dossiers the server holds and on creates it quarantined (their slips are printed too)."""
    start = f"{(now.astimezone(VN_TZ) - timedelta(days=HIGH_WATER_DAYS)):%y%m%d}"
    excluded = set(exclude_devices)
    d = DossierRow.__table__.c
    rows = conn.execute(
        select(d.code, d.device_id).where(
            d.unit_code == unit_code,
            d.code >= f"{unit_code}-{start}",
            d.code <= f"{unit_code}-999999-9999",
        )
    )
    codes = [str(r.code) for r in rows if r.device_id not in excluded]
    codes.extend(_quarantined_codes(conn, unit_code, slot, now, excluded))
    marks: dict[str, int] = {}
    for code in codes:
        match = DOSSIER_CODE_RE.match(code)
        if match is None or match.group(1) != unit_code or match.group(2) < start:
            continue
        number = int(match.group(3))
        if number // 1000 == slot:
            marks[match.group(2)] = max(marks.get(match.group(2), 0), number % 1000)
    return [SlotDay(day=day, last_seq=seq) for day, seq in sorted(marks.items())]


def _quarantined_codes(
    conn: Connection, unit_code: str, slot: int, now: datetime, excluded: set[int]
) -> list[str]:
    o, dev = OpRow.__table__.c, Device.__table__.c
    payloads = conn.execute(
        select(o.payload, o.device_id)
        .join(Device.__table__, dev.id == o.device_id)
        .where(
            dev.unit_code == unit_code,
            dev.slot == slot,
            o.kind == "create",
            o.state == "quarantined",
            o.received_at >= now - timedelta(days=HIGH_WATER_DAYS + 2),
        )
    )
    codes = []
    for row in payloads:
        payload: Any = row.payload
        if isinstance(payload, str | bytes):
            payload = orjson.loads(payload)
        if row.device_id not in excluded and isinstance(payload, dict):
            code = payload.get("dossier_code")
            if isinstance(code, str):
                codes.append(code)
    return codes


def check_no_clash(conn: Connection, unit_code: str, req: EnrolRequest, now: datetime) -> None:
    """Refuse a PC that already numbered dossiers in its slot on a day when another identity of
    that slot did too: some of its printed codes may be the other's, and the server would
    quarantine them. Its earlier identities (a PC enrolled again) are its own numbers."""
    if not req.slot_first_numbers:
        return
    theirs = {
        m.day: m.last_seq
        for m in slot_high_water(
            conn, unit_code, req.slot, now, exclude_devices=req.earlier_device_ids
        )
    }
    # Every PC numbers a day from 1 upwards: the other used 1…theirs, this one first…
    clash = sorted(m.day for m in req.slot_first_numbers if m.first_seq <= theirs.get(m.day, 0))
    if clash:
        days = ", ".join(f"{d[4:6]}/{d[2:4]}/20{d[:2]}" for d in clash)
        raise Refused("slot_numbers_clash", _CLASH, 409, params={"slot": req.slot, "days": days})


def slot_file(
    engine: Engine, key: Ed25519PrivateKey, unit_code: str, slot: int, now: datetime
) -> bytes:
    """The signed high-water file of `unit_code`'s `slot` (`counter-server slot-file`)."""
    with engine.connect() as conn:
        days = slot_high_water(conn, unit_code, slot, now)
    return write_slot_file(key, unit_code, slot, format_time(now), days)


_CLASH = (
    "Máy này đã cấp mã hồ sơ với số thứ tự máy {slot} vào ngày {days}, trong khi một máy "
    "khác cùng số thứ tự (đã thu hồi) cũng cấp mã trong những ngày đó: có thể trùng mã với "
    "phiếu đã in. Không đăng ký; bộ phận CNTT cần đối chiếu các hồ sơ này, hoặc đăng ký máy "
    "với một số thứ tự máy khác."
)
