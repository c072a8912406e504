"""The counter's local store: one SQLite file holding units, the catalogue, dossiers and the outbox.

Dossiers are legal records: rows in `dossiers` carry the current projection of the dossier and
`dossier_events` is append-only history. Nothing here is ever deleted.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from counter_app.domain.kinds import OutboxState
from counter_app.models.base import Base
from counter_app.models.types import IsoDate, VnDateTime


class Unit(Base):
    """An agency or one-stop centre, with its electronic id code (mã định danh): 000.00.00.H27."""

    __tablename__ = "units"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    level: Mapped[str] = mapped_column(String(20))  # province | commune | agency
    address: Mapped[str | None] = mapped_column(String(300))
    phone: Mapped[str | None] = mapped_column(String(40))
    is_agency: Mapped[bool] = mapped_column(Boolean, default=False)
    # The body that runs a centre (UBND tỉnh / UBND xã …): the first line of a form's header.
    managing_body: Mapped[str | None] = mapped_column(String(300))


class Device(Base):
    """This counter PC (one row is `is_self`), with its numbering slot and enrolment."""

    __tablename__ = "devices"
    id: Mapped[int] = mapped_column(primary_key=True)
    device_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"))
    slot: Mapped[int] = mapped_column(Integer)
    is_self: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(VnDateTime)
    server_url: Mapped[str | None] = mapped_column(String(300))
    server_device_id: Mapped[str | None] = mapped_column(String(64))
    server_public_key: Mapped[str | None] = mapped_column(String(120))
    private_key: Mapped[bytes | None] = mapped_column(LargeBinary)
    public_key: Mapped[str | None] = mapped_column(String(120))
    enrolled_at: Mapped[datetime | None] = mapped_column(VnDateTime)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    full_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(20))  # clerk | supervisor | it
    password_hash: Mapped[str] = mapped_column(String(200))
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(VnDateTime)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(VnDateTime)
    # Set by an administrator's reset, cleared by the holder's own new password (migration 0015)
    must_change_password: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )


class AdminEvent(Base):
    """Who changed an account or a setting, when: written once, never changed or deleted
    (triggers in migration 0014). `subject` is the account's username or the setting's key."""

    __tablename__ = "admin_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(VnDateTime, index=True)
    actor: Mapped[str] = mapped_column(String(60))  # a username, or "@console" (command line)
    action: Mapped[str] = mapped_column(String(20))  # services.accounts.AccountAction
    subject: Mapped[str] = mapped_column(String(80), index=True)
    detail: Mapped[str | None] = mapped_column(Text)


class CatalogueVersion(Base):
    """One loaded catalogue publication; old versions are kept because dossiers point at them."""

    __tablename__ = "catalogue_versions"
    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[str] = mapped_column(String(60), unique=True)
    sha256: Mapped[str] = mapped_column(String(64))
    effective_from: Mapped[date | None] = mapped_column(IsoDate)
    loaded_at: Mapped[datetime] = mapped_column(VnDateTime)
    source: Mapped[str] = mapped_column(String(300))
    is_current: Mapped[bool] = mapped_column(Boolean, default=False)
    sample_data: Mapped[bool] = mapped_column(Boolean, default=False)
    document: Mapped[str] = mapped_column(Text)  # the published JSON, verbatim


class Procedure(Base):
    __tablename__ = "procedures"
    __table_args__ = (UniqueConstraint("catalogue_version_id", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    catalogue_version_id: Mapped[int] = mapped_column(ForeignKey("catalogue_versions.id"))
    code: Mapped[str] = mapped_column(String(40), index=True)
    local_code: Mapped[str | None] = mapped_column(String(60))
    name: Mapped[str] = mapped_column(String(500))
    name_folded: Mapped[str] = mapped_column(String(500))
    field_code: Mapped[str] = mapped_column(String(20))
    field_name: Mapped[str] = mapped_column(String(200))
    level: Mapped[str] = mapped_column(String(20))
    agency_code: Mapped[str] = mapped_column(String(40))
    agency_name: Mapped[str] = mapped_column(String(300))
    processing_amount: Mapped[str] = mapped_column(String(12))  # Decimal as text
    processing_unit: Mapped[str] = mapped_column(String(20))
    cutoff: Mapped[str | None] = mapped_column(String(5))  # HH:MM
    bcci_allowed: Mapped[bool] = mapped_column(Boolean)
    fees_json: Mapped[str] = mapped_column(Text)
    components_json: Mapped[str] = mapped_column(Text)
    units_json: Mapped[str] = mapped_column(Text)
    # The applicant must come in person to submit / to collect: no post (docs/domain.md#routing).
    in_person_submit: Mapped[bool] = mapped_column(Boolean, default=False)
    in_person_return: Mapped[bool] = mapped_column(Boolean, default=False)
    # Since 01/07/2025 any commune centre of the province may receive it (phi địa giới).
    any_commune: Mapped[bool] = mapped_column(Boolean, default=False)


class Applicant(Base):
    __tablename__ = "applicants"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[int] = mapped_column(Integer, default=1)  # 1 citizen, 2 organisation
    full_name: Mapped[str] = mapped_column(String(200))
    id_number: Mapped[str | None] = mapped_column(String(20), index=True)
    old_id_number: Mapped[str | None] = mapped_column(String(20), index=True)
    birth_date: Mapped[date | None] = mapped_column(IsoDate)
    sex: Mapped[str | None] = mapped_column(String(10))
    phone: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(500))


class Dossier(Base):
    """The current state of one dossier (hồ sơ). History lives in `dossier_events`."""

    __tablename__ = "dossiers"
    __table_args__ = (
        Index("ix_dossiers_received_at", "received_at"),
        Index("ix_dossiers_status_due", "status", "due_at"),
        # The search's walks and key look-ups (models/search_queries.py, migration 0013).
        Index("ix_dossiers_status_walk", "status", "id", "due_at"),
        Index("ix_dossiers_code_tail", text("substr(code, -11)")),
        Index("ix_dossiers_phone_tail", text("substr(phone, -7)")),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    unit_code: Mapped[str] = mapped_column(String(40))
    device_uuid: Mapped[str] = mapped_column(String(36))
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedures.id"))
    procedure_code: Mapped[str] = mapped_column(String(40))
    catalogue_version: Mapped[str] = mapped_column(String(60))
    applicant_id: Mapped[int] = mapped_column(ForeignKey("applicants.id"))
    # Denormalised for the search box (one indexed column each, see services/search.py).
    search_name: Mapped[str] = mapped_column(String(200))
    id_number: Mapped[str | None] = mapped_column(String(20), index=True)
    phone: Mapped[str | None] = mapped_column(String(20), index=True)
    authorised_json: Mapped[str | None] = mapped_column(Text)
    channel: Mapped[int] = mapped_column(Integer, default=1)  # KenhThucHien 1/2/3
    at_home: Mapped[bool] = mapped_column(Boolean, default=False)  # received at the home (0012)
    result_delivery: Mapped[int] = mapped_column(Integer, default=0)  # 0 counter, 1 BCCI
    delivery_address: Mapped[str | None] = mapped_column(String(500))
    status: Mapped[int] = mapped_column(Integer)
    sub_state: Mapped[str] = mapped_column(String(30))
    submitted_at: Mapped[datetime] = mapped_column(VnDateTime)
    received_at: Mapped[datetime] = mapped_column(VnDateTime)
    due_at: Mapped[datetime] = mapped_column(VnDateTime)
    returned_at: Mapped[datetime | None] = mapped_column(VnDateTime)
    received_by: Mapped[str] = mapped_column(String(120))
    fees_json: Mapped[str] = mapped_column(Text, default="[]")
    note: Mapped[str | None] = mapped_column(Text)
    sets_count: Mapped[int] = mapped_column(Integer, default=1)
    last_event_seq: Mapped[int] = mapped_column(Integer, default=1)
    last_op_seq: Mapped[int | None] = mapped_column(Integer)  # device_seq of its latest outbox op
    # Lifecycle (docs/domain.md#lifecycle): who decides, which forms' rules, the deadline's story.
    competent_code: Mapped[str | None] = mapped_column(String(40))
    competent_name: Mapped[str | None] = mapped_column(String(300))
    form_rules: Mapped[str] = mapped_column(String(20), default="tt03-2025")
    first_due_at: Mapped[datetime | None] = mapped_column(VnDateTime)  # before any pause/extension
    paused_at: Mapped[datetime | None] = mapped_column(VnDateTime)  # a supplement pause running
    supplement_requests: Mapped[int] = mapped_column(Integer, default=0)
    extensions: Mapped[int] = mapped_column(Integer, default=0)
    ended_at: Mapped[datetime | None] = mapped_column(VnDateTime)  # end of processing (§ on time)
    log_book: Mapped[str | None] = mapped_column(String(10))  # Sổ theo dõi: Quyển số
    log_seq: Mapped[int | None] = mapped_column(Integer)  # Sổ theo dõi: Số thứ tự

    applicant: Mapped[Applicant] = relationship(lazy="joined")
    components: Mapped[list[DossierComponent]] = relationship(
        order_by="DossierComponent.ordinal", lazy="selectin"
    )


class DossierComponent(Base):
    __tablename__ = "dossier_components"
    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(500))
    originals: Mapped[int] = mapped_column(Integer)
    copies: Mapped[int] = mapped_column(Integer)
    provided: Mapped[bool] = mapped_column(Boolean)
    required: Mapped[bool] = mapped_column(Boolean, default=True)


class DossierEvent(Base):
    """Append-only: who did what, when, from which status to which."""

    __tablename__ = "dossier_events"
    __table_args__ = (UniqueConstraint("dossier_id", "seq"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"))
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(40))
    at: Mapped[datetime] = mapped_column(VnDateTime)
    actor: Mapped[str] = mapped_column(String(120))
    from_status: Mapped[int | None] = mapped_column(Integer)
    to_status: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)
    data_json: Mapped[str | None] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(String(20), default="counter")  # counter | province


class IssuedForm(Base):
    """A form issued for a dossier (Mẫu 01–06), with the exact data it was printed from, so that
    a reprint is the same page. Written once, never changed (triggers in migration 0007)."""

    __tablename__ = "issued_forms"
    # `find --form NN`: whether a dossier has form NN, from the index alone (migration 0008).
    __table_args__ = (Index("ix_issued_forms_dossier_form", "dossier_id", "form_no"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"), index=True)
    form_no: Mapped[str] = mapped_column(String(2))  # "01" … "06"
    template: Mapped[str] = mapped_column(String(40))  # e.g. "tt03-2025/02"
    number: Mapped[str | None] = mapped_column(String(40))  # Số …/HDHS where the form has one
    issued_at: Mapped[datetime] = mapped_column(VnDateTime)
    issued_by: Mapped[str] = mapped_column(String(120))
    event_seq: Mapped[int | None] = mapped_column(Integer)
    data_json: Mapped[str] = mapped_column(Text)  # the plain data the renderer drew


class FormPrint(Base):
    """Each time a form was printed (the first print and every "Bản in lại")."""

    __tablename__ = "form_prints"
    id: Mapped[int] = mapped_column(primary_key=True)
    form_id: Mapped[int] = mapped_column(ForeignKey("issued_forms.id"), index=True)
    printed_at: Mapped[datetime] = mapped_column(VnDateTime)
    printed_by: Mapped[str] = mapped_column(String(120))
    reprint: Mapped[bool] = mapped_column(Boolean)


class LogbookCounter(Base):
    """The last Số thứ tự of a unit's logbook (Sổ theo dõi hồ sơ, one Quyển a year)."""

    __tablename__ = "logbook_counters"
    unit_code: Mapped[str] = mapped_column(String(40), primary_key=True)
    book: Mapped[str] = mapped_column(String(10), primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer)


