"""`counter-app find`, `forms` and `print` on a demo store, run as a subprocess as support staff
run them: outputs, stderr lines and exit codes."""

from __future__ import annotations

import re
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from counter_protocol.statuses import Status
from tests.counter_app.cli.test_cli import run

DOSSIERS = 400
LINE = re.compile(r"^0[1-6]\t(Mẫu số 0[1-6]: .+)\t\d{2}/\d{2}/\d{4} \d{2}:\d{2}(\tSố \d+/[A-Z]+)?$")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    data_dir = tmp_path_factory.mktemp("cli-demo")
    made = run("demo", "--dossiers", str(DOSSIERS), "--seed", "5", data_dir=data_dir)
    assert made.returncode == 0, made.stderr
    yield data_dir


def sql(data_dir: Path, text: str, *params: object) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(data_dir / "counter.sqlite3")
    try:
        return list(conn.execute(text, params))
    finally:
        conn.close()


def test_an_empty_text_lists_the_first_page_and_says_how_many_more(store: Path) -> None:
    found = run("find", "", data_dir=store)
    assert found.returncode == 0, found.stderr
    codes = [line.split("\t")[0] for line in found.stdout.splitlines()]
    newest = [c for (c,) in sql(store, "select code from dossiers order by id desc limit 100")]
    assert codes == newest
    assert (
        found.stderr.strip()
        == f"… còn {DOSSIERS - 100} hồ sơ khác khớp (tăng --limit hoặc lọc thêm để xem)."
    )


def test_status_and_form_filters(store: Path) -> None:
    stopped = run("find", "", "--status", "8", data_dir=store)
    assert stopped.returncode == 0, stopped.stderr
    lines = stopped.stdout.splitlines()
    expected = {c for (c,) in sql(store, "select code from dossiers where status = 8")}
    assert {line.split("\t")[0] for line in lines} == expected
    assert all(f"\t{Status.STOPPED.label}\t" in line for line in lines)
    extended = run("find", "", "--form", "4", data_dir=store)
    with_04 = sql(
        store,
        "select distinct d.code from dossiers d join issued_forms f on f.dossier_id = d.id "
        "where f.form_no = '04'",
    )
    assert {line.split("\t")[0] for line in extended.stdout.splitlines()} == {c for (c,) in with_04}
    assert with_04 and extended.returncode == 0


def test_nothing_found_is_exit_1_and_a_bad_filter_is_a_usage_error(store: Path) -> None:
    none = run("find", "khong co ai ten nay", data_dir=store)
    assert (none.returncode, none.stdout) == (1, "")
    bad = run("find", "", "--form", "07", data_dir=store)
    assert bad.returncode == 2
    assert bad.stderr.strip().splitlines() == [
        "Lỗi: tham số --form: “07” không phải số mẫu 01–06 (xem: counter-app find --help)"
    ]


def test_forms_lists_each_issued_form_and_print_reprints_every_one(
    store: Path, tmp_path: Path
) -> None:
    (code,) = sql(store, "select code from dossiers where extensions = 1 and status = 10 limit 1")[
        0
    ]
    listed = run("forms", str(code), data_dir=store)
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    issued = sql(
        store,
        "select f.form_no from issued_forms f join dossiers d on d.id = f.dossier_id "
        "where d.code = ? order by f.issued_at, f.id",
        code,
    )
    assert [line[:2] for line in lines] == [n for (n,) in issued]
    assert all(LINE.match(line) for line in lines), lines
    for form_no in ("01", "06", "04"):
        out = tmp_path / f"{form_no}.pdf"
        printed = run("print", str(code), "--form", form_no, "--out", str(out), data_dir=store)
        assert printed.returncode == 0, printed.stderr
        assert printed.stdout.startswith(f"Đã ghi bản in lại mẫu {form_no}")
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
        assert "Bản in lại" in text and str(code) in text


def test_a_form_the_dossier_does_not_have_is_one_line_and_exit_1(
    store: Path, tmp_path: Path
) -> None:
    (code,) = sql(store, "select code from dossiers where status = 10 and extensions = 0 limit 1")[
        0
    ]
    out = tmp_path / "05.pdf"
    missing = run("print", str(code), "--form", "05", "--out", str(out), data_dir=store)
    assert missing.returncode == 1
    assert missing.stderr.strip().splitlines() == [
        f"Lỗi: Hồ sơ {code} không có mẫu 05. Hồ sơ có: mẫu 01, 06. "
        "Xem các mẫu đã cấp: counter-app forms MÃ_HỒ_SƠ."
    ]
    assert not out.exists()
    unknown = run("forms", "000.00.00.H27-200101-0001", data_dir=store)
    assert unknown.returncode == 2 and "Không tìm thấy hồ sơ" in unknown.stderr
