"""A counter whose clock cannot be right is warned before a slip is printed; sync says why."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from counter_app.domain.vntime import now_vn
from counter_app.services.clock import CLOCK_SUSPECT, ClockSuspect
from counter_app.sync.errors import FailureKind, SyncError
from counter_app.sync.service import SyncOptions
from counter_devkit.counter_pc import CounterPC
from counter_devkit.intake import intake
from counter_devkit.server import ServerProcess

DAYS_400 = timedelta(days=400)


class SkewedClock:
    """This PC's wall clock: the true time plus `offset`, which the test moves."""

    def __init__(self) -> None:
        self.offset = timedelta(0)

    def __call__(self) -> datetime:
        return now_vn() + self.offset


@pytest.fixture
def clock() -> SkewedClock:
    return SkewedClock()


@pytest.fixture
def skewed_pc(counter_dir: Path, clock: SkewedClock) -> CounterPC:
    pc = CounterPC(counter_dir, CounterPC.unit_of(counter_dir), clock=clock)
    yield pc  # type: ignore[misc]
    pc.close()


def _count(pc: CounterPC) -> int:
    return int(pc.sql("SELECT count(*) FROM dossiers")[0][0])


def test_a_counter_400_days_behind_is_warned_before_printing(
    sqlite_server: ServerProcess, skewed_pc: CounterPC, clock: SkewedClock
) -> None:
    skewed_pc.enrol(sqlite_server)
    skewed_pc.receive(1)
    assert skewed_pc.sync.sync_once().error is None
    clock.offset = -DAYS_400
    with pytest.raises(ClockSuspect) as refused:
        skewed_pc.receive(1)
    assert refused.value.code == CLOCK_SUSPECT
    assert "sớm hơn thời điểm mới nhất đã ghi trên máy" in refused.value.message
    assert _count(skewed_pc) == 1  # nothing stored, no code taken
    code = skewed_pc.dossiers.receive(intake(name="Trần Văn Đức"), clock_confirmed=True)
    assert _count(skewed_pc) == 2 and code


def test_a_clock_the_server_refused_warns_at_intake_and_sync_says_fix_the_clock(
    sqlite_server: ServerProcess, skewed_pc: CounterPC, clock: SkewedClock
) -> None:
    clock.offset = -DAYS_400
    skewed_pc.enrol(sqlite_server)  # enrolment is not refused: the server records the skew
    report = skewed_pc.sync.sync_once()
    assert isinstance(report.error, SyncError)
    assert report.error.kind == FailureKind.CLOCK
    assert "Đồng hồ của máy này chậm hơn giờ máy chủ tỉnh 400 ngày" in report.error.message
    assert "chỉnh lại ngày giờ" in report.error.message
    with pytest.raises(ClockSuspect) as refused:
        skewed_pc.receive(1)
    assert "chậm 400 ngày so với giờ máy chủ" in refused.value.message
    clock.offset = timedelta(0)  # the clerk fixed the clock: the next contact clears it
    assert skewed_pc.sync.sync_once().error is None
    skewed_pc.receive(1)


def test_a_sync_made_while_the_clock_was_a_year_ahead_shows_the_servers_time(
    sqlite_server: ServerProcess, skewed_pc: CounterPC, clock: SkewedClock
) -> None:
    skewed_pc.enrol(sqlite_server)
    assert skewed_pc.sync.sync_once().error is None
    status = skewed_pc.sync.status()
    assert not status.last_success_clock_wrong
    # A year ahead, a sync is refused; as if it had gone through, the log keeps the server time.
    skewed_pc.sql_write(
        "UPDATE sync_log SET finished_at = ? WHERE outcome = 'ok'",
        (now_vn() + timedelta(days=365)).isoformat(timespec="seconds"),
    )
    status = skewed_pc.sync.status()
    assert status.last_success_at is not None
    assert status.last_success_at.year == now_vn().year
    assert "đồng hồ máy lúc đó sai" in status.text(now_vn())


def test_plain_http_beyond_this_machine_is_refused_unless_allowed(
    counter_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COUNTER_ALLOW_INSECURE_HTTP", raising=False)
    pc = CounterPC(counter_dir, CounterPC.unit_of(counter_dir))
    try:
        with pytest.raises(SyncError) as refused:
            pc.sync.enrol("http://dongbo.example.invalid", "ABCD-1234")
        assert refused.value.kind == FailureKind.INSECURE
        assert "https://" in refused.value.message and "không mã hoá" in refused.value.message
    finally:
        pc.close()
    allowed = CounterPC(
        counter_dir, CounterPC.unit_of(counter_dir), options=SyncOptions(allow_insecure_http=True)
    )
    try:
        with pytest.raises(SyncError) as offline:
            allowed.sync.enrol("http://dongbo.example.invalid", "ABCD-1234")
        assert offline.value.kind == FailureKind.OFFLINE  # got as far as trying to connect
    finally:
        allowed.close()
