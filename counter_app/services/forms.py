"""Issued forms (Mẫu 01–06): issue one with a lifecycle step, list, print and reprint them.

An issued form keeps the exact plain data it was drawn from (`issued_forms.data_json`) and its
template id, so every later print is the same page; a reprint only adds the "Bản in lại" mark.
Every print is recorded in `form_prints` (docs/decisions/0023-versioned-form-templates.md).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.documents.layout import PageSize
from counter_app.documents.snapshot import dump_snapshot
from counter_app.documents.templates import FormTemplate, template, template_for
from counter_app.documents.templates.base import RECEIPT
from counter_app.domain.vntime import now_vn
from counter_app.models.tables import Dossier, FormPrint, IssuedForm
from counter_app.services import form_data
from counter_app.services.details import find_dossier
from counter_app.services.errors import NotFound, ServiceError
from counter_app.services.form_facts import gather
from counter_app.services.people import person_name
from counter_app.services.settings import get_setting
from counter_app.services.store import Store
from counter_protocol.statuses import Status
from counter_protocol.texts import QT_TRANSLATE_NOOP
from counter_protocol.timefmt import to_vn

NO_RECEIPT = QT_TRANSLATE_NOOP(
    "messages",
    "Hồ sơ {code} chưa được tiếp nhận (đang chờ bổ sung giấy tờ hoặc đã bị từ chối) nên không "
    "có Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01).",
)
NO_RECEIPT_ADVICE = QT_TRANSLATE_NOOP(
    "messages", "In Phiếu yêu cầu bổ sung (Mẫu 02) hoặc Phiếu từ chối (Mẫu 03) của hồ sơ."
)
# A dossier awaiting papers or refused was never received: it has no appointment to print.
WITHOUT_RECEIPT = (Status.NEW, Status.NOT_RECEIVED)


def refuse_receipt_for(dossier: Dossier) -> None:
    """Raise when the dossier may not have a Mẫu 01 (status 1 or 3)."""
    if dossier.status in WITHOUT_RECEIPT:
        raise ServiceError(
            NO_RECEIPT,
            code="forms.no_receipt",
            advice=NO_RECEIPT_ADVICE,
            params={"code": dossier.code},
        )


def issue_form(
    session: Session,
    dossier: Dossier,
    form_no: str,
    *,
    actor: str,
    at: datetime,
    event_seq: int | None,
    facts: Mapping[str, Any],
) -> IssuedForm:
    """Snapshot form `form_no` ("01"…"06") of `dossier` under its circular and add the
    `issued_forms` row to the caller's transaction (flushed, so it has its id)."""
    if form_no == RECEIPT:
        refuse_receipt_for(dossier)
    form = template_for(dossier.form_rules or "tt03-2025", form_no)
    number = _given_number(facts) or _next_number(session, dossier, form, at)
    build = form_data.BUILDERS[form_no]
    data = build(session, gather(session, dossier), at, actor, {**facts, "number": number})
    snapshot = dump_snapshot(data, _page_size(session, form_no))
    row = IssuedForm(dossier_id=dossier.id, form_no=form_no, template=form.template_id)
    row.number, row.issued_at, row.issued_by = number, at, actor
    row.event_seq, row.data_json = event_seq, snapshot
    session.add(row)
    session.flush()
    return row


def _given_number(facts: Mapping[str, Any]) -> str | None:
    value = facts.get("number") or facts.get("form_number")
    return str(value) if value else None


def _next_number(
    session: Session, dossier: Dossier, form: FormTemplate, at: datetime
) -> str | None:
    """`N/SUFFIX`: the unit's count of this form kind issued this year (Vietnam time), plus one."""
    if form.number_suffix is None:
        return None
    year_start = to_vn(at).replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
    issued = session.scalar(
        select(func.count(IssuedForm.id))
        .join(Dossier, Dossier.id == IssuedForm.dossier_id)
        .where(Dossier.unit_code == dossier.unit_code)
        .where(IssuedForm.form_no == form.kind)
        .where(IssuedForm.issued_at >= year_start)
    )
    return f"{(issued or 0) + 1}/{form.number_suffix}"


def _page_size(session: Session, form_no: str) -> PageSize:
    """Mẫu 01 follows the counter's slip paper setting; the other forms are A4 letters."""
    if form_no == RECEIPT:
        return slip_paper(get_setting(session, "slip.page_size"))
    return "A4"


def slip_paper(setting: str) -> PageSize:
    """The paper of Mẫu 01 for the `slip.page_size` setting (A4 when it is unknown)."""
    return "A5" if setting == "A5" else "receipt" if setting == "receipt" else "A4"


