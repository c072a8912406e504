"""Device clocks: skew recorded per batch and device, suspect op times flagged, never trusted."""

from __future__ import annotations

from datetime import timedelta

import httpx

from counter_devkit.server import ServerProcess

YEARS = timedelta(days=3 * 365)


def test_a_clock_years_behind_is_recorded_and_its_new_ops_flagged(
    server: ServerProcess, client: httpx.Client
) -> None:
    device = server.device()
    device.push(client, [device.create_op()])  # clock still right: attests server time
    device.clock_offset = -YEARS
    receipt = device.push(client, [device.create_op(), device.create_op()])
    assert [r.clock for r in receipt.results] == ["behind", "behind"]
    assert [r.result for r in receipt.results] == ["applied", "applied"]  # recorded, kept
    skew = server.scalar("SELECT last_skew_s FROM devices WHERE id = :d", d=device.device_id)
    assert -YEARS.total_seconds() - 120 < skew < -YEARS.total_seconds() + 120
    flags = server.rows("SELECT device_seq, clock_flag FROM ops WHERE device_id = :d "
                        "ORDER BY device_seq", d=device.device_id)
    assert flags == [(1, None), (2, "behind"), (3, "behind")]
    stats = server.cli("stats").stdout
    line = next(ln for ln in stats.splitlines() if ln.startswith(device.unit_code))
    assert "−1095 ngày" in line


def test_a_clock_far_ahead_is_flagged_at_once(server: ServerProcess, client: httpx.Client) -> None:
    device = server.device()
    device.clock_offset = 2 * YEARS
    receipt = device.push(client, [device.create_op()])
    assert receipt.results[0].clock == "ahead"
    assert server.scalar("SELECT clock_flag_count FROM devices WHERE id = :d",
                         d=device.device_id) == 1
    skew = server.scalar("SELECT skew_s FROM batches WHERE device_id = :d", d=device.device_id)
    assert skew > YEARS.total_seconds()


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
