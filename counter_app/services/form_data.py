"""Build the plain data of each form (Mẫu 01–06) from a dossier and the step's facts.

`facts` keys, by form (all optional unless said): 02 `missing` (names, or dicts with name,
originals, certified_copies, photocopies) and `reason`; 03 `reason` or `reasons`; 04 `reason`,
`due_at` or `new_due_at` (required) and `original_due_at`; 05 `reason`; 06 `from_unit`,
`to_unit`, `handed_by`, `received_by`, `postal_number`, `note`, and `rows` of earlier
hand-overs (dicts of the same keys plus `at`). Every form: `number` or `form_number`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from counter_app.documents.data import (
    ControlSheetData,
    ExtensionData,
    HandoverRow,
    RefusalData,
    SlipComponent,
    SlipData,
    StopData,
    SupplementItem,
    SupplementRequestData,
)
from counter_app.documents.templates import FormData
from counter_app.documents.templates.base import (
    CONTROL_SHEET,
    EXTENSION,
    RECEIPT,
    REFUSAL,
    STOP,
    SUPPLEMENT,
)
from counter_app.models.tables import Dossier
from counter_app.services.dto import FeeLine
from counter_app.services.form_facts import (
    DossierFacts,
    authorised_name,
    delivery_place,
    fees_text,
    id_label,
    moment,
    unit_label,
)
from counter_app.services.people import person_name
from counter_protocol.timefmt import to_vn

Facts = Mapping[str, Any]


def receipt(session: Session, f: DossierFacts, at: datetime, actor: str, facts: Facts) -> SlipData:
    """Mẫu 01 as the dossier stands (the receiving clerk signs, whoever prints it)."""
    d = f.dossier
    return SlipData(
        **_receipt_applicant(d),
        dossier_code=d.code,
        unit_name=f.unit_name,
        agency_name=f.agency_name,
        place_name=f.place_name,
        procedure_name=f.procedure.name,
        procedure_code=d.procedure_code,
        components=tuple(
            SlipComponent(c.name, c.originals, c.copies) for c in d.components if c.provided
        ),
        sets_count=d.sets_count,
        processing_time_text=f.processing_text,
        received_at=d.received_at,
        due_at=d.due_at,
        result_delivery_text=delivery_place(d.result_delivery, d.delivery_address),
        fees_text=fees_text(tuple(FeeLine(**x) for x in json.loads(d.fees_json or "[]"))),
        clerk_name=person_name(session, d.received_by),
        logbook_text=None,
        lookup_hint=f.lookup_hint,
        hotline=f.hotline,
        note=d.note,
        managing_body=f.managing_body,
        log_book=d.log_book,
        log_seq=d.log_seq,
        sample_warning=f.sample_warning,
    )


def _receipt_applicant(d: Dossier) -> dict[str, Any]:
    """The applicant's lines of Mẫu 01, the id labelled for the kind of card it is."""
    a = d.applicant
    label, number = id_label(a.id_number, a.old_id_number)
    return {
        "applicant_name": a.full_name,
        "applicant_id": number,
        "id_label": label,
        "applicant_address": a.address or "",
        "applicant_phone": a.phone or "",
        "applicant_email": a.email or "",
        "authorised_person": authorised_name(d),
    }


def supplement(
    session: Session, f: DossierFacts, at: datetime, actor: str, facts: Facts
) -> SupplementRequestData:
    # The dossier code is on it: scanned when the applicant comes back with the papers.
    return SupplementRequestData(
        **_letter_head(f, facts),
        applicant_email=f.dossier.applicant.email or "",
        procedure_code=f.dossier.procedure_code,
        items=tuple(_missing_item(item) for item in facts.get("missing", ())),
        reason=str(facts.get("reason") or ""),
        contact_name=str(facts.get("contact_name") or f.unit_name),
        contact_phone=str(facts.get("contact_phone") or f.unit_phone or "……"),
        clerk_name=person_name(session, actor),
        issued_at=at,
        managing_body=f.managing_body,
        sample_warning=f.sample_warning,
    )


def _missing_item(item: object) -> SupplementItem:
    """A missing paper: a bare name asks for one original; a dict says how many of each."""
    if isinstance(item, Mapping):
        return SupplementItem(
            str(item["name"]),
            int(item.get("originals", 1)),
            int(item.get("certified_copies", 0)),
            int(item.get("photocopies", 0)),
        )
    return SupplementItem(str(item), 1, 0, 0)


def refusal(
    session: Session, f: DossierFacts, at: datetime, actor: str, facts: Facts
) -> RefusalData:
    reasons = facts.get("reasons") or ([facts["reason"]] if facts.get("reason") else [])
    return RefusalData(
        **_letter_head(f, facts),
        applicant_email=f.dossier.applicant.email or "",
        procedure_code=f.dossier.procedure_code,
        reasons=tuple(str(r) for r in reasons),
        clerk_name=person_name(session, actor),
        issued_at=at,
        managing_body=f.managing_body,
        sample_warning=f.sample_warning,
    )


