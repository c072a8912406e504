"""The counter's lifecycle through its services on a real store: the three intake outcomes,
papers brought later under the same code, hand-overs, supplements, re-appointments, endings."""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from counter_app.services.errors import ServiceError
from counter_app.services.intake_rules import IntakeIncomplete
from counter_app.services.settings import set_setting
from counter_app.services.steps import SecondSupplement, SupervisorRequired
from counter_devkit.stores import UNIT
from counter_protocol.errors import UserError
from counter_protocol.lifecycle import Action, LifecycleError
from counter_protocol.ops import decode_op
from counter_protocol.timefmt import to_vn
from tests.counter_app.documents.pdftools import flat, pdf_text
from tests.counter_app.services.lifecycle_helpers import (
    CLERK,
    SUPERVISOR,
    Counter,
    all_in_hand,
    make_counter,
    request,
    vn,
)

TUESDAY = vn(2026, 3, 10, 9, 0)


@pytest.fixture
def counter(services, data_dir: Path) -> Counter:
    return make_counter(services, data_dir, TUESDAY)


# Who decides is known at first contact: every first event records it (docs/domain.md#routing).
DECIDER = {"competent_code": UNIT, "competent_name": "Ủy ban nhân dân xã Đức Thọ"}


def as_time(text: str) -> datetime:
    return to_vn(datetime.fromisoformat(text))


def test_every_required_paper_in_hand_receives_with_logbook_numbers(counter: Counter) -> None:
    first = counter.dossiers.intake(request(optional_missing=True))  # optional: not needed
    second = counter.dossiers.intake(request())
    assert (first.outcome, second.outcome) == (Action.RECEIVE, Action.RECEIVE)
    assert first.due_at == vn(2026, 3, 12, 9, 0)  # two working days
    row = counter.dossier(first.code, "status", "sub_state", "first_due_at", "log_book", "log_seq")
    assert row[:2] == (2, "received") and row[2] is not None and row[3:] == ("2026", 1)
    assert counter.dossier(second.code, "log_seq") == (2,)
    [(kind, extra)] = counter.events(first.code)
    assert kind == "received" and as_time(extra["due_at"]) == first.due_at
    assert set(extra) <= {"due_at", "competent_code", "competent_name"}
    [op] = counter.ops(first.code)
    created = decode_op(op).data
    assert created.status == 2 and created.due_at is not None  # type: ignore[union-attr]


def test_a_missing_required_paper_asks_for_it_and_no_deadline_runs(counter: Counter) -> None:
    result = counter.dossiers.intake(
        request("Bản sao giấy khai sinh", optional_missing=True),
        guidance="Mang bản sao có chứng thực",
    )
    assert result.outcome == Action.ASK_PAPERS
    assert result.missing == ("Bản sao giấy khai sinh",)  # only the required one
    row = counter.dossier(result.code, "status", "sub_state", "first_due_at", "log_seq")
    assert row == (1, "awaiting_papers", None, None)
    [(kind, extra)] = counter.events(result.code)
    assert kind == "papers_asked"
    assert extra == {
        "missing": ["Bản sao giấy khai sinh"],
        "reason": "Mang bản sao có chứng thực",
        **DECIDER,
    }
    created = decode_op(counter.ops(result.code)[0]).data
    assert (created.status, created.due_at) == (1, None)  # type: ignore[union-attr]


def test_a_refusal_needs_its_reason_and_ends_the_dossier(counter: Counter) -> None:
    before = counter.counts()
    with pytest.raises(ServiceError, match="lý do") as caught:
        counter.dossiers.intake(request(), refuse_reason="  ")
    assert caught.value.code == "lifecycle.reason_required"
    assert counter.counts() == before
    result = counter.dossiers.intake(request(), refuse_reason="Không thuộc thẩm quyền")
    assert result.outcome == Action.REFUSE
    assert counter.dossier(result.code, "status", "sub_state") == (3, "refused")
    assert as_time(counter.dossier(result.code, "ended_at")[0]) == TUESDAY
    assert counter.events(result.code) == [
        ("refused", {"reason": "Không thuộc thẩm quyền", **DECIDER})
    ]