@dataclass(frozen=True)
class IssuedFormView:
    """One line of a dossier's forms list."""

    form_id: int
    form_no: str
    template: str
    title: str
    number: str | None
    issued_at: datetime
    issued_by: str  # the username the form is recorded under
    prints: int
    issued_by_name: str = ""  # the person's full name, where this store knows it

    @property
    def issuer(self) -> str:
        return self.issued_by_name or self.issued_by


@dataclass(frozen=True)
class PrintedForm:
    """A print of an issued form: its PDF and whether it was a reprint ("Bản in lại")."""

    form_id: int
    pdf: bytes
    reprint: bool


def reprint_mark(at: datetime) -> str:
    """`Bản in lại lúc 14 giờ 05 phút, ngày 04/12/2026` (Vietnam time)."""
    vn = to_vn(at)
    return f"Bản in lại lúc {vn:%H} giờ {vn:%M} phút, ngày {vn:%d/%m/%Y}"


class FormService:
    """A dossier's issued forms: list them, print one (the first print, then reprints marked
    "Bản in lại" with the time), each print recorded in `form_prints`."""

    def __init__(self, store: Store, clock: Callable[[], datetime] = now_vn) -> None:
        self._store = store
        self._clock = clock

    def forms_of(self, code: str) -> list[IssuedFormView]:
        """The dossier's forms, oldest first."""
        with self._store.read() as session:
            dossier = find_dossier(session, code)
            rows = session.scalars(
                select(IssuedForm)
                .where(IssuedForm.dossier_id == dossier.id)
                .order_by(IssuedForm.issued_at, IssuedForm.id)
            ).all()
            return [_view(session, row) for row in rows]

    def latest(self, code: str, form_no: str) -> IssuedFormView | None:
        """The newest issued form of one kind ("01" … "06"), if any."""
        views = [v for v in self.forms_of(code) if v.form_no == form_no]
        return views[-1] if views else None

    def preview(self, form_id: int) -> bytes:
        """The form as first printed (no mark), without recording a print: for the screen."""
        with self._store.read() as session:
            row = _issued(session, form_id)
            _check_printable(session, row)
            return _render(row.template, row.data_json)

    def print_form(self, form_id: int, *, actor: str) -> PrintedForm:
        """Record this print and return its PDF: marked "Bản in lại" if printed before.

        The print is committed before the PDF is drawn (docs/decisions/0017-durable-commit-before-
        print.md): a page never leaves the printer without its record."""
        at = self._clock()
        with self._store.write() as session:
            row = _issued(session, form_id)
            _check_printable(session, row)
            reprint = _print_count(session, form_id) > 0
            record = FormPrint(form_id=form_id, printed_at=at, printed_by=actor, reprint=reprint)
            session.add(record)
            template_id, snapshot = row.template, row.data_json
        mark = reprint_mark(at) if reprint else None
        return PrintedForm(form_id, _render(template_id, snapshot, mark), reprint)


def _render(template_id: str, snapshot: str, mark: str | None = None) -> bytes:
    """The stored snapshot drawn; the PDF renderer (reportlab) loads on the first print, not
    while the store opens behind the log-in window."""
    from counter_app.documents.render import render_snapshot

    return render_snapshot(template_id, snapshot, mark)


def _issued(session: Session, form_id: int) -> IssuedForm:
    row = session.get(IssuedForm, form_id)
    if row is None:
        raise NotFound(
            QT_TRANSLATE_NOOP(
                "messages",
                "Không tìm thấy biểu mẫu số {form_id}.",
            ),
            params={"form_id": form_id},
        )
    return row


def _check_printable(session: Session, row: IssuedForm) -> None:
    if row.form_no == RECEIPT:
        dossier = session.get(Dossier, row.dossier_id)
        assert dossier is not None
        refuse_receipt_for(dossier)


def _print_count(session: Session, form_id: int) -> int:
    count = session.scalar(select(func.count(FormPrint.id)).where(FormPrint.form_id == form_id))
    return count or 0


def _view(session: Session, row: IssuedForm) -> IssuedFormView:
    form = template(row.template)
    return IssuedFormView(
        form_id=row.id,
        form_no=row.form_no,
        template=row.template,
        title=f"{form.form_caption}: {form.title.capitalize()}",
        number=row.number,
        issued_at=row.issued_at,
        issued_by=row.issued_by,
        prints=_print_count(session, row.id),
        issued_by_name=person_name(session, row.issued_by),
    )
