"""The forms a demo dossier's steps issue, drawn by the forms service's own builders
(services/form_data.py) and kept as the `issued_forms` rows `forms.issue_form` writes.

What every form of one procedure prints about the unit, the agency and the procedure is read once
(`form_facts.gather`), then each form draws its dossier's own parts; numbers (`N/HDHS`…) count the
unit's forms of a kind in a year, as `issue_form` numbers them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.documents.layout import PageSize
from counter_app.documents.snapshot import dump_snapshot
from counter_app.documents.templates import FormData, template_for
from counter_app.documents.templates.base import RECEIPT
from counter_app.models.tables import Dossier, IssuedForm
from counter_app.services import form_data
from counter_app.services.demo_steps import DemoDossier, IssuedStep
from counter_app.services.details import unit_name
from counter_app.services.form_facts import DossierFacts, gather
from counter_app.services.people import person_name
from counter_app.services.settings import get_setting
from counter_protocol.timefmt import VN_TZ, to_vn

Row = dict[str, Any]
TT03_IN_FORCE = date(2025, 7, 1)  # Thông tư 03/2025/TT-VPCP replaces TT 01/2018's forms


def form_rules(first_contact: datetime) -> str:
    """The circular a dossier's forms follow: the one in force when it was first brought."""
    return "tt03-2025" if to_vn(first_contact).date() >= TT03_IN_FORCE else "tt01-2018"


@dataclass(frozen=True)
class Drawn:
    """A form drawn for a step: its template, its number (if the form has one), its data."""

    template: str
    number: str | None
    data: FormData


class DemoForms:
    """Draws and numbers the forms of demo dossiers. The builders read signers' names and the
    unit's and procedures' parts through the session of the chunk being built (`begin`)."""

    def __init__(self) -> None:
        self._numbers: dict[tuple[int, str], int] = {}  # kept across chunks
        self._facts: dict[int, DossierFacts] = {}
        self._names: dict[str, str] = {}
        self._unit = ""
        self._slip_size: PageSize = "A4"

    def begin(self, session: Session, unit_code: str) -> None:
        """Draw the next chunk's forms through `session` (its objects are the builders')."""
        self._session, self._unit = session, unit_code
        self._facts.clear()
        self._names.clear()
        self._slip_size = "A5" if get_setting(session, "slip.page_size") == "A5" else "A4"

    def draw(self, d: DemoDossier, form_no: str, at: datetime, actor: str, facts: Row) -> Drawn:
        """The form's plain data, from the dossier as it stands after the step (the moment
        `issue_form` runs in `apply_step`)."""
        template = template_for(d.values["form_rules"], form_no)
        number = self._next_number(template.number_suffix, form_no, at)
        dossier_facts = replace(self._procedure_facts(d), dossier=cast(Dossier, d))
        builder = form_data.BUILDERS[form_no]
        data = builder(self._session, dossier_facts, at, actor, {**facts, "number": number})
        return Drawn(template.template_id, number, data)

    def row(self, dossier_id: int, issued: IssuedStep, actor: str) -> Row:
        """The `issued_forms` row of a step's form (as `issue_form` adds it)."""
        drawn: Drawn = issued.drawn
        size: PageSize = self._slip_size if issued.form_no == RECEIPT else "A4"
        return {
            "dossier_id": dossier_id,
            "form_no": issued.form_no,
            "template": drawn.template,
            "number": drawn.number,
            "issued_at": issued.at,
            "issued_by": actor,
            "event_seq": issued.event_seq,
            "data_json": dump_snapshot(drawn.data, size),
        }

    def unit_name(self, code: str) -> str:
        """A unit's name as the store knows it (`details.unit_name`), read once per chunk."""
        if code not in self._names:
            self._names[code] = unit_name(self._session, code)
        return self._names[code]

    def person_name(self, username: str) -> str:
        """A person's full name as the store knows it (`people.person_name`, kept per session)."""
        return person_name(self._session, username)

    def _procedure_facts(self, d: DemoDossier) -> DossierFacts:
        """Unit, agency and procedure parts, read once per procedure (its first dossier)."""
        key = d.values["procedure_id"]
        found = self._facts.get(key)
        if found is None:
            found = self._facts[key] = gather(self._session, cast(Dossier, d))
        return found

    def _next_number(self, suffix: str | None, form_no: str, at: datetime) -> str | None:
        if suffix is None:
            return None
        key = (to_vn(at).year, form_no)
        if key not in self._numbers:
            self._numbers[key] = self._issued_before(*key)
        self._numbers[key] += 1
        return f"{self._numbers[key]}/{suffix}"

    def _issued_before(self, year: int, form_no: str) -> int:
        """Forms of this kind the unit already issued that year (an earlier demo run)."""
        start, end = datetime(year, 1, 1, tzinfo=VN_TZ), datetime(year + 1, 1, 1, tzinfo=VN_TZ)
        return int(
            self._session.scalar(
                select(func.count(IssuedForm.id))
                .join(Dossier, Dossier.id == IssuedForm.dossier_id)
                .where(Dossier.unit_code == self._unit, IssuedForm.form_no == form_no)
                .where(IssuedForm.issued_at >= start, IssuedForm.issued_at < end)
            )
            or 0
        )
