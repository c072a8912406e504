"""Provincial actions: admin tokens, and dossier status changes sent down to the owning unit."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import msgspec
from sqlalchemy import Connection, Engine, Row, insert, select, update

from counter_protocol.feed import CHANGE_DOSSIER_STATUS, DossierStatusChange
from counter_protocol.lifecycle import province_sub_state
from counter_protocol.statuses import Status, TransitionError, check_transition
from counter_protocol.timefmt import format_time
from counter_server import audit
from counter_server.changes import add_change
from counter_server.db import write_transaction
from counter_server.errors import Refused
from counter_server.models import AdminToken, DossierEvent, DossierRow

TOKEN_BYTES = 32


def token_hash(token: str) -> str:
    """What is stored for a token (its SHA-256); the token itself is never kept."""
    return hashlib.sha256(token.strip().encode()).hexdigest()


def new_admin_token(engine: Engine, name: str) -> str:
    """A new bearer token for the provincial one-stop system; printed once, only its hash kept."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    with write_transaction(engine) as conn:
        conn.execute(
            insert(AdminToken),
            [
                {
                    "token_hash": token_hash(token),
                    "name": name,
                    "created_at": datetime.now(UTC),
                    "revoked": False,
                }
            ],
        )
        audit.record(conn, "admin_token_issued", name=name)
    return token


def check_admin_token(engine: Engine, authorization: str | None) -> str:
    """The token's name for a valid `Bearer` header; Refused (401) otherwise."""
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Refused("no_token", "Thiếu mã truy cập quản trị (Authorization: Bearer …).", 401)
    return name_of_token(engine, token)


def name_of_token(engine: Engine, token: str) -> str:
    """The name of a valid, unrevoked admin token; Refused (401) otherwise."""
    name = active_token_name(engine, token_hash(token)) if token.strip() else None
    if name is None:
        raise Refused("bad_token", "Mã truy cập quản trị không hợp lệ.", 401)
    return name


def active_token_name(engine: Engine, digest: str) -> str | None:
    """The name of the unrevoked token with this hash; None if there is none (or it was revoked)."""
    t = AdminToken.__table__.c
    with engine.connect() as conn:
        found = conn.execute(select(t.name, t.revoked).where(t.token_hash == digest)).first()
    if found is None or found.revoked:
        return None
    return str(found.name)


@dataclass(frozen=True)
class TokenInfo:
    name: str
    created_at: datetime
    revoked: bool


def list_admin_tokens(engine: Engine) -> list[TokenInfo]:
    """Every admin token ever issued (names and dates only; the tokens are not kept)."""
    t = AdminToken.__table__.c
    with engine.connect() as conn:
        rows = conn.execute(select(t.name, t.created_at, t.revoked).order_by(t.created_at)).all()
    return [TokenInfo(str(r.name), r.created_at, bool(r.revoked)) for r in rows]


def revoke_admin_tokens(engine: Engine, name: str) -> int:
    """Revoke every active token named `name` (API calls and dashboard sessions stop at once)."""
    t = AdminToken.__table__.c
    with write_transaction(engine) as conn:
        done = conn.execute(
            update(AdminToken).where(t.name == name, t.revoked.is_(False)).values(revoked=True)
        ).rowcount
        if done:
            audit.record(conn, "admin_token_revoked", name=name, count=done)
    return int(done)


def parse_status(value: object) -> Status:
    """A national status from its number (1–10) or its English name (e.g. DONE)."""
    try:
        if isinstance(value, str) and not value.strip().isdigit():
            return Status[value.strip().upper()]
        return Status(int(value))  # type: ignore[call-overload]
    except (KeyError, ValueError, TypeError) as exc:
        message = "Trạng thái “{value}” không thuộc 10 mã chuẩn (1–10)."
        raise Refused("bad_status", message, params={"value": value}) from exc


def set_dossier_status(
    engine: Engine, code: str, target: Status, note: str | None, actor: str
) -> dict[str, Any]:
    """Record an agency's progress on a dossier and queue it for the unit that holds it;
    returns the change sent down (its fields and its feed seq)."""
    now = datetime.now(UTC)
    t = DossierRow.__table__.c
    with write_transaction(engine) as conn:
        row = _locked_dossier(conn, code)
        current = Status(row.status)
        try:
            check_transition(current, target)
        except TransitionError as exc:
            raise Refused("bad_transition", exc.template, 409, params=exc.params) from exc
        # The province's status decides the merged sub-state; the counter's own chain
        # (device_sub_state) stays where its events took it (docs/sync.md#s20).
        conn.execute(
            update(DossierRow)
            .where(t.uuid == row.uuid)
            .values(status=int(target), sub_state=str(province_sub_state(target)), updated_at=now)
        )
        conn.execute(
            insert(DossierEvent), [_province_event(row.uuid, current, target, note, actor, now)]
        )
        payload = DossierStatusChange(
            dossier_uuid=str(row.uuid),
            dossier_code=code.strip(),
            from_status=int(current),
            to_status=int(target),
            note=note,
            actor=actor,
            at=format_time(now),
        )
        seq = add_change(conn, CHANGE_DOSSIER_STATUS, row.unit_code, payload)
        audit.record(conn, "dossier_status", dossier_code=code, to_status=int(target), actor=actor)
    plain: dict[str, Any] = msgspec.to_builtins(payload)
    return plain | {"seq": seq}


def _locked_dossier(conn: Connection, code: str) -> Row[Any, Any, Any]:
    t = DossierRow.__table__.c
    row = conn.execute(
        select(t.uuid, t.unit_code, t.status).where(t.code == code.strip()).with_for_update()
    ).first()
    if row is None:
        raise Refused(
            "unknown_dossier", "Không tìm thấy hồ sơ mã “{code}”.", 404, params={"code": code}
        )
    return row


def _province_event(
    dossier_uuid: str, current: Status, target: Status, note: str | None, actor: str, now: datetime
) -> dict[str, Any]:
    return {
        "dossier_uuid": dossier_uuid,
        "source": "province",
        "device_id": None,
        "event_seq": None,
        "kind": "province_status",
        "at": now,
        "actor": actor,
        "from_status": int(current),
        "to_status": int(target),
        "note": note,
        "extra": None,
        "recorded_at": now,
    }
