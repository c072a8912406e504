"""The services apply the domain rules: normalised ids and phones on every write, due states in
working days with the threshold of the `due_soon.working_days` setting."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from counter_app.domain.dossier_rules import DueState
from counter_app.services.dossiers import DossierService
from counter_app.services.dto import ApplicantInput
from counter_app.services.intake import store_received
from counter_app.services.search import DossierQuery, DueFilter, SearchService
from counter_app.services.settings import set_setting
from counter_devkit.intake import intake
from counter_protocol.timefmt import VN_TZ

TWO_WORKING_DAYS = "1.004845"  # a procedure decided in 2 working days (sample catalogue)


def vn(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=VN_TZ)


def untidy(request, id_number: str = "042 195.123-456", phone: str = "+84 912 345 678"):
    """The request as a caller that did not normalise anything would send it."""
    applicant: ApplicantInput = replace(
        request.applicant, id_number=id_number, phone=phone, old_id_number="186-123-456"
    )
    return replace(request, applicant=applicant)


def stored_numbers(db: Path, code: str) -> tuple[object, ...]:
    conn = sqlite3.connect(db)
    row = conn.execute(
        "select d.id_number, d.phone, a.id_number, a.old_id_number, a.phone, p.payload "
        "from dossiers d join applicants a on a.id = d.applicant_id "
        "join outbox_payloads p on p.device_seq = d.last_op_seq where d.code = ?",
        (code,),
    ).fetchone()
    applicant = json.loads(row[5])["data"]["applicant"]
    return (*row[:5], applicant["id_number"], applicant["old_id_number"], applicant["phone"])


NORMALISED = (
    "042195123456",
    "0912345678",
    "042195123456",
    "186123456",
    "0912345678",
    "042195123456",
    "186123456",
    "0912345678",
)


def test_the_service_normalises_what_the_caller_did_not(services, data_dir: Path) -> None:
    code = services.dossiers.receive(untidy(intake()))
    assert stored_numbers(data_dir / "counter.sqlite3", code) == NORMALISED
    assert [r.code for r in services.search.find(DossierQuery(text="0912 345 678"))] == [code]


def test_the_store_writer_normalises_too_when_called_directly(services, data_dir: Path) -> None:
    with services.store.write() as session:
        code = store_received(
            session, untidy(intake()), vn(2026, 4, 16, 9, 10), services.calendar.due
        )
    assert stored_numbers(data_dir / "counter.sqlite3", code) == NORMALISED


def test_the_receiver_id_of_a_return_is_normalised(services, data_dir: Path) -> None:
    code = services.dossiers.receive(intake())
    services.lifecycle.result_received(code, "canbo")
    services.returns.return_result(
        code, "Nguyễn Thị Hồng Nhung", " 042 195 123 456 ", "canbo", True
    )
    extra = (
        sqlite3.connect(data_dir / "counter.sqlite3")
        .execute("select data_json from dossier_events where kind = 'returned'")
        .fetchone()[0]
    )
    assert json.loads(extra)["receiver_id_number"] == "042195123456"


def test_a_postal_address_is_kept_only_for_a_postal_result(services) -> None:
    at_counter = replace(intake(), delivery_address="Xóm 3, xã Thạch Hà")
    assert services.details.get(services.dossiers.receive(at_counter)).delivery_address is None


def _received_thursday(services) -> str:
    thursday = DossierService(services.store, services.calendar.due, lambda: vn(2026, 4, 16, 9, 10))
    return thursday.receive(intake(procedure=TWO_WORKING_DAYS))


def _search_at(services, moment: datetime) -> SearchService:
    return SearchService(services.store, services.calendar, lambda: moment)


def test_due_soon_is_counted_in_working_days_from_the_setting(services) -> None:
    code = _received_thursday(services)
    assert services.details.get(code).due_at == vn(2026, 4, 20, 9, 10)  # Monday
    friday_afternoon = _search_at(services, vn(2026, 4, 17, 15, 0))
    [row] = friday_afternoon.find(DossierQuery())
    assert row.due_state == DueState.DUE_SOON
    assert [r.code for r in friday_afternoon.find(DossierQuery(due=DueFilter.SOON))] == [code]
    assert friday_afternoon.find(DossierQuery(due=DueFilter.OVERDUE)) == []
    friday_morning = _search_at(services, vn(2026, 4, 17, 8, 0))  # window ends Monday 08:00
    assert friday_morning.find(DossierQuery())[0].due_state == DueState.ON_TIME
    assert friday_morning.find(DossierQuery(due=DueFilter.SOON)) == []
    with services.store.write() as session:
        set_setting(session, "due_soon.working_days", "2")
    assert friday_morning.find(DossierQuery())[0].due_state == DueState.DUE_SOON
    assert [r.code for r in friday_morning.find(DossierQuery(due=DueFilter.SOON))] == [code]


def test_a_result_waiting_for_pickup_is_not_overdue(services) -> None:
    ready, late = _received_thursday(services), _received_thursday(services)
    services.lifecycle.result_received(ready, "canbo")
    services.lifecycle.forward(late, "canbo", received_by="Văn thư Sở Tư pháp")
    next_week = _search_at(services, vn(2026, 4, 23, 10, 0))
    states = {r.code: r.due_state for r in next_week.find(DossierQuery())}
    assert states == {ready: DueState.AWAITING_PICKUP, late: DueState.OVERDUE}
    assert [r.code for r in next_week.find(DossierQuery(due=DueFilter.OVERDUE))] == [late]
    services.returns.return_result(ready, "Nguyễn Thị Hồng Nhung", "042195123456", "canbo", True)
    assert next_week.find(DossierQuery(text=ready))[0].due_state == DueState.CLOSED


def test_a_receiver_id_that_is_no_cccd_is_refused_and_nothing_returned(services) -> None:
    import pytest

    from counter_app.domain.validation import ValidationError
    from counter_protocol.statuses import Status

    code = services.dossiers.receive(intake())
    services.lifecycle.result_received(code, "canbo")
    with pytest.raises(ValidationError) as refused:
        services.returns.return_result(code, "Nguyễn Thị Hồng Nhung", "12", "canbo", True)
    assert refused.value.fields == ["receiver_id_number"]
    assert "12 chữ số" in str(refused.value)
    assert services.details.get(code).status != Status.RETURNED
    services.returns.return_result(code, "Nguyễn Thị Hồng Nhung", "", "canbo", True)  # none given
    assert services.details.get(code).receiver.name == "Nguyễn Thị Hồng Nhung"


def test_an_old_cmnd_of_two_digits_is_refused_and_nothing_is_stored(services, data_dir: Path):
    import pytest

    from counter_app.services.intake_rules import IntakeInvalid

    request = intake()
    for typed in ("12", "18612345", "1861234567", "186 12345x"):
        bad = replace(request, applicant=replace(request.applicant, old_id_number=typed))
        with pytest.raises(IntakeInvalid) as refused:
            services.dossiers.receive(bad)
        issue = next(i for i in refused.value.issues if i.field == "old_id_number")
        assert issue.message == "Số CMND cũ phải gồm 9 hoặc 12 chữ số."
    conn = sqlite3.connect(data_dir / "counter.sqlite3")
    assert conn.execute("select count(*) from dossiers").fetchone()[0] == 0
    conn.close()
