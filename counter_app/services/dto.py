"""Frozen data passed between services and the UI (never ORM objects across threads)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from counter_app.domain.dossier_rules import DueState
from counter_app.domain.kinds import ApplicantKind, Channel, ResultDelivery
from counter_app.domain.postal import InboundItem


@dataclass(frozen=True)
class ApplicantInput:
    full_name: str
    id_number: str | None = None
    old_id_number: str | None = None
    birth_date: date | None = None
    sex: str | None = None
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    kind: ApplicantKind = ApplicantKind.CITIZEN


@dataclass(frozen=True)
class ComponentInput:
    name: str
    originals: int
    copies: int
    provided: bool = True
    required: bool = True  # in the published list as required: missing → Mẫu 02, not Mẫu 01


@dataclass(frozen=True)
class FeeLine:
    kind: str  # phi | le_phi
    name: str
    amount: int
    collected: str  # a FeeCollection value: at_receipt | at_return | exempt
    paid: bool = False


@dataclass(frozen=True)
class IntakeRequest:
    procedure_code: str
    applicant: ApplicantInput
    components: tuple[ComponentInput, ...]
    clerk: str  # username of the receiving clerk
    channel: Channel = Channel.COUNTER
    result_delivery: ResultDelivery = ResultDelivery.AT_COUNTER
    delivery_address: str | None = None
    authorised_person: str | None = None
    fees: tuple[FeeLine, ...] = ()
    note: str | None = None
    sets_count: int = 1
    override_reason: str | None = None  # a supervisor takes an in-person procedure by post
    home_commune: str | None = None  # the commune unit that decides, when not this one
    at_home: bool = False  # taken at the citizen's home (services/home_visits.py)
    postal_sender: InboundItem | None = None  # channel 3: who posted the dossier (BCCI)


@dataclass(frozen=True)
class DossierRow:
    """One line of the dossier list."""

    id: int
    code: str
    applicant_name: str
    id_number: str | None
    phone: str | None
    procedure_code: str
    procedure_name: str
    status: int
    received_at: datetime
    due_at: datetime
    due_state: DueState  # computed by the search service on the counter's working calendar


@dataclass(frozen=True)
class EventView:
    seq: int
    kind: str
    at: datetime
    actor: str
    from_status: int | None
    to_status: int | None
    note: str | None
    origin: str
    actor_name: str = ""  # the person's full name; `actor` stays the username (a technical id)

    @property
    def who(self) -> str:
        return self.actor_name or self.actor


@dataclass(frozen=True)
class ReceiverView:
    """Who collected the result at the counter, from the "returned" event's step data."""

    name: str
    id_number: str


@dataclass(frozen=True)
class DossierDetail:
    id: int
    uuid: str
    code: str
    unit_code: str
    procedure_code: str
    procedure_name: str
    catalogue_version: str
    agency_name: str
    processing_text: str
    applicant: ApplicantInput
    authorised_person: str | None
    components: tuple[ComponentInput, ...]
    channel: Channel
    result_delivery: ResultDelivery
    delivery_address: str | None
    status: int
    sub_state: str
    received_at: datetime
    due_at: datetime
    returned_at: datetime | None
    received_by: str
    received_by_name: str
    fees: tuple[FeeLine, ...]
    note: str | None
    sets_count: int
    events: tuple[EventView, ...] = field(default_factory=tuple)
    receiver: ReceiverView | None = None
