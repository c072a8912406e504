"""The checkable pull cursor on the server: (seq, change id) pairs, resets, probes of acked ops."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, text

from counter_devkit.server import ServerProcess
from counter_protocol.feed import (
    CHANGE_CALENDAR,
    CalendarChange,
    ChangesPage,
    changes_target,
    is_change_id,
    parse_changes_page,
)
from counter_protocol.transport import SERVER_SIGNATURE_HEADER, signed_request_headers
from counter_server.changes import add_change, read_page
from counter_server.db import make_engine, migrate, write_transaction
from counter_server.errors import Refused
from tests.counter_server.conftest import BACKENDS

UNIT, OTHER = "001.01.01.H27", "002.02.02.H27"


@pytest.fixture(params=BACKENDS)
def engine(request: pytest.FixtureRequest, new_db_url: Any) -> Iterator[Engine]:
    made = make_engine(new_db_url(request.param))
    migrate(made)
    yield made
    made.dispose()


def publish(engine: Engine, count: int, unit: str | None = UNIT) -> list[int]:
    with write_transaction(engine) as conn:
        return [
            add_change(conn, CHANGE_CALENDAR, unit, CalendarChange(year=2026 + n, days=[]))
            for n in range(count)
        ]


def page(
    engine: Engine,
    cursor: int,
    cursor_id: str | None = None,
    limit: int = 100,
    probe: str | None = None,
) -> ChangesPage:
    with engine.connect() as conn:
        return read_page(conn, UNIT, cursor, limit, cursor_id, probe)


def test_every_change_has_its_own_id_and_the_page_names_the_one_at_its_cursor(
    engine: Engine,
) -> None:
    seqs = publish(engine, 3)
    first = page(engine, 0, limit=2)
    ids = [c.id for c in first.changes]
    assert [c.seq for c in first.changes] == seqs[:2] and len(set(ids)) == 2
    assert all(is_change_id(i) for i in ids)
    assert (first.next_cursor, first.next_cursor_id) == (seqs[1], ids[1])
    assert not first.reset and first.probes_missing is None
    rest = page(engine, first.next_cursor, first.next_cursor_id)
    assert [c.seq for c in rest.changes] == [seqs[2]] and not rest.has_more
    idle = page(engine, rest.next_cursor, rest.next_cursor_id)
    assert idle.changes == [] and idle.next_cursor_id == rest.next_cursor_id
    assert page(engine, 0, limit=1).next_cursor_id == ids[0]
    assert page(engine, 0).changes[0].id == ids[0]  # stored, not made up per read


def test_a_seq_handed_out_again_or_never_reached_means_start_over(engine: Engine) -> None:
    seqs = publish(engine, 2)
    seen = page(engine, 0)
    cursor, cursor_id = seen.next_cursor, seen.next_cursor_id
    assert cursor_id is not None
    # The database went back to a backup: the last change is gone, its seq given to another.
    with write_transaction(engine) as conn:
        conn.execute(text("DELETE FROM changes WHERE seq = :s"), {"s": seqs[-1]})
        if conn.dialect.name == "postgresql":  # a restored sequence, as pg_restore leaves it
            conn.execute(
                text("SELECT setval(pg_get_serial_sequence('changes', 'seq'), :s)"),
                {"s": seqs[-1] - 1},
            )
    assert page(engine, cursor, cursor_id).reset is True  # beyond the newest seq
    again = publish(engine, 1)
    assert again == [cursor]  # same seq, another change
    reset = page(engine, cursor, cursor_id)
    assert reset.reset is True and reset.changes == []
    assert (reset.next_cursor, reset.next_cursor_id, reset.has_more) == (0, None, False)
    fresh = page(engine, 0)
    assert [c.seq for c in fresh.changes] == [seqs[0], cursor]
    assert page(engine, fresh.next_cursor, fresh.next_cursor_id).reset is False


def test_a_counter_that_sends_no_id_gets_plain_pages_and_learns_the_id(engine: Engine) -> None:
    seqs = publish(engine, 2)
    publish(engine, 1, OTHER)  # not ours: the page skips it, and never resets on it
    old_style = page(engine, seqs[0])
    assert [c.seq for c in old_style.changes] == [seqs[1]]
    assert old_style.reset is False
    idle = page(engine, seqs[1])
    assert idle.changes == [] and is_change_id(idle.next_cursor_id)
    beyond = page(engine, seqs[1] + 50)
    # Only a cursor the feed never reached says reset; has_more stays false, so a counter from
    # before `reset` (which ignores it and keeps its cursor) does not ask again in a loop.
    assert beyond.reset is True and beyond.has_more is False


def test_a_wrong_id_or_probe_is_refused(engine: Engine) -> None:
    publish(engine, 1)
    with pytest.raises(Refused):
        page(engine, 1, "not-hex")
    with pytest.raises(Refused):
        page(engine, 1, probe="x")
    with pytest.raises(Refused):
        page(engine, 1, probe=",".join(str(uuid.uuid4()) for _ in range(5)))


def test_probes_name_the_acknowledged_ops_the_server_does_not_hold(server: ServerProcess) -> None:
    device = server.device()
    create = device.create_op()
    with server.client() as client:
        device.push(client, [create])
    held, lost = create["op_id"], str(uuid.uuid4())
    with server.engine.connect() as conn:
        probed = read_page(conn, device.unit_code, 0, 1, None, f"{held},{lost}")
        plain = read_page(conn, device.unit_code, 0, 1, None, None)
    assert probed.probes_missing == [lost]
    assert plain.probes_missing is None


def test_the_http_pull_carries_the_cursor_id_and_the_probes(server: ServerProcess) -> None:
    device = server.device()
    create = device.create_op()
    with server.client() as client:
        device.push(client, [create])
        server.cli("dossier", "status", create["dossier_code"], "4")
        start = device.pull(client, 0, 5000)
        assert start.next_cursor_id is not None
        lost = str(uuid.uuid4())
        target = changes_target(
            start.next_cursor, 10, start.next_cursor_id, [create["op_id"], lost]
        )
        headers = signed_request_headers(device.device_id, device.key, "GET", target)
        reply = client.get(target, headers=headers)
        assert reply.status_code == 200, reply.text
        body = parse_changes_page(
            reply.content, reply.headers.get(SERVER_SIGNATURE_HEADER), device.server_key
        )
        assert body.reset is False and body.probes_missing == [lost]
        wrong = changes_target(start.next_cursor, 10, "0" * 32)
        headers = signed_request_headers(device.device_id, device.key, "GET", wrong)
        reply = client.get(wrong, headers=headers)
        assert reply.json()["reset"] is True
