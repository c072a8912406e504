"""What the post office adds at a counter: the fee ledger, home appointments and online-service
help. Kept apart from the dossier tables (models/tables.py); migrations 0009 and 0010."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.models.base import Base
from counter_app.models.types import VnDateTime


class FeeEntry(Base):
    """One money event of a dossier's fees (phí, lệ phí) or postage (cước): a collection, a
    refund, a correction, or a receipt number given later to a pending entry (`refers_to` names
    the entry it refunds, corrects or completes). A cash record: written once, never changed
    (triggers in migration 0009); see docs/domain.md §11."""

    __tablename__ = "fee_entries"
    __table_args__ = (
        UniqueConstraint("receipt_series", "receipt_number"),
        Index("ix_fee_entries_clerk_at", "clerk", "at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"), index=True)
    line_name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(10))  # phi | le_phi | postage
    moment: Mapped[str] = mapped_column(String(12))  # at_receipt | at_return | exempt
    direction: Mapped[str] = mapped_column(String(12))  # collect | refund | correction | receipt
    amount: Mapped[int] = mapped_column(Integer)  # whole đồng; a correction's may be negative
    receipt_series: Mapped[str | None] = mapped_column(String(20))  # ký hiệu, as entered
    receipt_number: Mapped[str | None] = mapped_column(String(8))  # số, as entered
    receipt_pending: Mapped[bool] = mapped_column(Boolean, default=False)
    refers_to: Mapped[int | None] = mapped_column(ForeignKey("fee_entries.id"))
    clerk: Mapped[str] = mapped_column(String(120))
    at: Mapped[datetime] = mapped_column(VnDateTime)
    note: Mapped[str | None] = mapped_column(Text)


class HomeVisit(Base):
    """A home appointment (hẹn giờ thực hiện TTHC tại nhà) of one clerk; never deleted: a moved
    appointment is a new row pointing at the old one (docs/domain.md#home-appointments)."""

    __tablename__ = "home_visits"
    __table_args__ = (Index("ix_home_visits_clerk_start", "clerk", "starts_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    clerk: Mapped[str] = mapped_column(ForeignKey("users.username"))
    starts_at: Mapped[datetime] = mapped_column(VnDateTime, index=True)
    ends_at: Mapped[datetime] = mapped_column(VnDateTime)
    citizen_name: Mapped[str] = mapped_column(String(120))
    phone: Mapped[str] = mapped_column(String(20))
    address: Mapped[str] = mapped_column(String(300))
    area_code: Mapped[str | None] = mapped_column(String(40))  # province/commune unit code
    procedure_code: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(12))  # domain.appointments.VisitStatus
    note: Mapped[str | None] = mapped_column(Text)
    replaces_id: Mapped[int | None] = mapped_column(ForeignKey("home_visits.id"))
    dossier_code: Mapped[str | None] = mapped_column(String(40))  # received at the home
    created_at: Mapped[datetime] = mapped_column(VnDateTime)
    created_by: Mapped[str] = mapped_column(String(60))


class HomeVisitEvent(Base):
    """Append-only history of a home appointment: booked, moved, cancelled, outcome, received."""

    __tablename__ = "home_visit_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("home_visits.id"), index=True)
    at: Mapped[datetime] = mapped_column(VnDateTime)
    actor: Mapped[str] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(12))
    note: Mapped[str | None] = mapped_column(Text)


class OnlineHelp(Base):
    """A citizen helped to submit on the national portal; no dossier of this counter is made."""

    __tablename__ = "online_help"
    id: Mapped[int] = mapped_column(primary_key=True)
    # Its name on the wire (an `online_help.record` op) and the unit it counts for (0012).
    uuid: Mapped[str | None] = mapped_column(String(36), unique=True, index=True)
    unit_code: Mapped[str | None] = mapped_column(String(40))
    portal_code: Mapped[str] = mapped_column(String(60), unique=True)
    kind: Mapped[str] = mapped_column(String(8))  # domain.appointments.HelpKind
    procedure_code: Mapped[str] = mapped_column(String(40))
    citizen_name: Mapped[str] = mapped_column(String(120))
    phone: Mapped[str | None] = mapped_column(String(20))
    clerk: Mapped[str] = mapped_column(ForeignKey("users.username"))
    helped_at: Mapped[datetime] = mapped_column(VnDateTime, index=True)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(VnDateTime)


class PostalItem(Base):
    """A postal item of a dossier (BCCI): a dossier that came by post or was collected at the
    citizen's address (inbound), or a result sent by post (outbound). Written once; where it is
    now is the newest row of `postal_status_events` (docs/domain.md#post, migration 0011)."""

    __tablename__ = "postal_items"
    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"), index=True)
    direction: Mapped[str] = mapped_column(String(10))  # domain.postal.Direction
    tracking_number: Mapped[str | None] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(120))  # the receiver (outbound) or sender
    phone: Mapped[str] = mapped_column(String(20))
    street: Mapped[str] = mapped_column(String(200))
    province_code: Mapped[str] = mapped_column(String(10))
    province_name: Mapped[str] = mapped_column(String(100))
    commune_code: Mapped[str] = mapped_column(String(10))
    commune_name: Mapped[str] = mapped_column(String(100))
    weight_g: Mapped[int | None] = mapped_column(Integer)
    postage: Mapped[int] = mapped_column(Integer)  # whole đồng; its ledger entry is fee_entry_id
    fee_entry_id: Mapped[int | None] = mapped_column(ForeignKey("fee_entries.id"))
    event_seq: Mapped[int | None] = mapped_column(Integer)  # the dossier step it came with
    created_at: Mapped[datetime] = mapped_column(VnDateTime, index=True)
    created_by: Mapped[str] = mapped_column(String(60))


class PostalStatusEvent(Base):
    """One status of a postal item; appended, never changed (history of the item)."""

    __tablename__ = "postal_status_events"
    __table_args__ = (UniqueConstraint("item_id", "seq"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("postal_items.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(12))  # domain.postal.PostalStatus
    at: Mapped[datetime] = mapped_column(VnDateTime)
    actor: Mapped[str] = mapped_column(String(60))
    note: Mapped[str | None] = mapped_column(Text)