def test_only_a_supervisor_receives_an_incomplete_dossier_with_a_reason(counter: Counter) -> None:
    before = counter.counts()
    with pytest.raises(SupervisorRequired, match="Trưởng bộ phận"):
        counter.dossiers.intake(request("Tờ khai theo mẫu"), override="Khách quen")
    with pytest.raises(ServiceError, match="lý do"):
        counter.dossiers.intake(request("Tờ khai theo mẫu", clerk=SUPERVISOR), override=" ")
    assert counter.counts() == before  # nothing written
    result = counter.dossiers.intake(
        request("Tờ khai theo mẫu", clerk=SUPERVISOR), override="Tờ khai nộp bản điện tử"
    )
    assert result.outcome == Action.RECEIVE
    [(_, extra)] = counter.events(result.code)
    assert extra["override"] == "Tờ khai nộp bản điện tử"


def test_receive_refuses_an_incomplete_checklist(counter: Counter) -> None:
    before = counter.counts()
    with pytest.raises(IntakeIncomplete, match="Tờ khai theo mẫu") as caught:
        counter.dossiers.receive(request("Tờ khai theo mẫu"))
    assert caught.value.code == "intake.incomplete"
    assert counter.counts() == before


def test_papers_brought_later_are_received_under_the_same_code(counter: Counter) -> None:
    waiting = counter.dossiers.intake(request("Bản sao giấy khai sinh"))
    counter.clock.set(vn(2026, 3, 12, 14, 0))  # Thursday: the applicant comes back
    with pytest.raises(SupervisorRequired):  # still missing: a clerk cannot receive it
        counter.lifecycle.receive_supplemented(
            waiting.code, request("Tờ khai theo mẫu").components, CLERK
        )
    received = counter.lifecycle.receive_supplemented(waiting.code, all_in_hand(), CLERK)
    assert (received.code, received.outcome) == (waiting.code, Action.RECEIVE)
    assert received.due_at == vn(2026, 3, 16, 14, 0)  # two working days from Thursday 14:00
    submitted, at, first_due, seq = counter.dossier(
        waiting.code, "submitted_at", "received_at", "first_due_at", "log_seq"
    )
    assert as_time(submitted) == TUESDAY and as_time(at) == vn(2026, 3, 12, 14, 0)
    assert as_time(first_due) == received.due_at and seq == 1
    assert [k for k, _ in counter.events(waiting.code)] == ["papers_asked", "received"]
    assert counter.rows("select count(*) from dossier_components where provided = 0") == [(0,)]


def test_a_dossier_waiting_for_papers_can_be_refused(counter: Counter) -> None:
    waiting = counter.dossiers.intake(request("Bản sao giấy khai sinh"))
    refused = counter.lifecycle.refuse(waiting.code, CLERK, "Người nộp không quay lại")
    assert refused.outcome == Action.REFUSE
    assert counter.dossier(waiting.code, "status") == (3,)
    with pytest.raises(LifecycleError):
        counter.lifecycle.receive_supplemented(waiting.code, all_in_hand(), CLERK)


def test_forwarding_by_post_checks_an_s10_number(counter: Counter) -> None:
    code = counter.dossiers.receive(request())
    before = counter.counts()
    with pytest.raises(ServiceError, match="chữ số kiểm tra"):
        counter.lifecycle.forward(code, CLERK, postal_number="EE123456784VN")
    with pytest.raises(ServiceError, match="người nhận"):
        counter.lifecycle.forward(code, CLERK)
    assert counter.counts() == before
    counter.clock.set(vn(2026, 3, 10, 16, 0))
    counter.lifecycle.forward(code, CLERK, postal_number="ee 123456785 vn")
    [row] = counter.lifecycle.control_sheet(code)
    assert (row.received_by, row.verdict) == ("EE123456785VN", "on_time")
    assert row.handed_by == "Nguyễn Thị Hồng Nhung"  # Mẫu 06 names the clerk, not `canbo`


def test_a_late_hand_over_shows_on_the_control_sheet(counter: Counter) -> None:
    counter.clock.set(vn(2026, 3, 13, 15, 30))  # Friday after 15:00: due Monday morning
    code = counter.dossiers.receive(request())
    counter.clock.set(vn(2026, 3, 16, 14, 0))
    counter.lifecycle.forward(code, CLERK, received_by="Văn thư UBND xã", to_unit="000.20.01.H27")
    counter.clock.advance(hours=1)
    counter.lifecycle.agency_received(code, "chuyenvien", received_by="Chuyên viên tư pháp")
    rows = counter.lifecycle.control_sheet(code)
    assert [(r.kind, r.verdict) for r in rows] == [
        ("forwarded", "late"),
        ("agency_received", "early"),
    ]
    assert rows[0].due_at == vn(2026, 3, 16, 11, 30)
    extra = counter.events(code)[1][1]
    assert extra["to_unit"] == "000.20.01.H27" and extra["from_unit"] == UNIT


