"""`counter-app books` as a subprocess: the logbook of a period to PDF and Excel, and the one-line
refusals (unknown file type, bad dates) with exit code 2."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.counter_app.cli.test_cli import run
from tests.counter_app.documents.pdftools import flat, pdf_text
from tests.counter_app.services.lifecycle_helpers import make_counter, request, vn


@pytest.fixture
def codes(services: Any, data_dir: Path) -> list[str]:
    """Two dossiers received on Tuesday 10/03/2026, one on Wednesday."""
    counter = make_counter(services, data_dir, vn(2026, 3, 10, 9, 0))
    taken = [counter.dossiers.intake(request()).code]
    counter.clock.set(vn(2026, 3, 10, 14, 5))
    taken.append(counter.dossiers.intake(request()).code)
    counter.clock.set(vn(2026, 3, 11, 8, 0))
    taken.append(counter.dossiers.intake(request()).code)
    services.close()
    return taken


def test_a_day_to_excel_and_a_period_to_pdf(codes: list[str], data_dir: Path) -> None:
    xlsx = str(data_dir / "ngay.xlsx")
    day = run("books", "--from", "2026-03-10", "--out", xlsx, data_dir=data_dir)
    assert day.returncode == 0, day.stderr
    assert day.stdout.strip() == f"Đã ghi sổ theo dõi hồ sơ (2 hồ sơ) vào {data_dir / 'ngay.xlsx'}"
    sheet = openpyxl.load_workbook(data_dir / "ngay.xlsx", read_only=True).active
    assert sheet is not None
    rows = [r[:3] for r in sheet.iter_rows(min_row=9, values_only=True)]
    assert rows == [(1, "2026", codes[0]), (2, "2026", codes[1])]
    out = data_dir / "so.pdf"
    period = run("books", "--from", "2026-03-01", "--to", "2026-03-31", "--out", str(out),
                 data_dir=data_dir)  # fmt: skip
    assert period.returncode == 0, period.stderr
    text = flat(pdf_text(out.read_bytes()))
    assert "Từ ngày 01/03/2026 đến ngày 31/03/2026" in text
    assert [text.find(code) for code in codes] == sorted(text.find(code) for code in codes)
    assert "10/03/2026" in text and "14:05" in text  # date and time wrap onto two lines


def test_an_unknown_file_type_and_a_bad_date_are_refused(data_dir: Path) -> None:
    csv_file = str(data_dir / "so.csv")
    csv = run("books", "--from", "2026-03-10", "--out", csv_file, data_dir=data_dir)
    assert csv.returncode == 2 and csv.stdout == ""
    assert "chỉ hỗ trợ tệp .pdf hoặc .xlsx" in csv.stderr
    assert len(csv.stderr.strip().splitlines()) == 1
    bad = run("books", "--from", "10/03/2026", "--out", str(data_dir / "so.pdf"), data_dir=data_dir)
    assert bad.returncode == 2 and "không hợp lệ" in bad.stderr
    backwards = run("books", "--from", "2026-03-10", "--to", "2026-03-01",
                    "--out", str(data_dir / "so.pdf"), data_dir=data_dir)  # fmt: skip
    assert backwards.returncode == 2 and "--from" in backwards.stderr
    assert not list(data_dir.glob("so.*"))
