"""Tracking numbers a counter PC imported from a file and claims as its own: each number belongs
to one PC; a claim of a number another PC holds is refused and written to the audit log for IT
(docs/decisions/0027)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta

import msgspec
from sqlalchemy import Connection, Engine, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from counter_protocol.encoding import sha256_hex
from counter_protocol.refusal import wire_values
from counter_protocol.timefmt import format_vn
from counter_protocol.tracking import (
    CLAIMS_PATH,
    MAX_CLAIM_NUMBERS,
    ClaimRefusal,
    ClaimReply,
    TrackingClaim,
    normalise_tracking_number,
    s10_problem,
)
from counter_protocol.transport import DEVICE_HEADER, push_signing_bytes
from counter_server import audit
from counter_server.auth import authenticate
from counter_server.db import write_transaction
from counter_server.devices import DeviceInfo
from counter_server.errors import Refused
from counter_server.models import AuditEntry, TrackingNumber
from counter_server.replay import check_fresh, request_stamp

CLASH_EVENT = "tracking_clash"  # in the audit log and `counter-server stats`
HELD_BY_PC = (
    "Mã {number} đã thuộc máy số {device} của đơn vị {unit}; máy này không dùng mã này. "
    "Bộ phận CNTT đã được báo."
)
HELD_BY_UNIT = (
    "Mã {number} đã thuộc đơn vị (cấp chung) của đơn vị {unit}; máy này không dùng mã này. "
    "Bộ phận CNTT đã được báo."
)
BAD_CLAIM = "Yêu cầu giữ mã vận đơn không đúng định dạng: {detail}"


def handle_claim(
    engine: Engine,
    headers: Mapping[str, str],
    body: bytes,
    remote: str | None,
    clock_window: timedelta,
) -> ClaimReply:
    """Authenticate the signed claim and record which numbers are now the PC's."""
    stamped = request_stamp(headers)
    raw_id = headers.get(DEVICE_HEADER, "")
    signed = push_signing_bytes(raw_id, *stamped, body, CLAIMS_PATH) if stamped else None
    device = authenticate(engine, headers, signed, remote, "claim", audit_body=body)
    assert stamped is not None  # authenticate refused the request otherwise
    now = datetime.now(UTC)
    check_fresh(engine, device, *stamped, now, clock_window, remote, body_hash=sha256_hex(body))
    claim = _decode(body, device)
    with write_transaction(engine) as conn:
        return claim_numbers(conn, device, claim.numbers, now, remote)


def _decode(body: bytes, device: DeviceInfo) -> TrackingClaim:
    try:
        claim = msgspec.json.decode(body, type=TrackingClaim)
    except msgspec.DecodeError as exc:  # ValidationError is a DecodeError
        raise Refused("bad_claim", BAD_CLAIM, params={"detail": str(exc)}) from exc
    if claim.device_id != device.id or len(claim.numbers) > MAX_CLAIM_NUMBERS:
        raise Refused("bad_claim", "Yêu cầu giữ mã vận đơn không đúng máy hoặc quá nhiều mã.")
    return claim


def claim_numbers(
    conn: Connection, device: DeviceInfo, numbers: list[str], now: datetime, remote: str | None
) -> ClaimReply:
    """Insert the numbers no one holds under this PC (a concurrent claim loses at the primary
    key), then answer from what the table holds."""
    wanted = list(dict.fromkeys(normalise_tracking_number(n) for n in numbers))
    bad = {n: problem[1:] for n in wanted if (problem := s10_problem(n)) is not None}
    good = [n for n in wanted if n not in bad]
    _insert_unheld(conn, device, good, now)
    t = TrackingNumber.__table__.c
    holders = {
        r.number: r
        for r in conn.execute(select(t.number, t.unit_code, t.device_id).where(t.number.in_(good)))
    }
    refused = [_refusal(n, template, params) for n, (template, params) in bad.items()]
    claimed = []
    for number in good:
        holder = holders[number]
        if holder.device_id == device.id:
            claimed.append(number)
            continue
        refused.append(_held_by(number, holder))
        audit.record(
            conn, CLASH_EVENT, device_id=device.id, remote_addr=remote, number=number,
            holder_device=holder.device_id, holder_unit=holder.unit_code,
        )  # fmt: skip
    return ClaimReply(claimed=claimed, refused=refused)


def _insert_unheld(conn: Connection, device: DeviceInfo, numbers: list[str], now: datetime) -> None:
    """The numbers under this PC, except those someone already holds (left as they are)."""
    if not numbers:
        return
    upsert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    rows = [
        {"number": n, "unit_code": device.unit_code, "device_id": device.id, "claimed_at": now}
        for n in numbers
    ]
    conn.execute(upsert(TrackingNumber).values(rows).on_conflict_do_nothing())


def _held_by(number: str, holder: object) -> ClaimRefusal:
    device_id = getattr(holder, "device_id", None)
    unit = getattr(holder, "unit_code", "")
    if device_id is None:
        return _refusal(number, HELD_BY_UNIT, {"number": number, "unit": unit})
    return _refusal(number, HELD_BY_PC, {"number": number, "device": device_id, "unit": unit})


def _refusal(number: str, template: str, params: Mapping[str, object]) -> ClaimRefusal:
    """A refused number with the Vietnamese message, and its template and values beside it."""
    values = wire_values(params)
    message = template.format(**values) if values else template
    return ClaimRefusal(number=number, message=message, template=template, params=values)


def clash_lines(engine: Engine, limit: int = 20) -> list[str]:
    """For IT in `counter-server stats`: tracking numbers claimed by a PC that another holds,
    newest first."""
    a = AuditEntry.__table__.c
    query = select(a.at, a.device_id, a.detail).where(a.event == CLASH_EVENT).order_by(a.at.desc())
    with engine.connect() as conn:
        rows = conn.execute(query.limit(limit)).all()
    if not rows:
        return []
    lines = [f"Mã vận đơn bị hai máy cùng nhận ({len(rows)} gần nhất), cần kiểm tra:"]
    for row in rows:
        detail = row.detail or {}
        lines.append(
            f"  {format_vn(row.at)}  máy số {row.device_id} nhận {detail.get('number')}, "
            f"đã thuộc máy số {detail.get('holder_device')} (đơn vị {detail.get('holder_unit')})"
        )
    return lines
