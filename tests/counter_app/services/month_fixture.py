"""March 2026 at one counter, step by step through the real services on a fake clock: 30 dossiers
over every channel and outcome, two home appointments and three online-help records.

The dossiers (keys D01–D30), procedure 1.004845 (2 working days) unless marked HKD (1.001612,
3 working days); sessions 07:00–11:30 and 13:30–17:00, no day off in March 2026:

- D01–D04 received Mon 02/03 (D04 by post), returned early / on time / late / early;
- D05 papers asked then refused (status 3); D06 papers asked, brought on 03/03 (received then);
- D07 papers asked and never brought (status 1); D08 papers asked, withdrawn (never received);
- D09 supplement asked once and still pending; D10 supplement once, brought back (the date moves
  8 working hours); D11 supplement asked twice; D12 extended (Mẫu 04); D13 withdrawn after
  receipt; D14 stopped after its date; D15 refused after appraisal; D16 by post, result exactly
  at the appointment;
- D17, D18 received at the citizen's home; D19, D20 received by the supervisor `quantri`;
- D24–D26 HKD: financial duty then on time, early, late by post; D27 refused after appraisal
  late; D28 stopped early; D29 papers asked then refused; D30 result exactly on time;
- D21–D23 received at the end of the month and still open when the report is made (30/03 09:00).

Everything expected of it is written out by hand in test_month_fixture.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from counter_app.domain.appointments import HelpKind
from counter_app.domain.kinds import Channel
from counter_app.services.home_visits import HomeVisitService, VisitRequest
from counter_app.services.online_help import HelpInput, OnlineHelpService
from tests.counter_app.services.lifecycle_helpers import (
    CLERK,
    SUPERVISOR,
    Counter,
    all_in_hand,
    request,
    vn,
)

HKD = "1.001612"  # Đăng ký thành lập hộ kinh doanh: 3 working days, field HKD
MISSING = "Tờ khai theo mẫu"


def m(day: int, hh: int, mm: int = 0) -> datetime:
    return vn(2026, 3, day, hh, mm)


# (when, dossier or visit key, what, options) in the order they happen.
TIMELINE: tuple[tuple[datetime, str, str, dict[str, Any]], ...] = (
    (m(2, 8), "D01", "receive", {}),
    (m(2, 8, 30), "D02", "receive", {}),
    (m(2, 9), "D03", "receive", {}),
    (m(2, 9, 30), "D04", "receive", {"channel": Channel.POSTAL}),
    (m(2, 10), "D05", "ask_papers", {}),
    (m(2, 10, 5), "D05", "refuse", {}),
    (m(2, 10, 30), "D06", "ask_papers", {}),
    (m(2, 11), "H1", "help", {"clerk": CLERK}),
    (m(2, 13, 30), "D07", "ask_papers", {}),
    (m(2, 14), "D08", "ask_papers", {}),
    (m(2, 14, 10), "D08", "withdraw", {}),
    (m(3, 8), "D06", "papers_in", {}),
    (m(3, 8, 30), "D09", "receive", {}),
    (m(3, 9), "D10", "receive", {}),
    (m(3, 9, 5), "D09", "forward", {}),
    (m(3, 9, 30), "D11", "receive", {}),
    (m(3, 10), "D12", "receive", {}),
    (m(3, 10, 5), "D01", "result", {}),
    (m(3, 10, 15), "D09", "agency", {}),
    (m(3, 10, 30), "D13", "receive", {}),
    (m(3, 13, 30), "D14", "receive", {}),
    (m(3, 13, 45), "D15", "receive", {}),
    (m(3, 14), "D10", "ask_supplement", {}),
    (m(3, 14, 5), "D01", "return", {}),
    (m(3, 14, 30), "D16", "receive", {"channel": Channel.POSTAL}),
    (m(3, 15), "D11", "ask_supplement", {}),
    (m(3, 15, 10), "D04", "result", {}),
    (m(4, 7, 30), "V1", "book_visit", {"start": m(4, 8), "end": m(4, 8, 45)}),
    (m(4, 7, 35), "V2", "book_visit", {"start": m(4, 10), "end": m(4, 10, 45)}),
    (m(4, 7, 45), "D11", "supplement_in", {}),
    (m(4, 8), "D09", "ask_supplement", {}),
    (m(4, 8, 10), "D17", "receive_at_home", {"visit": "V1"}),
    (m(4, 8, 20), "D02", "result", {}),
    (m(4, 8, 30), "D19", "receive", {"clerk": SUPERVISOR}),
    (m(4, 9), "D11", "ask_supplement", {"confirm_late": True}),
    (m(4, 9, 5), "D02", "return", {}),
    (m(4, 9, 10), "D13", "withdraw", {}),
    (m(4, 9, 15), "D20", "receive", {"clerk": SUPERVISOR}),
    (m(4, 9, 20), "D20", "forward", {"clerk": SUPERVISOR}),
    (m(4, 10, 10), "D18", "receive_at_home", {"visit": "V2"}),
    (m(4, 14), "D10", "supplement_in", {}),
    (m(4, 15, 30), "H2", "help", {"clerk": SUPERVISOR}),
    (m(4, 16), "D15", "appraisal_refused", {}),
    (m(5, 7, 30), "D06", "result", {}),
    (m(5, 8), "D24", "receive", {"procedure": HKD}),
    (m(5, 8, 45), "D25", "receive", {"procedure": HKD}),
    (m(5, 9), "D03", "result", {}),
    (m(5, 9, 30), "D26", "receive", {"procedure": HKD, "channel": Channel.POSTAL}),
    (m(5, 10), "D24", "ask_financial", {}),
    (m(5, 10, 30), "D03", "return", {}),
    (m(5, 11), "D12", "extend", {"new_due": m(10, 10)}),
    (m(5, 14), "D14", "stop", {}),
    (m(5, 14, 30), "D16", "result", {}),
    (m(5, 15), "D17", "result", {}),
    (m(5, 15, 10), "D19", "result", {}),
    (m(6, 8), "D10", "result", {}),
    (m(6, 8, 5), "D24", "financial_done", {}),
    (m(6, 8, 10), "D16", "return", {}),
    (m(6, 9), "D17", "return", {}),
    (m(6, 10), "D19", "return", {}),
    (m(6, 10, 30), "D04", "return", {}),
    (m(6, 15, 30), "D27", "receive", {}),
    (m(6, 16), "D28", "receive", {}),
    (m(6, 16, 30), "D25", "result", {}),
    (m(9, 8), "D28", "stop", {}),
    (m(9, 8, 15), "D29", "ask_papers", {}),
    (m(9, 8, 20), "D29", "refuse", {}),
    (m(9, 8, 30), "D30", "receive", {}),
    (m(9, 9), "D12", "result", {}),
    (m(10, 7, 30), "D24", "result", {}),
    (m(10, 8), "D25", "return", {}),
    (m(10, 9), "D24", "return", {"clerk": SUPERVISOR}),
    (m(10, 10), "D26", "result", {}),
    (m(10, 11), "D26", "return", {}),
    (m(10, 16), "D27", "appraisal_refused", {}),
    (m(11, 8, 30), "D30", "result", {}),
    (m(12, 8), "D30", "return", {}),
    (m(12, 9), "H3", "help", {"clerk": CLERK}),
    (m(27, 8), "D21", "receive", {}),
    (m(27, 9), "D22", "receive", {}),
    (m(27, 9, 10), "D22", "forward", {}),
    (m(30, 8), "D23", "receive", {}),
)


@dataclass
class Month:
    """The counter and what the timeline made: dossier codes and visit numbers by key."""

    counter: Counter
    visits: HomeVisitService
    helps: OnlineHelpService
    codes: dict[str, str] = field(default_factory=dict)
    visit_ids: dict[str, int] = field(default_factory=dict)

    def run(self) -> dict[str, str]:
        for when, key, what, options in TIMELINE:
            self.counter.clock.set(when)
            STEPS[what](self, key, **options)
        return self.codes


def _receive(month: Month, key: str, clerk: str = CLERK, **options: Any) -> None:
    base = request(clerk=clerk)
    procedure = options.pop("procedure", base.procedure_code)
    month.codes[key] = month.counter.dossiers.intake(
        replace(base, procedure_code=procedure, **options)
    ).code


def _ask_papers(month: Month, key: str) -> None:
    month.codes[key] = month.counter.dossiers.intake(request(MISSING)).code


def _book_visit(month: Month, key: str, start: datetime, end: datetime) -> None:
    month.visit_ids[key] = month.visits.book(
        VisitRequest(
            clerk=CLERK,
            start=start,
            end=end,
            citizen_name="Nguyễn Thị Hồng Nhung",
            phone="0912345678",
            address="Xóm 3, xã Thạch Hà, tỉnh Hà Tĩnh",
            procedure_code=request().procedure_code,
        )
    )


def _receive_at_home(month: Month, key: str, visit: str) -> None:
    month.codes[key] = month.visits.receive_at_home(month.visit_ids[visit], request())


def _help(month: Month, key: str, clerk: str) -> None:
    month.helps.add(
        HelpInput(
            portal_code=f"G22.99-2603-{key}",
            kind=HelpKind.FULL,
            procedure_code=request().procedure_code,
            citizen_name="Lê Thị Trực Tuyến",
            clerk=clerk,
        )
    )


def _life(action: str, *args: Any, **fixed: Any) -> Callable[..., None]:
    """A lifecycle step on the dossier `key`, by CLERK unless the options name a clerk."""

    def step(month: Month, key: str, clerk: str = CLERK, **options: Any) -> None:
        method = getattr(month.counter.lifecycle, action)
        method(month.codes[key], clerk, *args, **fixed, **options)

    return step


def _return(month: Month, key: str, clerk: str = CLERK) -> None:
    month.counter.returns.return_result(
        month.codes[key], "Nguyễn Thị Hồng Nhung", "042195123456", clerk, True
    )


def _papers_in(month: Month, key: str) -> None:
    month.counter.lifecycle.receive_supplemented(month.codes[key], all_in_hand(), CLERK)


STEPS: dict[str, Callable[..., None]] = {
    "receive": _receive,
    "ask_papers": _ask_papers,
    "papers_in": _papers_in,
    "refuse": _life("refuse", "Không thuộc thẩm quyền"),
    "withdraw": _life("withdraw", "Công dân xin rút"),
    "forward": _life("forward", received_by="Văn thư UBND xã"),
    "agency": _life("agency_received", received_by="Chuyên viên Phòng Tư pháp"),
    "ask_supplement": _life("ask_supplement", "Thiếu giấy tờ", ["Giấy xác nhận"]),
    "supplement_in": _life("supplement_received"),
    "ask_financial": _life("ask_financial", "Nộp lệ phí"),
    "financial_done": _life("financial_done"),
    "extend": _life("extend", "Chờ ý kiến cơ quan phối hợp"),
    "result": _life("result_received"),
    "appraisal_refused": _life("appraisal_refused", "Không đủ điều kiện"),
    "stop": _life("stop", "Cơ quan dừng giải quyết"),
    "return": _return,
    "book_visit": _book_visit,
    "receive_at_home": _receive_at_home,
    "help": _help,
}
