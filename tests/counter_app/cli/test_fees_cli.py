"""`counter-app fees` as a subprocess on a demo store: collect with the clerk's receipt, refuse a
receipt already used, give a pending entry its number, and write the day's cash report."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.counter_app.cli.test_cli import run
from tests.counter_app.documents.pdftools import flat, pdf_text


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    data_dir = tmp_path_factory.mktemp("cli-fees")
    made = run("demo", "--dossiers", "60", "--seed", "3", data_dir=data_dir)  # >= 3 owing
    assert made.returncode == 0, made.stderr
    yield data_dir


def sql(data_dir: Path, text: str) -> list[tuple[str, ...]]:
    conn = sqlite3.connect(data_dir / "counter.sqlite3")
    try:
        return list(conn.execute(text))
    finally:
        conn.close()


def owing(data_dir: Path) -> list[str]:
    """Codes of dossiers whose only line is an unpaid lệ phí of 50.000 đồng due at return."""
    line = '[{"kind":"le_phi","name":"Lệ phí cấp Giấy chứng nhận","amount":50000,'
    query = f"select code from dossiers where fees_json like '{line}%at_return%'"
    return [code for (code,) in sql(data_dir, query)]


def test_collect_refuse_a_used_receipt_complete_a_pending_one_and_report(store: Path) -> None:
    first, second = owing(store)[:2]
    line = "Lệ phí cấp Giấy chứng nhận"
    took = run("fees", "collect", first, "--line", line, "--receipt", "1c26tbl/0000501",
               "--clerk", "canbo", data_dir=store)  # fmt: skip
    assert took.returncode == 0, took.stderr
    assert "\tThu\t50.000\t1C26TBL/0000501\tcanbo" in took.stdout
    again = run("fees", "collect", second, "--line", line, "--receipt", "1C26TBL/0000501",
                "--clerk", "canbo", data_dir=store)  # fmt: skip
    assert again.returncode == 2
    assert f"Biên lai 1C26TBL/0000501 đã được ghi cho hồ sơ {first}" in again.stderr
    pending = run("fees", "collect", second, "--line", line, "--pending", "--clerk", "canbo",
                  data_dir=store)  # fmt: skip
    assert "chờ số biên lai" in pending.stdout, pending.stderr
    entry = pending.stdout.split("\t")[0].removeprefix("Đã ghi: #")
    given = run("fees", "receipt", entry, "1C26TBL/0000502", "--clerk", "canbo", data_dir=store)
    assert "Bổ sung số biên lai\t0\t1C26TBL/0000502" in given.stdout, given.stderr
    shown = run("fees", "show", second, data_dir=store)
    assert f"{line}\t50.000\tat_return\tcòn 0" in shown.stdout.splitlines()
    taken = took.stdout.split("\t")[0].removeprefix("Đã ghi: #")
    back = run("fees", "refund", taken, "--amount", "10000", "--reason", "thu thừa",
               "--clerk", "canbo", data_dir=store)  # fmt: skip
    assert "\tHoàn trả\t10.000\t" in back.stdout, back.stderr
    (day,) = {at[:10] for (at,) in sql(store, "select at from fee_entries")}
    out = store / "bang-ke.pdf"
    report = run("fees", "report", "--day", day, "--clerk", "canbo", "--out", str(out),
                 data_dir=store)  # fmt: skip
    assert report.returncode == 0, report.stderr
    text = flat(pdf_text(out.read_bytes()))
    assert "Cán bộ thu: canbo" in text and "1C26TBL/0000501" in text
    # The pending collection shows the number given later; nothing is left waiting.
    assert text.count("1C26TBL/0000502") == 2 and "Chờ số biên lai" not in text
    assert "Hoàn trả: Lệ phí cấp" in text and "-10.000" in text
    assert "Tổng lệ phí: 90.000 đồng" in text and "Tổng cộng: 90.000 đồng" in text


def test_a_malformed_day_or_receipt_is_refused(store: Path) -> None:
    bad_day = run("fees", "report", "--day", "4/12/2026", "--out", "x.pdf", data_dir=store)
    assert bad_day.returncode == 2 and "YYYY-MM-DD" in bad_day.stderr
    code = owing(store)[2]
    bad = run("fees", "collect", code, "--line", "Lệ phí cấp Giấy chứng nhận",
              "--receipt", "0000123", data_dir=store)  # fmt: skip
    assert bad.returncode == 2 and "KÝ_HIỆU/SỐ" in bad.stderr
