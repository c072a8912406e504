"""How `counter-app` fails, run as a subprocess the way support staff run it: a damaged, locked,
read-only or full store, and a bug, each end with ONE line on stderr and the documented exit
code."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from counter_devkit.intake import overwrite_table_pages

APP = Path(sys.executable).parent / "counter-app"

EXIT_REFUSED, EXIT_NOT_NOW, EXIT_STORE = 2, 3, 4
EXIT_BUG, EXIT_INTERRUPTED = 70, 130


def app(
    data_dir: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(APP), "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
        check=False,
    )


def app_with(
    setup: str, data_dir: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`counter-app` in a child whose `setup` code ran first (a planted bug, a tiny disk…)."""
    code = textwrap.dedent(setup) + (
        "\nimport sys\nfrom counter_app.__main__ import main\nsys.exit(main(sys.argv[1:]))\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code, "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
        check=False,
    )


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def new_store(data_dir: Path) -> Path:
    made = app(data_dir, "calendar", "show", "2026")
    assert made.returncode == 0, made.stderr
    return data_dir / "counter.sqlite3"


def test_find_on_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    tmp_path.joinpath("counter.sqlite3").write_bytes(os.urandom(3) + b"not sqlite" * 800)
    result = app(tmp_path, "find", "Nguyễn")
    line = one_error_line(result)
    assert result.returncode == EXIT_STORE
    assert line.startswith("Lỗi: Tệp dữ liệu") and "bị hỏng" in line and "sao lưu" in line


def test_find_on_a_store_whose_pages_were_overwritten(tmp_path: Path) -> None:
    demo = app(tmp_path, "demo", "--dossiers", "30")
    assert demo.returncode == 0, demo.stderr
    # The schema and the migration stamp stay readable: the store opens, the search fails.
    overwrite_table_pages(tmp_path / "counter.sqlite3", ("dossiers", "applicants"))
    result = app(tmp_path, "find", "Nguyễn")
    assert result.returncode == EXIT_STORE
    assert "bị hỏng" in one_error_line(result)


def test_find_while_another_process_holds_the_store_locked(tmp_path: Path) -> None:
    db = new_store(tmp_path)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
        import sqlite3, sys, time
        conn = sqlite3.connect({str(db)!r}, isolation_level=None)
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("CREATE TABLE held_by_test (x)")
        print("held", flush=True)
        sys.stdin.read()
        """),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        result = app(tmp_path, "find", "Nguyễn")
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == EXIT_NOT_NOW
    assert "chương trình khác giữ khoá" in one_error_line(result)
    assert app(tmp_path, "find", "Nguyễn").returncode == 1  # free again: nothing found, no error


def _make_read_only(folder: Path) -> bool:
    """Really stop writes into `folder`: chmod for a normal user; root ignores modes, so the
    immutable attribute (needs CAP_LINUX_IMMUTABLE, which a container may not grant)."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        return True
    done = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, check=False)
    return done.returncode == 0


def _make_writable(folder: Path) -> None:
    if os.geteuid() != 0:
        folder.chmod(0o755)
    else:
        subprocess.run(["chattr", "-i", str(folder)], capture_output=True, check=False)


READ_ONLY_SQLITE = """
    import sqlite3, sqlite3.dbapi2
    _connect = sqlite3.dbapi2.connect
    def _read_only(database, *args, **kwargs):
        kwargs["uri"] = True
        return _connect(f"file:{database}?mode=ro", *args, **kwargs)
    sqlite3.connect = sqlite3.dbapi2.connect = _read_only
"""


def test_a_read_only_folder(tmp_path: Path) -> None:
    store = tmp_path / "store"
    new_store(store)
    if _make_read_only(store):
        try:
            result = app(store, "find", "Nguyễn")
        finally:
            _make_writable(store)
    else:  # no way to stop root writing here: SQLite opens the same store read-only instead
        result = app_with(READ_ONLY_SQLITE, store, "config", "set", "slip.page_size", "A5")
    assert result.returncode == EXIT_STORE
    assert "chỉ cho đọc" in one_error_line(result)


def test_a_write_to_a_store_opened_read_only(tmp_path: Path) -> None:
    new_store(tmp_path)
    result = app_with(READ_ONLY_SQLITE, tmp_path, "config", "set", "slip.page_size", "A5")
    assert result.returncode == EXIT_STORE
    line = one_error_line(result)
    assert "Không ghi được vào kho dữ liệu" in line and "chỉ cho đọc" in line
    assert "slip.page_size = A4" in app(tmp_path, "config", "list").stdout


