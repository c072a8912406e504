"""A dossier's fee lines and its fee-ledger entries inside the caller's transaction: what each line
has been paid and still owes, a checked receipt, a postage entry, and the view of an entry that
the screens, the command line and the cash report read (docs/domain.md §11)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.fee_ledger import Direction, FeeKind, Receipt, net_paid, parse_receipt
from counter_app.domain.kinds import FeeCollection
from counter_app.domain.text import nfc
from counter_app.models.service_tables import FeeEntry
from counter_app.models.tables import Dossier
from counter_app.services.dto import FeeLine
from counter_app.services.errors import ServiceError
from counter_protocol.texts import QT_TRANSLATE_NOOP
from counter_protocol.timefmt import to_vn


@dataclass(frozen=True)
class EntryView:
    """A ledger entry as the screens, the CLI and the cash report read it."""

    id: int
    dossier_code: str
    line_name: str
    kind: str
    moment: str
    direction: str
    amount: int
    receipt: str | None  # "SERIES/NUMBER"; None while pending (or not needed)
    pending: bool
    refers_to: int | None
    clerk: str  # the username the entry is recorded under
    at: datetime
    note: str | None
    clerk_name: str = ""  # the person's full name, where this store knows it

    @property
    def clerk_shown(self) -> str:
        return self.clerk_name or self.clerk


@dataclass(frozen=True)
class OwedLine:
    """A catalogue fee line of a dossier with what the ledger has taken for it."""

    name: str
    kind: str
    collected: str
    amount: int
    paid: int

    @property
    def owed(self) -> int:
        return 0 if self.collected == FeeCollection.EXEMPT else max(self.amount - self.paid, 0)


def fee_lines(dossier: Dossier) -> list[FeeLine]:
    return [FeeLine(**f) for f in json.loads(dossier.fees_json or "[]")]


def ledger_entries(session: Session, dossier: Dossier) -> list[FeeEntry]:
    query = select(FeeEntry).where(FeeEntry.dossier_id == dossier.id).order_by(FeeEntry.id)
    return list(session.scalars(query))


def paid_for_line(line: FeeLine, entries: list[FeeEntry]) -> int:
    """The ledger's net for the line; a line marked paid at intake before the ledger counts
    as paid in full when the ledger has nothing for it."""
    own = [e for e in entries if e.line_name == line.name and e.kind != FeeKind.POSTAGE]
    if not own and line.paid:
        return line.amount
    return net_paid(own)


def owed_lines(session: Session, dossier: Dossier) -> list[OwedLine]:
    """Each catalogue line of the dossier with the amount paid for it so far."""
    entries = ledger_entries(session, dossier)
    return [
        OwedLine(line.name, line.kind, line.collected, line.amount, paid_for_line(line, entries))
        for line in fee_lines(dossier)
    ]


def settled_lines(session: Session, dossier: Dossier) -> frozenset[str]:
    """Names of the dossier's lines with an amount that the ledger has paid in full."""
    return frozenset(o.name for o in owed_lines(session, dossier) if o.amount and not o.owed)


def _refuse_duplicate(session: Session, receipt: Receipt) -> None:
    query = select(FeeEntry).where(
        FeeEntry.receipt_series == receipt.series, FeeEntry.receipt_number == receipt.number
    )
    taken = session.scalars(query).first()
    if taken is not None:
        code = session.get(Dossier, taken.dossier_id)
        raise ServiceError(
            QT_TRANSLATE_NOOP(
                "messages",
                "Biên lai {receipt} đã được ghi cho hồ sơ {code} lúc "
                "{at:%H:%M %d/%m/%Y} ({clerk}).",
            ),
            advice=QT_TRANSLATE_NOOP(
                "messages",
                "Kiểm tra lại ký hiệu và số trên biên lai; mỗi biên lai chỉ ghi một lần.",
            ),
            code="fees.duplicate_receipt",
            field="receipt",
            params={
                "receipt": receipt,
                "code": code.code if code else "?",
                "at": to_vn(taken.at),
                "clerk": taken.clerk,
            },
        )


def checked_receipt(session: Session, text: str | None) -> Receipt | None:
    if text is None or not text.strip():
        return None
    receipt = parse_receipt(text)
    _refuse_duplicate(session, receipt)
    return receipt


def entry_view(entry: FeeEntry, code: str, names: dict[str, str] | None = None) -> EntryView:
    receipt = (
        f"{entry.receipt_series}/{entry.receipt_number}"
        if entry.receipt_series and entry.receipt_number
        else None
    )
    return EntryView(
        entry.id, code, entry.line_name, entry.kind, entry.moment, entry.direction, entry.amount,
        receipt, entry.receipt_pending, entry.refers_to, entry.clerk, to_vn(entry.at), entry.note,
        (names or {}).get(entry.clerk, ""),
    )  # fmt: skip


def add_postage(
    session: Session,
    dossier: Dossier,
    name: str,
    amount: int,
    clerk: str,
    at: datetime,
    *,
    receipt: str | None,
    moment: str = FeeCollection.AT_RECEIPT,
) -> EntryView:
    """A postage (cước) entry in the caller's transaction: its own kind, never a phí or lệ
    phí; `receipt` None keeps it pending until the receipt number is given."""
    given = checked_receipt(session, receipt)
    entry = FeeEntry(dossier_id=dossier.id, line_name=nfc(name.strip()), kind=FeeKind.POSTAGE)
    entry.moment, entry.direction, entry.amount = moment, Direction.COLLECT, amount
    entry.receipt_series = given.series if given else None
    entry.receipt_number = given.number if given else None
    entry.receipt_pending, entry.clerk, entry.at = given is None, clerk, at
    session.add(entry)
    session.flush()
    return entry_view(entry, dossier.code)
