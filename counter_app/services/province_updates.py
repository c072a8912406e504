"""What the province sends down, applied here: status changes of our dossiers and the S10 pool.

A province status change becomes a new dossier event with origin "province", and it writes NO
outbox op: the server already has it. A change that does not fit the dossier's state here (the
counter moved the dossier meanwhile) is still recorded and its status taken, so both ends end on
the same status, and a `dossier_conflicts` row names both changes (docs/sync.md#s20).
All functions work in the caller's transaction (the pull applies a page and its cursor together).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from counter_app.domain.text import nfc
from counter_app.models.sync_tables import SyncReceipt, TrackingNumber
from counter_app.models.tables import Dossier, DossierEvent, OutboxOp
from counter_app.services.conflicts import SOURCE_PULL, record_conflict
from counter_app.services.errors import ServiceError
from counter_protocol.lifecycle import province_sub_state, state_label
from counter_protocol.statuses import Status, SubState, TransitionError, check_transition
from counter_protocol.texts import QT_TRANSLATE_NOOP, Marked
from counter_protocol.timefmt import parse_time, to_vn

APPLIED, UNCHANGED, NOT_APPLIED = "applied", "unchanged", "not_applied"
PROVINCE_EVENT_KIND = "province_status"


@dataclass(frozen=True)
class ProvinceStatus:
    """One status change made at the province (payload of a `dossier.status` change)."""

    change_seq: int
    dossier_uuid: str
    dossier_code: str
    to_status: int
    actor: str
    at: datetime
    note: str | None = None


@dataclass(frozen=True)
class Outcome:
    """What became of a change here, and the note for people: a marked template and its values
    (the record keeps it formatted, in Vietnamese; the sync window translates it)."""

    result: str  # APPLIED | UNCHANGED | NOT_APPLIED
    template: str = ""
    params: Mapping[str, object] = field(default_factory=dict)
    conflict: bool = False  # applied although it did not fit the dossier's state here

    @property
    def note(self) -> Marked | None:
        return Marked(self.template, self.params) if self.template else None

    @property
    def message(self) -> str | None:
        """The note in Vietnamese, formatted (None when there is nothing to say)."""
        return str(self.note) if self.template else None


def apply_province_status(session: Session, change: ProvinceStatus) -> Outcome:
    """Record the province's status change on our dossier, if the rules allow it."""
    dossier = session.scalar(select(Dossier).where(Dossier.uuid == change.dossier_uuid))
    if dossier is None:
        return Outcome(
            NOT_APPLIED,
            QT_TRANSLATE_NOOP("messages", "Không có hồ sơ {code} trên máy này."),
            {"code": change.dossier_code},
        )
    try:
        target = Status(change.to_status)
    except ValueError:
        return Outcome(
            NOT_APPLIED,
            QT_TRANSLATE_NOOP("messages", "Trạng thái “{status}” không thuộc 10 mã chuẩn."),
            {"status": change.to_status},
        )
    current = Status(dossier.status)
    if _merged_already(session, dossier.uuid, change.at):  # history only, status as it is
        _record(session, dossier, current, target, change, take_status=False)
        return Outcome(UNCHANGED, STALE_MESSAGE, {"code": dossier.code, "province": target.label})
    if current == target:
        return Outcome(UNCHANGED, SAME_STATUS, {"code": dossier.code, "status": target.label})
    try:
        check_transition(current, target)
    except TransitionError:
        return _take_anyway(session, dossier, current, target, change)
    _record(session, dossier, current, target, change)
    return Outcome(APPLIED)


def _take_anyway(
    session: Session, dossier: Dossier, current: Status, target: Status, change: ProvinceStatus
) -> Outcome:
    """The province moved the dossier while this counter moved it elsewhere: the province's
    status is taken (the server's order decides) and the conflict is written down."""
    was = SubState(dossier.sub_state)
    seq = _record(session, dossier, current, target, change)
    params = {
        "code": dossier.code,
        "province": target.label,
        "actor": change.actor,
        "here": state_label(was),
    }
    record_conflict(
        session,
        dossier,
        source=SOURCE_PULL,
        note=[(CONFLICT_MESSAGE, dict(params))],
        at=change.at,
        event_seq=seq,
        change_seq=change.change_seq,
    )
    return Outcome(APPLIED, CONFLICT_MESSAGE, params, conflict=True)


CONFLICT_MESSAGE = QT_TRANSLATE_NOOP(
    "messages",
    "Hồ sơ {code}: tỉnh ({actor}) đã chuyển hồ sơ sang “{province}” trong khi trên máy này hồ sơ "
    "đã ở trạng thái “{here}”. Cả hai thay đổi đều được lưu; hồ sơ nhận trạng thái của tỉnh. "
    "Hãy kiểm tra lại hồ sơ.",
)


