"""The fee ledger's use cases: collect, exempt, refund, correct, complete a pending receipt, what a
dossier still owes, and a clerk's day of entries (docs/domain.md §11). One use case, one
transaction; the entries' rows and views are `fee_entries.py`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.fee_ledger import Direction, Receipt, format_dong
from counter_app.domain.kinds import FeeCollection
from counter_app.domain.text import nfc
from counter_app.domain.vntime import now_vn
from counter_app.models.service_tables import FeeEntry
from counter_app.models.tables import Dossier
from counter_app.services.details import find_dossier
from counter_app.services.dto import FeeLine
from counter_app.services.errors import NotFound, ServiceError
from counter_app.services.fee_entries import (
    EntryView,
    OwedLine,
    add_postage,
    checked_receipt,
    entry_view,
    fee_lines,
    ledger_entries,
    owed_lines,
    paid_for_line,
)
from counter_app.services.people import people_names, person_name
from counter_app.services.store import Store
from counter_protocol.texts import QT_TRANSLATE_NOOP
from counter_protocol.timefmt import VN_TZ, to_vn


def _line(dossier: Dossier, name: str) -> FeeLine:
    wanted = nfc(name).strip().casefold()
    for line in fee_lines(dossier):
        if line.name.casefold() == wanted:
            return line
    names = "; ".join(f.name for f in fee_lines(dossier)) or "không có khoản nào"
    raise NotFound(
        QT_TRANSLATE_NOOP("messages", "Hồ sơ {code} không có khoản phí, lệ phí “{name}”."),
        advice=QT_TRANSLATE_NOOP("messages", "Các khoản của hồ sơ: {names}."),
        code="fees.no_line",
        field="line",
        params={"code": dossier.code, "name": name, "names": names},
    )


def _check_amount(line: FeeLine, amount: int, reason: str | None) -> None:
    if amount < 0:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Số tiền không được âm."), field="amount")
    if amount != line.amount and not (reason and reason.strip()):
        raise ServiceError(
            QT_TRANSLATE_NOOP(
                "messages",
                "Số tiền {amount} đồng khác mức thu {due} đồng của khoản “{name}”.",
            ),
            advice=QT_TRANSLATE_NOOP("messages", "Ghi lý do khi thu khác mức đã công bố."),
            code="fees.amount_differs",
            field="amount",
            params={
                "amount": format_dong(amount),
                "due": format_dong(line.amount),
                "name": line.name,
            },
        )


@dataclass(frozen=True)
class _NewEntry:
    line_name: str
    kind: str
    moment: str
    direction: Direction
    amount: int
    receipt: Receipt | None
    pending: bool
    refers_to: int | None = None
    note: str | None = None


class FeeService:
    def __init__(self, store: Store, clock: Callable[[], datetime] = now_vn) -> None:
        self._store, self._clock = store, clock

    def _add(self, session: Session, dossier: Dossier, new: _NewEntry, clerk: str) -> EntryView:
        entry = FeeEntry(dossier_id=dossier.id, line_name=new.line_name, kind=new.kind)
        entry.moment, entry.direction, entry.amount = new.moment, new.direction, new.amount
        entry.receipt_series = new.receipt.series if new.receipt else None
        entry.receipt_number = new.receipt.number if new.receipt else None
        entry.receipt_pending, entry.refers_to = new.pending, new.refers_to
        entry.clerk, entry.at = clerk, to_vn(self._clock())
        entry.note = nfc(new.note.strip()) if new.note and new.note.strip() else None
        session.add(entry)
        session.flush()
        return entry_view(entry, dossier.code)

    def collect(
        self,
        code: str,
        line_name: str,
        *,
        clerk: str,
        receipt: str | None,
        amount: int | None = None,
        reason: str | None = None,
    ) -> EntryView:
        """Take the money of a catalogue line (at receipt or at return, as the catalogue says).
        `receipt` None: the receipt number is not known yet; the entry is kept as pending."""
        with self._store.write() as session:
            dossier = find_dossier(session, code)
            line = _line(dossier, line_name)
            if line.collected == FeeCollection.EXEMPT:
                raise ServiceError(
                    QT_TRANSLATE_NOOP("messages", "Khoản “{name}” được miễn: ghi miễn, không thu."),
                    params={"name": line.name},
                )
            taken = amount if amount is not None else line.amount
            _check_amount(line, taken, reason)
            self._refuse_paid(session, dossier, line)
            given = checked_receipt(session, receipt)
            new = _NewEntry(
                line.name, line.kind, line.collected, Direction.COLLECT, taken, given,
                given is None, note=reason,
            )  # fmt: skip
            return self._add(session, dossier, new, clerk)

    def _refuse_paid(self, session: Session, dossier: Dossier, line: FeeLine) -> None:
        if paid_for_line(line, ledger_entries(session, dossier)) >= line.amount > 0:
            raise ServiceError(
                QT_TRANSLATE_NOOP("messages", "Khoản “{name}” của hồ sơ {code} đã thu đủ."),
                advice=QT_TRANSLATE_NOOP(
                    "messages", "Xem các lần thu: counter-app fees show MÃ_HỒ_SƠ."
                ),
                code="fees.already_paid",
                params={"name": line.name, "code": dossier.code},
            )

    def record_exempt(self, code: str, line_name: str, *, clerk: str, reason: str) -> EntryView:
        """Record that the applicant owes nothing for the line (đối tượng miễn): 0 đồng."""
        if not reason.strip():
            raise ServiceError(
                QT_TRANSLATE_NOOP("messages", "Ghi lý do miễn (đối tượng được miễn)."),
                field="reason",
            )
        with self._store.write() as session:
            dossier = find_dossier(session, code)
            line = _line(dossier, line_name)
            new = _NewEntry(
                line.name, line.kind, FeeCollection.EXEMPT, Direction.COLLECT, 0, None, False,
                note=reason,
            )  # fmt: skip
            return self._add(session, dossier, new, clerk)

    def collect_postage(
        self, code: str, name: str, amount: int, *, clerk: str, receipt: str | None
    ) -> EntryView:
        """Postage (cước) taken with the dossier: its own kind, never a phí or lệ phí."""
        if amount <= 0 or not name.strip():
            raise ServiceError(
                QT_TRANSLATE_NOOP("messages", "Nhập tên khoản cước và số tiền lớn hơn 0."),
                field="amount",
            )
        with self._store.write() as session:
            dossier = find_dossier(session, code)
            return add_postage(
                session, dossier, name, amount, clerk, to_vn(self._clock()), receipt=receipt
            )

    def _original(self, session: Session, entry_id: int) -> tuple[FeeEntry, Dossier]:
        entry = session.get(FeeEntry, entry_id)
        if entry is None or entry.direction == Direction.RECEIPT:
            raise NotFound(
                QT_TRANSLATE_NOOP("messages", "Không có lần thu số {entry}."),
                code="fees.no_entry",
                params={"entry": entry_id},
            )
        dossier = session.get(Dossier, entry.dossier_id)
        assert dossier is not None, "an entry always points at its dossier"
        return entry, dossier

    def refund(
        self, entry_id: int, *, clerk: str, reason: str, amount: int | None = None
    ) -> EntryView:
        """Give back money of an earlier collection (all of it unless `amount` says less)."""
        if not reason.strip():
            raise ServiceError(QT_TRANSLATE_NOOP("messages", "Ghi lý do hoàn trả."), field="reason")
        with self._store.write() as session:
            original, dossier = self._original(session, entry_id)
            back = original.amount if amount is None else amount
            if original.direction != Direction.COLLECT or not 0 < back <= original.amount:
                raise ServiceError(
                    QT_TRANSLATE_NOOP(
                        "messages", "Chỉ hoàn trả một lần thu, từ 1 đến {amount} đồng."
                    ),
                    code="fees.bad_refund",
                    params={"amount": format_dong(original.amount)},
                )
            new = _NewEntry(
                original.line_name, original.kind, original.moment, Direction.REFUND, back,
                None, False, original.id, reason,
            )  # fmt: skip
            return self._add(session, dossier, new, clerk)

    def correct(self, entry_id: int, delta: int, *, clerk: str, reason: str) -> EntryView:
        """A signed adjustment of an earlier entry (e.g. +2.000 keyed short), with its reason."""
        if delta == 0 or not reason.strip():
            raise ServiceError(
                QT_TRANSLATE_NOOP("messages", "Nhập số tiền điều chỉnh (khác 0) và lý do."),
                field="amount",
            )
        with self._store.write() as session:
            original, dossier = self._original(session, entry_id)
            new = _NewEntry(
                original.line_name, original.kind, original.moment, Direction.CORRECTION, delta,
                None, False, original.id, reason,
            )  # fmt: skip
            return self._add(session, dossier, new, clerk)

    def attach_receipt(self, entry_id: int, receipt: str, *, clerk: str) -> EntryView:
        """Give a pending entry its receipt number: a new entry pointing at it (no money)."""
        with self._store.write() as session:
            original, dossier = self._original(session, entry_id)
            if not original.receipt_pending or self._completed(session, original.id):
                raise ServiceError(
                    QT_TRANSLATE_NOOP("messages", "Lần thu số {entry} không chờ số biên lai."),
                    code="fees.not_pending",
                    params={"entry": entry_id},
                )
            given = checked_receipt(session, receipt)
            new = _NewEntry(
                original.line_name, original.kind, original.moment, Direction.RECEIPT, 0,
                given, False, original.id,
            )  # fmt: skip
            return self._add(session, dossier, new, clerk)

    def _completed(self, session: Session, entry_id: int) -> bool:
        query = select(FeeEntry.id).where(
            FeeEntry.refers_to == entry_id, FeeEntry.direction == Direction.RECEIPT
        )
        return session.scalar(query) is not None

    def owed(self, code: str) -> list[OwedLine]:
        """The dossier's catalogue lines with what is paid and still owed."""
        with self._store.read() as session:
            return owed_lines(session, find_dossier(session, code))

    def entries_of(self, code: str) -> list[EntryView]:
        with self._store.read() as session:
            dossier = find_dossier(session, code)
            entries = list(ledger_entries(session, dossier))
            names = people_names(session, (e.clerk for e in entries))
            return [entry_view(e, dossier.code, names) for e in entries]

    def day_entries(self, day: date, clerk: str | None = None) -> list[EntryView]:
        """Every entry made on that Vietnam day (by that clerk), in the order they were made."""
        start = datetime.combine(day, time(), VN_TZ)
        query = select(FeeEntry, Dossier.code).join(Dossier, Dossier.id == FeeEntry.dossier_id)
        query = query.where(FeeEntry.at >= start, FeeEntry.at < start + timedelta(days=1))
        if clerk is not None:
            query = query.where(FeeEntry.clerk == clerk)
        with self._store.read() as session:
            rows = session.execute(query.order_by(FeeEntry.at, FeeEntry.id)).all()
            names = people_names(session, (entry.clerk for entry, _code in rows))
            return [entry_view(entry, code, names) for entry, code in rows]

    def cash_report(self, day: date, clerk: str | None = None) -> bytes:
        """The day's cash report (PDF, A4) of one clerk, or of every clerk. A pending entry
        shows the receipt number given to it later, whenever that was."""
        from counter_app.documents.cash_report import CashReportData, CashRow, render_cash_report

        entries = self.day_entries(day, clerk)
        given = self.later_receipts([e.id for e in entries if e.pending])
        rows = [
            CashRow(e.at, e.dossier_code, e.line_name, e.kind, e.direction, e.amount,
                    e.receipt or given.get(e.id), e.pending and e.id not in given)
            for e in entries
        ]  # fmt: skip
        who = self._clerk_name(clerk) if clerk else "Tất cả cán bộ"
        data = CashReportData(day, who, to_vn(self._clock()), rows)
        return render_cash_report(data)

    def later_receipts(self, entry_ids: list[int]) -> dict[int, str]:
        """The receipt numbers given later to these pending entries, by entry id."""
        query = select(FeeEntry).where(
            FeeEntry.direction == Direction.RECEIPT, FeeEntry.refers_to.in_(entry_ids)
        )
        with self._store.read() as session:
            return {
                e.refers_to: f"{e.receipt_series}/{e.receipt_number}"
                for e in session.scalars(query)
                if e.refers_to is not None
            }

    def _clerk_name(self, clerk: str) -> str:
        with self._store.read() as session:
            name = person_name(session, clerk)
        return name if name == clerk else f"{name} ({clerk})"
