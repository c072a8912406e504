"""The public postal service (BCCI) at the counter: a result returned by post, a dossier that came
by post, the postal items' statuses and the day's hand-over list (docs/domain.md#post).

Returning by post is one transaction: the tracking number leaves the pool, the postage enters the
fee ledger, the dossier's "returned" step (with `postal_number`) and its outbox op are written,
and the postal item with its first status. A crash before the commit leaves the number unused; a
crash after it leaves it used by this dossier (docs/decisions/0027)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.postal import (
    Direction,
    InboundItem,
    PostalAddress,
    PostalError,
    PostalStatus,
    check_move,
    check_postage,
    checked_address,
)
from counter_app.domain.text import nfc
from counter_app.domain.vntime import now_vn
from counter_app.models.service_tables import PostalItem, PostalStatusEvent
from counter_app.models.tables import Dossier
from counter_app.services.address_units import AddressUnits, shipped_units
from counter_app.services.details import detail_of, find_dossier, unit_name
from counter_app.services.errors import NotFound
from counter_app.services.fee_entries import add_postage, settled_lines
from counter_app.services.people import people_names
from counter_app.services.procedures import self_unit_code
from counter_app.services.province_updates import take_tracking_number, tracking_pool_counts
from counter_app.services.returns import check_returnable, owed_at_return
from counter_app.services.settings import get_setting
from counter_app.services.steps import apply_step
from counter_app.services.store import Store
from counter_protocol.lifecycle import Action, StepData
from counter_protocol.texts import QT_TRANSLATE_NOOP
from counter_protocol.timefmt import VN_TZ, to_vn
from counter_protocol.tracking import normalise_tracking_number


@dataclass(frozen=True)
class PostalReturn:
    """A result sent by post, as the clerk filled it in."""

    address: PostalAddress
    postage: int  # whole đồng; 0 when the agency pays it
    weight_g: int | None = None
    receipt: str | None = None  # the postage receipt SERIES/NUMBER; None: pending
    fees_collected: bool = False  # the phí / lệ phí due at return were taken
    note: str | None = None


@dataclass(frozen=True)
class StatusView:
    seq: int
    status: PostalStatus
    at: datetime
    actor: str  # the username the status is recorded under
    note: str | None
    actor_name: str = ""  # the person's full name, where this store knows it

    @property
    def who(self) -> str:
        return self.actor_name or self.actor


@dataclass(frozen=True)
class PostalItemView:
    id: int
    dossier_code: str
    direction: Direction
    tracking_number: str | None
    address: PostalAddress
    weight_g: int | None
    postage: int
    created_at: datetime
    created_by: str
    history: tuple[StatusView, ...]

    @property
    def status(self) -> PostalStatus:
        return self.history[-1].status


def resolved(units: AddressUnits, address: PostalAddress) -> PostalAddress:
    """The address with the unit names of its codes, checked (domain.postal.checked_address)."""
    if address.province_code:
        province = units.province(address.province_code)
        address = replace(address, province_name=province.name)
        if address.commune_code:
            commune = units.commune(province.code, address.commune_code)
            address = replace(address, commune_name=commune.name)
    return checked_address(address)


def add_item(
    session: Session,
    dossier: Dossier,
    direction: Direction,
    address: PostalAddress,
    at: datetime,
    actor: str,
    **more: object,
) -> PostalItem:
    """A postal item and its first status, in the caller's transaction."""
    item = PostalItem(dossier_id=dossier.id, direction=str(direction), created_at=at)
    item.name, item.phone, item.street = address.name, address.phone, address.street
    item.province_code, item.province_name = address.province_code, address.province_name
    item.commune_code, item.commune_name = address.commune_code, address.commune_name
    item.created_by, item.postage = actor, 0
    for key, value in more.items():
        setattr(item, key, value)
    session.add(item)
    session.flush()
    first = PostalStatus.DELIVERED if direction.incoming else PostalStatus.REGISTERED
    session.add(PostalStatusEvent(item_id=item.id, seq=1, status=str(first), at=at, actor=actor))
    return item


