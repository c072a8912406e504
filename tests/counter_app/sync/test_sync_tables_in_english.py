"""The sync window's tables read English on an English counter: an op's state and what to do
about it, how a run was started and how it ended; on a Vietnamese counter, and in the rows the
views give, the very same Vietnamese as before (decision 0034)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re
from pathlib import Path

import pytest

from counter_app.domain.vntime import now_vn
from counter_app.sync.views import STATE_ADVICE, RunRow
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
    assert ran[-1].startswith(f"Operation #{problems['damaged'].device_seq} of dossier ")
    assert not VIETNAMESE.search(ran[-1])


def test_an_ops_reason_reads_english_and_stays_vietnamese_in_the_outbox(
    qapp, sqlite_server: ServerProcess, pc: CounterPC, translations: tuple[Path, Path]
) -> None:
    """The reason column: the counter's own notes (a damaged op, one blocked behind it) follow
    the clerk's language; `outbox.last_error` keeps the Vietnamese, read as written."""
    _damaged_run(sqlite_server, pc)
    problems = {p.state: p for p in pc.sync.problems()}
    stored = dict(pc.sql("SELECT state, last_error FROM outbox WHERE state != 'acked'"))
    damaged, blocked = problems["damaged"], problems["blocked"]
    assert stored == {"damaged": damaged.reason, "blocked": blocked.reason}
    assert damaged.reason.startswith(f"Thao tác #{damaged.device_seq} của hồ sơ ")
    assert blocked.reason.startswith(f"Không gửi: thao tác #{damaged.device_seq} trước đó")
    assert [problem_cells(damaged)[3], problem_cells(blocked)[3]] == [
        damaged.reason,
        blocked.reason,
    ]  # a Vietnamese counter: word for word

    with installed(translations[0]), installed(translations[1]):
        english = [problem_cells(damaged)[3], problem_cells(blocked)[3]]
    assert english[0].startswith(
        f"Operation #{damaged.device_seq} of dossier {damaged.dossier_code}"
    )
    assert f"#{damaged.device_seq}" in english[1] and damaged.dossier_code in english[1]
    assert not VIETNAMESE.search(" ".join(english))


def test_a_reason_written_before_it_was_kept_marked_is_looked_up_as_written(
    qapp, sqlite_server: ServerProcess, pc: CounterPC, translations: tuple[Path, Path]
) -> None:
    """An op marked before store revision 0018 has no marked reason: a reason without values
    still reads English, one with values shows as written."""
    from counter_app.sync.ledger import REQUEUE_NOTE

    _damaged_run(sqlite_server, pc)
    pc.sql_write("UPDATE outbox SET last_error_marked = NULL")
    pc.sql_write("UPDATE outbox SET last_error = ? WHERE state = 'blocked'", REQUEUE_NOTE)
    problems = {p.state: p for p in pc.sync.problems()}
    with installed(translations[0]), installed(translations[1]):
        assert problem_cells(problems["blocked"])[3].startswith("Sent again for the provincial")
        assert problem_cells(problems["damaged"])[3] == problems["damaged"].reason


def test_a_runs_note_and_failure_read_english_and_stay_vietnamese_in_the_log(
    qapp, sqlite_server: ServerProcess, pc: CounterPC, translations: tuple[Path, Path]
) -> None:
    _damaged_run(sqlite_server, pc)
    pc.sql_write("UPDATE devices SET server_url = 'http://127.0.0.1:9' WHERE is_self = 1")
    failed = pc.sync.sync_once()  # nobody listens there: the run fails offline
    assert failed.error is not None
    stored = [message for (message,) in pc.sql("SELECT message FROM sync_log ORDER BY id")]
    assert stored[0].startswith("Thao tác #")  # the record: the Vietnamese, as before
    assert stored[1] == failed.error.one_line()
    latest, first = pc.sync.recent_runs()
    assert [run_cells(first)[-1], run_cells(latest)[-1]] == stored  # a Vietnamese counter

    with installed(translations[0]), installed(translations[1]):
        english = run_cells(latest)
    assert english[2] == "Error"
    assert english[-1].startswith("Cannot reach the provincial server (could not connect: ")
    assert english[-1].endswith("Dossiers stay safely stored on this PC.")
    assert not VIETNAMESE.search(english[-1])


def test_a_run_written_before_its_note_was_kept_shows_as_written(qapp, translations) -> None:
    old = RunRow(now_vn(), now_vn(), "lệnh", False, 0, 0, 0, 0, 0, 0, 0, "Lỗi máy chủ: 500.")
    with installed(translations[0]), installed(translations[1]):
        assert run_cells(old)[1] == "command"
        assert run_cells(old)[-1] == "Lỗi máy chủ: 500."


def test_a_servers_reason_reads_english_when_both_sides_know_it(
    qapp, sqlite_server: ServerProcess, store_template: Path, tmp_path: Path, translations
) -> None:
    """A PC restored from an old backup reuses an op number: the server's conflict reason comes
    with its template and values (counter_protocol.op_reasons) and reads English; the outbox
    keeps the server's Vietnamese and its machine code, word for word."""
    import shutil

    from counter_devkit.counter_pc import make_counter_dir, sync_unit

    unit = sync_unit()
    folder = make_counter_dir(store_template, tmp_path / "pc", unit)
    pc = CounterPC(folder, unit)
    pc.enrol(sqlite_server)
    pc.receive(1)
    pc.close()
    shutil.copytree(folder, tmp_path / "backup")
    pc = CounterPC(folder, unit)
    pc.receive(1)
    assert pc.sync.sync_once().error is None
    pc.close()
    shutil.rmtree(folder)
    shutil.copytree(tmp_path / "backup", folder)  # restored from the old backup
    pc = CounterPC(folder, unit)
    try:
        pc.receive(1)  # reuses the op number the server has from the other dossier
        report = pc.sync.sync_once()
        assert report.conflicts == 1, report.error
        [problem] = [p for p in pc.sync.problems() if p.state == "conflict"]
        [(stored,)] = pc.sql("SELECT last_error FROM outbox WHERE state = 'conflict'")
        assert problem.reason == stored
        assert stored.startswith("Số thứ tự thao tác #") and stored.endswith("[seq_reused]")
        assert problem_cells(problem)[3] == stored  # a Vietnamese counter
        with installed(translations[0]), installed(translations[1]):
            english = problem_cells(problem)[3]
        assert english.startswith("Operation number #") and english.endswith("[seq_reused]")
        assert not VIETNAMESE.search(english)
    finally:
        pc.close()
