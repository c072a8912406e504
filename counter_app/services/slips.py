"""Print Mẫu 01 for a stored dossier: build the slip data from the store, render it to PDF.

Only a committed dossier is ever printed: the slip is built from what the store holds.
"""

from __future__ import annotations

from pathlib import Path

from counter_app.documents.data import SlipComponent, SlipData
from counter_app.documents.slip import render_slip
from counter_app.domain.delivery import delivery_text
from counter_app.domain.fees import is_free
from counter_app.services.details import DetailService
from counter_app.services.dto import FeeLine
from counter_app.services.settings import get_setting
from counter_app.services.store import Store

COLLECTED_WORDS = {
    "at_receipt": "nộp khi tiếp nhận",
    "at_return": "nộp khi nhận kết quả",
    "exempt": "miễn",
}


def fees_text(fees: tuple[FeeLine, ...]) -> str | None:
    if not fees:
        return None
    parts = []
    for fee in fees:
        amount = "miễn" if is_free(fee) else (f"{fee.amount:,}".replace(",", ".") + " đồng")
        when = "" if amount == "miễn" else f" ({COLLECTED_WORDS.get(fee.collected, '')})"
        parts.append(f"{fee.name}: {amount}{when}")
    return "; ".join(parts)


class SlipService:
    def __init__(self, store: Store, details: DetailService) -> None:
        self._store = store
        self._details = details

    def slip_data(self, code: str) -> SlipData:
        d = self._details.get(code)
        with self._store.read() as session:
            place = get_setting(session, "slip.place_name")
            hotline = get_setting(session, "slip.hotline") or None
            hint = get_setting(session, "slip.lookup_hint")
        a = d.applicant
        return SlipData(
            dossier_code=d.code,
            unit_name=self._details.unit_name(d.unit_code),
            agency_name=d.agency_name,
            place_name=place,
            applicant_name=a.full_name,
            applicant_id=a.id_number or a.old_id_number or "",
            applicant_address=a.address or "",
            applicant_phone=a.phone or "",
            applicant_email=a.email or "",
            authorised_person=d.authorised_person,
            procedure_name=d.procedure_name,
            procedure_code=d.procedure_code,
            components=tuple(
                SlipComponent(c.name, c.originals, c.copies) for c in d.components if c.provided
            ),
            sets_count=d.sets_count,
            processing_time_text=d.processing_text,
            received_at=d.received_at,
            due_at=d.due_at,
            result_delivery_text=delivery_text(d.result_delivery, d.delivery_address),
            fees_text=fees_text(d.fees),
            clerk_name=d.received_by_name,
            logbook_text=None,
            lookup_hint=hint,
            hotline=hotline,
            note=d.note,
        )

    def page_size(self) -> str:
        with self._store.read() as session:
            return get_setting(session, "slip.page_size")

    def render_for(self, code: str) -> bytes:
        size = self.page_size()
        return render_slip(self.slip_data(code), "A5" if size == "A5" else "A4")

    def save_pdf(self, code: str, path: Path) -> Path:
        """Write the slip atomically (temp file, then rename) and return the path."""
        data = self.render_for(code)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
        return path