def record_inbound(
    session: Session, units: AddressUnits, code: str, inbound: InboundItem, actor: str, at: datetime
) -> None:
    """The sender of a dossier received by post, in the intake's transaction."""
    number = normalise_tracking_number(inbound.tracking_number or "") or None
    dossier = find_dossier(session, code)
    sender = resolved(units, inbound.sender)
    add_item(session, dossier, inbound.direction, sender, at, actor, tracking_number=number)


class PostService:
    def __init__(
        self,
        store: Store,
        clock: Callable[[], datetime] = now_vn,
        units: AddressUnits | None = None,
    ) -> None:
        self._store, self._clock = store, clock
        self._units = units if units is not None else shipped_units()

    @property
    def units(self) -> AddressUnits:
        return self._units

    def home_province(self) -> str:
        """The province the pickers start on (setting `post.home_province`)."""
        with self._store.read() as session:
            return get_setting(session, "post.home_province")

    def pool_unused(self) -> int:
        """How many tracking numbers this PC may still give out."""
        with self._store.read() as session:
            return tracking_pool_counts(session)[0]

    def return_by_post(self, code: str, request: PostalReturn, actor: str) -> PostalItemView:
        """Send the result by post: number from this PC's pool, postage in the ledger, the
        returned step (its StepData carries `postal_number`) and the item, one transaction."""
        address = resolved(self._units, request.address)
        check_postage(request.postage, request.weight_g)
        with self._store.write() as session:
            dossier = find_dossier(session, code)
            detail = detail_of(session, dossier)
            check_returnable(detail)
            owed = owed_at_return(detail, request.fees_collected, settled_lines(session, dossier))
            at = to_vn(self._clock())
            number = take_tracking_number(session, dossier.code, at)
            fee_entry_id = self._postage_entry(session, dossier, request, actor, at)
            step = StepData(
                receiver_name=address.name,
                postal_number=number,
                fees_collected=[f.name for f in owed],
            )
            note = nfc(request.note or "").strip() or None
            done = apply_step(
                session, dossier, Action.RETURN, actor=actor, at=at, step=step, note=note
            )
            item = add_item(
                session, dossier, Direction.OUTBOUND, address, at, actor,
                tracking_number=number, weight_g=request.weight_g, postage=request.postage,
                fee_entry_id=fee_entry_id, event_seq=done.event_seq,
            )  # fmt: skip
            return _view(session, item)

    def _postage_entry(
        self, session: Session, dossier: Dossier, request: PostalReturn, actor: str, at: datetime
    ) -> int | None:
        if request.postage <= 0:
            return None
        line = get_setting(session, "post.postage_line")
        entry = add_postage(
            session,
            dossier,
            line,
            request.postage,
            actor,
            at,
            receipt=request.receipt,
            moment="at_return",
        )
        return entry.id

    def set_status(
        self, number: str, status: PostalStatus, actor: str, note: str | None = None
    ) -> PostalItemView:
        """A new status row for the item, if the move is allowed; earlier rows stay as they are."""
        with self._store.write() as session:
            item = _item_by_number(session, number)
            history = _history(session, item.id)
            check_move(item.tracking_number or str(item.id), history[-1].status, status)
            session.add(
                PostalStatusEvent(
                    item_id=item.id,
                    seq=history[-1].seq + 1,
                    status=str(status),
                    at=to_vn(self._clock()),
                    actor=actor,
                    note=nfc(note or "").strip() or None,
                )
            )
            session.flush()
            return _view(session, item)

    def item(self, number: str) -> PostalItemView:
        with self._store.read() as session:
            return _view(session, _item_by_number(session, number))

    def number_of(self, code_or_number: str) -> str:
        """The tracking number a command names: the number itself, or a dossier code whose
        result was sent by post (its latest outbound item)."""
        with self._store.read() as session:
            wanted = normalise_tracking_number(code_or_number)
            if session.scalar(select(PostalItem.id).where(PostalItem.tracking_number == wanted)):
                return wanted
            dossier = find_dossier(session, code_or_number)
            query = select(PostalItem.tracking_number).where(
                PostalItem.dossier_id == dossier.id,
                PostalItem.direction == str(Direction.OUTBOUND),
            )
            number = session.scalars(query.order_by(PostalItem.id.desc())).first()
        if number is None:
            raise NotFound(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "Hồ sơ {dossier_code} không trả kết quả qua bưu điện.",
                ),
                params={"dossier_code": dossier.code},
            )
        return number

    def items_of(self, code: str) -> list[PostalItemView]:
        with self._store.read() as session:
            dossier = find_dossier(session, code)
            query = select(PostalItem).where(PostalItem.dossier_id == dossier.id)
            return [_view(session, i) for i in session.scalars(query.order_by(PostalItem.id))]

    def handover(self, day: date) -> list[PostalItemView]:
        """The results posted on `day` (Vietnam time) still to hand to the postman: outbound
        items made that day, not cancelled, by tracking number."""
        start = datetime.combine(day, time(0), VN_TZ)
        with self._store.read() as session:
            query = (
                select(PostalItem)
                .where(
                    PostalItem.direction == str(Direction.OUTBOUND),
                    PostalItem.created_at >= start,
                    PostalItem.created_at < start + timedelta(days=1),
                )
                .order_by(PostalItem.tracking_number)
            )
            views = [_view(session, i) for i in session.scalars(query)]
        return [v for v in views if v.status != PostalStatus.CANCELLED]

    def handover_pdf(self, day: date) -> bytes:
        """The day's hand-over list (Danh sách giao bưu gửi) with each item's Code 128.
        The PDF renderer (reportlab) loads here, on the first list, not at start-up."""
        from counter_app.documents.handover import HandoverData, HandoverRow, render_handover

        items = self.handover(day)
        with self._store.read() as session:
            unit = unit_name(session, self_unit_code(session) or "")
        rows = [
            HandoverRow(
                i.tracking_number or "",
                i.address.name,
                i.address.phone,
                i.address.full_text(),
                i.weight_g,
                i.postage,
                i.dossier_code,
            )
            for i in items
        ]
        return render_handover(HandoverData(day, unit, to_vn(self._clock()), rows))


