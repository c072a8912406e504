"""Print Mẫu 01 for a stored dossier: its issued receipt form if there is one, else a slip built
from what the store holds (dossiers received before forms were kept as issued records).

Only a committed dossier is ever printed, and never one that was not received (status 1 or 3).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from counter_app.documents.data import SlipData
from counter_app.documents.templates import template_for
from counter_app.documents.templates.base import RECEIPT
from counter_app.models.tables import IssuedForm
from counter_app.services import form_data, forms
from counter_app.services.details import DetailService, find_dossier
from counter_app.services.form_facts import gather
from counter_app.services.settings import get_setting
from counter_app.services.store import Store


class SlipService:
    """Mẫu 01 of a dossier as PDF bytes. `details` is kept for the callers' wiring."""

    def __init__(self, store: Store, details: DetailService) -> None:
        self._store = store
        self._details = details

    def slip_data(self, code: str) -> SlipData:
        """The slip built from the dossier as stored now (raises for status 1 and 3)."""
        with self._store.read() as session:
            dossier = find_dossier(session, code)
            forms.refuse_receipt_for(dossier)
            facts = gather(session, dossier)
            return form_data.receipt(session, facts, dossier.received_at, dossier.received_by, {})

    def page_size(self) -> str:
        with self._store.read() as session:
            return get_setting(session, "slip.page_size")

    def render_for(self, code: str) -> bytes:
        """The issued Mẫu 01 exactly as first printed; without one, the slip as stored now.
        The PDF renderer (reportlab) loads here, on the first slip, not at start-up."""
        from counter_app.documents.render import render_form, render_snapshot

        with self._store.read() as session:
            dossier = find_dossier(session, code)
            forms.refuse_receipt_for(dossier)
            issued = session.scalars(
                select(IssuedForm)
                .where(IssuedForm.dossier_id == dossier.id, IssuedForm.form_no == RECEIPT)
                .order_by(IssuedForm.id.desc())
            ).first()
            if issued is not None:
                return render_snapshot(issued.template, issued.data_json)
            rules = dossier.form_rules or "tt03-2025"
        paper = forms.slip_paper(self.page_size())
        return render_form(template_for(rules, RECEIPT), self.slip_data(code), paper)

    def save_pdf(self, code: str, path: Path) -> Path:
        """Write the slip atomically (temp file, then rename) and return the path."""
        data = self.render_for(code)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
        return path
