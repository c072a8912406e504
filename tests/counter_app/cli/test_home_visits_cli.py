"""`counter-app visits …` and `counter-app online-help …` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.counter_app.cli.test_cli import run

BOOK = (
    "visits",
    "book",
    "--clerk",
    "canbo",
    "--name",
    "Trần Văn An",
    "--phone",
    "0912345678",
    "--address",
    "Xóm 2, xã Thạch Hà",
    "--procedure",
    "2.000815",
)


def test_book_list_and_record_an_outcome(data_dir: Path) -> None:
    booked = run(*BOOK, "--start", "2026-12-07 08:00", "--end", "09:00", data_dir=data_dir)
    assert booked.returncode == 0, booked.stderr
    assert "Đã đặt lịch hẹn số 1." in booked.stdout
    clash = run(*BOOK, "--start", "2026-12-07 08:30", "--end", "09:30", data_dir=data_dir)
    assert clash.returncode == 2
    assert clash.stdout == ""
    assert clash.stderr.count("\n") == 1 and "trùng giờ" in clash.stderr
    run(*BOOK, "--start", "2026-12-09 14:00", "--end", "15:00", data_dir=data_dir)
    week = run("visits", "list", "--day", "2026-12-10", "--week", data_dir=data_dir)
    assert [line.split("\t")[:3] for line in week.stdout.splitlines()] == [
        ["1", "07/12/2026 08:00–09:00", "Nguyễn Thị Hồng Nhung"],
        ["2", "09/12/2026 14:00–15:00", "Nguyễn Thị Hồng Nhung"],
    ]
    iso = run("visits", "list", "--day", "2026-12-10", "--week", "--iso", data_dir=data_dir)
    assert [line.split("\t")[:3] for line in iso.stdout.splitlines()] == [
        ["1", "2026-12-07 08:00–09:00", "Nguyễn Thị Hồng Nhung"],
        ["2", "2026-12-09 14:00–15:00", "Nguyễn Thị Hồng Nhung"],
    ]
    moved = run(
        "visits",
        "move",
        "2",
        "--start",
        "2026-12-09 15:00",
        "--end",
        "16:00",
        "--by",
        "canbo",
        data_dir=data_dir,
    )
    assert moved.returncode == 0, moved.stderr
    assert "sang lịch hẹn số 3" in moved.stdout
    done = run("visits", "outcome", "1", "--absent", "--by", "canbo", data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    day = run("visits", "list", "--day", "2026-12-07", data_dir=data_dir)
    assert "Người dân vắng nhà" in day.stdout.splitlines()[0]
    empty = run("visits", "list", "--day", "2026-12-08", data_dir=data_dir)
    assert (empty.returncode, empty.stdout) == (1, "")


def test_a_slot_outside_the_sessions_and_a_bad_time_are_one_line(data_dir: Path) -> None:
    lunch = run(*BOOK, "--start", "2026-12-07 11:00", "--end", "12:00", data_dir=data_dir)
    assert lunch.returncode == 2 and "buổi làm việc" in lunch.stderr
    typo = run(*BOOK, "--start", "07/12/2026 8h", "--end", "09:00", data_dir=data_dir)
    assert typo.returncode == 2 and "YYYY-MM-DD HH:MM" in typo.stderr
    assert typo.stderr.startswith("Lỗi:")


def test_online_help_add_list_and_duplicate(data_dir: Path) -> None:
    add = (
        "online-help",
        "add",
        "--portal-code",
        "G22.99-261207-0001",
        "--procedure",
        "1.001612",
        "--name",
        "Lê Thị Cúc",
        "--clerk",
        "canbo",
        "--at",
        "2026-12-07 23:30",
    )
    first = run(*add, "--kind", "full", data_dir=data_dir)
    assert first.returncode == 0, first.stderr
    again = run(*add, "--kind", "partial", data_dir=data_dir)
    assert again.returncode == 2 and "đã được ghi nhận" in again.stderr
    listed = run("online-help", "list", "--day", "2026-12-07", data_dir=data_dir)
    assert listed.returncode == 0, listed.stderr
    fields = listed.stdout.strip().split("\t")
    assert (fields[2], fields[3], fields[7]) == (
        "G22.99-261207-0001",
        "Toàn trình",
        "Nguyễn Thị Hồng Nhung",
    )
    assert fields[1] == "07/12/2026 23:30"  # Vietnam time, whatever the machine's zone
    iso = run("online-help", "list", "--day", "2026-12-07", "--iso", data_dir=data_dir)
    assert iso.stdout.split("\t")[1] == "2026-12-07 23:30"
    bad_kind = run(*add, "--kind", "half", data_dir=data_dir)
    assert bad_kind.returncode == 2 and "half" in bad_kind.stderr
