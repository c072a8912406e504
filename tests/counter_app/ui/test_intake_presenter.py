"""Saving an intake, without a window: check, store, then the slip (IntakePresenter)."""

from __future__ import annotations

from counter_app.domain.routing import InPersonRequired
from counter_app.domain.validation import ValidationIssue
from counter_app.services.clock import ClockSuspect
from counter_app.services.errors import ServiceError
from counter_app.services.intake_rules import IntakeInvalid
from counter_app.ui.intake_outcomes import planned_outcome
from counter_app.ui.intake_presenter import IntakePresenter
from counter_devkit.intake import intake
from tests.counter_app.ui.fakes import Lanes

CODE = "000.00.00.H27-260305-0001"
FIELDS_ON_SCREEN = {"full_name", "id_number", "phone", "procedure", "components"}


class Screen:
    """The intake screen as the presenter sees it: what it was told to do, in order."""

    def __init__(self, issues: list[ValidationIssue] | None = None) -> None:
        self.request = intake()
        self.issues = issues or []
        self.missing: list[str] = []
        self.guidance = ""
        self.did: list[tuple[str, ...]] = []
        self.messages: list[tuple[str, str]] = []

    def check_all(self):
        self.did.append(("check_all",))
        return self.request, list(self.issues)

    def planned_outcome(self):
        return planned_outcome(self.missing, self.guidance, None)

    def shows_field(self, key: str) -> bool:
        return key in FIELDS_ON_SCREEN

    def focus_first(self, keys) -> None:
        self.did.append(("focus", keys[0]))

    def show_message(self, kind: str, text: str) -> None:
        self.messages.append((kind, text))

    def set_saving(self, saving: bool) -> None:
        self.did.append(("saving", str(saving)))

    def reset_form(self) -> None:
        self.did.append(("reset",))

    def announce_saved(self, code: str) -> None:
        self.did.append(("saved", code))

    def show_slip(self, code: str, pdf: bytes) -> None:
        self.did.append(("slip", code, pdf.decode()))

    def ask_clock_confirmation(self, text: str, on_confirmed) -> None:
        self.did.append(("ask_clock", text))
        self.confirm = on_confirmed

    supervisor = False

    def ask_duplicate_confirmation(self, text: str, on_confirmed) -> None:
        self.did.append(("ask_duplicate", text))
        self.store_anyway = on_confirmed

    def ask_post_override(self, text: str, on_reason) -> bool:
        self.did.append(("ask_post", text))
        self.give_reason = on_reason
        return self.supervisor


class Dossiers:
    def __init__(self, refusal: Exception | None = None) -> None:
        self.refusal = refusal
        self.received: list[object] = []
        self.today: list[str] = []  # codes already received today for the same person

    def same_day_intakes(self, id_number, procedure_code) -> list[str]:
        return list(self.today)

    def receive(self, request, *, clock_confirmed: bool = False) -> str:
        if self.refusal is not None and not (
            (clock_confirmed and isinstance(self.refusal, ClockSuspect))
            or isinstance(self.refusal, InPersonRequired)
        ):
            raise self.refusal
        if isinstance(self.refusal, InPersonRequired) and not request.override_reason:
            raise self.refusal
        self.received.append(request)
        return CODE


class Slips:
    def __init__(self, broken: bool = False) -> None:
        self.broken = broken

    def render_for(self, code: str) -> bytes:
        if self.broken:
            raise OSError("Không ghi được tệp tạm")
        return f"%PDF {code}".encode()


def presenter_for(
    screen: Screen,
    dossiers: Dossiers | None = None,
    slips: Slips | None = None,
    lanes: Lanes | None = None,
) -> IntakePresenter:
    return IntakePresenter(screen, dossiers or Dossiers(), slips or Slips(), lanes or Lanes())


def test_a_clean_form_is_stored_first_then_its_slip_is_shown():
    screen, dossiers = Screen(), Dossiers()
    presenter_for(screen, dossiers).save_and_print()
    assert dossiers.received == [screen.request]
    assert screen.did == [
        ("check_all",),
        ("saving", "True"),
        ("saving", "False"),
        ("reset",),
        ("saved", CODE),
        ("slip", CODE, f"%PDF {CODE}"),
    ]
    assert screen.messages == [
        ("info", "Đang lưu hồ sơ…"),
        ("success", f"Đã lưu hồ sơ {CODE}. Đang tạo phiếu…"),
        ("success", f"Đã lưu hồ sơ {CODE}. Phiếu đã sẵn sàng."),
    ]


def test_blocking_issues_stop_the_save_and_put_the_cursor_in_the_first_field():
    screen = Screen(
        [
            ValidationIssue("phone", "Số điện thoại có vẻ chưa đúng.", False),
            ValidationIssue("full_name", "Chưa nhập họ tên.", True),
            ValidationIssue("applicant", "Người nộp phải đủ 18 tuổi.", True),
        ]
    )
    dossiers = Dossiers()
    presenter_for(screen, dossiers).save_and_print()
    assert dossiers.received == []
    # an issue with no field on screen is spelled out in the message bar
    assert screen.messages == [
        ("error", "Chưa lưu: còn 2 lỗi cần sửa (chữ đỏ dưới ô nhập).\nNgười nộp phải đủ 18 tuổi.")
    ]
    assert screen.did == [("check_all",), ("focus", "full_name")]