class DossierConflict(Base):
    """A change the province and this counter made to one dossier that do not fit together.
    Both are kept; the conflict stays listed for the clerk and IT until someone marks it seen."""

    __tablename__ = "dossier_conflicts"
    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"), index=True)
    detected_at: Mapped[datetime] = mapped_column(VnDateTime)
    source: Mapped[str] = mapped_column(String(20))  # pull | receipt
    message: Mapped[str] = mapped_column(Text)
    # The same before formatting, pieces joined by a space (rows written since revision 0019).
    message_marked: Mapped[str | None] = mapped_column(Text)
    event_seq: Mapped[int | None] = mapped_column(Integer)
    change_seq: Mapped[int | None] = mapped_column(Integer)
    seen_at: Mapped[datetime | None] = mapped_column(VnDateTime)
    seen_by: Mapped[str | None] = mapped_column(String(120))


class CodeCounter(Base):
    """The last dossier number used per agency code, day and device slot (see services/codes.py)."""

    __tablename__ = "code_counters"
    agency_code: Mapped[str] = mapped_column(String(40), primary_key=True)
    day: Mapped[str] = mapped_column(String(6), primary_key=True)  # yyMMdd
    slot: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer)


class OutboxOp(Base):
    """An operation waiting for (or acknowledged by) the provincial server; never deleted.

    Its bytes live in `outbox_payloads`: a receipt rewrites this row (state, receipt), and a
    narrow row keeps that write small (with the payload inline it rewrote ~1.5 KB per op)."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_state_seq", "state", "device_seq"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    op_id: Mapped[str] = mapped_column(String(36), unique=True)
    device_seq: Mapped[int] = mapped_column(Integer, unique=True)
    kind: Mapped[str] = mapped_column(String(30))
    dossier_uuid: Mapped[str] = mapped_column(String(36), index=True)
    payload_hash: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(20), default=OutboxState.QUEUED)
    created_at: Mapped[datetime] = mapped_column(VnDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    # The same before formatting, pieces joined by a space (ops marked since revision 0018).
    last_error_marked: Mapped[str | None] = mapped_column(Text)
    acked_at: Mapped[datetime | None] = mapped_column(VnDateTime)
    receipt_id: Mapped[int | None] = mapped_column(Integer)


class OutboxPayload(Base):
    """The exact bytes of an outbox op (its canonical JSON), written once, never changed."""

    __tablename__ = "outbox_payloads"
    device_seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    payload: Mapped[bytes] = mapped_column(LargeBinary)


class CalendarOverride(Base):
    """Extra days off and make-up working days of one year's official civil-service calendar."""

    __tablename__ = "calendar_overrides"
    day: Mapped[date] = mapped_column(IsoDate, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))  # holiday | workday
    name: Mapped[str] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(200))
    imported_at: Mapped[datetime] = mapped_column(VnDateTime)


class SearchTerm(Base):
    """A folded word of some applicant's name (see services/search.py)."""

    __tablename__ = "search_terms"
    term: Mapped[str] = mapped_column(String(60), primary_key=True)


class Setting(Base):
    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class StoreCheck(Base):
    """One sound full integrity check of this file (see models/integrity.py); a failed check
    is never written into the damaged file: it stops writes and names a backup instead."""

    __tablename__ = "store_checks"
    id: Mapped[int] = mapped_column(primary_key=True)
    checked_at: Mapped[datetime] = mapped_column(VnDateTime)
    kind: Mapped[str] = mapped_column(String(10))  # full
    ok: Mapped[bool] = mapped_column(Boolean)
    seconds: Mapped[float] = mapped_column(Float)
    detail: Mapped[str | None] = mapped_column(Text)
