"""Home appointments on a real store: booking, one clerk's conflicts, moves, outcomes and the
dossier received at the citizen's home."""

from __future__ import annotations

import itertools
import sqlite3
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counter_app.domain.appointments import AppointmentError, VisitStatus
from counter_app.domain.kinds import Channel
from counter_app.services.home_visits import VisitRequest
from counter_devkit.intake import intake
from counter_protocol.encoding import canonical_json
from counter_protocol.ops import CreateData, decode_op
from counter_protocol.timefmt import VN_TZ

MONDAY = date(2026, 12, 7)  # a working Monday


def at(day: date, hh: int, mm: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hh, mm, tzinfo=VN_TZ)


def visit(start: datetime, minutes: int = 60, clerk: str = "canbo") -> VisitRequest:
    return VisitRequest(
        clerk=clerk,
        start=start,
        end=start + timedelta(minutes=minutes),
        citizen_name="Trần Văn An",
        phone="0912 345 678",
        address="Xóm 2, xã Thạch Hà, tỉnh Hà Tĩnh",
        procedure_code="2.000815",
        area_code="42",
    )


def test_a_booking_reads_back_in_the_day_and_the_week(services) -> None:
    number = services.home_visits.book(visit(at(MONDAY, 8)))
    services.home_visits.book(visit(at(MONDAY + timedelta(days=2), 14)))
    day = services.home_visits.day(MONDAY)
    assert [(v.id, v.status, v.phone, v.clerk_name) for v in day] == [
        (number, VisitStatus.BOOKED, "0912345678", "Nguyễn Thị Hồng Nhung")
    ]
    assert day[0].start == at(MONDAY, 8) and day[0].end == at(MONDAY, 9)
    assert len(services.home_visits.week(MONDAY + timedelta(days=4))) == 2
    assert services.home_visits.week(MONDAY, clerk="quantri") == []
    assert [e.kind for e in services.home_visits.history(number)] == ["booked"]


def test_an_overlapping_booking_of_the_same_clerk_is_refused_in_vietnamese(services) -> None:
    services.home_visits.book(visit(at(MONDAY, 8)))
    with pytest.raises(AppointmentError) as caught:
        services.home_visits.book(visit(at(MONDAY, 8, 30)))
    assert caught.value.code == "appointment.conflict"
    assert "trùng giờ" in caught.value.message and "08:00–09:00" in caught.value.message
    services.home_visits.book(visit(at(MONDAY, 9)))  # back to back is fine
    services.home_visits.book(visit(at(MONDAY, 8, 30), clerk="quantri"))  # another clerk
    assert len(services.home_visits.day(MONDAY)) == 3


def test_a_slot_outside_the_working_sessions_is_refused(services) -> None:
    with pytest.raises(AppointmentError, match="buổi làm việc"):
        services.home_visits.book(visit(at(MONDAY, 11), minutes=60))  # runs past 11:30
    with pytest.raises(AppointmentError, match="không phải ngày làm việc"):
        services.home_visits.book(visit(at(MONDAY - timedelta(days=1), 8)))  # Sunday
    with pytest.raises(AppointmentError, match="không phải ngày làm việc"):
        services.home_visits.book(visit(at(date(2026, 9, 2), 8)))  # Quốc khánh


def test_an_unknown_clerk_or_procedure_is_refused(services) -> None:
    with pytest.raises(AppointmentError, match="Không có cán bộ"):
        services.home_visits.book(visit(at(MONDAY, 8), clerk="nobody"))
    with pytest.raises(AppointmentError, match="Không có thủ tục"):
        services.home_visits.book(replace(visit(at(MONDAY, 8)), procedure_code="9.999999"))


def test_a_move_is_a_new_record_and_frees_the_old_time(services) -> None:
    old = services.home_visits.book(visit(at(MONDAY, 8)))
    new = services.home_visits.reschedule(old, at(MONDAY, 14), at(MONDAY, 15), "canbo")
    assert services.home_visits.get(old).status is VisitStatus.RESCHEDULED
    moved = services.home_visits.get(new)
    assert (moved.status, moved.replaces_id) == (VisitStatus.BOOKED, old)
    assert moved.start == at(MONDAY, 14)
    services.home_visits.book(visit(at(MONDAY, 8)))  # the old hour is free again
    with pytest.raises(AppointmentError, match="không thay đổi được"):
        services.home_visits.reschedule(old, at(MONDAY, 15), at(MONDAY, 16), "canbo")
    assert [e.kind for e in services.home_visits.history(old)] == ["booked", "rescheduled"]


def test_an_outcome_is_recorded_once_with_its_note(services) -> None:
    number = services.home_visits.book(visit(at(MONDAY, 8)))
    services.home_visits.record_outcome(number, VisitStatus.ABSENT, "canbo", "Gọi không nghe máy")
    seen = services.home_visits.get(number)
    assert (seen.status, seen.note) == (VisitStatus.ABSENT, "Gọi không nghe máy")
    with pytest.raises(AppointmentError):
        services.home_visits.record_outcome(number, VisitStatus.DONE, "canbo")
    with pytest.raises(AppointmentError):
        services.home_visits.record_outcome(number, VisitStatus.BOOKED, "canbo")
    with pytest.raises(AppointmentError, match="trùng giờ"):  # the hour was spent
        services.home_visits.book(visit(at(MONDAY, 8)))