def extension(
    session: Session, f: DossierFacts, at: datetime, actor: str, facts: Facts
) -> ExtensionData:
    d = f.dossier
    new_due = moment(facts.get("new_due_at") or facts["due_at"])
    original = facts.get("original_due_at")
    # The caller may already have moved dossiers.due_at (and counted this re-appointment in
    # dossiers.extensions): it then names the date it moved from.
    moved = original is not None or d.due_at == new_due
    before = moment(original) if original else (None if moved else d.due_at)
    extensions = d.extensions - (1 if moved else 0)
    return ExtensionData(
        **_letter_head(f, facts),
        managing_body=f.managing_body,
        received_at=d.received_at,
        original_due_at=before or d.first_due_at or d.due_at,
        new_due_at=new_due,
        reason=str(facts.get("reason") or ""),
        extensions_before=max(extensions, 0),
        issued_at=at,
        sample_warning=f.sample_warning,
    )


def stop(session: Session, f: DossierFacts, at: datetime, actor: str, facts: Facts) -> StopData:
    d = f.dossier
    return StopData(
        **_letter_head(f, facts),
        managing_body=f.managing_body,
        procedure_code=d.procedure_code,
        received_at=d.received_at,
        reason=str(facts.get("reason") or ""),
        clerk_name=person_name(session, actor),
        issued_at=at,
        sample_warning=f.sample_warning,
    )


def control_sheet(
    session: Session, f: DossierFacts, at: datetime, actor: str, facts: Facts
) -> ControlSheetData:
    d = f.dossier
    earlier = [_handover(session, f, row, moment(row["at"])) for row in facts.get("rows", ())]
    current = {"handed_by": person_name(session, actor), **facts}
    return ControlSheetData(
        dossier_code=d.code,
        managing_body=f.managing_body,
        unit_name=f.unit_name,
        place_name=f.place_name,
        applicant_name=d.applicant.full_name,
        procedure_name=f.procedure.name,
        received_at=d.received_at,
        due_at=d.due_at,
        deciding_agency=f.agency_name,
        cooperating_agency=str(facts.get("cooperating_agency") or ""),
        rows=(*earlier, _handover(session, f, current, at)),
        issued_at=at,
        sample_warning=f.sample_warning,
    )


def _handover(session: Session, f: DossierFacts, row: Facts, at: datetime) -> HandoverRow:
    """One row; the verdict the step judged (against its own deadline) wins over the
    appointment's, and unit codes are printed as the units' names."""
    verdict = VERDICTS.get(str(row.get("verdict") or ""))
    return HandoverRow(
        from_unit=unit_label(session, row.get("from_unit")) or f.unit_name,
        to_unit=unit_label(session, row.get("to_unit")) or f.agency_name,
        at=at,
        standing=verdict or standing(at, f.dossier.due_at),
        handed_by=str(row.get("handed_by") or ""),
        received_by=str(row.get("received_by") or ""),
        postal_number=row.get("postal_number") or None,
        note=str(row.get("note") or ""),
    )


# A step's verdict on a hand-over (early / on_time / late), as Mẫu 06 words it.
VERDICTS = {
    "early": "Trước hạn",
    "on_time": "Đúng hạn",
    "late": "Quá hạn",
    **{label: label for label in ("Trước hạn", "Đúng hạn", "Quá hạn")},
}


def standing(at: datetime, due_at: datetime) -> str:
    """Trước hạn (an earlier day than the appointment), Đúng hạn (by it), Quá hạn (after it)."""
    if to_vn(at).date() < to_vn(due_at).date():
        return "Trước hạn"
    return "Đúng hạn" if at <= due_at else "Quá hạn"


def _letter_head(f: DossierFacts, facts: Facts) -> dict[str, Any]:
    """What every letter to the applicant (Mẫu 02–05) opens with: its number, the dossier,
    who writes and to whom."""
    a = f.dossier.applicant
    return {
        "document_number": _number(facts),
        "dossier_code": f.dossier.code,
        "unit_name": f.unit_name,
        "agency_name": f.agency_name,
        "place_name": f.place_name,
        "applicant_name": a.full_name,
        "applicant_address": a.address or "",
        "applicant_phone": a.phone or "",
        "procedure_name": f.procedure.name,
    }


def _number(facts: Facts) -> str | None:
    value = facts.get("number") or facts.get("form_number")
    return str(value) if value else None


Builder = Callable[[Session, DossierFacts, datetime, str, Facts], FormData]
BUILDERS: dict[str, Builder] = {
    RECEIPT: receipt,
    SUPPLEMENT: supplement,
    REFUSAL: refusal,
    EXTENSION: extension,
    STOP: stop,
    CONTROL_SHEET: control_sheet,
}
