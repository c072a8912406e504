"""The provincial server's tables (SQLAlchemy Core on a declarative base; PostgreSQL or SQLite).

Exactly-once is enforced by unique constraints, not by code paths: an op id is stored once,
a (device, device_seq) pair once, a dossier uuid and a dossier code once.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    Uuid,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# SQLite only auto-numbers an INTEGER PRIMARY KEY; PostgreSQL gets a real 64-bit identity.
BigId = BigInteger().with_variant(Integer(), "sqlite")
# Plain `json` on PostgreSQL too: documents are stored and returned whole, never queried inside,
# and COPY into `json` ran 1.6× faster than into `jsonb` for 1 KB dossier documents.
Json = JSON()
# Native uuid on PostgreSQL; readable canonical text (not 32 bare hex digits) on SQLite.
UuidStr = Uuid(as_uuid=False).with_variant(String(36), "sqlite")


class UtcDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out, on both back ends (SQLite drops the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise ValueError("only aware datetimes are stored")
        return value.astimezone(UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if not isinstance(value, datetime):
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class ServerKey(Base):
    """The server's own Ed25519 key, made at first start; it signs receipts and pull replies."""

    __tablename__ = "server_keys"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    private_key: Mapped[str] = mapped_column(String(64))
    public_key: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Unit(Base):
    __tablename__ = "units"
    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    name: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Device(Base):
    __tablename__ = "devices"
    __table_args__ = (
        # A numbering slot belongs to one active PC per unit; a revoked PC frees its slot.
        Index(
            "uq_devices_active_slot",
            "unit_code",
            "slot",
            unique=True,
            postgresql_where=text("status = 'active'"),
            sqlite_where=text("status = 'active'"),
        ),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uuid: Mapped[str] = mapped_column(UuidStr, unique=True)
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"))
    slot: Mapped[int] = mapped_column(SmallInteger)
    name: Mapped[str] = mapped_column(String(200))
    public_key: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(10))  # active | revoked
    app_version: Mapped[str] = mapped_column(String(40))
    catalogue_version: Mapped[str | None] = mapped_column(String(40))
    enrolled_at: Mapped[datetime] = mapped_column(UtcDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_seen_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_sync_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_skew_s: Mapped[float | None] = mapped_column(Float)
    # Server time of the last batch and the device's outbox head then: an op with a higher
    # device_seq was created later, so its device-side created_at must not be earlier.
    attested_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    attested_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    max_seq_received: Mapped[int] = mapped_column(BigInteger, default=0)
    dossier_count: Mapped[int] = mapped_column(Integer, default=0)
    clock_flag_count: Mapped[int] = mapped_column(Integer, default=0)


class EnrolCode(Base):
    """A one-time enrolment code; only its SHA-256 is kept."""

    __tablename__ = "enrol_codes"
    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    device_id: Mapped[int | None] = mapped_column(ForeignKey("devices.id"))


class AdminToken(Base):
    __tablename__ = "admin_tokens"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class BatchLog(Base):
    """One row per accepted push (a replayed batch gets a row each time it arrives)."""

    __tablename__ = "batches"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    batch_id: Mapped[str] = mapped_column(UuidStr, index=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id"), index=True)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)
    sent_at: Mapped[datetime] = mapped_column(UtcDateTime)
    skew_s: Mapped[float] = mapped_column(Float)
    app_version: Mapped[str] = mapped_column(String(40))
    catalogue_version: Mapped[str | None] = mapped_column(String(40))
    body_bytes: Mapped[int] = mapped_column(Integer)
    counts: Mapped[dict[str, int]] = mapped_column(Json)
    receipt_hash: Mapped[str] = mapped_column(String(64))


class OpRow(Base):
    """Every op ever received once, whatever became of it. `seq` is the server's order."""

    __tablename__ = "ops"
    __table_args__ = (
        UniqueConstraint("device_id", "device_seq"),
        Index(
            "ix_ops_held",
            "device_id",
            "dossier_uuid",
            postgresql_where=text("state = 'held'"),
            sqlite_where=text("state = 'held'"),
        ),
        Index(
            "ix_ops_quarantined",
            "device_id",
            postgresql_where=text("state = 'quarantined'"),
            sqlite_where=text("state = 'quarantined'"),
        ),
    )
    seq: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    op_id: Mapped[str] = mapped_column(UuidStr, unique=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id"))
    device_seq: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(40))
    dossier_uuid: Mapped[str | None] = mapped_column(UuidStr)
    prev_seq: Mapped[int | None] = mapped_column(BigInteger)
    payload_hash: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(12))  # applied | held | quarantined
    result: Mapped[str] = mapped_column(String(12))  # the first result, never changed
    reason: Mapped[str | None] = mapped_column(String(40))
    message: Mapped[str | None] = mapped_column(Text)
    payload: Mapped[dict[str, Any] | None] = mapped_column(Json)  # kept unless applied at once
    device_created_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    clock_flag: Mapped[str | None] = mapped_column(String(8))  # ahead | behind
    batch_id: Mapped[str] = mapped_column(UuidStr)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class DossierRow(Base):
    __tablename__ = "dossiers"
    uuid: Mapped[str] = mapped_column(UuidStr, primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    unit_code: Mapped[str] = mapped_column(String(20))
    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id"))
    procedure_code: Mapped[str] = mapped_column(String(60))
    catalogue_version: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[int] = mapped_column(SmallInteger)
    # The lifecycle state (counter_protocol.lifecycle) as the server merged it; `device_sub_state`
    # is where the counter's own chain of events has taken it (they differ after a province
    # change the counter had not seen: docs/sync.md#s20). NULL on rows from before 0005.
    sub_state: Mapped[str | None] = mapped_column(String(30))
    device_sub_state: Mapped[str | None] = mapped_column(String(30))
    applicant_name: Mapped[str] = mapped_column(String(200))
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)
    due_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    data: Mapped[dict[str, Any]] = mapped_column(Json)  # the create op's data, as sent
    # From `data`, for the work counts (docs/domain.md#work-counts); migration 0006.
    channel: Mapped[int] = mapped_column(SmallInteger, default=1, server_default=text("1"))
    at_home: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))
    last_device_seq: Mapped[int] = mapped_column(BigInteger)  # the device op applied last
    last_event_seq: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class DossierEvent(Base):
    """Events after the creation (the creation's own event is inside `dossiers.data`)."""

    __tablename__ = "dossier_events"
    __table_args__ = (
        Index(
            "ix_dossier_events_conflict",
            "recorded_at",
            postgresql_where=text("conflict IS NOT NULL"),
            sqlite_where=text("conflict IS NOT NULL"),
        ),
    )
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    dossier_uuid: Mapped[str] = mapped_column(ForeignKey("dossiers.uuid"), index=True)
    source: Mapped[str] = mapped_column(String(10))  # device | province
    device_id: Mapped[int | None] = mapped_column(ForeignKey("devices.id"))
    event_seq: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(40))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor: Mapped[str] = mapped_column(String(200))
    from_status: Mapped[int | None] = mapped_column(SmallInteger)
    to_status: Mapped[int | None] = mapped_column(SmallInteger)
    note: Mapped[str | None] = mapped_column(Text)
    extra: Mapped[dict[str, Any] | None] = mapped_column(Json)
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # A device event kept in the history but not applied to the status: the province had moved
    # the dossier first. The Vietnamese message names both changes (docs/sync.md#s20).
    conflict: Mapped[str | None] = mapped_column(Text)