def test_a_supplement_pause_over_tet_moves_the_date_by_working_hours(counter: Counter) -> None:
    counter.clock.set(vn(2026, 2, 10, 9, 0))
    code = counter.dossiers.receive(request())  # due Thursday 12/02 09:00
    counter.lifecycle.forward(code, CLERK, received_by="Văn thư")
    counter.clock.set(vn(2026, 2, 11, 15, 0))
    counter.lifecycle.ask_supplement(code, "chuyenvien", "Thiếu giấy", ["Bản sao sổ hộ khẩu"])
    paused, requests = counter.dossier(code, "paused_at", "supplement_requests")
    assert paused is not None and requests == 1
    counter.clock.set(vn(2026, 2, 23, 9, 0))  # Monday after Tết (16–20/02)
    result = counter.lifecycle.supplement_received(code, CLERK)
    # 2 h on 11/02, 8 h on 12/02 and 13/02, 2 h on 23/02: 20 working hours.
    assert result.due_at == vn(2026, 2, 23, 15, 0)
    _, extra = counter.events(code)[-1]
    assert Decimal(extra["paused_hours"]) == 20 and as_time(extra["due_at"]) == result.due_at
    assert counter.dossier(code, "paused_at") == (None,)


def test_a_second_supplement_request_warns_before_it_is_recorded(counter: Counter) -> None:
    code = counter.dossiers.receive(request())
    counter.lifecycle.ask_supplement(code, "chuyenvien", "Thiếu giấy", ["Bản sao"])
    counter.clock.advance(hours=2)
    counter.lifecycle.supplement_received(code, CLERK)
    before = counter.counts()
    with pytest.raises(SecondSupplement, match="trễ hạn") as caught:
        counter.lifecycle.ask_supplement(code, "chuyenvien", "Thiếu thêm giấy")
    assert caught.value.code == "lifecycle.second_supplement"
    assert counter.counts() == before
    counter.lifecycle.ask_supplement(code, "chuyenvien", "Thiếu thêm giấy", confirm_late=True)
    assert counter.events(code)[-1][1]["late_warning"] is True
    assert counter.dossier(code, "supplement_requests") == (2,)


def test_a_re_appointment_is_allowed_once_unless_the_setting_says_more(
    counter: Counter, services
) -> None:
    code = counter.dossiers.receive(request())  # due 12/03 09:00
    with pytest.raises(UserError, match="sau ngày hẹn hiện tại"):
        counter.lifecycle.extend(code, CLERK, "Chờ xác minh", vn(2026, 3, 11, 9, 0))
    with pytest.raises(UserError, match="ngày nghỉ"):
        counter.lifecycle.extend(code, CLERK, "Chờ xác minh", vn(2026, 3, 14, 9, 0))
    with pytest.raises(ServiceError, match="lý do"):
        counter.lifecycle.extend(code, CLERK, "", vn(2026, 3, 17, 9, 0))
    result = counter.lifecycle.extend(code, CLERK, "Chờ xác minh", vn(2026, 3, 17, 9, 0))
    assert result.due_at == vn(2026, 3, 17, 9, 0) and result.sub_state == "received"
    assert counter.dossier(code, "extensions") == (1,)
    before = counter.counts()
    with pytest.raises(UserError, match="quá 1 lần") as caught:
        counter.lifecycle.extend(code, CLERK, "Lại chờ", vn(2026, 3, 19, 9, 0))
    assert caught.value.code == "lifecycle.extension_limit" and counter.counts() == before
    with services.store.write() as session:
        set_setting(session, "lifecycle.extension_limit", "2")
    again = counter.lifecycle.extend(code, CLERK, "Lại chờ", vn(2026, 3, 19, 9, 0))
    assert counter.dossier(code, "extensions") == (2,)
    first_letter, second_letter = (
        flat(pdf_text(services.forms.preview(form_id)))
        for form_id in (result.form_id, again.form_id)
    )
    assert "trước đây" not in first_letter  # the first re-appointment mentions none before it
    assert "gia hạn 01 lần trước đây" in second_letter


