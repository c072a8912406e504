"""Dossier codes: format, per-device slots, uniqueness across PCs, never reused."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from counter_devkit.intake import intake
from counter_devkit.stores import UNIT, make_set_up_store
from counter_protocol.codes import CodeError, make_code, parse_code


def test_code_has_the_national_shape() -> None:
    code = make_code("000.00.00.H27", date(2026, 11, 26), 0, 1)
    assert str(code) == "000.00.00.H27-261126-0001"
    assert str(make_code("000.17.22.H56", date(2021, 5, 31), 3, 42)) == "000.17.22.H56-210531-3042"
    assert parse_code("000.17.22.H56-210531-3042").slot == 3


@pytest.mark.parametrize("bad", ["H27-261126-0001", "000.00.00.H27-261332-0001", "abc"])
def test_malformed_codes_are_refused_in_vietnamese(bad: str) -> None:
    with pytest.raises(CodeError, match="mã hồ sơ"):
        parse_code(bad)


def test_a_slot_refuses_its_thousandth_dossier_of_the_day() -> None:
    with pytest.raises(CodeError, match="đã cấp hết 999"):
        make_code("000.00.00.H27", date(2026, 11, 26), 1, 1000)
    with pytest.raises(CodeError, match="slot"):
        make_code("000.00.00.H27", date(2026, 11, 26), 10, 1)


def test_two_offline_pcs_of_one_unit_never_collide(tmp_path: Path) -> None:
    from counter_app.app import build_services

    codes: list[str] = []
    for slot in (1, 2):
        folder = tmp_path / f"pc{slot}"
        make_set_up_store(folder, slot=slot)
        services = build_services(str(folder))
        try:
            codes += [services.dossiers.receive(intake()) for _ in range(30)]
        finally:
            services.close()
    assert len(set(codes)) == 60
    assert {parse_code(c).slot for c in codes} == {1, 2}
    assert all(c.startswith(f"{UNIT}-") for c in codes)


def test_numbers_follow_each_other_and_survive_a_restart(services, data_dir: Path) -> None:
    from counter_app.app import build_services

    first = [services.dossiers.receive(intake()) for _ in range(3)]
    services.close()
    again = build_services(str(data_dir))
    try:
        later = again.dossiers.receive(intake())
    finally:
        again.close()
    numbers = [parse_code(c).number for c in [*first, later]]
    assert numbers == [1, 2, 3, 4]


def test_a_restored_older_copy_skips_numbers_already_used(
    services, data_dir: Path, tmp_path: Path
) -> None:
    """A counter row behind its dossiers (e.g. a hand-edited store) never reissues a code."""
    import sqlite3

    services.dossiers.receive(intake())
    services.dossiers.receive(intake())
    db = data_dir / "counter.sqlite3"
    sqlite3.connect(db, isolation_level=None).execute("UPDATE code_counters SET last_seq = 0")
    code = services.dossiers.receive(intake())
    assert parse_code(code).number == 3
    shutil.rmtree(tmp_path / "unused", ignore_errors=True)
