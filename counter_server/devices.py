"""Enrolled counter PCs: look-up for authentication, enrolment codes, enrolment and revocation."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, Engine, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError

from counter_protocol.codes import CodeError, check_agency_code, check_slot
from counter_protocol.enrol import EnrolReply, EnrolRequest
from counter_protocol.errors import ProtocolError
from counter_protocol.feed import CHANGE_DEVICE_REVOKED, DeviceRevokedChange
from counter_protocol.signing import SignatureError, load_public_key
from counter_protocol.timefmt import format_time, parse_time
from counter_server import audit
from counter_server.changes import add_change
from counter_server.db import write_transaction
from counter_server.errors import Refused
from counter_server.models import Device, EnrolCode, Unit
from counter_server.slots import check_no_clash, slot_high_water

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud over the phone
CODE_LENGTH = 8
DEFAULT_CODE_TTL = timedelta(minutes=30)
MIN_CODE_TTL, MAX_CODE_TTL = timedelta(minutes=1), timedelta(days=30)
BAD_CODE = "bad_code"  # an unknown code: what guessing gets (throttle.py counts these)
ACTIVE, REVOKED = "active", "revoked"
UUID_REVOKED = "device_uuid_revoked"  # the counter re-enrols under a new uuid


@dataclass(frozen=True, slots=True)
class DeviceInfo:
    id: int
    uuid: str
    unit_code: str
    slot: int
    name: str
    status: str
    public_key: str
    attested_at: datetime | None
    attested_seq: int


def load_device(conn: Connection, device_id: int) -> DeviceInfo | None:
    t = Device.__table__.c
    row = conn.execute(
        select(
            t.id,
            t.uuid,
            t.unit_code,
            t.slot,
            t.name,
            t.status,
            t.public_key,
            t.attested_at,
            t.attested_seq,
        ).where(t.id == device_id)
    ).first()
    if row is None:
        return None
    return DeviceInfo(
        row.id,
        str(row.uuid),
        row.unit_code,
        row.slot,
        row.name,
        row.status,
        row.public_key,
        row.attested_at,
        row.attested_seq,
    )


def ensure_unit(conn: Connection, unit_code: str) -> None:
    """Register a unit code once; concurrent callers for the same unit do not collide."""
    upsert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    conn.execute(
        upsert(Unit).values(code=unit_code, created_at=datetime.now(UTC)).on_conflict_do_nothing()
    )


def normalise_code(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum())


def _code_hash(text: str) -> str:
    return hashlib.sha256(normalise_code(text).encode()).hexdigest()


def new_enrol_code(
    engine: Engine, unit_code: str, ttl: timedelta = DEFAULT_CODE_TTL
) -> tuple[str, datetime]:
    """A fresh one-time code for `unit_code` (shown once; only its hash is kept) and its expiry."""
    if not MIN_CODE_TTL <= ttl <= MAX_CODE_TTL:
        raise _bad_ttl()
    try:
        check_agency_code(unit_code)
    except CodeError as exc:
        raise Refused("bad_unit", str(exc)) from exc
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    now = datetime.now(UTC)
    with write_transaction(engine) as conn:
        ensure_unit(conn, unit_code)
        conn.execute(
            insert(EnrolCode),
            [
                {
                    "code_hash": _code_hash(raw),
                    "unit_code": unit_code,
                    "created_at": now,
                    "expires_at": now + ttl,
                }
            ],
        )
        audit.record(conn, "enrol_code_issued", unit_code=unit_code)
    return f"{raw[:4]}-{raw[4:]}", now + ttl


def code_ttl(minutes: int) -> timedelta:
    """A code lifetime in minutes, checked: 1 minute to 30 days; Refused (`bad_ttl`) otherwise."""
    if not MIN_CODE_TTL.total_seconds() <= minutes * 60 <= MAX_CODE_TTL.total_seconds():
        raise _bad_ttl()
    return timedelta(minutes=minutes)


def _bad_ttl() -> Refused:
    longest = int(MAX_CODE_TTL.total_seconds() // 60)
    return Refused(
        "bad_ttl",
        "Thời hạn của mã đăng ký phải từ 1 phút đến 30 ngày ({longest} phút).",
        params={"longest": longest},
    )


_OTHER_UNIT = (
    "Mã đăng ký này dành cho đơn vị {code_unit}, nhưng máy này thuộc đơn vị {pc_unit}. "
    "Mã chưa bị dùng; hãy xin mã đăng ký của đúng đơn vị."
)


def enrol(engine: Engine, req: EnrolRequest, server_public_key: str) -> EnrolReply:
    """Register a device with a valid one-time code; Refused (Vietnamese) when it cannot be.

    The code is claimed by one conditional UPDATE (`used_at IS NULL`) in the transaction that
    inserts the device: of concurrent requests with one code, one claims it and the others wait
    for its row lock, then find it used (or free again, if the first was refused and rolled
    back). A refusal rolls the claim back, so the code stays unused."""
    _check_request(req)
    now = datetime.now(UTC)
    try:
        with write_transaction(engine) as conn:
            unit_code = _claim_code(conn, req.code, now)
            if unit_code is None:
                again = _same_enrolment(conn, req)
                if again is not None:  # the PC died before storing our reply: answer it again
                    audit.record(conn, "enrol_replayed", device_id=again[0], unit_code=again[1])
                    return _reply(conn, again[0], again[1], again[2], server_public_key, now)
                raise _code_refusal(conn, req.code, now)
            if req.unit_code is not None and req.unit_code != unit_code:
                raise Refused(
                    "unit_mismatch",
                    _OTHER_UNIT,
                    409,
                    params={"code_unit": unit_code, "pc_unit": req.unit_code[:20]},
                )
            _check_free(conn, unit_code, req)
            check_no_clash(conn, unit_code, req, now)
            device_id = _insert_device(conn, unit_code, req, now)
            conn.execute(
                update(EnrolCode)
                .where(EnrolCode.code_hash == _code_hash(req.code))
                .values(device_id=device_id)
            )
            audit.record(
                conn,
                "enrolled",
                device_id=device_id,
                unit_code=unit_code,
                slot=req.slot,
                name=req.device_name,
            )
            return _reply(conn, device_id, unit_code, req.slot, server_public_key, now)
    except IntegrityError as exc:  # lost a race for the slot or the device uuid
        raise Refused("slot_taken", _SLOT_RACE, 409, params={"slot": req.slot}) from exc


def _reply(
    conn: Connection,
    device_id: int,
    unit_code: str,
    slot: int,
    server_public_key: str,
    now: datetime,
) -> EnrolReply:
    """The reply, with the slot's high-water marks: the PC numbers above what was issued."""
    return EnrolReply(
        device_id=device_id,
        unit_code=unit_code,
        slot=slot,
        server_public_key=server_public_key,
        server_time=format_time(now),
        slot_high_water=slot_high_water(conn, unit_code, slot, now),
    )