def _province_event(
    dossier: Dossier, seq: int, current: Status, target: Status, change: ProvinceStatus
) -> DossierEvent:
    extra: dict[str, Any] = {"change_seq": change.change_seq}
    return DossierEvent(
        dossier_id=dossier.id,
        seq=seq,
        kind=PROVINCE_EVENT_KIND,
        at=to_vn(change.at),
        actor=nfc(change.actor)[:120],
        from_status=int(current),
        to_status=int(target),
        note=nfc(change.note or "") or None,
        data_json=orjson.dumps(extra).decode(),
        origin="province",
    )


def _merged_already(session: Session, dossier_uuid: str, at: datetime) -> bool:
    """The server applied an op of ours on this dossier after the province's change: the
    server's order put the change first, and its answers to our ops already count it."""
    times = session.scalars(
        select(SyncReceipt.server_time)
        .join(OutboxOp, OutboxOp.receipt_id == SyncReceipt.id)
        .where(OutboxOp.dossier_uuid == dossier_uuid, OutboxOp.state == "acked")
    )
    return any(parse_time(text) > at for text in times)


STALE_MESSAGE = QT_TRANSLATE_NOOP(
    "messages",
    "Hồ sơ {code}: tỉnh đã chuyển hồ sơ sang “{province}” trước khi nhận các thao tác sau đó "
    "của máy này; thay đổi được ghi vào lịch sử, trạng thái giữ theo máy chủ tỉnh.",
)
SAME_STATUS = QT_TRANSLATE_NOOP("messages", "Hồ sơ {code} đã ở trạng thái “{status}”.")


def _record(
    session: Session,
    dossier: Dossier,
    current: Status,
    target: Status,
    change: ProvinceStatus,
    *,
    take_status: bool = True,
) -> int:
    when = to_vn(change.at)
    seq = dossier.last_event_seq + 1
    session.add(_province_event(dossier, seq, current, target, change))
    dossier.last_event_seq = seq  # no outbox op: last_op_seq stays the device's own chain
    if not take_status:
        return seq
    dossier.status = int(target)
    dossier.sub_state = str(province_sub_state(target))
    if target == Status.RETURNED:
        dossier.returned_at = when
    return seq


def add_tracking_numbers(
    session: Session,
    unit_code: str,
    numbers: list[str],
    change_seq: int,
    now: datetime,
    owner_device_id: int | None = None,
) -> int:
    """Add the S10 numbers this counter does not have yet; returns how many were new. With
    `owner_device_id` they are this PC's share (usable); without it a unit-wide pool, held but
    never taken (docs/decisions/0027)."""
    have = set(
        session.scalars(select(TrackingNumber.number).where(TrackingNumber.number.in_(numbers)))
    )
    fresh = [n for n in dict.fromkeys(numbers) if n not in have]
    source = SOURCE_UNIT if owner_device_id is None else SOURCE_DEVICE
    session.add_all(
        TrackingNumber(
            number=n,
            unit_code=unit_code,
            change_seq=change_seq,
            received_at=now,
            source=source,
            owner_device_id=owner_device_id,
        )
        for n in fresh
    )
    return len(fresh)


SOURCE_UNIT, SOURCE_DEVICE, SOURCE_IMPORT = "unit", "device", "import"
CLAIM_PENDING, CLAIM_CLAIMED, CLAIM_REFUSED = "pending", "claimed", "refused"
# A number this PC may give out: its own share, or a file imported here that the server has not
# refused. A unit-wide pool is held by every PC of the unit, so none of them takes from it.
USABLE = or_(
    TrackingNumber.source == SOURCE_DEVICE,
    and_(
        TrackingNumber.source == SOURCE_IMPORT,
        TrackingNumber.claim_state != CLAIM_REFUSED,
    ),
)


POOL_EMPTY = QT_TRANSLATE_NOOP(
    "messages",
    "Hết mã vận đơn bưu chính (S10) của máy này. Hãy đồng bộ để nhận phần mã tỉnh cấp cho "
    "máy, hoặc nạp tệp mã bằng “counter-app tracking import”.",
)


def take_tracking_number(session: Session, dossier_code: str, now: datetime) -> str:
    """The next unused S10 number this PC owns, marked used by `dossier_code`, in the caller's
    transaction (the postal item and the dossier step commit with it, or nothing does)."""
    row = session.scalar(
        select(TrackingNumber)
        .where(TrackingNumber.used_at.is_(None), USABLE)
        .order_by(TrackingNumber.number)
        .limit(1)
    )
    if row is None:
        raise ServiceError(POOL_EMPTY, code="post.pool_empty", field="tracking_number")
    row.used_at, row.dossier_code = now, dossier_code
    return row.number


def tracking_pool_counts(session: Session) -> tuple[int, int]:
    """(unused, used) S10 numbers this PC may give out."""
    unused = (
        session.scalar(
            select(func.count())
            .select_from(TrackingNumber)
            .where(TrackingNumber.used_at.is_(None), USABLE)
        )
        or 0
    )
    used = (
        session.scalar(
            select(func.count())
            .select_from(TrackingNumber)
            .where(TrackingNumber.used_at.is_not(None))
        )
        or 0
    )
    return int(unused), int(used)
