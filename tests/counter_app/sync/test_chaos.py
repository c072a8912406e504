"""Kill -9 at every labelled point of a sync, 50 randomised runs; after each, a clean sync
leaves every committed dossier at the server exactly once and nothing pending (see chaos.py)."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from counter_app.sync.service import SyncOptions
from counter_devkit.chaos import POINTS, ChaosState, chaos_run
from counter_devkit.counter_pc import CounterPC, make_counter_dir, sync_unit
from counter_devkit.server import ServerProcess

RUNS = int(os.environ.get("COUNTER_CHAOS_RUNS", "50"))


@pytest.mark.slow
def test_kill_at_labelled_points_never_loses_or_doubles(
    sqlite_server: ServerProcess, store_template: Path, tmp_path: Path
) -> None:
    unit = sync_unit()
    pc = CounterPC(
        make_counter_dir(store_template, tmp_path / "pc", unit),
        unit,
        options=SyncOptions(batch_ops=3, pull_limit=2),
    )
    pc.enrol(sqlite_server)
    rng = random.Random(20261126)
    state = ChaosState()
    try:
        for _ in range(RUNS):
            chaos_run(sqlite_server, pc, state, rng)
    finally:
        pc.close()
    assert state.runs == RUNS
    assert set(state.kills) == set(POINTS), state.kills  # every point was really hit
    assert sum(state.kills.values()) >= RUNS // 2
    walked = {r[0] for r in pc.sql("SELECT DISTINCT kind FROM dossier_events")}
    assert {"forwarded", "agency_received", "result_received", "returned"} <= walked, walked
    assert {"supplement_asked", "supplement_received"} <= walked, walked