def test_a_refusal_by_the_service_is_shown_at_its_field_and_nothing_is_printed():
    refusal = IntakeInvalid([ValidationIssue("id_number", "Số CCCD phải có 12 chữ số.", True)])
    screen = Screen()
    presenter = presenter_for(screen, Dossiers(refusal))
    presenter.save_and_print()
    assert screen.did == [
        ("check_all",),
        ("saving", "True"),
        ("saving", "False"),
        ("check_all",),
        ("focus", "id_number"),
    ]
    assert screen.messages[-1] == ("error", "Chưa lưu: còn 1 lỗi cần sửa (chữ đỏ dưới ô nhập).")
    assert not presenter.saving and presenter.last_code is None


def test_a_store_that_cannot_write_says_so_and_keeps_the_form():
    screen = Screen()
    presenter_for(
        screen, Dossiers(ServiceError("Ổ đĩa đầy: không ghi được hồ sơ."))
    ).save_and_print()
    assert screen.messages[-1] == ("error", "Chưa lưu được hồ sơ: Ổ đĩa đầy: không ghi được hồ sơ.")
    assert ("reset",) not in screen.did


def test_a_slip_that_cannot_be_rendered_leaves_the_dossier_saved_and_says_where_to_reprint():
    screen = Screen()
    presenter = presenter_for(screen, slips=Slips(broken=True))
    presenter.save_and_print()
    assert ("saved", CODE) in screen.did
    assert not any(step[0] == "slip" for step in screen.did)
    kind, text = screen.messages[-1]
    assert kind == "warning"
    assert CODE in text and "Có thể in lại từ Danh sách hồ sơ" in text
    assert presenter.last_code == CODE


def test_a_second_ctrl_s_while_the_first_is_being_stored_does_nothing():
    screen, dossiers, lanes = Screen(), Dossiers(), Lanes(immediate=False)
    presenter = presenter_for(screen, dossiers, lanes=lanes)
    presenter.save_and_print()
    presenter.save_and_print()
    lanes.run_all()
    assert dossiers.received == [screen.request]
    assert screen.did.count(("check_all",)) == 1
    presenter.save_and_print()  # the next applicant's save is taken again
    lanes.run_all()
    assert len(dossiers.received) == 2


def test_a_clock_that_cannot_be_right_is_put_to_the_clerk_and_stored_only_once_confirmed():
    screen, dossiers = Screen(), Dossiers(ClockSuspect("Đồng hồ máy này chậm 400 ngày."))
    presenter = presenter_for(screen, dossiers)
    presenter.save_and_print()
    assert dossiers.received == []
    assert screen.did[-1][0] == "ask_clock" and "chậm 400 ngày" in screen.did[-1][1]
    assert screen.messages[-1][0] == "warning"
    screen.confirm()
    assert dossiers.received == [screen.request]
    assert screen.did[-1] == ("slip", CODE, f"%PDF {CODE}")


BY_POST_REFUSED = InPersonRequired("Thủ tục này yêu cầu người nộp có mặt: không nhận qua bưu điện.")


def test_a_supervisor_lets_an_in_person_procedure_go_by_post_with_a_logged_reason():
    screen, dossiers = Screen(), Dossiers(BY_POST_REFUSED)
    screen.supervisor = True
    presenter_for(screen, dossiers).save_and_print()
    assert dossiers.received == []  # nothing stored before the reason
    assert ("ask_post", BY_POST_REFUSED.message) in screen.did
    screen.give_reason("Người nộp đã ký trước cán bộ tại nhà")
    [stored] = dossiers.received
    assert stored.override_reason == "Người nộp đã ký trước cán bộ tại nhà"
    assert ("saved", CODE) in screen.did


def test_a_clerk_is_only_told_why_post_is_refused():
    screen, dossiers = Screen(), Dossiers(BY_POST_REFUSED)
    presenter_for(screen, dossiers).save_and_print()
    assert dossiers.received == []
    assert screen.messages[-1] == ("error", f"Chưa lưu được hồ sơ: {BY_POST_REFUSED.message}")


class Homes:
    """Receiving at the citizen's home: the appointments' service, as the presenter uses it."""

    def __init__(self) -> None:
        self.received: list[tuple[int, object, bool]] = []

    def receive_at_home(self, visit_id: int, request, *, clock_confirmed: bool = False) -> str:
        self.received.append((visit_id, request, clock_confirmed))
        return CODE


def test_a_dossier_taken_at_home_is_received_through_its_appointment():
    screen, dossiers, homes = Screen(), Dossiers(), Homes()
    presenter = IntakePresenter(screen, dossiers, Slips(), Lanes(), homes=homes)
    presenter.home_visit = 7
    presenter.save_and_print()
    assert homes.received == [(7, screen.request, False)]
    assert dossiers.received == []  # not a second, unlinked dossier
    assert ("saved", CODE) in screen.did


def test_at_home_only_a_complete_dossier_is_received():
    screen, homes = Screen(), Homes()
    screen.missing = ["Tờ khai"]  # the checklist plans Mẫu 02
    presenter = IntakePresenter(screen, Dossiers(), Slips(), Lanes(), homes=homes)
    presenter.home_visit = 7
    presenter.save_and_print()
    assert homes.received == []
    kind, text = screen.messages[-1]
    assert kind == "error" and "chỉ tiếp nhận hồ sơ đủ giấy tờ" in text


def test_a_likely_duplicate_is_asked_about_and_stored_only_when_confirmed() -> None:
    screen, dossiers = Screen(), Dossiers()
    dossiers.today = ["000.00.00.H27-260305-0001"]
    presenter = presenter_for(screen, dossiers)
    presenter.save_and_print()
    assert dossiers.received == []
    assert screen.did[-1][0] == "ask_duplicate"
    assert "000.00.00.H27-260305-0001" in screen.did[-1][1]
    assert screen.messages[-1][0] == "warning"
    screen.store_anyway()
    assert len(dossiers.received) == 1
