"""`counter-app enrol` and `counter-app sync` as real processes (what district IT schedules)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from counter_app.sync.crash import AFTER_RECEIPT_STORED, AFTER_SERVER_COMMIT
from counter_app.sync.lock import SyncLock
from counter_devkit.counter_pc import CounterPC, assert_converged
from counter_devkit.faults import FAULT_ENV
from counter_devkit.programs import program
from counter_devkit.server import ROOT, ServerProcess


def app(
    data_dir: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(program("counter-app")), "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
        check=False,
    )


def app_killed_at(fault: str, data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`counter-app` through the development kit's wrapper, which kills it at `fault`."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "counter_devkit.app_with_faults",
            "--data-dir",
            str(data_dir),
            *args,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, FAULT_ENV: fault},
        check=False,
    )


def test_enrol_then_sync_from_the_command_line(sqlite_server: ServerProcess, pc: CounterPC) -> None:
    pc.receive(3)
    not_yet = app(pc.data_dir, "sync")
    assert not_yet.returncode == 1
    assert not_yet.stderr.startswith("Lỗi: Máy này chưa đăng ký")
    assert not_yet.stderr.count("\n") == 1
    enrol = app(
        pc.data_dir,
        "enrol",
        "--server",
        sqlite_server.base_url,
        "--code",
        sqlite_server.enrol_code(pc.unit),
    )
    assert enrol.returncode == 0, enrol.stderr
    assert "Đã đăng ký máy với máy chủ" in enrol.stdout and "3 hồ sơ lưu trước đó" in enrol.stdout
    done = app(pc.data_dir, "sync")
    assert done.returncode == 0, done.stderr
    assert "Gửi: 3 thao tác trong 1 lô" in done.stdout and "máy chủ xác nhận 3" in done.stdout
    assert "Tình trạng: Đã gửi hết" in done.stdout
    assert_converged(sqlite_server, pc)
    again = app(pc.data_dir, "enrol", "--server", sqlite_server.base_url, "--code", "X")
    assert again.returncode == 2 and "đã đăng ký" in again.stderr


def test_sync_failures_exit_non_zero_with_one_line(
    sqlite_server: ServerProcess, pc: CounterPC, dead_port: int
) -> None:
    pc.enrol(sqlite_server)
    pc.receive(1)
    dead = app(pc.data_dir, "sync", "--server", f"http://127.0.0.1:{dead_port}")
    assert dead.returncode == 1
    assert dead.stderr.startswith("Lỗi: Không kết nối được máy chủ tỉnh (không mở được kết nối")
    assert "Error" not in dead.stderr  # words, not the network library's class names
    assert dead.stderr.count("\n") == 1 and "Tình trạng: 1 hồ sơ chờ gửi" in dead.stdout
    with SyncLock(pc.data_dir).hold():  # this test process is syncing: the CLI must not
        busy = app(pc.data_dir, "sync", "--wait", "0.3")
    assert busy.returncode == 3 and "đang chạy" in busy.stderr
    assert app(pc.data_dir, "sync").returncode == 0
    assert_converged(sqlite_server, pc)


def test_a_sync_process_killed_after_the_server_commit(
    sqlite_server: ServerProcess, pc: CounterPC
) -> None:
    pc.enrol(sqlite_server)
    pc.receive(4)
    killed = app_killed_at(f"{AFTER_SERVER_COMMIT}:1", pc.data_dir, "sync")
    assert killed.returncode == -9
    assert (
        sqlite_server.scalar("SELECT count(*) FROM dossiers WHERE unit_code = :u", u=pc.unit) == 4
    )
    assert pc.states() == {"queued": 4}  # the counter never saw the receipt
    # The shipped program never reads the fault variable: this sync runs to its end.
    clean = app(pc.data_dir, "sync", env={FAULT_ENV: f"{AFTER_SERVER_COMMIT}:1"})
    assert clean.returncode == 0 and "trùng (đã có) 4" in clean.stdout
    assert_converged(sqlite_server, pc)


def test_enrolling_a_revoked_pc_again_says_it_has_a_new_identity(
    sqlite_server: ServerProcess, pc: CounterPC
) -> None:
    pc.enrol(sqlite_server)
    pc.receive(1)
    assert app(pc.data_dir, "sync").returncode == 0
    old_id = pc.sync.enrolment().device_id
    sqlite_server.cli("revoke", str(old_id))
    pc.receive(2)
    again = app(
        pc.data_dir,
        "enrol",
        "--server",
        sqlite_server.base_url,
        "--code",
        sqlite_server.enrol_code(pc.unit),
    )
    assert again.returncode == 0, again.stderr
    assert f"Máy số {old_id} đã bị thu hồi nên máy này nhận danh tính mới" in again.stdout
    assert "2 hồ sơ lưu trước đó" in again.stdout
    assert app(pc.data_dir, "sync").returncode == 0
    assert set(pc.states()) == {"acked"}
    assert (
        sqlite_server.scalar("SELECT count(*) FROM dossiers WHERE unit_code = :u", u=pc.unit) == 3
    )


def test_a_code_for_another_unit_is_refused_before_it_is_used(
    sqlite_server: ServerProcess, pc: CounterPC
) -> None:
    from counter_devkit.counter_pc import sync_unit

    other_unit = sync_unit()
    wrong_code = sqlite_server.enrol_code(other_unit)
    wrong = app(pc.data_dir, "enrol", "--server", sqlite_server.base_url, "--code", wrong_code)
    assert wrong.returncode != 0
    assert f"dành cho đơn vị {other_unit}" in wrong.stderr and "Mã chưa bị dùng" in wrong.stderr
    assert (
        sqlite_server.scalar("SELECT count(*) FROM devices WHERE unit_code = :u", u=other_unit) == 0
    )
    right = app(
        pc.data_dir,
        "enrol",
        "--server",
        sqlite_server.base_url,
        "--code",
        sqlite_server.enrol_code(pc.unit),
    )
    assert right.returncode == 0, right.stderr
    assert (
        sqlite_server.scalar(
            "SELECT used_at IS NULL FROM enrol_codes WHERE unit_code = :u", u=other_unit
        )
        == 1
    )


def test_ctrl_c_stops_the_sync_between_batches_and_the_next_one_finishes(
    sqlite_server: ServerProcess, pc: CounterPC
) -> None:
    pc.enrol(sqlite_server)
    pc.receive(4)
    stopped = app_killed_at(f"{AFTER_RECEIPT_STORED}:1:ctrl-c", pc.data_dir, "sync")
    assert stopped.returncode == 130, stopped.stderr
    assert stopped.stderr == "Đang dừng sau lô đang gửi… (Ctrl+C lần nữa để thoát ngay)\n"
    assert "Đã dừng theo yêu cầu sau khi gửi 4/4 thao tác" in stopped.stdout
    assert "Nhận từ tỉnh: 0 thay đổi" in stopped.stdout  # the pull never began
    assert pc.states() == {"acked": 4}  # the batch on its way kept its receipt
    assert "Đã dừng theo yêu cầu" in pc.sql("SELECT message FROM sync_log")[-1][0]
    again = app(pc.data_dir, "sync")
    assert again.returncode == 0, again.stderr
    assert "Gửi: 0 thao tác" in again.stdout and "Đã dừng" not in again.stdout
    assert_converged(sqlite_server, pc)
