"""End to end against the real server: enrolment, push, and everything the province sends down."""

from __future__ import annotations

import itertools
import json
from datetime import date
from pathlib import Path

import httpx
import pytest

from counter_app.assets import get_asset
from counter_app.services.errors import ServiceError
from counter_app.sync.errors import FailureKind, SyncError
from counter_app.sync.runner import BackoffPolicy
from counter_devkit.counter_pc import (
    CounterPC,
    assert_converged,
    make_counter_dir,
    server_dossiers,
    sync_unit,
)
from counter_devkit.server import ServerProcess
from counter_protocol.statuses import Status
from counter_protocol.tracking import s10_check_digit

_serials = itertools.count(10_000_000 + (hash("sync") % 1000) * 10_000)


def s10_numbers(count: int) -> list[str]:
    out = []
    for _ in range(count):
        serial = f"{next(_serials):08d}"
        out.append(f"EE{serial}{s10_check_digit(serial)}VN")
    return out


def test_work_before_enrolment_is_sent_after_it(
    sqlite_server: ServerProcess, pc: CounterPC
) -> None:
    codes = pc.receive(3)
    pc.move(codes[0], Status.PROCESSING)
    early = pc.sync.sync_once()
    assert early.error is not None and early.error.kind == FailureKind.NOT_ENROLLED
    assert "chưa đăng ký" in early.error.message and "Đăng ký máy" in early.error.advice
    assert pc.states() == {"queued": 4}
    pc.enrol(sqlite_server)
    device = pc.sql(
        "SELECT server_device_id, server_public_key, public_key, private_key, "
        "enrolled_at, server_url FROM devices WHERE is_self"
    )[0]
    assert all(device) and len(device[3]) == 32 and device[5] == sqlite_server.base_url
    report = pc.sync.sync_once()
    assert report.error is None, report.error
    assert (report.sent, report.acked, report.batches) == (4, 4, 1)
    assert report.status is not None and report.status.all_sent
    assert [r[1] for r in server_dossiers(sqlite_server, pc.unit)] == sorted(codes)
    assert_converged(sqlite_server, pc)


def test_province_status_becomes_a_local_event_without_an_outbox_op(
    sqlite_server: ServerProcess, pc: CounterPC
) -> None:
    pc.enrol(sqlite_server)
    code = pc.receive(2)[0]
    assert pc.sync.sync_once().error is None
    sqlite_server.cli(
        "dossier", "status", code, "9", "--note", "Có kết quả", "--actor", "Sở Tư pháp"
    )
    ops_before = pc.sql("SELECT count(*) FROM outbox")[0][0]
    report = pc.sync.sync_once()
    assert report.error is None and report.pull_applied == 1
    assert pc.sql("SELECT count(*) FROM outbox")[0][0] == ops_before
    assert pc.sql("SELECT status, sub_state FROM dossiers WHERE code = ?", code) == [
        (9, "result_at_counter")
    ]
    event = pc.sql(
        "SELECT kind, actor, from_status, to_status, note, origin FROM dossier_events "
        "WHERE origin = 'province'"
    )
    assert event == [("province_status", "Sở Tư pháp", 2, 9, "Có kết quả", "province")]
    pc.services.returns.return_result(code, "Trần Thị Nhận", "042195000009", "canbo", True)
    assert pc.sync.sync_once().error is None
    assert dict((r[1], r[2]) for r in server_dossiers(sqlite_server, pc.unit))[code] == 10
    assert_converged(sqlite_server, pc)
    assert pc.sync.sync_once().pulled == 0  # applied once: the cursor moved past it


def test_a_province_change_the_server_ordered_first_is_history_only(
    sqlite_server: ServerProcess, pc: CounterPC
) -> None:
    pc.enrol(sqlite_server)
    code = pc.receive(1)[0]
    assert pc.sync.sync_once().error is None
    sqlite_server.cli("dossier", "status", code, "4")
    pc.move(code, Status.WITHDRAWN)  # the clerk acted offline; the server gets it after the 4
    report = pc.sync.sync_once()
    assert report.error is None and report.pull_unchanged == 1
    message = pc.sql(  # other tests' revocations reach every unit's feed too
        "SELECT result, message FROM province_updates WHERE kind = 'dossier.status'"
    )[0]
    assert message[0] == "unchanged" and "trạng thái giữ theo máy chủ tỉnh" in message[1]
    assert pc.status_of(code) == Status.WITHDRAWN
    assert pc.sql("SELECT to_status, origin FROM dossier_events WHERE origin = 'province'") == [
        (4, "province")
    ]
    assert_converged(sqlite_server, pc)


