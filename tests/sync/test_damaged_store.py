"""`counter-app sync` on a store that fails its integrity check refuses in one line and sends
nothing: pushing from (and pulling into) a damaged store would spread the damage."""

from __future__ import annotations

from counter_devkit.counter_pc import CounterPC
from counter_devkit.intake import overwrite_table_pages
from counter_devkit.server import ServerProcess
from tests.sync.test_cli import app

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
    assert sqlite_server.scalar("SELECT count(*) FROM dossiers WHERE unit_code = :u",
                                u=pc.unit) == 0
    assert "Gửi:" not in result.stdout
