"""`counter-app sync` on a store in trouble: one that fails its integrity check refuses in one
line and sends nothing (pushing from, and pulling into, a damaged store would spread the damage);
a read-only store, a full disk and a store locked by another program each say so in their own
words."""

from __future__ import annotations

from counter_devkit.counter_pc import CounterPC
from counter_devkit.intake import overwrite_table_pages
from counter_devkit.server import ServerProcess
from tests.counter_app.cli.test_failures import READ_ONLY_SQLITE, app_with, one_error_line
from tests.counter_app.sync.test_cli import app

EXIT_STORE = 4


def test_sync_refuses_a_damaged_store_and_the_server_receives_nothing(
    sqlite_server: ServerProcess, pc: CounterPC
) -> None:
    pc.enrol(sqlite_server)
    pc.receive(3)
    pc.close()
    overwrite_table_pages(pc.data_dir / "counter.sqlite3", ("applicants",))
    result = app(pc.data_dir, "sync")
    assert result.returncode == EXIT_STORE
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith("Lỗi: Kho dữ liệu") and "bị hỏng" in lines[0]
    assert "không có bản sao lưu tốt" in lines[0].lower()  # none taken yet: it says so
    assert (
        sqlite_server.scalar("SELECT count(*) FROM dossiers WHERE unit_code = :u", u=pc.unit) == 0
    )
    assert "Gửi:" not in result.stdout


TINY_DISK = """
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    @event.listens_for(Engine, "connect")
    def _no_room_to_grow(conn, _record):
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
"""


def test_sync_on_a_read_only_store_or_a_full_disk_says_which(
    sqlite_server: ServerProcess, pc: CounterPC
) -> None:
    pc.enrol(sqlite_server)
    pc.receive(40)
    pc.close()
    read_only = app_with(READ_ONLY_SQLITE, pc.data_dir, "sync")
    assert read_only.returncode == EXIT_STORE
    assert "chỉ cho đọc" in one_error_line(read_only)
    full = app_with(TINY_DISK, pc.data_dir, "sync")
    assert full.returncode == EXIT_STORE
    assert "đã đầy" in one_error_line(full)
    assert app(pc.data_dir, "sync").returncode == 0  # room again: everything goes
    # The full disk struck after the server took the batch: the resend is "already there".
    assert pc.states() == {"duplicate_acked": 40}
    assert (
        sqlite_server.scalar("SELECT count(*) FROM dossiers WHERE unit_code = :u", u=pc.unit) == 40
    )
