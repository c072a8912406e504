"""Apply one verified page of province changes and move the cursor, in the caller's transaction.

Each change is applied at most once per feed generation (its seq is recorded in
`province_updates`). A change that cannot be applied here is recorded as `not_applied` with the
reason and shown to people; it never blocks the feed, and the cursor always moves past it.

When the server no longer holds the cursor (restored from a backup), `start_over` opens a new
generation and the whole feed comes again: a change whose server id was recorded before is
skipped, and every handler is idempotent for the rest (a status already in the dossier's
history, a catalogue version, calendar or S10 numbers already here leave things as they are).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import orjson
from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.text import nfc
from counter_app.models.sync_tables import STATE_ROW, ProvinceUpdate, SyncState
from counter_app.models.tables import CalendarOverride, Dossier, DossierEvent
from counter_app.services import province_updates as pu
from counter_app.services.catalogue import install_catalogue
from counter_app.services.clock import record_reading
from counter_app.sync.crash import WHILE_APPLYING_PULL, crash_point
from counter_app.sync.identity import Enrolled
from counter_protocol.catalogue.document import parse_catalogue
from counter_protocol.catalogue.reader import CatalogueError
from counter_protocol.encoding import convert
from counter_protocol.errors import UserError
from counter_protocol.feed import (
    CHANGE_CALENDAR,
    CHANGE_CATALOGUE,
    CHANGE_DEVICE_REVOKED,
    CHANGE_DOSSIER_STATUS,
    CHANGE_TRACKING_POOL,
    CalendarChange,
    CatalogueChange,
    Change,
    ChangesPage,
    DeviceRevokedChange,
    DossierStatusChange,
    TrackingPoolChange,
)
from counter_protocol.texts import QT_TRANSLATE_NOOP, Marked, plain_marked
from counter_protocol.timefmt import parse_time

PROVINCE_SOURCE = "máy chủ tỉnh"
REVOKED_MESSAGE = QT_TRANSLATE_NOOP(
    "messages", "Máy chủ tỉnh đã thu hồi quyền đồng bộ của máy này."
)


@dataclass
class PageResult:
    applied: int = 0
    unchanged: int = 0
    not_applied: int = 0
    kinds: set[str] = field(default_factory=set)  # kinds of changes applied (for cache resets)
    revoked: bool = False
    seen_before: int = 0  # skipped: the same change (server id) was applied in a past generation
    conflicts: int = 0  # province changes taken although they did not fit (docs/sync.md#s20)


@dataclass(frozen=True)
class Context:
    session: Session
    me: Enrolled
    seq: int
    now: datetime
    generation: int = 0


Handler = Callable[[Context, dict[str, Any]], tuple[str, pu.Outcome]]


def sync_state(session: Session) -> SyncState:
    state = session.get(SyncState, STATE_ROW)
    if state is None:
        state = SyncState(id=STATE_ROW, pull_cursor=0)
        session.add(state)
        session.flush()
    return state


def apply_page(session: Session, page: ChangesPage, me: Enrolled, now: datetime) -> PageResult:
    """Apply every change not applied before, then move the cursor (all in one transaction)."""
    state = sync_state(session)
    done = PageResult()
    generation = state.feed_generation
    changes = [c for c in page.changes if c.seq > state.pull_cursor]
    if changes:
        seen = set(
            session.scalars(
                select(ProvinceUpdate.change_seq).where(
                    ProvinceUpdate.feed_generation == generation,
                    ProvinceUpdate.change_seq.in_([c.seq for c in changes]),
                )
            )
        )
        fresh = [c for c in changes if c.seq not in seen]
        known = _known_ids(session, fresh)
        for index, change in enumerate(fresh):
            if change.id is not None and change.id in known:
                done.seen_before += 1
                continue
            _apply_one(Context(session, me, change.seq, now, generation), change, done)
            if index == 0:
                session.flush()
                crash_point(WHILE_APPLYING_PULL)  # half a page written, cursor not moved
    if page.next_cursor >= state.pull_cursor:
        state.pull_cursor, state.pull_cursor_id = page.next_cursor, page.next_cursor_id
    state.pulled_at, state.last_server_time = now, page.server_time
    record_reading(session, parse_time(page.server_time), now, "page")
    done.revoked = state.revoked_at is not None
    return done


def start_over(session: Session, now: datetime) -> int:
    """The server no longer holds our cursor: pull from 0 again, in a new feed generation.
    Nothing applied is undone. Returns the cursor given up."""
    state = sync_state(session)
    given_up = state.pull_cursor
    state.pull_cursor, state.pull_cursor_id = 0, None
    state.feed_generation += 1
    state.feed_resets += 1
    state.last_reset_at = now
    return given_up


def record_server_loss(session: Session, now: datetime, note: str) -> None:
    """Keep the latest restore event (start over, acknowledged ops sent again) for IT."""
    state = sync_state(session)
    state.last_reset_at, state.last_reset_note = now, note


def _known_ids(session: Session, changes: list[Change]) -> set[str]:
    ids = [c.id for c in changes if c.id is not None]
    if not ids:
        return set()
    found = session.scalars(
        select(ProvinceUpdate.change_id).where(ProvinceUpdate.change_id.in_(ids))
    )
    return {i for i in found if i is not None}


def _apply_one(ctx: Context, change: Change, done: PageResult) -> None:
    handler = _HANDLERS.get(change.kind)
    payload = change.payload if isinstance(change.payload, dict) else {}
    try:
        if handler is None:
            subject, outcome = (
                change.kind[:120],
                pu.Outcome(pu.NOT_APPLIED, UNKNOWN_KIND, {"kind": change.kind}),
            )
        else:
            with ctx.session.begin_nested():  # a failing change leaves nothing half-written
                subject, outcome = handler(ctx, payload)
    except (KeyError, TypeError, ValueError, UserError) as exc:  # domain rules too
        subject = str(payload.get("dossier_code") or change.kind)[:120]
        outcome = pu.Outcome(pu.NOT_APPLIED, INVALID_CHANGE, {"reason": _reason(exc)})
    ctx.session.add(
        ProvinceUpdate(
            feed_generation=ctx.generation,
            change_seq=ctx.seq,
            change_id=change.id,
            kind=change.kind[:40],
            subject=subject[:120],
            result=outcome.result,
            message=outcome.message,
            message_marked=_stored(outcome.note),
            server_created_at=change.created_at[:40],
            applied_at=ctx.now,
        )
    )
    _count(done, change.kind, outcome)


def _count(done: PageResult, kind: str, outcome: pu.Outcome) -> None:
    done.conflicts += outcome.conflict
    if outcome.result == pu.APPLIED:
        done.applied += 1
        done.kinds.add(kind)
    elif outcome.result == pu.UNCHANGED:
        done.unchanged += 1
    else:
        done.not_applied += 1


UNKNOWN_KIND = QT_TRANSLATE_NOOP("messages", "Loại thay đổi “{kind}” chưa được phần mềm hỗ trợ.")
INVALID_CHANGE = QT_TRANSLATE_NOOP("messages", "Thay đổi không hợp lệ: {reason}")


def _reason(exc: Exception) -> object:
    """Why a change was refused: a rule's own message (translated with the note), or what the
    library said, as it said it."""
    return exc if isinstance(exc, UserError) else f"{type(exc).__name__}: {exc}"


def _stored(note: Marked | None) -> str | None:
    return None if note is None else json.dumps(plain_marked(note), ensure_ascii=False)


def _dossier_status(ctx: Context, payload: dict[str, Any]) -> tuple[str, pu.Outcome]:
    wire = convert(payload, DossierStatusChange)
    change = pu.ProvinceStatus(
        change_seq=ctx.seq,
        dossier_uuid=wire.dossier_uuid,
        dossier_code=wire.dossier_code,
        to_status=wire.to_status,
        actor=wire.actor or PROVINCE_SOURCE,
        at=parse_time(wire.at),
        note=wire.note,
    )
    if _in_history(ctx.session, change):
        return change.dossier_code, pu.Outcome(
            pu.UNCHANGED,
            QT_TRANSLATE_NOOP(
                "messages", "Hồ sơ {code}: thay đổi trạng thái này đã được ghi trên máy từ trước."
            ),
            {"code": change.dossier_code},
        )
    return change.dossier_code, pu.apply_province_status(ctx.session, change)


def _in_history(session: Session, change: pu.ProvinceStatus) -> bool:
    """The same province status change (same target, same time) is in the dossier's history
    already: applied in an earlier feed generation, perhaps under another seq."""
    found = session.scalar(
        select(DossierEvent.id)
        .join(Dossier, Dossier.id == DossierEvent.dossier_id)
        .where(
            Dossier.uuid == change.dossier_uuid,
            DossierEvent.origin == "province",
            DossierEvent.kind == pu.PROVINCE_EVENT_KIND,
            DossierEvent.to_status == change.to_status,
            DossierEvent.at == change.at,
        )
        .limit(1)
    )
    return found is not None


def _catalogue(ctx: Context, payload: dict[str, Any]) -> tuple[str, pu.Outcome]:
    wire = convert(payload, CatalogueChange)
    version = wire.version
    text = orjson.dumps(wire.document).decode()
    try:
        catalogue = parse_catalogue(text)
    except CatalogueError as exc:
        return version, pu.Outcome(
            pu.NOT_APPLIED, CATALOGUE_INVALID, {"version": version, "exc": exc}
        )
    if catalogue.sha256 != wire.sha256 or catalogue.version != version:
        return version, pu.Outcome(pu.NOT_APPLIED, CATALOGUE_HASH, {"version": version})
    source = f"{PROVINCE_SOURCE} #{ctx.seq}"
    if install_catalogue(ctx.session, catalogue, text, source=source):
        return version, pu.Outcome(pu.APPLIED)
    return version, pu.Outcome(pu.UNCHANGED, CATALOGUE_HERE, {"version": version})


CATALOGUE_INVALID = QT_TRANSLATE_NOOP("messages", "Danh mục {version} không hợp lệ: {exc}")
CATALOGUE_HASH = QT_TRANSLATE_NOOP("messages", "Danh mục {version}: mã băm không khớp.")
CATALOGUE_HERE = QT_TRANSLATE_NOOP("messages", "Danh mục {version} đã có trên máy.")


def _calendar(ctx: Context, payload: dict[str, Any]) -> tuple[str, pu.Outcome]:
    """The province's table for a year replaces its earlier one; local imports are kept."""
    wire = convert(payload, CalendarChange)
    year = wire.year
    days = {date.fromisoformat(d.date): (d.kind, nfc(d.name)) for d in wire.days}
    if any(
        day.year != year or kind not in ("holiday", "workday") for day, (kind, _) in days.items()
    ):
        return str(year), pu.Outcome(pu.NOT_APPLIED, CALENDAR_INVALID, {"year": year})
    rows = list(
        ctx.session.scalars(
            select(CalendarOverride).where(
                CalendarOverride.day >= date(year, 1, 1), CalendarOverride.day <= date(year, 12, 31)
            )
        )
    )
    here = {r.day: (r.kind, r.name) for r in rows if r.source.startswith(PROVINCE_SOURCE)}
    if here == {day: (kind, name[:200]) for day, (kind, name) in days.items()}:
        return str(year), pu.Outcome(pu.UNCHANGED, CALENDAR_HERE, {"year": year})
    for row in rows:
        if row.day not in days and row.source.startswith(PROVINCE_SOURCE):
            ctx.session.delete(row)
    for day, (kind, name) in days.items():
        row = ctx.session.get(CalendarOverride, day) or CalendarOverride(day=day)
        row.kind, row.name, row.source, row.imported_at = (
            kind,
            name[:200],
            f"{PROVINCE_SOURCE} #{ctx.seq}",
            ctx.now,
        )
        ctx.session.add(row)
    return str(year), pu.Outcome(pu.APPLIED)


