"""Plain input data for the printed forms (Mẫu 01, 02, 03): what the services hand to documents."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class SlipComponent:
    """One paper in the dossier, as listed on Mẫu 01: its name and how many originals and copies."""

    name: str
    originals: int
    copies: int


@dataclass(frozen=True)
class SlipData:
    """Everything printed on Mẫu 01, Giấy tiếp nhận hồ sơ và hẹn trả kết quả."""

    dossier_code: str
    unit_name: str  # the receiving unit, e.g. "Trung tâm Phục vụ hành chính công xã Thạch Hà"
    agency_name: str  # the competent agency, e.g. "UBND xã Thạch Hà"
    place_name: str  # the "Địa danh" of the dateline, e.g. "Hà Tĩnh"
    applicant_name: str
    applicant_id: str
    applicant_address: str
    applicant_phone: str
    applicant_email: str
    authorised_person: str | None
    procedure_name: str
    procedure_code: str
    components: tuple[SlipComponent, ...]
    sets_count: int
    processing_time_text: str  # "03 ngày làm việc", "Trong ngày"
    received_at: datetime  # aware; printed in Vietnam time
    due_at: datetime  # aware; printed in Vietnam time
    result_delivery_text: str  # "Tại Bộ phận Một cửa" or "Qua dịch vụ bưu chính công ích: …"
    fees_text: str | None
    clerk_name: str
    logbook_text: str | None  # Sổ theo dõi hồ sơ: "Quyển số 01, số thứ tự 125"
    lookup_hint: str
    hotline: str | None
    note: str | None


@dataclass(frozen=True)
class SupplementItem:
    """One paper the applicant must add or complete (Mẫu 02), with the quantities asked for."""

    name: str
    originals: int
    certified_copies: int
    photocopies: int


@dataclass(frozen=True)
class SupplementRequestData:
    """Everything printed on Mẫu 02, Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ."""

    document_number: str | None  # "Số: …/HDHS"; None prints a blank to fill in by hand
    dossier_code: str | None  # set when the dossier was already received
    unit_name: str
    agency_name: str
    place_name: str
    applicant_name: str
    applicant_address: str
    applicant_phone: str
    applicant_email: str
    procedure_name: str
    procedure_code: str
    items: tuple[SupplementItem, ...]
    reason: str
    contact_name: str  # who to ask while completing the dossier
    contact_phone: str
    clerk_name: str  # NGƯỜI HƯỚNG DẪN
    issued_at: datetime  # aware; printed in Vietnam time


@dataclass(frozen=True)
class RefusalData:
    """Everything printed on Mẫu 03, Phiếu từ chối tiếp nhận giải quyết hồ sơ."""

    document_number: str | None
    dossier_code: str | None
    unit_name: str
    agency_name: str
    place_name: str
    applicant_name: str
    applicant_address: str
    applicant_phone: str
    applicant_email: str
    procedure_name: str
    procedure_code: str
    reasons: tuple[str, ...]  # each printed as its own "- …" line
    clerk_name: str
    issued_at: datetime  # aware; printed in Vietnam time