def test_a_cancelled_appointment_frees_its_hour_and_stays_on_record(services, data_dir) -> None:
    number = services.home_visits.book(visit(at(MONDAY, 8)))
    services.home_visits.record_outcome(number, VisitStatus.CANCELLED, "canbo", "Dân báo hủy")
    services.home_visits.book(visit(at(MONDAY, 8)))
    assert [v.status for v in services.home_visits.day(MONDAY)] == [
        VisitStatus.CANCELLED,
        VisitStatus.BOOKED,
    ]
    conn = sqlite3.connect(Path(data_dir) / "counter.sqlite3")
    with pytest.raises(sqlite3.IntegrityError, match="never deleted"):
        conn.execute("delete from home_visits where id = ?", (number,))
    conn.close()


def test_a_dossier_received_at_home_reads_back_as_a_direct_dossier(services) -> None:
    number = services.home_visits.book(visit(at(MONDAY, 8)))
    code = services.home_visits.receive_at_home(number, intake())
    detail = services.details.get(code)
    assert detail.channel is Channel.COUNTER  # national code 1 on the wire
    assert detail.note is not None and f"lịch hẹn số {number}" in detail.note
    assert "Khách cần gấp" in detail.note  # the clerk's own note is kept
    seen = services.home_visits.get(number)
    assert (seen.status, seen.dossier_code, seen.received_at_home) == (
        VisitStatus.DONE,
        code,
        True,
    )
    assert [e.kind for e in services.home_visits.history(number)] == ["booked", "received"]
    with pytest.raises(AppointmentError, match="chỉ tiếp nhận"):
        services.home_visits.receive_at_home(number, intake())


def test_the_create_op_says_received_at_home_and_a_counter_dossiers_does_not(
    services, data_dir: Path
) -> None:
    number = services.home_visits.book(visit(at(MONDAY, 8)))
    home = services.home_visits.receive_at_home(number, intake())
    counter = services.dossiers.receive(intake(id_number="042195654321"))
    db = sqlite3.connect(data_dir / "counter.sqlite3")
    stored = dict(db.execute("select code, at_home from dossiers").fetchall())
    ops = {
        op.dossier_code: op
        for (payload,) in db.execute("select payload from outbox_payloads").fetchall()
        for op in [decode_op(bytes(payload))]
    }
    db.close()
    assert stored == {home: 1, counter: 0}
    home_data, counter_data = ops[home].data, ops[counter].data
    assert isinstance(home_data, CreateData) and isinstance(counter_data, CreateData)
    assert (home_data.received_at_home, home_data.channel) == (True, 1)
    assert counter_data.received_at_home is False
    assert b"at_home" not in canonical_json(ops[counter])  # its bytes are as they always were


def test_a_retry_after_a_failed_link_does_not_receive_the_dossier_twice(
    services, data_dir, monkeypatch: pytest.MonkeyPatch
) -> None:
    from counter_app.services import home_visits

    number = services.home_visits.book(visit(at(MONDAY, 8)))
    real_log = home_visits._log

    def unplugged(*args: object) -> None:
        raise RuntimeError("disk unplugged")

    monkeypatch.setattr(home_visits, "_log", unplugged)
    with pytest.raises(RuntimeError):
        services.home_visits.receive_at_home(number, intake())
    assert services.home_visits.get(number).status is VisitStatus.BOOKED
    monkeypatch.setattr(home_visits, "_log", real_log)
    code = services.home_visits.receive_at_home(number, intake())
    assert services.home_visits.get(number).dossier_code == code
    conn = sqlite3.connect(Path(data_dir) / "counter.sqlite3")
    assert conn.execute("select count(*) from dossiers").fetchone() == (1,)
    conn.close()


def test_only_the_appointed_clerk_receives_at_home(services) -> None:
    number = services.home_visits.book(visit(at(MONDAY, 8)))
    with pytest.raises(AppointmentError, match="phải do cán bộ"):
        services.home_visits.receive_at_home(number, intake(clerk="quantri"))
    assert services.home_visits.get(number).dossier_code is None


_WEEKS = itertools.count(1)
# Quarter-hour starts in the morning session of one week; lengths 15 min to 2 h.
_ATTEMPTS = st.lists(
    st.tuples(st.integers(0, 4), st.integers(28, 45), st.integers(1, 8)), min_size=1, max_size=8
)


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(attempts=_ATTEMPTS)
def test_no_two_accepted_bookings_of_one_clerk_overlap(services, attempts) -> None:
    # The store outlives the examples: each example books in a week of its own.
    monday = MONDAY + timedelta(weeks=next(_WEEKS))
    calendar = services.calendar.calendar()
    accepted: list[tuple[datetime, datetime]] = []
    for weekday, quarter, length in attempts:
        start = at(monday + timedelta(days=weekday), 0) + timedelta(minutes=15 * quarter)
        end = start + timedelta(minutes=15 * length)
        in_session = end <= at(start.date(), 11, 30) and calendar.is_working_day(start.date())
        overlaps = any(s < end and start < e for s, e in accepted)
        try:
            services.home_visits.book(visit(start, minutes=15 * length))
        except AppointmentError as exc:
            conflict = exc.code == "appointment.conflict"
            assert (conflict, not conflict) == (in_session and overlaps, not in_session)
            continue
        assert in_session and not overlaps
        accepted.append((start, end))
    held = [(v.start, v.end) for v in services.home_visits.week(monday, clerk="canbo")]
    assert sorted(held) == sorted(accepted)
