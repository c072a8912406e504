"""`counter-app find` with what is left of a dossier's keys (a torn slip, a number said over the
phone, part of a phone number), run as a subprocess as support staff run it."""

from __future__ import annotations

from pathlib import Path

import pytest

from counter_devkit.intake import intake
from tests.counter_app.cli.test_cli import run


@pytest.fixture
def received(data_dir: Path) -> tuple[Path, str]:
    """A store with one dossier received today (0912345678) and one with another phone."""
    from counter_app.app import build_services

    services = build_services(str(data_dir))
    try:
        code = services.dossiers.receive(intake(name="Trần Văn Bình", id_number="042095123456"))
        services.dossiers.receive(intake(name="Lê Thị Hoa", id_number="042195654321"))
    finally:
        services.close()
    return data_dir, code


def found_codes(data_dir: Path, *text: str) -> list[str]:
    result = run("find", *text, data_dir=data_dir)
    assert result.returncode in (0, 1), result.stderr
    return [line.split("\t")[0] for line in result.stdout.splitlines()]


@pytest.mark.parametrize("kind", ["tail", "unit tail", "number", "short number"])
def test_a_code_is_found_by_what_a_torn_slip_keeps(received, kind: str) -> None:
    data_dir, code = received
    unit, day, number = code.rsplit("-", 2)
    typed = {
        "tail": f"{day}-{number}",
        "unit tail": f"{unit[-3:]}-{day}-{number}",
        "number": number,  # received today: the number alone
        "short number": str(int(number)),
    }[kind]
    assert found_codes(data_dir, typed) == [code]


@pytest.mark.parametrize("typed", ["0912345", "09123456", "2345678", "912345678", "0912 345 678"])
def test_a_phones_first_or_last_digits_find_its_dossiers(received, typed: str) -> None:
    data_dir, code = received
    assert code in found_codes(data_dir, typed)


def test_too_few_digits_of_a_phone_and_an_unknown_number_find_nothing(received) -> None:
    data_dir, _ = received
    result = run("find", "12345", data_dir=data_dir)
    assert (result.returncode, result.stdout) == (1, "")
    assert found_codes(data_dir, "0999999") == []


def test_a_name_typed_without_marks_and_cut_short(received) -> None:
    data_dir, code = received
    assert found_codes(data_dir, "tr", "van", "b") == [code]
    assert found_codes(data_dir, "tran binh") == [code]
    assert found_codes(data_dir, "le van") == []


def test_a_demo_without_forms_holds_searchable_dossiers_and_no_forms(tmp_path: Path) -> None:
    import sqlite3

    made = run("demo", "--dossiers", "60", "--no-forms", data_dir=tmp_path / "demo")
    assert made.returncode == 0, made.stderr
    conn = sqlite3.connect(tmp_path / "demo" / "counter.sqlite3")
    try:
        counts = conn.execute(
            "select (select count(*) from dossiers), (select count(*) from issued_forms), "
            "(select count(*) from dossier_events)"
        ).fetchone()
        first = "select code, phone from dossiers order by id limit 1"
        code, phone = conn.execute(first).fetchone()
    finally:
        conn.close()
    assert counts[0] == 60 and counts[1] == 0 and counts[2] >= 60
    assert code in found_codes(tmp_path / "demo", code[-11:])
    assert code in found_codes(tmp_path / "demo", phone[-7:])