def test_a_full_disk_while_writing(tmp_path: Path) -> None:
    new_store(tmp_path)
    tiny_disk = """
        from sqlalchemy import event
        from sqlalchemy.engine import Engine

        @event.listens_for(Engine, "connect")
        def _no_room_to_grow(conn, _record):
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
            conn.execute(f"PRAGMA max_page_count = {pages}")
    """
    result = app_with(tiny_disk, tmp_path, "demo", "--dossiers", "300")
    assert result.returncode == EXIT_STORE
    assert "đã đầy" in one_error_line(result)


def test_a_data_folder_that_cannot_be_created(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("x")
    result = app(tmp_path / "a-file" / "store", "find", "Nguyễn")
    assert result.returncode == EXIT_STORE
    assert "Không tạo được thư mục dữ liệu" in one_error_line(result)


PLANTED_BUG = """
    from counter_app.services.search import SearchService

    def _broken(self, query, limit=50):
        return 1 / 0

    SearchService.find = _broken
"""


def test_a_bug_is_one_line_and_its_traceback_goes_to_the_log(tmp_path: Path) -> None:
    result = app_with(PLANTED_BUG, tmp_path, "find", "Nguyễn")
    assert result.returncode == EXIT_BUG
    line = one_error_line(result)
    log = tmp_path / "logs" / "counter-app-errors.log"
    assert line.startswith("Lỗi không mong muốn (ZeroDivisionError")
    assert line.endswith(f"Chi tiết đã ghi vào {log}")
    text = log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text and "in _broken" in text
    assert "counter_app/cli/dossiers.py" in text  # the frames of the command itself
    assert "'find', 'Nguyễn'" in text


def test_the_log_goes_to_the_temporary_folder_when_the_data_folder_refuses_it(
    tmp_path: Path,
) -> None:
    store, temp = tmp_path / "store", tmp_path / "temp"
    new_store(store)
    (store / "logs").write_text("a file where the log folder should be")
    temp.mkdir()
    result = app_with(PLANTED_BUG, store, "find", "Nguyễn", env={"TMPDIR": str(temp)})
    assert result.returncode == EXIT_BUG
    log = temp / "counter_app" / "logs" / "counter-app-errors.log"
    assert one_error_line(result).endswith(f"Chi tiết đã ghi vào {log}")
    assert "ZeroDivisionError" in log.read_text(encoding="utf-8")


def test_ctrl_c_exits_130(tmp_path: Path) -> None:
    interrupted = """
        from counter_app.services.search import SearchService

        def _interrupted(self, query, limit=50):
            raise KeyboardInterrupt

        SearchService.find = _interrupted
    """
    result = app_with(interrupted, tmp_path, "find", "Nguyễn")
    assert result.returncode == EXIT_INTERRUPTED
    assert "Traceback" not in result.stderr


def test_a_reader_that_leaves_early_is_no_error(tmp_path: Path) -> None:
    many_rows = """
        from types import SimpleNamespace
        from datetime import datetime, timezone
        from counter_app.services.search import SearchService

        _at = datetime(2026, 11, 26, 2, 0, tzinfo=timezone.utc)
        _row = SimpleNamespace(code="000.00.00.H27-261126-0001", applicant_name="Đặng Văn Đức",
                               id_number=None, phone=None, procedure_code="2.000815", status=1,
                               received_at=_at, due_at=_at)
        SearchService.find = lambda self, query, limit=50: [_row] * 20_000
        SearchService.count_after = lambda self, query, after, cap: 0
    """
    code = textwrap.dedent(many_rows) + (
        "\nimport sys\nfrom counter_app.__main__ import main\nsys.exit(main(sys.argv[1:]))\n"
    )
    reader = subprocess.Popen(
        [sys.executable, "-c", code, "--data-dir", str(tmp_path), "find", "Đức"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert reader.stdout is not None and reader.stderr is not None
    assert reader.stdout.readline().startswith("000.00.00.H27-261126-0001\t")
    reader.stdout.close()  # `| head -1`
    assert reader.wait(timeout=120) == 0
    assert reader.stderr.read() == ""


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("demo",), "thiếu tham số bắt buộc: --dossiers"),
        (("demo", "--dossiers", "nhiều"), "không phải là số"),
        (("print", "X", "--form", "09", "--out", "x.pdf"), "“09” không phải số mẫu 01–06"),
    ],
)
def test_a_wrong_command_line_is_one_vietnamese_line(
    tmp_path: Path, args: tuple[str, ...], fragment: str
) -> None:
    result = app(tmp_path, *args)
    assert result.returncode == EXIT_REFUSED
    line = one_error_line(result)
    assert line.startswith("Lỗi: ") and fragment in line and "--help" in line