def _same_enrolment(conn: Connection, req: EnrolRequest) -> tuple[int, str, int] | None:
    """The active device this very request (same code, uuid, key and slot) already enrolled."""
    d, c = Device.__table__.c, EnrolCode.__table__.c
    row = conn.execute(
        select(d.id, d.unit_code, d.slot)
        .join(EnrolCode.__table__, c.device_id == d.id)
        .where(
            d.uuid == req.device_uuid,
            d.public_key == req.public_key,
            d.status == ACTIVE,
            d.slot == req.slot,
            c.code_hash == _code_hash(req.code),
        )
    ).first()
    return None if row is None else (int(row.id), str(row.unit_code), int(row.slot))


def _check_request(req: EnrolRequest) -> None:
    try:
        check_slot(req.slot)
        load_public_key(req.public_key)
    except CodeError as exc:
        raise Refused("bad_slot", exc.template, params=exc.params) from exc
    except SignatureError as exc:
        raise Refused("bad_key", "Khoá công khai của máy không hợp lệ (Ed25519, base64).") from exc
    if not req.device_name.strip() or len(req.device_name) > 200:
        raise Refused("bad_name", "Tên máy phải có từ 1 đến 200 ký tự.")


def _claim_code(conn: Connection, code: str, now: datetime) -> str | None:
    """Mark the code used, atomically, if it is unused and unexpired; its unit, else None."""
    t = EnrolCode.__table__.c
    claimed = conn.execute(
        update(EnrolCode)
        .where(t.code_hash == _code_hash(code), t.used_at.is_(None), t.expires_at > now)
        .values(used_at=now)
        .returning(t.unit_code)
    ).first()
    return None if claimed is None else str(claimed.unit_code)


def _code_refusal(conn: Connection, code: str, now: datetime) -> Refused:
    """Why a code could not be claimed: unknown, used or expired."""
    t = EnrolCode.__table__.c
    row = conn.execute(
        select(t.expires_at, t.used_at).where(t.code_hash == _code_hash(code))
    ).first()
    if row is None:
        return Refused(
            BAD_CODE, "Mã đăng ký máy không đúng. Hãy kiểm tra lại hoặc xin mã mới.", 403
        )
    if row.used_at is not None:
        return Refused("code_used", "Mã đăng ký máy này đã được dùng. Hãy xin mã mới.", 403)
    return Refused("code_expired", "Mã đăng ký máy đã hết hạn. Hãy xin mã mới.", 403)


