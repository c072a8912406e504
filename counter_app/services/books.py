"""The dossier logbook (Sổ theo dõi hồ sơ) of a period: its rows read in chunks, written as PDF or
Excel (docs/domain.md#logbook).

Rows are read by keyset pagination on (`received_at`, `id`) (a chunk at a time, each chunk a
small query in one read transaction), so a month of dossiers is never held in memory: the
writers consume the rows as they come.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from counter_app.documents.logbook_rows import LogbookHeader, LogbookRow
from counter_app.documents.text import dateline
from counter_app.domain.kinds import ResultDelivery
from counter_app.domain.reports import Period
from counter_app.models.tables import Applicant, Device, Dossier, Procedure, Unit
from counter_app.services.errors import ServiceError
from counter_app.services.issuer import managing_body
from counter_app.services.settings import get_setting
from counter_app.services.store import Store
from counter_protocol.statuses import Status
from counter_protocol.texts import QT_TRANSLATE_NOOP
from counter_protocol.timefmt import VN_TZ

CHUNK = 1000
TT03_IN_FORCE = date(2025, 7, 1)  # Thông tư 03/2025/TT-VPCP replaces TT 01/2018's forms
FORMATS = (".pdf", ".xlsx")
# Status 1 (awaiting papers) and 3 (refused at intake) were never received: no book entry
# (docs/domain.md#logbook-entries).
NOT_RECEIVED = (int(Status.NEW), int(Status.NOT_RECEIVED))
# Which dossiers the book lists (and the report counts as received): never status 1 or 3, nor
# one withdrawn while awaiting papers (never received: no number, no deadline).
IN_BOOK = (
    Dossier.status.not_in(NOT_RECEIVED),
    or_(
        Dossier.status != int(Status.WITHDRAWN),
        Dossier.log_seq.is_not(None),
        Dossier.first_due_at.is_not(None),
    ),
)
DELIVERY_WORDS = {
    int(ResultDelivery.AT_COUNTER): "Tại Bộ phận Một cửa",
    int(ResultDelivery.BY_POST): "Qua dịch vụ bưu chính công ích",
}


class UnknownBookFormat(ServiceError):
    """The output file's extension names no format the logbook is written in."""

    default_code = "books.unknown_format"
    exit_code = 2


class BadPeriod(ServiceError):
    default_code = "books.bad_period"
    exit_code = 2


def book_format(path: Path) -> str:
    """`.pdf` or `.xlsx` from the file name, else UnknownBookFormat."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise UnknownBookFormat(
            QT_TRANSLATE_NOOP(
                "messages",
                "Không ghi được sổ theo dõi hồ sơ ra tệp “{path_name}”: chỉ hỗ trợ tệp "
                ".pdf hoặc .xlsx.",
            ),
            advice=QT_TRANSLATE_NOOP(
                "messages", "Đặt tên tệp ra có đuôi .pdf (để in) hoặc .xlsx (để mở bằng Excel)."
            ),
            params={"path_name": path.name},
        )
    return suffix


class BookService:
    """The logbook of the counter's unit for a period of days."""

    def __init__(self, store: Store, now: Any = None) -> None:
        self._store = store
        self._now = now  # a callable returning an aware datetime (tests), else the clock

    def write(self, period: Period, out: Path) -> int:
        """Write the book to `out` (atomically, format from its extension); the row count."""
        suffix = book_format(out)
        if period.last < period.first:
            raise BadPeriod(
                QT_TRANSLATE_NOOP(
                    "messages", "Ngày bắt đầu (--from) phải trước hoặc bằng ngày kết thúc (--to)."
                )
            )
        tmp = out.with_name(out.name + ".tmp")
        with self._store.read() as session:
            header, unit_code = self._header(session, period)
            counted = _Counted(rows(session, unit_code, period))
            _write(suffix, header, counted, tmp)
        tmp.replace(out)
        return counted.count

    def _header(self, session: Session, period: Period) -> tuple[LogbookHeader, str]:
        device = session.scalar(select(Device).where(Device.is_self.is_(True)))
        if device is None:
            raise ServiceError(QT_TRANSLATE_NOOP("messages", "Máy này chưa được thiết lập."))
        unit = session.scalar(select(Unit).where(Unit.code == device.unit_code))
        place = get_setting(session, "slip.place_name")
        now = self._now() if self._now is not None else datetime.now(VN_TZ)
        header = LogbookHeader(
            managing_body=managing_body(unit, place),
            unit_name=unit.name if unit else device.unit_code,
            dateline=dateline(place, now),
            first=period.first,
            last=period.last,
            form_caption=form_caption(period.last),
        )
        return header, device.unit_code