class ChangeRow(Base):
    """The pull feed. `seq` is assigned under a lock, so readers never skip a late commit.

    `change_id` is random: after a restore from backup a seq may be handed out again, to another
    change, and the (seq, change_id) pair a counter sends back then no longer matches.
    """

    __tablename__ = "changes"
    seq: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    change_id: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(40))
    unit_code: Mapped[str | None] = mapped_column(String(20))  # None: for every unit
    payload: Mapped[dict[str, Any]] = mapped_column(Json)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Publication(Base):
    __tablename__ = "publications"
    __table_args__ = (UniqueConstraint("kind", "key", "sha256"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(20))  # catalogue | calendar | tracking_pool
    key: Mapped[str] = mapped_column(String(60))  # version, year, or unit code
    sha256: Mapped[str] = mapped_column(String(64))
    payload: Mapped[dict[str, Any]] = mapped_column(Json)
    source_name: Mapped[str] = mapped_column(String(300))
    published_at: Mapped[datetime] = mapped_column(UtcDateTime)
    change_seq: Mapped[int | None] = mapped_column(BigInteger)


class TrackingNumber(Base):
    """An S10 number of a unit and the one PC it belongs to (docs/decisions/0027): a share of
    a publication, or a number the PC imported and claimed (no publication)."""

    __tablename__ = "tracking_numbers"
    number: Mapped[str] = mapped_column(String(13), primary_key=True)
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"), index=True)
    publication_id: Mapped[int | None] = mapped_column(ForeignKey("publications.id"))
    device_id: Mapped[int | None] = mapped_column(ForeignKey("devices.id"), index=True)
    claimed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class AuditEntry(Base):
    """One event; or, for refusals, every like refusal (same event, address, device and reason)
    from `at` to `last_at`, `repeat_count` of them (audit.record_refusal)."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_group", "group_key", "at"),)
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    event: Mapped[str] = mapped_column(String(40))
    device_id: Mapped[int | None] = mapped_column(Integer)
    remote_addr: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[dict[str, Any]] = mapped_column(Json)
    repeat_count: Mapped[int] = mapped_column(Integer, default=1, server_default=text("1"))
    last_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    group_key: Mapped[str | None] = mapped_column(String(64))


metadata = Base.metadata


class RequestNonce(Base):
    """A nonce a device signed into a request, kept until its time window has passed.

    The primary key makes "seen before?" one INSERT that either succeeds or fails, the same
    answer for every server instance on the database (counter_server/replay.py)."""

    __tablename__ = "request_nonces"
    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id"), primary_key=True)
    nonce: Mapped[str] = mapped_column(String(64), primary_key=True)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    # A push's body hash: the same signed batch delivered twice (a retrying proxy) is answered
    # again, idempotently; the same nonce on other bytes is refused (counter_server/replay.py).
    body_hash: Mapped[str | None] = mapped_column(String(64))


class OnlineHelpRow(Base):
    """A citizen helped by a counter's clerk to submit on the national portal (an
    `online_help.record` op). A portal code is held once across the province."""

    __tablename__ = "online_help"
    uuid: Mapped[str] = mapped_column(UuidStr, primary_key=True)
    portal_code: Mapped[str] = mapped_column(String(60), unique=True)
    unit_code: Mapped[str] = mapped_column(String(20))
    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id"))
    kind: Mapped[str] = mapped_column(String(8))  # full | partial
    procedure_code: Mapped[str] = mapped_column(String(60))
    clerk: Mapped[str] = mapped_column(String(200))
    helped_at: Mapped[datetime] = mapped_column(UtcDateTime)
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)


class WorkCount(Base):
    """The monthly work counts (counter_protocol/workload.py), added to in the transaction that
    applies each op: a month's table is read from here, not counted from the events."""

    __tablename__ = "work_counts"
    month: Mapped[str] = mapped_column(String(7), primary_key=True)  # YYYY-MM, Vietnam time
    unit_code: Mapped[str] = mapped_column(String(20), primary_key=True)
    clerk: Mapped[str] = mapped_column(String(200), primary_key=True)
    task: Mapped[str] = mapped_column(String(12), primary_key=True)
    n: Mapped[int] = mapped_column(BigInteger)