CALENDAR_INVALID = QT_TRANSLATE_NOOP("messages", "Lịch năm {year} có ngày không hợp lệ.")
CALENDAR_HERE = QT_TRANSLATE_NOOP("messages", "Lịch năm {year} đã có trên máy.")


def _tracking_pool(ctx: Context, payload: dict[str, Any]) -> tuple[str, pu.Outcome]:
    wire = convert(payload, TrackingPoolChange)
    unit = wire.unit_code
    if unit != ctx.me.unit_code:
        return unit, pu.Outcome(pu.NOT_APPLIED, OTHER_UNITS_POOL, {"unit": unit})
    owner = wire.device_id
    if owner is not None and owner != ctx.me.device_id:  # another PC's share: never ours
        return unit, pu.Outcome(pu.UNCHANGED, OTHER_PCS_SHARE, {"owner": owner})
    numbers = wire.numbers
    fresh = pu.add_tracking_numbers(ctx.session, unit, numbers, ctx.seq, ctx.now, owner)
    if fresh == 0:
        return unit, pu.Outcome(pu.UNCHANGED, NUMBERS_HERE)
    if owner is None:
        return unit, pu.Outcome(pu.APPLIED, UNIT_POOL_MESSAGE, {"count": fresh})
    return unit, pu.Outcome(pu.APPLIED, OWN_SHARE, {"count": fresh})


