"""Plain input data for the printed forms (Mẫu 01–06): what the services hand to documents.

Every field is plain (text, numbers, aware datetimes, tuples of these), so an issued form's data
round-trips through JSON (documents.snapshot) and a reprint draws exactly the same page.
"""

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
    note: str | None  # the clerk's internal note: printed on the file copy (Liên lưu) only
    managing_body: str | None = None  # "UBND tỉnh Hà Tĩnh": the header's first line
    id_label: str = "Số định danh cá nhân/CCCD"  # "Số CMND" for an old 9-digit card
    log_book: str | None = None  # Sổ theo dõi hồ sơ: Quyển số
    log_seq: int | None = None  # Sổ theo dõi hồ sơ: Số thứ tự
    sample_warning: str | None = None  # set when the catalogue is sample data


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
    managing_body: str | None = None
    sample_warning: str | None = None


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
    managing_body: str | None = None
    sample_warning: str | None = None


@dataclass(frozen=True)
class ExtensionData:
    """Mẫu 04: the apology with a new appointment (TT 01/2018 "Phiếu xin lỗi và hẹn lại ngày trả
    kết quả"; TT 03/2025 "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết")."""

    document_number: str | None  # "Số: …/PXL"
    dossier_code: str
    managing_body: str | None
    unit_name: str
    agency_name: str  # the competent agency that asks for the extension and apologises
    place_name: str
    applicant_name: str
    applicant_address: str
    applicant_phone: str
    procedure_name: str
    received_at: datetime
    original_due_at: datetime  # the appointment written on Mẫu 01 (before this extension)
    new_due_at: datetime
    reason: str
    extensions_before: int  # how many times the appointment was already moved
    issued_at: datetime
    sample_warning: str | None = None


@dataclass(frozen=True)
class StopData:
    """Mẫu 05 of TT 03/2025, Thông báo dừng giải quyết hồ sơ."""

    document_number: str | None
    dossier_code: str
    managing_body: str | None
    unit_name: str
    agency_name: str
    place_name: str
    applicant_name: str
    applicant_address: str
    applicant_phone: str
    procedure_name: str
    procedure_code: str
    received_at: datetime
    reason: str
    clerk_name: str
    issued_at: datetime
    sample_warning: str | None = None


@dataclass(frozen=True)
class HandoverRow:
    """One hand-over on the control sheet: who gave the dossier to whom, when, and how it stood
    against the appointment (Trước hạn / Đúng hạn / Quá hạn)."""

    from_unit: str
    to_unit: str
    at: datetime
    standing: str
    handed_by: str
    received_by: str
    postal_number: str | None = None  # sent by post: the item's number replaces signatures
    note: str = ""


@dataclass(frozen=True)
class ControlSheetData:
    """Phiếu kiểm soát quá trình giải quyết hồ sơ (TT 03/2025 Mẫu 06; TT 01/2018 Mẫu 05)."""

    dossier_code: str
    managing_body: str | None
    unit_name: str
    place_name: str
    applicant_name: str
    procedure_name: str
    received_at: datetime
    due_at: datetime
    deciding_agency: str  # Cơ quan (bộ phận) giải quyết hồ sơ
    cooperating_agency: str  # Cơ quan phối hợp giải quyết hồ sơ ("" when none)
    rows: tuple[HandoverRow, ...]
    issued_at: datetime
    sample_warning: str | None = None
