"""Online-service help records on a real store: kept, listed by day and clerk, counted, never a
dossier; a portal code recorded twice is refused."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from counter_app.domain.appointments import AppointmentError, HelpKind
from counter_app.domain.validation import ValidationError
from counter_app.services.online_help import HelpInput
from counter_protocol.timefmt import VN_TZ

DAY = date(2026, 12, 7)


def helped(
    code: str, kind: HelpKind = HelpKind.FULL, clerk: str = "canbo", hh: int = 9
) -> HelpInput:
    return HelpInput(
        portal_code=code,
        kind=kind,
        procedure_code="1.001612",
        citizen_name="Lê Thị Cúc",
        clerk=clerk,
        phone="0987654321",
        helped_at=datetime(DAY.year, DAY.month, DAY.day, hh, tzinfo=VN_TZ),
    )


def test_help_is_listed_by_day_and_clerk_and_counted(services, data_dir: Path) -> None:
    first = services.online_help.add(helped("G22.99-261207-0001", hh=9))
    services.online_help.add(helped("G22.99-261207-0002", HelpKind.PARTIAL, "quantri", hh=8))
    services.online_help.add(helped("G22.99-261208-0001", hh=7))  # listed by time, not by code
    day = services.online_help.day(DAY)
    assert [h.portal_code for h in day] == [
        "G22.99-261208-0001",
        "G22.99-261207-0002",
        "G22.99-261207-0001",
    ]
    assert [h.id for h in services.online_help.day(DAY, clerk="quantri")] == [first + 1]
    assert services.online_help.day(date(2026, 12, 8)) == []
    assert services.online_help.counts(date(2026, 12, 1), 31) == {
        HelpKind.FULL: 2,
        HelpKind.PARTIAL: 1,
    }
    db = sqlite3.connect(data_dir / "counter.sqlite3")
    assert db.execute("select count(*) from dossiers").fetchone() == (0,)
    assert db.execute("select count(*) from outbox").fetchone() == (0,)


def test_a_portal_code_recorded_twice_is_refused(services) -> None:
    services.online_help.add(helped("G22.99-261207-0001"))
    with pytest.raises(AppointmentError, match="đã được ghi nhận") as caught:
        services.online_help.add(helped(" G22.99-261207-0001 ", HelpKind.PARTIAL, "quantri"))
    assert caught.value.code == "online_help.duplicate"
    assert len(services.online_help.day(DAY)) == 1


@pytest.mark.parametrize(
    ("code", "words"),
    [("", "Chưa nhập"), ("G22 99", "khoảng trắng"), ("X" * 61, "dài quá 60")],
)
def test_a_malformed_portal_code_is_refused(services, code: str, words: str) -> None:
    with pytest.raises(AppointmentError, match=words):
        services.online_help.add(helped(code))


def test_an_unknown_clerk_or_a_bad_phone_is_refused(services) -> None:
    with pytest.raises(AppointmentError, match="Không có cán bộ"):
        services.online_help.add(helped("G22.99-261207-0009", clerk="nobody"))
    with pytest.raises(ValidationError):
        services.online_help.add(replace(helped("G22.99-261207-0009"), phone="12345"))
