"""Handing a result back, without a window: scan, check the receiver, confirm (ReturnPresenter)."""

from __future__ import annotations

from types import SimpleNamespace

from counter_app.services.dto import FeeLine
from counter_app.services.errors import NotFound
from counter_app.ui.return_presenter import Receiver, ReturnPresenter
from tests.counter_app.ui.fakes import Lanes

CODE = "000.00.00.H27-260305-0001"
CLERK = "canbo"
LAND_FEE = FeeLine("phi", "Phí thẩm định", 100_000, "at_return")


class Screen:
    def __init__(self, scanned: str = CODE.lower(), receiver: Receiver | None = None) -> None:
        self.scanned = scanned
        self.filled = receiver or Receiver("Trần Văn Đạt", "042095001234", False, None)
        self.did: list[tuple[object, ...]] = []
        self.messages: list[tuple[str, str]] = []

    def scanned_code(self) -> str:
        return self.scanned.strip().upper()

    def receiver(self) -> Receiver:
        return self.filled

    def show_dossier(self, detail) -> None:
        self.did.append(("show", detail.code if detail else None))

    def show_message(self, kind: str, text: str) -> None:
        self.messages.append((kind, text))

    def clear_message(self) -> None:
        self.did.append(("clear_message",))

    def ready_for_scan(self) -> None:
        self.did.append(("ready_for_scan",))

    def focus_first_field(self) -> None:
        self.did.append(("focus_first_field",))

    def focus_field(self, key: str) -> None:
        self.did.append(("focus", key))

    def show_field_issue(self, key: str, message: str | None) -> None:
        if message is not None:
            self.did.append(("issue", key, message))

    def announce_returned(self, code: str) -> None:
        self.did.append(("returned", code))


class Returns:
    def __init__(self, fees: tuple[FeeLine, ...] = ()) -> None:
        self.fees = fees
        self.handed: list[tuple[object, ...]] = []

    def check(self, code: str):
        if code != CODE:
            raise NotFound(f"Không tìm thấy hồ sơ {code}.")
        return SimpleNamespace(code=code, fees=self.fees)

    def return_result(
        self, code, receiver_name, receiver_id_number, actor, fees_collected, note=None
    ) -> None:
        self.handed.append((code, receiver_name, receiver_id_number, actor, fees_collected, note))


def scanned(screen: Screen, returns: Returns) -> ReturnPresenter:
    presenter = ReturnPresenter(screen, returns, Lanes(), CLERK)
    presenter.look_up()
    return presenter


def test_a_scanned_code_shows_its_dossier_and_the_scan_box_is_ready_again():
    screen = Screen()
    presenter = scanned(screen, Returns())
    assert presenter.detail is not None and presenter.detail.code == CODE
    assert screen.did == [("show", CODE), ("ready_for_scan",)]
    assert screen.messages[-1][0] == "info" and "F9" in screen.messages[-1][1]


def test_an_unknown_code_is_explained_with_the_code_itself():
    screen = Screen(scanned="000.00.00.H27-000101-9999")
    presenter = scanned(screen, Returns())
    assert presenter.detail is None
    assert screen.messages[-1] == (
        "error",
        "000.00.00.H27-000101-9999: Không tìm thấy hồ sơ 000.00.00.H27-000101-9999.",
    )
    assert screen.did == [("show", None), ("ready_for_scan",)]


def test_an_empty_scan_does_nothing():
    screen = Screen(scanned="  ")
    presenter = scanned(screen, Returns())
    assert presenter.detail is None and screen.did == [] and screen.messages == []


def test_the_receivers_name_is_needed():
    screen, returns = Screen(receiver=Receiver("", "", False, None)), Returns()
    presenter = scanned(screen, returns)
    presenter.confirm()
    assert returns.handed == []
    assert screen.messages[-1] == ("error", "Hãy nhập họ tên người nhận kết quả.")
    assert screen.did[-1] == ("focus", "receiver_name")


def test_fees_due_at_return_must_be_collected_before_the_result_is_handed_back():
    screen, returns = Screen(), Returns(fees=(LAND_FEE,))
    presenter = scanned(screen, returns)
    presenter.confirm()
    assert returns.handed == [] and screen.did[-1] == ("focus", "fees")
    screen.filled = Receiver("Trần Văn Đạt", "042095001234", True, "Người nhà nhận thay")
    presenter.confirm()
    assert returns.handed == [
        (CODE, "Trần Văn Đạt", "042095001234", CLERK, True, "Người nhà nhận thay")
    ]
    assert screen.messages[-1] == ("success", f"Đã trả kết quả hồ sơ {CODE} cho Trần Văn Đạt.")
    assert screen.did[-3:] == [("show", None), ("returned", CODE), ("focus_first_field",)]
    assert presenter.detail is None
    presenter.confirm()  # nothing on screen any more: a stray F9 records nothing
    assert len(returns.handed) == 1
