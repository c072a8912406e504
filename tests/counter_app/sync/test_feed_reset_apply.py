"""The counter's side of a feed reset: replaying the feed is idempotent, nothing is deleted, and a
server that keeps saying "start over" is refused rather than followed in a loop."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
import pytest

from counter_app.domain.vntime import now_vn
from counter_app.sync.errors import FailureKind, SyncError
from counter_app.sync.identity import Enrolled
from counter_app.sync.pull import Puller
from counter_app.sync.pull_apply import apply_page, start_over
from counter_app.sync.report import SyncReport
from counter_devkit.counter_pc import CounterPC
from counter_protocol.errors import ProtocolError
from counter_protocol.feed import (
    CHANGE_CALENDAR,
    CHANGE_DOSSIER_STATUS,
    CHANGE_TRACKING_POOL,
    Change,
    ChangesPage,
    changes_target,
    parse_changes_page,
)
from counter_protocol.signing import generate_private_key, public_key_b64, sign
from counter_protocol.transport import CHANGES_PATH
from tests.counter_app.sync.test_flow import s10_numbers

KEY = generate_private_key()


def identity(pc: CounterPC) -> Enrolled:
    return Enrolled(
        device_id=1,
        unit_code=pc.unit,
        slot=0,
        server_url="http://127.0.0.1:9",
        key=KEY,
        server_public_key=public_key_b64(KEY),
    )


def change(
    seq: int,
    kind: str,
    payload: dict[str, Any],
    change_id: str | None = None,
    unit: str | None = None,
) -> Change:
    return Change(
        seq=seq,
        id=change_id or uuid.uuid4().hex,
        kind=kind,
        unit_code=unit,
        created_at=datetime.now(UTC).isoformat(),
        payload=payload,
    )


def a_page(changes: list[Change]) -> ChangesPage:
    last = changes[-1]
    return ChangesPage(
        changes=changes,
        next_cursor=last.seq,
        next_cursor_id=last.id,
        has_more=False,
        server_time=datetime.now(UTC).isoformat(),
    )


def apply(pc: CounterPC, page: ChangesPage) -> Any:
    with pc.services.store.write() as session:
        return apply_page(session, page, identity(pc), now_vn())


def status_change(code: str, dossier_uuid: str, to: int, at: datetime) -> dict[str, Any]:
    return {
        "dossier_uuid": dossier_uuid,
        "dossier_code": code,
        "to_status": to,
        "actor": "Sở Tư pháp",
        "at": at.isoformat(),
        "note": None,
    }


def test_the_feed_replayed_after_a_reset_changes_nothing_twice(pc: CounterPC) -> None:
    code = pc.receive(1)[0]
    dossier_uuid = pc.sql("SELECT uuid FROM dossiers WHERE code = ?", code)[0][0]
    at = datetime(2031, 1, 5, 8, 30, 15, 123456, tzinfo=UTC)
    hour = timedelta(hours=1)
    calendar = {"year": 2032, "days": [{"date": "2032-02-03", "kind": "holiday", "name": "Tết"}]}
    pool = {"unit_code": pc.unit, "numbers": s10_numbers(2)}
    processing = status_change(code, dossier_uuid, 4, at)
    supplement = status_change(code, dossier_uuid, 5, at + hour)
    first = [
        change(1, CHANGE_DOSSIER_STATUS, processing, unit=pc.unit),
        change(2, CHANGE_CALENDAR, calendar),
        change(3, CHANGE_TRACKING_POOL, pool, unit=pc.unit),
        change(4, CHANGE_DOSSIER_STATUS, supplement, unit=pc.unit),
    ]
    assert apply(pc, a_page(first)).applied == 4
    assert pc.sql("SELECT pull_cursor, pull_cursor_id FROM sync_state") == [(4, first[3].id)]

    with pc.services.store.write() as session:
        assert start_over(session, now_vn()) == 4
    # The restored server serves its feed again: change 1 under the id seen before; the others
    # under ids never seen (as for rows that got their ids after the counter applied them), and
    # a new change 6. Replaying "→ 4" over "5" would be a legal move: only the history says no.
    replay = [
        first[0],
        change(2, CHANGE_CALENDAR, calendar),
        change(3, CHANGE_TRACKING_POOL, pool, unit=pc.unit),
        change(4, CHANGE_DOSSIER_STATUS, processing, unit=pc.unit),
        change(5, CHANGE_DOSSIER_STATUS, supplement, unit=pc.unit),
        change(
            6,
            CHANGE_DOSSIER_STATUS,
            status_change(code, dossier_uuid, 9, at + 2 * hour),
            unit=pc.unit,
        ),
    ]
    result = apply(pc, a_page(replay))
    assert (result.seen_before, result.unchanged, result.applied) == (1, 4, 1)
    assert pc.status_of(code) == 9
    assert pc.sql(
        "SELECT to_status FROM dossier_events WHERE origin = 'province' ORDER BY seq"
    ) == [(4,), (5,), (9,)]
    assert pc.sql("SELECT count(*) FROM tracking_pool") == [(2,)]
    assert pc.sql(
        "SELECT feed_generation, change_seq, result FROM province_updates ORDER BY 1, 2"
    ) == [
        (0, 1, "applied"),
        (0, 2, "applied"),
        (0, 3, "applied"),
        (0, 4, "applied"),
        (1, 2, "unchanged"),
        (1, 3, "unchanged"),
        (1, 4, "unchanged"),
        (1, 5, "unchanged"),
        (1, 6, "applied"),
    ]
    assert pc.sql(
        "SELECT pull_cursor, pull_cursor_id, feed_generation, feed_resets FROM sync_state"
    ) == [(6, replay[5].id, 1, 1)]


class ResetForever:
    """A server that answers every pull with "start over"."""

    def __init__(self) -> None:
        self.cursors: list[tuple[int, str | None]] = []

    def pull(
        self,
        device_id: int,
        key: Any,
        cursor: int,
        limit: int,
        now: Any = None,
        cursor_id: str | None = None,
        probes: Any = (),
    ) -> tuple[bytes, str]:
        self.cursors.append((cursor, cursor_id))
        body = orjson.dumps(
            {
                "changes": [],
                "next_cursor": 0,
                "next_cursor_id": None,
                "has_more": False,
                "reset": True,
                "server_time": datetime.now(UTC).isoformat(),
            }
        )
        return body, sign(KEY, body)


def test_start_over_is_followed_once_and_keeps_every_local_row(pc: CounterPC) -> None:
    pc.receive(2)
    pc.sql_write("UPDATE outbox SET state = 'acked', receipt_id = 1")
    pc.sql_write("UPDATE sync_state SET pull_cursor = 7, pull_cursor_id = ?", "ab" * 16)
    server = ResetForever()
    report = SyncReport("manual", now_vn())
    puller = Puller(
        pc.services.store,
        server,
        identity(pc),
        100,  # type: ignore[arg-type]
        now_vn,
        report,
        None,
    )
    with pytest.raises(SyncError) as refused:
        puller.run()
    assert refused.value.kind == FailureKind.BAD_REPLY
    assert server.cursors == [(7, "ab" * 16), (0, None)]  # once from its cursor, then from 0
    assert report.feed_reset and report.requeued == 2 and len(report.notices) == 1
    assert pc.states() == {"queued": 2}  # queued again, not deleted
    assert pc.sql("SELECT count(*) FROM dossiers") == [(2,)]
    assert pc.sql("SELECT pull_cursor, feed_resets FROM sync_state") == [(0, 1)]


def test_a_reset_page_is_checked_like_any_other() -> None:
    key = public_key_b64(KEY)

    def parse(page: dict[str, Any]) -> ChangesPage:
        body = orjson.dumps(page)
        return parse_changes_page(body, sign(KEY, body), key)

    base = {"changes": [], "next_cursor": 0, "has_more": False, "server_time": ""}
    assert parse({**base, "reset": True}).reset is True
    assert parse(base).reset is False  # a server from before the checkable cursor
    one = [{"seq": 3, "kind": "x", "unit_code": None, "created_at": "", "payload": {}}]
    for bad in (
        {**base, "reset": True, "changes": one, "next_cursor": 3},
        {**base, "reset": True, "has_more": True},
        {**base, "reset": "yes"},
        {**base, "next_cursor_id": "xyz"},
        {**base, "changes": [{**one[0], "id": 42}], "next_cursor": 3},
        {**base, "probes_missing": "all"},
    ):
        with pytest.raises(ProtocolError):
            parse(bad)
    with pytest.raises(ValueError):
        changes_target(3, 10, "not-an-id")
    assert changes_target(3, 10, "ab" * 16, [str(uuid.UUID(int=1))]) == (
        f"{CHANGES_PATH}?cursor=3&limit=10&cursor_id={'ab' * 16}"
        "&probe=00000000-0000-0000-0000-000000000001"
    )