OTHER_UNITS_POOL = QT_TRANSLATE_NOOP("messages", "Mã vận đơn dành cho đơn vị khác ({unit}).")
OTHER_PCS_SHARE = QT_TRANSLATE_NOOP("messages", "Phần mã vận đơn của máy số {owner}.")
NUMBERS_HERE = QT_TRANSLATE_NOOP("messages", "Các mã vận đơn này đã có trên máy.")
OWN_SHARE = QT_TRANSLATE_NOOP("messages", "Nhận {count} mã vận đơn bưu chính cho máy này.")
UNIT_POOL_MESSAGE = QT_TRANSLATE_NOOP(
    "messages",
    "Nhận {count} mã vận đơn cấp chung cho đơn vị: chỉ lưu, không dùng (các máy khác của đơn vị "
    "cũng có các mã này). Xin tỉnh chia mã cho từng máy.",
)


def _device_revoked(ctx: Context, payload: dict[str, Any]) -> tuple[str, pu.Outcome]:
    wire = convert(payload, DeviceRevokedChange)
    device_id = wire.device_id
    if device_id != ctx.me.device_id:
        return f"máy số {device_id}", pu.Outcome(
            pu.APPLIED,
            QT_TRANSLATE_NOOP("messages", "Máy mã {device_id} (máy số {slot}) đã bị thu hồi."),
            {"device_id": device_id, "slot": wire.slot},
        )
    mark_revoked(ctx.session, ctx.now, REVOKED_MESSAGE)
    return f"máy số {device_id}", pu.Outcome(pu.APPLIED, REVOKED_MESSAGE)


def mark_revoked(session: Session, now: datetime, message: str) -> None:
    state = sync_state(session)
    if state.revoked_at is None:
        state.revoked_at, state.revoked_message = now, message


_HANDLERS: dict[str, Handler] = {
    CHANGE_DOSSIER_STATUS: _dossier_status,
    CHANGE_CATALOGUE: _catalogue,
    CHANGE_CALENDAR: _calendar,
    CHANGE_TRACKING_POOL: _tracking_pool,
    CHANGE_DEVICE_REVOKED: _device_revoked,
}
