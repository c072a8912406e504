"""`counter-app` run as a subprocess, as support staff run it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def run(
    *args: str, data_dir: Path, stdin: str | None = None, env_extra: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TZ": "UTC", **(env_extra or {})}
    return subprocess.run(
        [sys.executable, "-m", "counter_app", "--data-dir", str(data_dir), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        input=stdin,
        env=env,
        timeout=300,
    )


def test_smoke_test_creates_and_checks_a_store(tmp_path: Path) -> None:
    result = run("--smoke-test", data_dir=tmp_path / "fresh")
    assert result.returncode == 0, result.stderr
    assert "smoke-test: ok" in result.stdout
    assert (tmp_path / "fresh" / "counter.sqlite3").exists()
    again = run("--smoke-test", data_dir=tmp_path / "fresh")
    assert again.returncode == 0, again.stderr


def test_data_dir_comes_from_the_environment_variable(tmp_path: Path) -> None:
    env = {**os.environ, "COUNTER_APP_DATA": str(tmp_path / "env-dir")}
    result = subprocess.run(
        [sys.executable, "-m", "counter_app", "--smoke-test"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "env-dir" / "counter.sqlite3").exists()


def test_calendar_due_prints_the_appointment_first(tmp_path: Path) -> None:
    # Friday before Tết 2026 (16–20/02 off) + 1 working day → Monday 23/02, same hour.
    result = run(
        "calendar",
        "due",
        "--received",
        "2026-02-13 09:00",
        "--working-days",
        "1",
        data_dir=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "2026-02-23 09:00"


def test_calendar_due_for_a_procedure_with_a_cut_off(tmp_path: Path) -> None:
    # Chứng thực is "trong ngày" with a 15:00 cut-off: 15:30 on Thursday 30/04 eve → next day off.
    result = run(
        "calendar",
        "due",
        "--received",
        "2026-04-29 15:30",
        "--procedure",
        "2.000815",
        data_dir=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "2026-05-04 17:00"


def test_calendar_show_lists_holidays_and_makeup_days(tmp_path: Path) -> None:
    result = run("calendar", "show", "2026", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "2026-02-17  holiday" in result.stdout
    assert "2026-08-22  workday" in result.stdout


def test_calendar_import_then_due_uses_the_override(tmp_path: Path) -> None:
    csv = tmp_path / "lich-2026.csv"
    csv.write_text(
        "date,kind,name\n2026-12-31,holiday,Nghỉ thêm cuối năm\n"
        "2027-01-09,workday,Làm bù thứ Bảy\n",
        encoding="utf-8",
    )
    result = run("calendar", "import", str(csv), data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    due = run(
        "calendar",
        "due",
        "--received",
        "2026-12-30 16:00",
        "--working-days",
        "1",
        data_dir=tmp_path,
    )
    # 31/12 now off, 01/01 New Year, 02–03/01 weekend → Monday 04/01.
    assert due.stdout.splitlines()[0] == "2027-01-04 16:00"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("calendar", "due", "--received", "26/11/2026 9h", "--working-days", "1"), "YYYY-MM-DD"),
        (
            ("calendar", "due", "--received", "2026-11-26 09:00", "--procedure", "9.999"),
            "Không có thủ tục",
        ),
        (("calendar", "import", "/nonexistent/file.csv"), "Không đọc được"),
    ],
)
def test_errors_are_one_clear_line_and_non_zero(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    result = run(*args, data_dir=tmp_path)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr


def test_a_bad_override_file_writes_nothing(tmp_path: Path) -> None:
    csv = tmp_path / "bad.csv"
    csv.write_text(
        "date,kind,name\n2026-12-31,holiday,Nghỉ\n2026-13-01,holiday,Sai\n", encoding="utf-8"
    )
    result = run("calendar", "import", str(csv), data_dir=tmp_path)
    assert result.returncode != 0 and "Dòng 3" in result.stderr
    show = run("calendar", "show", "2026", data_dir=tmp_path)
    assert "2026-12-31" not in show.stdout


def test_demo_fills_a_store_with_every_status(tmp_path: Path) -> None:
    import sqlite3

    result = run("demo", "--dossiers", "3000", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(tmp_path / "counter.sqlite3")
    assert conn.execute("select count(*) from dossiers").fetchone()[0] == 3000
    statuses = {r[0] for r in conn.execute("select distinct status from dossiers")}
    assert statuses == set(range(1, 11))
    names = [r[0] for r in conn.execute("select full_name from applicants limit 200")]
    assert any("Đ" in n or "đ" in n for n in names) and any("ễ" in n for n in names)
    # Demo numbering (slots 1–9) leaves this PC's slot 0 free: a new intake never collides.
    smoke = run("--smoke-test", data_dir=tmp_path)
    assert smoke.returncode == 0, smoke.stderr


def test_a_returned_demo_dossier_prints_and_demo_adds_to_its_store(tmp_path: Path) -> None:
    import sqlite3

    assert run("demo", "--dossiers", "200", data_dir=tmp_path).returncode == 0
    db = tmp_path / "counter.sqlite3"
    code, name = (
        sqlite3.connect(db)
        .execute(
            "select d.code, a.full_name from dossiers d join applicants a on a.id = d.applicant_id "
            "where d.status = 10 order by d.id limit 1"
        )
        .fetchone()
    )
    out = tmp_path / "returned.pdf"
    printed = run("print", code, "--out", str(out), data_dir=tmp_path)
    assert printed.returncode == 0, printed.stderr
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert code in text and name in text
    again = run("demo", "--dossiers", "50", "--with-outbox", data_dir=tmp_path)
    assert again.returncode == 0, again.stderr
    conn = sqlite3.connect(db)
    assert conn.execute("select count(*), count(distinct code) from dossiers").fetchone() == (
        250,
        250,
    )
    assert conn.execute("select count(distinct dossier_uuid) from outbox").fetchone() == (50,)


def test_demo_refuses_a_real_store(data_dir: Path) -> None:
    result = run("demo", "--dossiers", "10", data_dir=data_dir)
    assert result.returncode != 0 and "kho thật" in result.stderr


def test_without_a_display_the_app_says_so_in_one_line(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [sys.executable, "-m", "counter_app", "--data-dir", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 3
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "xvfb-run" in lines[0]


def test_find_and_print_a_stored_dossier(tmp_path: Path) -> None:
    import zxingcpp
    from PIL import Image

    assert run("demo", "--dossiers", "200", data_dir=tmp_path).returncode == 0
    import sqlite3

    code, name, folded = (
        sqlite3.connect(tmp_path / "counter.sqlite3")
        .execute(
            "select d.code, a.full_name, d.search_name from dossiers d "
            "join applicants a on a.id = d.applicant_id where d.status not in (1, 3) "
            "order by d.id desc limit 1"
        )
        .fetchone()
    )
    found = run("find", folded, data_dir=tmp_path)
    assert found.returncode == 0
    assert code in [line.split("\t")[0] for line in found.stdout.splitlines()]
    assert run("find", code, data_dir=tmp_path).stdout.startswith(code)
    out = tmp_path / "slip.pdf"
    printed = run("print", code, "--form", "01", "--out", str(out), data_dir=tmp_path)
    assert printed.returncode == 0, printed.stderr
    subprocess.run(
        ["pdftoppm", "-r", "200", "-png", "-f", "1", "-l", "1", str(out), str(tmp_path / "page")],
        check=True,
    )
    page = next(tmp_path.glob("page*.png"))
    texts = {b.text for b in zxingcpp.read_barcodes(Image.open(page))}
    assert code in texts
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert name in text
    missing = run("print", "000.00.00.H27-200101-0001", "--out", str(out), data_dir=tmp_path)
    assert missing.returncode != 0 and "Không tìm thấy" in missing.stderr


def test_smoke_test_renders_the_slip_and_opens_it_in_qt(tmp_path: Path) -> None:
    result = run("--smoke-test", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Mẫu 01 PDF" in result.stdout and "đọc 2 trang" in result.stdout


def test_config_sets_a5_slips_and_refuses_bad_values(data_dir: Path, tmp_path: Path) -> None:
    assert run("config", "set", "slip.page_size", "A5", data_dir=data_dir).returncode == 0
    assert "slip.page_size = A5" in run("config", "list", data_dir=data_dir).stdout
    bad = run("config", "set", "slip.page_size", "Letter", data_dir=data_dir)
    assert bad.returncode != 0 and "A4, A5 hoặc receipt (cuộn 80 mm)" in bad.stderr
    sessions = run("config", "set", "calendar.sessions", "7h-11h", data_dir=data_dir)
    assert sessions.returncode != 0
    saturday = run("config", "set", "calendar.saturday", "07:30-11:30", data_dir=data_dir)
    assert saturday.returncode == 0, saturday.stderr
    # 0.25 day = 2 h: 16:00–17:00 on Friday, then 07:30–08:30 on the now-working Saturday.
    due = run(
        "calendar",
        "due",
        "--received",
        "2026-11-27 16:00",
        "--working-days",
        "0.25",
        data_dir=data_dir,
    )
    assert due.stdout.splitlines()[0] == "2026-11-28 08:30"