def _write(suffix: str, header: LogbookHeader, rows: Iterable[LogbookRow], out: Path) -> None:
    """Only the writer of the file's format is loaded: the Excel book never imports reportlab."""
    if suffix == ".pdf":
        from counter_app.documents.logbook import render_logbook

        out.write_bytes(render_logbook(header, rows))
    else:
        from counter_app.documents.logbook_xlsx import write_logbook_xlsx

        write_logbook_xlsx(header, rows, out)


@contextmanager
def opened_books(data_dir: Path) -> Iterator[BookService]:
    """The book service on the store of `data_dir` alone: a command that only writes the book
    need not build (nor import) every other service of the counter. Without the start-up quick
    check: it guards writes (a damaged store opens for reading anyway), and on a large store it
    would scan the tables beside the book for the whole run."""
    store = Store.open(data_dir, check=False)
    try:
        yield BookService(store)
    finally:
        store.close()


def form_caption(last_day: date) -> str:
    """Which form the book follows: Mẫu 07 of TT 03/2025 from its entry into force."""
    if last_day >= TT03_IN_FORCE:
        return "Mẫu số 07 – Thông tư 03/2025/TT-VPCP"
    return "Mẫu số 06 – Thông tư 01/2018/TT-VPCP"


class _Counted:
    """Passes rows through and counts them (the writers consume them once)."""

    def __init__(self, source: Iterator[LogbookRow]) -> None:
        self._source = source
        self.count = 0

    def __iter__(self) -> Iterator[LogbookRow]:
        for row in self._source:
            self.count += 1
            yield row


_COLUMNS = (
    Dossier.id,
    Dossier.log_book,
    Dossier.log_seq,
    Dossier.code,
    Procedure.name.label("procedure_name"),
    Applicant.full_name,
    Applicant.address,
    Dossier.phone.label("dossier_phone"),
    Applicant.phone.label("applicant_phone"),
    Dossier.competent_name,
    Procedure.agency_name,
    Dossier.received_at,
    Dossier.due_at,
    Dossier.returned_at,
    Dossier.result_delivery,
)


def rows(session: Session, unit_code: str, period: Period) -> Iterator[LogbookRow]:
    """The unit's dossiers received in the period in the order they were received (the order of
    their Số thứ tự), CHUNK at a time: each chunk resumes after the last (received_at, id) seen,
    along the received_at index, so no chunk sorts or skips what came before."""
    base = (
        select(*_COLUMNS)
        .join(Applicant, Applicant.id == Dossier.applicant_id)
        .join(Procedure, Procedure.id == Dossier.procedure_id)
        .where(Dossier.unit_code == unit_code, Dossier.received_at < period.end, *IN_BOOK)
        .order_by(Dossier.received_at, Dossier.id)
        .limit(CHUNK)
    )
    chunk = session.execute(base.where(Dossier.received_at >= period.start)).all()
    while chunk:
        yield from (_row(record) for record in chunk)
        if len(chunk) < CHUNK:
            return
        at, last_id = chunk[-1].received_at, chunk[-1].id
        after = or_(Dossier.received_at > at, and_(Dossier.received_at == at, Dossier.id > last_id))
        chunk = session.execute(base.where(after)).all()


def _row(r: Any) -> LogbookRow:
    contact = ", ".join(p for p in (r.address, r.dossier_phone or r.applicant_phone) if p)
    return LogbookRow(
        book=r.log_book or "",
        seq=r.log_seq,
        code=r.code,
        procedure=r.procedure_name,
        applicant=r.full_name,
        address_phone=contact,
        competent=r.competent_name or r.agency_name or "",
        received_at=r.received_at,
        due_at=r.due_at,
        returned_at=r.returned_at,
        delivery=DELIVERY_WORDS.get(r.result_delivery, ""),
    )