def test_catalogue_calendar_and_tracking_pool_are_installed(
    sqlite_server: ServerProcess, pc: CounterPC, tmp_path: Path
) -> None:
    pc.enrol(sqlite_server)
    before = pc.receive(1)[0]
    old_version = pc.sql("SELECT catalogue_version FROM dossiers")[0][0]
    document = json.loads(get_asset("catalogue", "ha-tinh-sample.json").read_text("utf-8"))
    document["version"] = f"HT-test-{pc.unit}"
    (tmp_path / "cat.json").write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    sqlite_server.cli("publish", "catalogue", str(tmp_path / "cat.json"))
    (tmp_path / "cal.csv").write_text("date,kind,name\n2031-03-04,holiday,Nghỉ bù thử\n", "utf-8")
    sqlite_server.cli("publish", "calendar", str(tmp_path / "cal.csv"))
    numbers = s10_numbers(5)
    (tmp_path / "pool.txt").write_text("\n".join(numbers), "utf-8")
    sqlite_server.cli("publish", "tracking-pool", "--unit", pc.unit, str(tmp_path / "pool.txt"))
    assert pc.services.calendar.calendar().is_working_day(date(2031, 3, 4))
    report = pc.sync.sync_once()
    assert report.error is None and report.pull_applied >= 3
    versions = pc.sql("SELECT version, is_current FROM catalogue_versions ORDER BY id")
    assert versions[-1] == (document["version"], 1) and (old_version, 0) in versions
    after = pc.receive(1)[0]
    assert dict(pc.sql("SELECT code, catalogue_version FROM dossiers")) == {
        before: old_version,
        after: document["version"],
    }
    assert not pc.services.calendar.calendar().is_working_day(date(2031, 3, 4))
    assert sorted(r[0] for r in pc.sql("SELECT number FROM tracking_pool")) == sorted(numbers)
    assert pc.sync.sync_once().error is None
    assert_converged(sqlite_server, pc)


def test_a_revoked_counter_stops_and_says_so(sqlite_server: ServerProcess, pc: CounterPC) -> None:
    pc.enrol(sqlite_server)
    pc.receive(1)
    assert pc.sync.sync_once().error is None
    pc.receive(1)
    device_id = pc.sql("SELECT server_device_id FROM devices WHERE is_self")[0][0]
    sqlite_server.cli("revoke", str(device_id))
    report = pc.sync.sync_once()
    assert report.error is not None and report.error.kind == FailureKind.REVOKED
    assert "thu hồi" in report.error.message
    assert report.status is not None and report.status.revoked
    assert report.status.text(report.started_at).startswith("Máy đã bị thu hồi")
    assert "1 hồ sơ chờ gửi" in report.status.text(report.started_at)
    assert BackoffPolicy().delay(1, report.error, __import__("random").Random()) is None
    again = pc.sync.sync_once()  # remembered: no request goes out any more
    assert again.error is not None and again.error.kind == FailureKind.REVOKED
    assert pc.states() == {"acked": 1, "queued": 1}


def test_a_slot_clash_is_refused_before_anything_is_sent(
    sqlite_server: ServerProcess, store_template: Path, tmp_path: Path
) -> None:
    unit = sync_unit()
    first = CounterPC(make_counter_dir(store_template, tmp_path / "a", unit), unit)
    second = CounterPC(make_counter_dir(store_template, tmp_path / "b", unit), unit)
    first.enrol(sqlite_server)
    second.receive(2)
    with pytest.raises(SyncError) as refused:
        second.enrol(sqlite_server)
    assert refused.value.kind == FailureKind.CONFLICT
    assert "slot" in refused.value.message and "0" in refused.value.message
    assert second.sql("SELECT server_device_id FROM devices")[0][0] is None
    assert second.sync.sync_once().error.kind == FailureKind.NOT_ENROLLED  # type: ignore[union-attr]
    assert server_dossiers(sqlite_server, unit) == []
    first.close()
    second.close()


def test_a_code_for_another_unit_is_not_stored(sqlite_server: ServerProcess, pc: CounterPC) -> None:
    other_unit = sync_unit()
    code = sqlite_server.enrol_code(other_unit)
    with pytest.raises(SyncError) as refused:  # refused by the server, the code left unused
        pc.sync.enrol(sqlite_server.base_url, code)
    assert refused.value.server_code == "unit_mismatch" and other_unit in refused.value.message
    assert pc.sql("SELECT server_device_id FROM devices")[0][0] is None
    assert (
        sqlite_server.scalar("SELECT count(*) FROM devices WHERE unit_code = :u", u=other_unit) == 0
    )


def test_bad_codes_and_addresses_are_explained(sqlite_server: ServerProcess, pc: CounterPC) -> None:
    with pytest.raises(SyncError) as bad:
        pc.sync.enrol(sqlite_server.base_url, "AAAA-BBBB")
    assert bad.value.kind == FailureKind.REFUSED and "không đúng" in bad.value.message
    with pytest.raises(ServiceError):
        pc.sync.enrol("dongbo.hatinh", "AAAA-BBBB")
    with pytest.raises(SyncError) as offline:
        pc.sync.enrol("http://127.0.0.1:9", "AAAA-BBBB")
    assert offline.value.kind == FailureKind.OFFLINE
    with httpx.Client() as client:
        assert client.get(f"{sqlite_server.base_url}/health").status_code == 200
