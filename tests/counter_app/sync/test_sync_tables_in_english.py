"""The sync window's tables read English on an English counter: an op's state and what to do
about it, how a run was started and how it ended; on a Vietnamese counter, and in the rows the
views give, the very same Vietnamese as before (decision 0034)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re
from pathlib import Path

import pytest

from counter_app.sync.views import STATE_ADVICE
from counter_app.ui.sync_window import problem_cells, run_cells
from counter_devkit.counter_pc import CounterPC
from counter_devkit.server import ServerProcess
from counter_protocol.statuses import Status
from tests.counter_app.sync.test_damaged_payload import flip_a_digit_of_the_cccd
from tests.counter_app.ui.translators import compile_ts, installed

VIETNAMESE = re.compile(r"[À-ỹĐđ]")


@pytest.fixture(scope="module")
def translations(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp("qm")
    return compile_ts("messages_en.ts", out), compile_ts("app_en.ts", out)


def _damaged_run(sqlite_server: ServerProcess, pc: CounterPC) -> None:
    """A run that stops a damaged op and the later op of its dossier it builds on."""
    pc.enrol(sqlite_server)
    codes = pc.receive(2)
    pc.move(codes[1], Status.PROCESSING)
    ((bad_seq,),) = pc.sql(
        "SELECT o.device_seq FROM outbox o JOIN dossiers d ON d.uuid = o.dossier_uuid "
        "WHERE d.code = ? ORDER BY o.device_seq LIMIT 1",
        codes[1],
    )
    flip_a_digit_of_the_cccd(pc.data_dir / "counter.sqlite3", bad_seq)
    pc.sync.sync_once()  # started by hand, as the window's button does


def test_the_problems_and_runs_tables_read_english_on_an_english_counter(
    qapp, sqlite_server: ServerProcess, pc: CounterPC, translations: tuple[Path, Path]
) -> None:
    _damaged_run(sqlite_server, pc)
    problems = {p.state: p for p in pc.sync.problems()}
    [run] = pc.sync.recent_runs()

    # The rows, and the tables on a Vietnamese counter: word for word as before.
    assert (problems["damaged"].state_label, problems["blocked"].state_label) == (
        "Dữ liệu hỏng",
        "Chờ thao tác hỏng",
    )
    assert problems["damaged"].advice == STATE_ADVICE["damaged"]
    assert problems["damaged"].advice.startswith("Dữ liệu của thao tác này trên máy đã bị hỏng")
    assert run.trigger == "bấm tay"
    assert problem_cells(problems["damaged"])[2:5:2] == ["Dữ liệu hỏng", STATE_ADVICE["damaged"]]
    assert run_cells(run)[1:3] == ["bấm tay", "Xong"]

    with installed(translations[0]), installed(translations[1]):
        damaged = problem_cells(problems["damaged"])
        blocked = problem_cells(problems["blocked"])
        ran = run_cells(run)
    assert damaged[2] == "Damaged data"
    assert blocked[2] == "Waiting on a damaged operation"
    assert damaged[4].startswith("This operation's data on this PC is damaged")
    assert "counter-app backup list" in damaged[4]
    assert not VIETNAMESE.search(damaged[4] + blocked[4])
    assert ran[1:3] == ["by hand", "Done"]
