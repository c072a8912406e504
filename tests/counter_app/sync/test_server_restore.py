"""docs/sync.md#s14: the provincial server restored from a backup (its database an hour back).

The counter must not skip the changes published after the restore (their seqs are below its
cursor), must not delete anything of its own, and must give the server back every op it had
acknowledged and then lost, so that both sides end identical.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from counter_app.domain.vntime import now_vn
from counter_devkit.counter_pc import CounterPC, assert_converged, server_dossiers
from counter_devkit.server import ServerProcess
from counter_protocol.statuses import Status
from tests.counter_app.sync.helpers import with_events
from tests.counter_app.sync.test_flow import s10_numbers


class Backup:
    """One copy of the server's database, taken and put back with the server stopped."""

    def __init__(self, server: ServerProcess, folder: Path) -> None:
        self.server, self.folder = server, folder
        self.url = make_url(server.db_url)
        self.copy_name = f"{self.url.database}_backup"

    def take(self) -> None:
        self._stopped(self._copy_out)

    def restore(self) -> None:
        self._stopped(self._copy_back)

    def drop(self) -> None:
        if self.url.get_backend_name() == "postgresql":
            self._admin(f'DROP DATABASE IF EXISTS "{self.copy_name}" WITH (FORCE)')

    def _stopped(self, action: object) -> None:
        self.server.stop()
        if self.server._engine is not None:  # no open connection may block the copy
            self.server._engine.dispose()
        action()  # type: ignore[operator]
        self.server.start()

    def _files(self) -> list[Path]:
        main = Path(str(self.url.database))
        return [main, main.with_name(main.name + "-wal"), main.with_name(main.name + "-shm")]

    def _copy_out(self) -> None:
        if self.url.get_backend_name() == "postgresql":
            self._admin(f'CREATE DATABASE "{self.copy_name}" TEMPLATE "{self.url.database}"')
            return
        for path in self._files():
            if path.exists():
                shutil.copy2(path, self.folder / path.name)

    def _copy_back(self) -> None:
        if self.url.get_backend_name() == "postgresql":
            self._admin(f'DROP DATABASE "{self.url.database}" WITH (FORCE)')
            self._admin(f'CREATE DATABASE "{self.url.database}" TEMPLATE "{self.copy_name}"')
            return
        for path in self._files():
            path.unlink(missing_ok=True)
            if (self.folder / path.name).exists():
                shutil.copy2(self.folder / path.name, path)

    def _admin(self, sql: str) -> None:
        admin = create_engine(self.url.set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(sql))
        admin.dispose()


@pytest.fixture
def backup(fresh_server: ServerProcess, tmp_path: Path) -> Iterator[Backup]:
    folder = tmp_path / "backup"
    folder.mkdir()
    made = Backup(fresh_server, folder)
    yield made
    made.drop()


def _done_ops(pc: CounterPC) -> int:
    return int(
        pc.sql("SELECT count(*) FROM outbox WHERE state IN ('acked', 'duplicate_acked')")[0][0]
    )


def test_changes_after_a_restore_are_not_skipped_and_lost_ops_are_sent_again(
    fresh_server: ServerProcess, backup: Backup, pc: CounterPC, tmp_path: Path
) -> None:
    server = fresh_server
    pc.enrol(server)
    first = with_events(pc, 6)
    assert pc.sync.sync_once().error is None
    server.cli("dossier", "status", first[1], "4")
    assert pc.sync.sync_once().pull_applied == 1
    backup.take()

    with_events(pc, 4)  # new dossiers the restore will lose…
    pc.move(first[3], Status.PROCESSING)  # …and an event on a dossier it keeps
    assert pc.sync.sync_once().error is None
    numbers = s10_numbers(3)
    (tmp_path / "pool.txt").write_text("\n".join(numbers), "utf-8")
    server.cli("publish", "tracking-pool", "--unit", pc.unit, str(tmp_path / "pool.txt"))
    (tmp_path / "cal.csv").write_text("date,kind,name\n2031-05-06,holiday,Nghỉ thử\n", "utf-8")
    server.cli("publish", "calendar", str(tmp_path / "cal.csv"))
    assert pc.sync.sync_once().pull_applied == 2
    cursor_before = pc.sql("SELECT pull_cursor FROM sync_state")[0][0]
    acked_before = _done_ops(pc)

    backup.restore()
    assert len(server_dossiers(server, pc.unit)) == 6
    server.cli("dossier", "status", first[5], "4")  # published after the restore…
    new_seq = server.scalar("SELECT max(seq) FROM changes")
    assert new_seq < cursor_before  # …under a seq the counter has already passed

    report = pc.sync.sync_once()
    assert report.error is None, report.error
    assert report.feed_reset and report.requeued == acked_before
    assert pc.status_of(first[5]) == Status.PROCESSING  # the new change was not skipped
    assert_converged(server, pc)  # every dossier once, every op acknowledged, same statuses
    assert len(server_dossiers(server, pc.unit)) == 10
    assert pc.sql("SELECT feed_resets, pull_cursor FROM sync_state") == [(1, new_seq)]
    # Nothing here was deleted: the pool and the calendar the server lost stay on the counter.
    assert sorted(r[0] for r in pc.sql("SELECT number FROM tracking_pool")) == sorted(numbers)
    assert pc.sql("SELECT kind FROM calendar_overrides WHERE day = '2031-05-06'") == [("holiday",)]
    summary = "\n".join(report.summary_lines(now_vn()))
    assert "khôi phục từ bản sao lưu" in summary and "nhận lại các thay đổi" in summary
    assert "khôi phục" in pc.sync.recent_runs(1)[0].message  # type: ignore[operator]
    assert "khôi phục" in pc.sql("SELECT last_reset_note FROM sync_state")[0][0]

    calm = pc.sync.sync_once()
    assert calm.error is None and not calm.feed_reset
    assert (calm.requeued, calm.sent, calm.pulled, calm.notices) == (0, 0, 0, [])


def test_a_restore_with_no_change_published_since_is_found_by_the_probes(
    fresh_server: ServerProcess, backup: Backup, pc: CounterPC
) -> None:
    server = fresh_server
    pc.enrol(server)
    first = with_events(pc, 5)
    assert pc.sync.sync_once().error is None
    server.cli("dossier", "status", first[1], "4")
    assert pc.sync.sync_once().pull_applied == 1
    backup.take()
    with_events(pc, 3)
    assert pc.sync.sync_once().error is None
    acked_before = _done_ops(pc)
    cursor_before = pc.sql("SELECT pull_cursor, pull_cursor_id FROM sync_state")

    backup.restore()  # the cursor's change is still there: only the probes can tell
    report = pc.sync.sync_once()
    assert report.error is None, report.error
    assert not report.feed_reset and report.requeued == acked_before
    assert report.duplicates > 0 and report.acked > 0  # kept ones answered, lost ones applied
    assert_converged(server, pc)
    assert len(server_dossiers(server, pc.unit)) == 8
    assert pc.sql("SELECT pull_cursor, pull_cursor_id FROM sync_state") == cursor_before
    assert "không còn" in "\n".join(report.summary_lines(now_vn()))
    calm = pc.sync.sync_once()
    assert (calm.requeued, calm.sent, calm.notices) == (0, 0, [])
