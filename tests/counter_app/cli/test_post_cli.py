"""`counter-app tracking` and `counter-app post` as subprocesses on a demo store: a bad pool file
refused whole with the lines named, a good one loaded, a result returned by post with the next
number, its status moved and refused when the move is not allowed, and the day's hand-over list
whose text and barcodes read back."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from counter_devkit.postal import s10_numbers, with_bad_check_digit
from counter_protocol.timefmt import to_vn
from tests.counter_app.cli.test_cli import run
from tests.counter_app.documents.pdftools import decode, flat, pdf_text, rasterise


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    data_dir = tmp_path_factory.mktemp("cli-post")
    made = run("demo", "--dossiers", "20", "--seed", "5", data_dir=data_dir)
    assert made.returncode == 0, made.stderr
    yield data_dir


def sql(data_dir: Path, text: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(data_dir / "counter.sqlite3")
    try:
        return list(conn.execute(text))
    finally:
        conn.close()


def ready_codes(data_dir: Path) -> list[str]:
    """Dossiers with their result at the counter."""
    return [str(c) for (c,) in sql(data_dir, "select code from dossiers where status = 9")]


def test_import_refusals_name_the_lines_and_load_nothing(store: Path, tmp_path: Path) -> None:
    good = s10_numbers(7000, 3)
    bad = tmp_path / "bad.txt"
    bad.write_text(f"{good[0]}\n{with_bad_check_digit(good[1])}\n{good[0]}\n", "utf-8")
    refused = run("tracking", "import", str(bad), data_dir=store)
    assert refused.returncode == 2
    assert "dòng 2:" in refused.stderr and f"dòng 3: {good[0]} trùng dòng 1" in refused.stderr
    assert "chưa nạp mã nào" in refused.stderr
    assert sql(store, "select count(*) from tracking_pool") == [(0,)]
    missing = run("tracking", "import", str(tmp_path / "none.txt"), data_dir=store)
    assert missing.returncode == 2 and "Không có tệp" in missing.stderr


def test_return_by_post_status_and_handover(store: Path, tmp_path: Path) -> None:
    numbers = s10_numbers(7100, 2)
    pool = tmp_path / "pool.txt"
    pool.write_text("\n".join(numbers) + "\n", "utf-8")
    loaded = run("tracking", "import", str(pool), data_dir=store)
    assert loaded.returncode == 0, loaded.stderr
    assert "Đã nạp 2 mã vận đơn" in loaded.stdout
    again = run("tracking", "import", str(pool), data_dir=store)
    assert again.returncode == 2 and "đã có trên máy" in again.stderr
    status = run("tracking", "status", data_dir=store)
    assert "Còn lại: 2" in status.stdout and "Cảnh báo: còn 2 mã, dưới mức 20" in status.stdout

    code = ready_codes(store)[0]
    sent = run(
        "post", "return", code, "--receiver", "Trần Văn Nam", "--phone", "0987654321",
        "--street", "Xóm 3", "--province", "42", "--commune", "18085", "--postage", "32000",
        "--weight", "300", "--fees-collected", "--clerk", "canbo1", data_dir=store,
    )  # fmt: skip
    assert sent.returncode == 0, sent.stderr
    assert numbers[0] in sent.stdout
    moved = run("post", "status", code, "--set", "in_transit", "--clerk", "canbo1", data_dir=store)
    assert moved.returncode == 0, moved.stderr
    assert "Đang vận chuyển" in moved.stdout and "Đã đăng ký" in moved.stdout
    wrong = run("post", "status", numbers[0], "--set", "cancelled", data_dir=store)
    assert wrong.returncode == 2 and "không chuyển sang “Đã hủy”" in wrong.stderr
    done = run("post", "status", numbers[0], "--set", "delivered", data_dir=store)
    assert done.returncode == 0 and "Đã phát thành công" in done.stdout
    _show_names_people_in_vietnam_time(store, code)

    day = to_vn(datetime.now(UTC)).date()
    out = tmp_path / "giao.pdf"
    listed = run("post", "handover", "--date", day.isoformat(), "--out", str(out), data_dir=store)
    assert listed.returncode == 0, listed.stderr
    pdf = out.read_bytes()
    text = flat(pdf_text(pdf))
    assert numbers[0] in text and code in text and "Trần Văn Nam" in text
    assert "Xóm 3, Xã Đức Thọ, Tỉnh Hà Tĩnh" in text and "Tổng cước: 32.000 đồng" in text
    assert [d.text for d in decode(rasterise(pdf, 1))] == [numbers[0]]
    left = run("tracking", "status", data_dir=store)
    assert "Còn lại: 1" in left.stdout and "Đã dùng: 1" in left.stdout


def _show_names_people_in_vietnam_time(store: Path, code: str) -> None:
    """`post show`: each status step at dd/mm/yyyy HH:mm in Vietnam time and by the clerk's
    name; `--iso` the same moments sortable."""
    shown = run("post", "show", code, data_dir=store)
    assert shown.returncode == 0, shown.stderr
    steps = [line.strip().split("\t") for line in shown.stdout.splitlines()[1:]]
    clerk = sql(store, "select full_name from users where username = 'canbo1'")[0][0]
    assert [step[1:3] for step in steps[:2]] == [["Đã đăng ký", clerk], ["Đang vận chuyển", clerk]]
    assert "canbo1" not in shown.stdout
    today = to_vn(datetime.now(UTC)).date()
    moments = [datetime.strptime(step[0], "%d/%m/%Y %H:%M") for step in steps]
    assert moments[0].date() == today  # the machine runs in UTC: Vietnam's day, not its own
    iso = run("post", "show", code, "--iso", data_dir=store)
    iso_steps = [line.strip().split("\t") for line in iso.stdout.splitlines()[1:]]
    assert [datetime.strptime(step[0], "%Y-%m-%d %H:%M") for step in iso_steps] == moments
