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
from counter_protocol.ops import HelpData, decode_op
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


def test_each_record_is_queued_for_the_province_without_the_citizen(
    services, data_dir: Path
) -> None:
    services.online_help.add(helped("G22.99-261207-0001", hh=9))
    services.online_help.add(helped("G22.99-261207-0002", HelpKind.PARTIAL, "quantri", hh=8))
    db = sqlite3.connect(data_dir / "counter.sqlite3")
    payloads = db.execute(
        "select p.payload from outbox o join outbox_payloads p using (device_seq) "
        "order by o.device_seq"
    ).fetchall()
    ops = [decode_op(bytes(p)) for (p,) in payloads]
    records = db.execute("select uuid, unit_code from online_help order by id").fetchall()
    assert [(op.kind, op.dossier_uuid, op.dossier_code, op.prev_seq) for op in ops] == [
        ("online_help.record", records[0][0], "G22.99-261207-0001", None),
        ("online_help.record", records[1][0], "G22.99-261207-0002", None),
    ]
    assert {op.unit_code for op in ops} == {records[0][1]} and records[0][1]
    first = ops[0].data
    assert isinstance(first, HelpData)
    assert (first.kind, first.procedure_code, first.clerk, first.helped_at) == (
        "full",
        "1.001612",
        "canbo",
        "2026-12-07T09:00:00+07:00",
    )
    assert "Lê Thị Cúc".encode() not in b"".join(bytes(p) for (p,) in payloads)


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
