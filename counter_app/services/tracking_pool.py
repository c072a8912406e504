"""This PC's tracking numbers (UPU S10): import a file, say how many are left, and the claims of
imported numbers the sync sends to the server (docs/decisions/0027)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from counter_app.domain.postal import parse_pool_file
from counter_app.domain.vntime import now_vn
from counter_app.models.service_tables import PostalItem
from counter_app.models.sync_tables import TrackingNumber
from counter_app.models.tables import Device
from counter_app.services import province_updates as pu
from counter_app.services.settings import get_setting
from counter_app.services.store import Store
from counter_protocol.timefmt import to_vn


@dataclass(frozen=True)
class PoolStatus:
    unused: int  # numbers this PC may still give out
    used: int
    unit_held: int  # a unit-wide pool from before shares: held, never given out
    refused: int  # imported numbers the server said another PC holds
    pending_claims: int  # imported numbers the server has not confirmed yet
    low_at: int  # the setting `post.pool_low`

    @property
    def low(self) -> bool:
        return self.unused < self.low_at


def held_numbers(session: Session) -> set[str]:
    """Every number this store knows: in the pool, or on a postal item."""
    pool = set(session.scalars(select(TrackingNumber.number)))
    items = session.scalars(
        select(PostalItem.tracking_number).where(PostalItem.tracking_number.is_not(None))
    )
    return pool | {n for n in items if n}


def _own_device_id(session: Session) -> int | None:
    device = session.scalar(select(Device).where(Device.is_self.is_(True)))
    text = None if device is None else device.server_device_id
    return int(text) if text and text.isdigit() else None


class TrackingPoolService:
    def __init__(self, store: Store, clock: Callable[[], datetime] = now_vn) -> None:
        self._store, self._clock = store, clock

    def import_text(self, text: str, source_name: str) -> int:
        """Load a file's numbers as this PC's own, all or none; how many were loaded."""
        with self._store.write() as session:
            numbers = parse_pool_file(text, held_numbers(session))
            now, owner, unit = to_vn(self._clock()), _own_device_id(session), _unit_code(session)
            session.add_all(
                TrackingNumber(
                    number=n,
                    unit_code=unit,
                    change_seq=0,
                    received_at=now,
                    source=pu.SOURCE_IMPORT,
                    owner_device_id=owner,
                    source_name=source_name[:200],
                    claim_state=pu.CLAIM_PENDING,
                )
                for n in numbers
            )
            return len(numbers)

    def status(self) -> PoolStatus:
        with self._store.read() as session:
            unused, used = pu.tracking_pool_counts(session)
            return PoolStatus(
                unused,
                used,
                _count(session, TrackingNumber.source == pu.SOURCE_UNIT),
                _count(session, TrackingNumber.claim_state == pu.CLAIM_REFUSED),
                _count(session, TrackingNumber.claim_state == pu.CLAIM_PENDING),
                int(get_setting(session, "post.pool_low")),
            )


def _count(session: Session, condition: object) -> int:
    query = select(func.count()).select_from(TrackingNumber).where(condition)  # type: ignore[arg-type]
    return int(session.scalar(query) or 0)


def _unit_code(session: Session) -> str:
    device = session.scalar(select(Device).where(Device.is_self.is_(True)))
    return "" if device is None else device.unit_code


def pending_claims(session: Session, limit: int = 5000) -> list[str]:
    """Imported numbers not yet confirmed by the server, oldest first."""
    query = (
        select(TrackingNumber.number)
        .where(TrackingNumber.claim_state == pu.CLAIM_PENDING)
        .order_by(TrackingNumber.received_at, TrackingNumber.number)
        .limit(limit)
    )
    return list(session.scalars(query))


def record_claims(session: Session, claimed: list[str], refused: dict[str, str]) -> None:
    """The server's answer: confirmed numbers, and those another PC holds (with its words)."""
    if claimed:
        session.execute(
            update(TrackingNumber)
            .where(TrackingNumber.number.in_(claimed))
            .values(claim_state=pu.CLAIM_CLAIMED, claim_note=None)
        )
    for number, note in refused.items():
        session.execute(
            update(TrackingNumber)
            .where(TrackingNumber.number == number)
            .values(claim_state=pu.CLAIM_REFUSED, claim_note=note[:500])
        )
