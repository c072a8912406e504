"""The records a catalogue is made of, and the words its fields may take.

A `Catalogue` is a validated version (counter_protocol/catalogue/document.py made it); the
counter's routing, fees and forms read these records, the server keeps the document itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal

FORMAT_TAG = "counter_app.catalogue/1"
TIME_UNITS = ("working_days", "working_hours", "half_days", "calendar_days")
LEVELS = ("province", "commune")
FEE_KINDS = ("le_phi", "phi")
FEE_COLLECTED = ("at_receipt", "at_return", "exempt")
FEE_PER = ("case", "page", "copy")


@dataclass(frozen=True)
class CatalogueUnit:  # a receiving unit: Trung tâm Phục vụ hành chính công / Bộ phận Một cửa
    code: str
    name: str
    level: str
    address: str
    phone: str
    code_verified: bool
    # The body that runs the centre and decides what no named agency decides: "Ủy ban nhân dân
    # xã Đức Thọ". Older files without it take the agency of the same code ("" if none).
    managing_body: str = ""


@dataclass(frozen=True)
class Agency:  # a competent agency (cơ quan có thẩm quyền giải quyết)
    code: str  # mã định danh, QĐ 20/2020/QĐ-TTg
    name: str
    code_verified: bool


@dataclass(frozen=True)
class Field:  # lĩnh vực
    code: str
    name: str


@dataclass(frozen=True)
class ProcessingTime:
    """The legal deadline (thời hạn giải quyết); amount 0 working days means "trong ngày"."""

    amount: Decimal
    unit: str
    note: str = ""


@dataclass(frozen=True)
class Fee:
    """One phí or lệ phí line, in whole đồng, per case, page or copy."""

    kind: str
    name: str
    amount: int
    collected: str
    per: str = "case"
    note: str = ""


@dataclass(frozen=True)
class Component:  # thành phần hồ sơ: how many originals (bản chính) and copies (bản sao)
    name: str
    originals: int
    copies: int
    required: bool


@dataclass(frozen=True)
class Procedure:
    """One administrative procedure; `agency` None means the managing body (UBND) of the competent
    commune, or of the province for a province procedure, decides (docs/domain.md#routing)."""

    code: str
    local_code: str | None
    code_verified: bool
    name: str
    field: str
    level: str
    units: tuple[str, ...]
    agency: str | None
    processing: ProcessingTime
    cutoff: time | None
    bcci_allowed: bool
    fees: tuple[Fee, ...]
    components: tuple[Component, ...]
    legal_basis: str
    in_person_submit: bool = False  # the applicant must come to submit: never by post
    in_person_return: bool = False  # the applicant must come to collect: never by post
    any_commune: bool = False  # any commune centre of the province receives it (ND 118/2025)


@dataclass(frozen=True)
class Catalogue:
    """A validated catalogue version; `sha256` is taken over its canonical NFC JSON text."""

    version: str
    effective_from: date
    sample_data: bool
    notice: str
    province_code: str
    province_name: str
    units: tuple[CatalogueUnit, ...]
    agencies: tuple[Agency, ...]
    fields: tuple[Field, ...]
    procedures: tuple[Procedure, ...]
    sha256: str

    def procedure(self, code: str) -> Procedure | None:
        return next((p for p in self.procedures if p.code == code), None)

    def unit(self, code: str) -> CatalogueUnit | None:
        return next((u for u in self.units if u.code == code), None)

    def procedures_at(self, unit_code: str) -> tuple[Procedure, ...]:
        """The procedures the catalogue lists for a unit, in catalogue order (domain/routing.py
        adds the commune procedures any commune centre receives)."""
        return tuple(p for p in self.procedures if unit_code in p.units)

    def competent_agency(self, procedure: Procedure, receiving_unit: str) -> str:
        """Code of the agency that decides `procedure` received at `receiving_unit` when the
        applicant belongs to that unit's commune: the named agency, else the commune's (or for a
        province procedure the province's) managing body, which shares the unit's code."""
        if procedure.agency is not None:
            return procedure.agency
        return receiving_unit if procedure.level == "commune" else self.province_code

    def agency_name(self, code: str) -> str | None:
        """Name of the agency with this code: a listed agency, else the managing body of the unit
        with this code. Never a centre's name: a centre receives, it does not decide."""
        names = {u.code: u.managing_body for u in self.units if u.managing_body}
        return (names | {a.code: a.name for a in self.agencies}).get(code)
