"""The counter's sync tables: server receipts, the pull cursor, S10 pool, province updates, log.

Nothing here is deleted. A receipt is kept as the exact signed JSON the server sent, so an op's
`acked` state can always be traced to the server's signature (`outbox.receipt_id`).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.models.base import Base
from counter_app.models.types import VnDateTime

STATE_ROW = 1  # sync_state has exactly one row
CLOCK_ROW = 1  # clock_reading has at most one row: the latest


class SyncReceipt(Base):
    """A verified, server-signed receipt for one pushed batch (stored before any op is marked)."""

    __tablename__ = "sync_receipts"
    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[str] = mapped_column(String(36), unique=True)
    server_time: Mapped[str] = mapped_column(String(40))  # as the server wrote it (aware ISO)
    receipt_hash: Mapped[str] = mapped_column(String(64))
    signature: Mapped[str] = mapped_column(String(120))
    body: Mapped[bytes] = mapped_column(LargeBinary)  # the signed receipt JSON, as verified
    op_count: Mapped[int] = mapped_column(Integer)
    counts_json: Mapped[str] = mapped_column(Text)
    stored_at: Mapped[datetime] = mapped_column(VnDateTime)  # this PC's clock: display only


class SyncState(Base):
    """Where the pull stands (server order) and whether the server has revoked this PC.

    `pull_cursor_id` is the server's id of the change at `pull_cursor`, sent back so the server
    can tell whether it still holds that change (a server restored from a backup may not). When
    it does not, the pull starts over from 0 in a new `feed_generation`; `feed_resets` and
    `last_reset_*` keep the latest such event (and any re-sending of acknowledged ops) for IT.
    """

    __tablename__ = "sync_state"
    id: Mapped[int] = mapped_column(primary_key=True)
    pull_cursor: Mapped[int] = mapped_column(Integer, default=0)
    pull_cursor_id: Mapped[str | None] = mapped_column(String(32))
    feed_generation: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    feed_resets: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_reset_at: Mapped[datetime | None] = mapped_column(VnDateTime)
    last_reset_note: Mapped[str | None] = mapped_column(Text)
    pulled_at: Mapped[datetime | None] = mapped_column(VnDateTime)
    last_server_time: Mapped[str | None] = mapped_column(String(40))
    revoked_at: Mapped[datetime | None] = mapped_column(VnDateTime)
    revoked_message: Mapped[str | None] = mapped_column(Text)


class TrackingNumber(Base):
    """A postal S10 number the province handed to this unit, for results sent by post (BCCI)."""

    __tablename__ = "tracking_pool"
    __table_args__ = (
        Index("ix_tracking_pool_unused", "used_at", "number"),
        Index("ix_tracking_pool_claim", "claim_state"),
    )
    number: Mapped[str] = mapped_column(String(13), primary_key=True)
    unit_code: Mapped[str] = mapped_column(String(40))
    change_seq: Mapped[int] = mapped_column(Integer)
    received_at: Mapped[datetime] = mapped_column(VnDateTime)
    used_at: Mapped[datetime | None] = mapped_column(VnDateTime)
    dossier_code: Mapped[str | None] = mapped_column(String(60))
    # Whose number it is (docs/decisions/0027): `device` a share the province gave this PC,
    # `import` a file imported here (claimed at the server when the PC syncs), `unit` a pool
    # published to the whole unit before shares existed (held, never taken: another PC of the
    # unit holds the same numbers).
    source: Mapped[str] = mapped_column(String(10), default="unit", server_default="unit")
    owner_device_id: Mapped[int | None] = mapped_column(Integer)  # the server's id of the PC
    source_name: Mapped[str | None] = mapped_column(String(200))  # the imported file's name
    claim_state: Mapped[str | None] = mapped_column(String(10))  # import: pending|claimed|refused
    claim_note: Mapped[str | None] = mapped_column(Text)


class ProvinceUpdate(Base):
    """One pulled change and what became of it here, applied once per feed generation.

    After a server restore the same seq may name another change, so rows are keyed by the
    generation too; `change_id` (the server's id, when it sends one) spots a change seen before.
    """

    __tablename__ = "province_updates"
    __table_args__ = (Index("ix_province_updates_change_id", "change_id"),)
    feed_generation: Mapped[int] = mapped_column(
        Integer, primary_key=True, autoincrement=False, default=0, server_default="0"
    )
    change_seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    change_id: Mapped[str | None] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(String(120))  # dossier code, version, year, unit
    result: Mapped[str] = mapped_column(String(20))  # applied | unchanged | not_applied
    message: Mapped[str | None] = mapped_column(Text)  # the note in Vietnamese, as written
    # The same note before formatting, JSON {"template", "params"}: shown in the clerk's language.
    message_marked: Mapped[str | None] = mapped_column(Text)
    server_created_at: Mapped[str] = mapped_column(String(40))
    applied_at: Mapped[datetime] = mapped_column(VnDateTime)


class SyncLogEntry(Base):
    """One sync run (push and pull), with its counts and, if it failed, why."""

    __tablename__ = "sync_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime] = mapped_column(VnDateTime)
    finished_at: Mapped[datetime] = mapped_column(VnDateTime)
    trigger: Mapped[str] = mapped_column(String(20))  # cli | auto | manual
    outcome: Mapped[str] = mapped_column(String(20))  # ok | error
    batches: Mapped[int] = mapped_column(Integer, default=0)
    bytes_sent: Mapped[int] = mapped_column(Integer, default=0)
    sent: Mapped[int] = mapped_column(Integer, default=0)
    acked: Mapped[int] = mapped_column(Integer, default=0)
    duplicates: Mapped[int] = mapped_column(Integer, default=0)
    conflicts: Mapped[int] = mapped_column(Integer, default=0)
    quarantined: Mapped[int] = mapped_column(Integer, default=0)
    held: Mapped[int] = mapped_column(Integer, default=0)
    pulled: Mapped[int] = mapped_column(Integer, default=0)
    error_kind: Mapped[str | None] = mapped_column(String(30))
    message: Mapped[str | None] = mapped_column(Text)  # the note in Vietnamese, as written
    # The same note before formatting, a JSON list of {"template", "params"} whose pieces joined
    # by a space give `message`: shown in the clerk's language (store revision 0017).
    message_marked: Mapped[str | None] = mapped_column(Text)
    # The server's time at `finished_at`, when the run heard it: what "last sync" shows, since
    # this PC's clock may have been wrong then.
    server_finished_at: Mapped[datetime | None] = mapped_column(VnDateTime)


class ClockReading(Base):
    """The latest comparison of this PC's clock with the server's (counter_app/sync/clock.py).

    `skew_s` is server time minus this PC's time when a reply carrying the server's time came in.
    `vouched_newest` is the newest time stored on this PC when the server last found the clock
    right: stored times up to it were written by a clock that has since been checked.
    """

    __tablename__ = "clock_reading"
    id: Mapped[int] = mapped_column(primary_key=True)
    server_time: Mapped[datetime] = mapped_column(VnDateTime)
    local_time: Mapped[datetime] = mapped_column(VnDateTime)
    skew_s: Mapped[float] = mapped_column(Float)
    source: Mapped[str] = mapped_column(String(20))  # receipt | page | health | refusal
    vouched_newest: Mapped[datetime | None] = mapped_column(VnDateTime)
