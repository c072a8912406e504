"""Held ops do not wait for ever (docs/sync.md#s10): after the hold limit they are applied over
the gap their missing predecessor leaves (flagged), or quarantined if the dossier cannot take them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from counter_devkit.server import ServerProcess
from counter_devkit.timing import wait_until
from counter_server.db import make_engine
from counter_server.ingest.release import SWEEP_SECONDS_ENV, release_overdue
from counter_server.models import OpRow
from tests.counter_server.conftest import BACKENDS
from tests.counter_server.test_push import results

LATER = timedelta(hours=25)


def sweep(server: ServerProcess, after: timedelta = LATER) -> Any:
    engine = make_engine(server.db_url)
    try:
        return release_overdue(engine, timedelta(hours=24), datetime.now(UTC) + after)
    finally:
        engine.dispose()


def op_row(server: ServerProcess, seq: int, device_id: int) -> tuple[Any, ...]:
    rows = server.rows(
        "SELECT state, result, reason, message FROM ops WHERE device_id = :d AND device_seq = :s",
        d=device_id,
        s=seq,
    )
    assert len(rows) == 1
    return tuple(rows[0])


def test_an_op_held_past_the_limit_is_applied_over_the_gap_and_flagged(
    fresh_server: ServerProcess,
) -> None:
    device = fresh_server.device()
    create = device.create_op()
    lost = device.event_op(create["dossier_uuid"], None, kind="note", note="Gọi điện cho dân")
    moved = device.event_op(create["dossier_uuid"], 4)
    with fresh_server.client() as client:
        assert results(device.push(client, [create, moved])) == [
            (1, "applied", None),
            (3, "held", "waiting_prev"),
        ]
        assert sweep(fresh_server, timedelta(hours=1)).applied == 0  # not overdue yet
        done = sweep(fresh_server)
        assert (done.applied, done.quarantined) == (1, 0)
        state, result, reason, message = op_row(fresh_server, 3, device.device_id)
        assert (state, result, reason) == ("applied", "held", "applied_after_wait")
        assert "thiếu thao tác trước (#2)" in message and "24 giờ" in message
        assert fresh_server.rows(
            "SELECT status, last_device_seq FROM dossiers WHERE uuid = :u", u=create["dossier_uuid"]
        ) == [(4, 3)]
        # The counter learns it when it sends the held op again; the lost op, if it ever
        # turns up, no longer fits the chain and is set aside for IT.
        replay = device.push(client, [moved]).results[0]
        assert (replay.result, replay.state) == ("duplicate", "applied")
        assert results(device.push(client, [lost])) == [(2, "quarantined", "fork")]
    audit = fresh_server.rows("SELECT event FROM audit_log WHERE event = 'held_released'")
    assert len(audit) == 1


def test_an_overdue_op_the_dossier_cannot_take_is_quarantined(
    fresh_server: ServerProcess,
) -> None:
    device = fresh_server.device()
    create = device.create_op()
    device.event_op(create["dossier_uuid"], 9)  # lost: received → done
    returned = device.event_op(create["dossier_uuid"], 10)  # done → returned
    orphan_create = device.create_op()
    orphan_create_seq = orphan_create["device_seq"]  # lost: the dossier never reaches the server
    orphan = device.event_op(orphan_create["dossier_uuid"], 4)
    with fresh_server.client() as client:
        device.push(client, [create, returned, orphan])
    done = sweep(fresh_server)
    assert (done.applied, done.quarantined) == (0, 2)
    state, _, reason, message = op_row(fresh_server, returned["device_seq"], device.device_id)
    assert (state, reason) == ("quarantined", "hold_expired")
    assert "Không thể chuyển hồ sơ" in message
    state, _, reason, message = op_row(fresh_server, orphan["device_seq"], device.device_id)
    assert (state, reason) == ("quarantined", "hold_expired")
    assert f"#{orphan_create_seq}" in message
    assert fresh_server.rows(
        "SELECT status FROM dossiers WHERE uuid = :u", u=create["dossier_uuid"]
    ) == [(2,)]


def backdate_held(server: ServerProcess, device_id: int, by: timedelta = LATER) -> None:
    """Time passes for the device's held ops: they were received `by` earlier than they were.
    (The server and its sweep read the real clock; the ops' age is what the test controls.)"""
    held = (OpRow.device_id == device_id) & (OpRow.state == "held")
    with server.engine.begin() as conn:
        for seq, received_at in conn.execute(select(OpRow.seq, OpRow.received_at).where(held)):
            conn.execute(update(OpRow).where(OpRow.seq == seq).values(received_at=received_at - by))


SweepingServer = Callable[[float], ServerProcess]


@pytest.fixture(params=BACKENDS)
def sweeping_every(
    request: pytest.FixtureRequest, new_db_url: Any, tmp_path: Path
) -> Iterator[SweepingServer]:
    """Starts a server on its own database that looks for overdue ops every `sweep_seconds`
    (its environment says so), with the usual 24 h hold limit."""
    started: list[ServerProcess] = []

    def start(sweep_seconds: float) -> ServerProcess:
        started.append(
            ServerProcess(
                new_db_url(request.param),
                tmp_path / "server.log",
                env={SWEEP_SECONDS_ENV: str(sweep_seconds)},
            )
        )
        started[-1].start()
        return started[-1]

    yield start
    for proc in started:
        proc.stop()


def test_a_batch_of_the_same_dossier_releases_its_overdue_held_op(
    sweeping_every: SweepingServer,
) -> None:
    server = sweeping_every(86400)  # no sweep comes in time: only the batch can release
    device = server.device()
    create = device.create_op()
    device.event_op(create["dossier_uuid"], None, kind="note")  # lost
    moved = device.event_op(create["dossier_uuid"], 4)
    with server.client() as client:
        device.push(client, [create, moved])
        backdate_held(server, device.device_id)
        receipt = device.push(client, [moved])  # the counter resends its held ops
    assert [(r.result, r.reason) for r in receipt.results] == [
        ("duplicate", None),
        ("applied", "applied_after_wait"),
    ]


def test_the_serving_process_sweeps_overdue_ops_by_itself(
    sweeping_every: SweepingServer,
) -> None:
    sweeping_server = sweeping_every(0.2)
    device = sweeping_server.device()
    create = device.create_op()
    device.event_op(create["dossier_uuid"], None, kind="note")  # lost
    moved = device.event_op(create["dossier_uuid"], 4)
    with sweeping_server.client() as client:
        device.push(client, [create, moved])
    assert op_row(sweeping_server, 3, device.device_id)[0] == "held"
    backdate_held(sweeping_server, device.device_id)
    wait_until(
        lambda: op_row(sweeping_server, 3, device.device_id)[0] != "held", "the server's own sweep"
    )
    assert op_row(sweeping_server, 3, device.device_id)[:3] == (
        "applied",
        "held",
        "applied_after_wait",
    )


def test_district_it_can_settle_overdue_ops_from_the_command_line(
    fresh_server: ServerProcess,
) -> None:
    device = fresh_server.device()
    create = device.create_op()
    device.create_op()  # lost, and with it the dossier the next op updates
    orphan = device.event_op(device.create_op()["dossier_uuid"], 4)
    with fresh_server.client() as client:
        device.push(client, [create, orphan])
    backdate_held(fresh_server, device.device_id, timedelta(hours=2))
    waiting = fresh_server.cli("release-held", "--hours", "3").stdout
    assert "0 đã áp dụng" in waiting and "0 đã cách ly" in waiting  # not overdue yet
    out = fresh_server.cli("release-held", "--hours", "1").stdout
    assert "0 đã áp dụng" in out and "1 đã cách ly" in out
    assert op_row(fresh_server, orphan["device_seq"], device.device_id)[0] == "quarantined"
    refused = fresh_server.cli("release-held", "--hours", "0", check=False)
    assert refused.returncode == 1 and "lớn hơn 0" in refused.stderr