def _item_by_number(session: Session, number: str) -> PostalItem:
    wanted = normalise_tracking_number(number)
    item = session.scalar(select(PostalItem).where(PostalItem.tracking_number == wanted))
    if item is None:
        raise NotFound(
            QT_TRANSLATE_NOOP(
                "messages",
                "Không có bưu gửi số hiệu “{number}”.",
            ),
            code="post.not_found",
            params={"number": number.strip()},
        )
    return item


def _history(session: Session, item_id: int) -> tuple[StatusView, ...]:
    query = (
        select(PostalStatusEvent)
        .where(PostalStatusEvent.item_id == item_id)
        .order_by(PostalStatusEvent.seq)
    )
    events = list(session.scalars(query))
    names = people_names(session, (e.actor for e in events))
    rows = tuple(
        StatusView(e.seq, PostalStatus(e.status), e.at, e.actor, e.note, names.get(e.actor, ""))
        for e in events
    )
    if not rows:
        raise PostalError(
            QT_TRANSLATE_NOOP(
                "messages",
                "Bưu gửi số {item_id} không có trạng thái nào.",
            ),
            params={"item_id": item_id},
        )
    return rows


def _view(session: Session, item: PostalItem) -> PostalItemView:
    dossier = session.get(Dossier, item.dossier_id)
    assert dossier is not None, "an item always points at its dossier"
    address = PostalAddress(
        item.name,
        item.phone,
        item.street,
        item.province_code,
        item.province_name,
        item.commune_code,
        item.commune_name,
    )
    return PostalItemView(
        item.id,
        dossier.code,
        Direction(item.direction),
        item.tracking_number,
        address,
        item.weight_g,
        item.postage,
        item.created_at,
        item.created_by,
        _history(session, item.id),
    )