@pytest.mark.parametrize(
    ("step", "status"),
    [
        (lambda lc, code: lc.result_received(code, CLERK), 9),
        (lambda lc, code: lc.appraisal_refused(code, CLERK, "Không đủ điều kiện"), 9),
        (lambda lc, code: lc.stop(code, CLERK, "Có tranh chấp"), 8),
        (lambda lc, code: lc.withdraw(code, CLERK, "Công dân xin rút"), 7),
    ],
)
def test_the_end_of_processing_is_recorded(counter: Counter, step, status: int) -> None:
    code = counter.dossiers.receive(request())
    counter.clock.advance(days=1)
    step(counter.lifecycle, code)
    got_status, ended = counter.dossier(code, "status", "ended_at")
    assert got_status == status and as_time(ended) == counter.clock.now


def test_a_return_goes_through_the_same_step(counter: Counter) -> None:
    code = counter.dossiers.receive(request())
    counter.lifecycle.result_received(code, CLERK)
    counter.clock.advance(hours=3)
    counter.returns.return_result(code, "Nguyễn Thị Hồng Nhung", "042195123456", CLERK, True)
    status, returned = counter.dossier(code, "status", "returned_at")
    assert status == 10 and as_time(returned) == counter.clock.now
    assert counter.events(code)[-1][0] == "returned"


def test_each_intake_outcome_issues_its_form(counter: Counter) -> None:
    received = counter.dossiers.intake(request())
    asked = counter.dossiers.intake(request("Bản sao giấy khai sinh", optional_missing=True))
    refused = counter.dossiers.intake(request(), refuse_reason="Không thuộc thẩm quyền")
    forms = {
        code: counter.rows(
            "select id, form_no, data_json from issued_forms where dossier_id = "
            "(select id from dossiers where code = ?)",
            code,
        )
        for code in (received.code, asked.code, refused.code)
    }
    assert [(r[0], r[1]) for r in forms[received.code]] == [(received.form_id, "01")]
    [(form_id, form_no, data)] = forms[asked.code]
    assert (form_id, form_no) == (asked.form_id, "02")
    assert "Bản sao giấy khai sinh" in data and "Giấy xác nhận (nếu có)" not in data
    [(form_id, form_no, data)] = forms[refused.code]
    assert (form_id, form_no) == (refused.form_id, "03") and "Không thuộc thẩm quyền" in data


def test_late_and_stopped_dossiers_get_their_letters(counter: Counter) -> None:
    code = counter.dossiers.receive(request())
    extended = counter.lifecycle.extend(code, CLERK, "Chờ xác minh", vn(2026, 3, 17, 9, 0))
    stopped = counter.lifecycle.stop(code, CLERK, "Có tranh chấp")
    rows = counter.rows(
        "select id, form_no, event_seq from issued_forms where dossier_id = "
        "(select id from dossiers where code = ?) order by id",
        code,
    )
    assert rows[1:] == [(extended.form_id, "04", 2), (stopped.form_id, "05", 3)]


def test_each_later_hand_over_issues_the_control_sheet_with_every_row(counter: Counter) -> None:
    code = counter.dossiers.receive(request())
    counter.lifecycle.forward(code, CLERK, received_by="Văn thư UBND xã")
    counter.clock.advance(hours=1)
    counter.lifecycle.agency_received(code, "chuyenvien", received_by="Chuyên viên tư pháp")
    counter.clock.advance(hours=1)
    last = counter.lifecycle.result_received(code, CLERK, handed_by="Chuyên viên tư pháp")
    sheets = counter.rows(
        "select id, data_json from issued_forms where form_no = '06' and dossier_id = "
        "(select id from dossiers where code = ?) order by id",
        code,
    )
    assert len(sheets) == 3 and sheets[-1][0] == last.form_id
    rows = json.loads(sheets[-1][1])["data"]["rows"]
    assert [r["received_by"] for r in rows] == ["Văn thư UBND xã", "Chuyên viên tư pháp", CLERK]
    assert "Văn thư UBND xã" in sheets[0][1] and "Chuyên viên tư pháp" not in sheets[0][1]
