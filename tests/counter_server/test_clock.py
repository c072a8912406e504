"""Device clocks: skew recorded per batch and device, suspect op times flagged, never trusted."""

from __future__ import annotations

from datetime import timedelta

import httpx

from counter_devkit.server import ServerProcess

YEARS = timedelta(days=3 * 365)


def test_ops_made_while_the_clock_was_years_behind_are_flagged(
    server: ServerProcess, client: httpx.Client
) -> None:
    device = server.device()
    device.push(client, [device.create_op()])  # clock still right: attests server time
    device.clock_offset = -YEARS
    made_wrong = [device.create_op(), device.create_op()]
    # A push from that clock is refused (test_replay.py); once the clock is fixed the ops go
    # up, kept but flagged.
    assert device.post_body(client, device.batch(made_wrong)[1]).status_code == 409
    skew = server.scalar("SELECT last_skew_s FROM devices WHERE id = :d", d=device.device_id)
    assert -YEARS.total_seconds() - 120 < skew < -YEARS.total_seconds() + 120
    stats = server.cli("stats").stdout
    line = next(ln for ln in stats.splitlines() if ln.startswith(device.unit_code))
    assert "−1095 ngày" in line
    device.clock_offset = timedelta(0)
    receipt = device.push(client, made_wrong)
    assert [r.clock for r in receipt.results] == ["behind", "behind"]
    assert [r.result for r in receipt.results] == ["applied", "applied"]  # recorded, kept
    flags = server.rows(
        "SELECT device_seq, clock_flag FROM ops WHERE device_id = :d ORDER BY device_seq",
        d=device.device_id,
    )
    assert flags == [(1, None), (2, "behind"), (3, "behind")]


def test_ops_made_while_the_clock_was_far_ahead_are_flagged_at_once(
    server: ServerProcess, client: httpx.Client
) -> None:
    device = server.device()
    device.clock_offset = 2 * YEARS
    made_ahead = [device.create_op()]
    device.clock_offset = timedelta(0)
    receipt = device.push(client, made_ahead)
    assert receipt.results[0].clock == "ahead"
    assert (
        server.scalar("SELECT clock_flag_count FROM devices WHERE id = :d", d=device.device_id) == 1
    )


def test_a_backlog_created_before_the_last_sync_is_not_flagged(
    server: ServerProcess, client: httpx.Client
) -> None:
    device = server.device()
    backlog = [device.create_op() for _ in range(6)]
    device.push(client, backlog[:3])  # head_seq = 6: ops up to 6 predate this sync
    receipt = device.push(client, backlog[3:])
    assert [r.clock for r in receipt.results] == [None, None, None]


def test_a_normal_clock_is_not_flagged(server: ServerProcess, client: httpx.Client) -> None:
    device = server.device()
    device.clock_offset = timedelta(minutes=-3)
    for _ in range(2):
        receipt = device.push(client, [device.create_op()])
        assert receipt.results[0].clock is None