def _check_free(conn: Connection, unit_code: str, req: EnrolRequest) -> None:
    """The slot must not be held by an ACTIVE device of the unit (a revoked one frees it); the
    uuid must be new: a revoked device's uuid is refused with its own code, so the counter
    knows to make a new identity and ask again with the same (still unused) code."""
    t = Device.__table__.c
    holder = conn.execute(
        select(t.id, t.name).where(t.unit_code == unit_code, t.slot == req.slot, t.status == ACTIVE)
    ).first()
    if holder is not None:
        raise Refused(
            "slot_taken",
            _SLOT_TAKEN,
            409,
            params={"slot": req.slot, "unit": unit_code, "name": holder.name, "id": holder.id},
        )
    prior = conn.execute(select(t.id, t.status).where(t.uuid == req.device_uuid)).first()
    if prior is not None and prior.status == REVOKED:
        raise Refused(UUID_REVOKED, _UUID_REVOKED, 409, params={"id": prior.id})
    if prior is not None:
        raise Refused(
            "already_enrolled",
            "Máy này (cùng mã máy) đã được đăng ký trước đây; "
            "mỗi lần đăng ký cần cài đặt lại để có mã máy mới.",
            409,
        )


def _insert_device(conn: Connection, unit_code: str, req: EnrolRequest, now: datetime) -> int:
    result = conn.execute(
        insert(Device).returning(Device.__table__.c.id),
        [
            {
                "uuid": req.device_uuid,
                "unit_code": unit_code,
                "slot": req.slot,
                "name": req.device_name.strip(),
                "public_key": req.public_key,
                "status": ACTIVE,
                "app_version": req.app_version[:40],
                "enrolled_at": now,
                "attested_seq": 0,
                "max_seq_received": 0,
                "dossier_count": 0,
                "clock_flag_count": 0,
            }
        ],
    )
    return int(result.scalar_one())


def revoke(engine: Engine, device_id: int, reason: str = "") -> DeviceInfo:
    """Revoke a device at once: its requests are refused from now on; other PCs learn on pull."""
    with write_transaction(engine) as conn:
        # An id past the database's 64-bit integers names no device (binding it would overflow).
        device = load_device(conn, device_id) if 0 < device_id < 2**63 else None
        if device is None:
            raise Refused("unknown_device", NO_DEVICE, 404, params={"id": str(device_id)[:20]})
        if device.status != REVOKED:
            conn.execute(
                update(Device)
                .where(Device.__table__.c.id == device_id)
                .values(status=REVOKED, revoked_at=datetime.now(UTC))
            )
            add_change(
                conn,
                CHANGE_DEVICE_REVOKED,
                None,
                DeviceRevokedChange(
                    device_id=device.id,
                    device_uuid=device.uuid,
                    unit_code=device.unit_code,
                    slot=device.slot,
                    public_key=device.public_key,
                ),
            )
            audit.record(conn, "revoked", device_id=device_id, reason=reason)
    return device


_SLOT_TAKEN = (
    "Số thứ tự máy (slot) {slot} của đơn vị {unit} đang được máy “{name}” (số {id}) "
    "dùng. Hãy chọn slot khác, hoặc thu hồi máy cũ trước."
)
_UUID_REVOKED = (
    "Mã máy này thuộc máy số {id}, đã bị thu hồi. Phần mềm bản mới tự tạo mã máy "
    "mới và đăng ký lại với cùng mã đăng ký."
)
NO_DEVICE = "Không có máy số {id}."
_SLOT_RACE = (
    "Số thứ tự máy (slot) {slot} hoặc mã máy này vừa được đăng ký ở một yêu cầu khác. "
    "Hãy kiểm tra lại danh sách máy."
)


def record_enrol_skew(engine: Engine, device_id: int, sent_time: str | None, now: datetime) -> None:
    """Keep the clock skew the enrolling device's time header showed (none: an older counter)."""
    try:
        sent = parse_time(sent_time)
    except ProtocolError:
        return
    with write_transaction(engine) as conn:
        conn.execute(
            update(Device)
            .where(Device.__table__.c.id == device_id)
            .values(last_skew_s=(sent - now).total_seconds())
        )
