"""Every lifecycle action as a clerk records it, for sync tests and the kill -9 campaign.

`take_step(pc, code, action)` goes through the counter's own services (LifecycleService, the
return service), so the ops the server receives are the ones a real counter sends.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from counter_devkit.counter_pc import CounterPC
from counter_protocol.lifecycle import Action
from counter_protocol.timefmt import to_vn

# A dossier's whole life at the counter: forwarded, a supplement round, an extension, a
# financial duty, the result back, returned to the applicant.
FULL_LIFE: tuple[Action, ...] = (
    Action.FORWARD,
    Action.AGENCY_RECEIVED,
    Action.ASK_SUPPLEMENT,
    Action.SUPPLEMENT_RECEIVED,
    Action.EXTEND,
    Action.ASK_FINANCIAL,
    Action.FINANCIAL_DONE,
    Action.RESULT_RECEIVED,
    Action.RETURN,
)
ACTOR = "canbo"


def take_step(pc: CounterPC, code: str, action: Action) -> None:
    """Record `action` on dossier `code` (LifecycleError if its state does not allow it)."""
    STEPS[action](pc, code)


def later_working_day(pc: CounterPC, code: str) -> datetime:
    """A new appointment for an extension: a working day after the current one, 16:30."""
    due = to_vn(
        datetime.fromisoformat(pc.sql("SELECT due_at FROM dossiers WHERE code = ?", code)[0][0])
    )
    calendar = pc.services.calendar.calendar()
    day = due + timedelta(days=3)
    while not calendar.is_working_day(day.date()):
        day += timedelta(days=1)
    return day.replace(hour=16, minute=30, second=0, microsecond=0)


Step = Callable[[CounterPC, str], object]
STEPS: dict[Action, Step] = {
    Action.FORWARD: lambda pc, code: pc.lifecycle.forward(code, ACTOR, received_by="Văn thư"),
    Action.AGENCY_RECEIVED: lambda pc, code: pc.lifecycle.agency_received(
        code, ACTOR, received_by="Chuyên viên"
    ),
    Action.ASK_SUPPLEMENT: lambda pc, code: pc.lifecycle.ask_supplement(
        code, ACTOR, "Thiếu giấy tờ", ["Bản sao CCCD"], confirm_late=True
    ),
    Action.SUPPLEMENT_RECEIVED: lambda pc, code: pc.lifecycle.supplement_received(code, ACTOR),
    Action.EXTEND: lambda pc, code: pc.lifecycle.extend(
        code, ACTOR, "Cần xác minh thêm", later_working_day(pc, code)
    ),
    Action.ASK_FINANCIAL: lambda pc, code: pc.lifecycle.ask_financial(code, ACTOR, "Nộp thuế"),
    Action.FINANCIAL_DONE: lambda pc, code: pc.lifecycle.financial_done(code, ACTOR),
    Action.RESULT_RECEIVED: lambda pc, code: pc.lifecycle.result_received(code, ACTOR),
    Action.APPRAISAL_REFUSED: lambda pc, code: pc.lifecycle.appraisal_refused(
        code, ACTOR, "Không đủ điều kiện"
    ),
    Action.STOP: lambda pc, code: pc.lifecycle.stop(code, ACTOR, "Cơ quan dừng giải quyết"),
    Action.WITHDRAW: lambda pc, code: pc.lifecycle.withdraw(code, ACTOR, "Công dân xin rút"),
    Action.RETURN: lambda pc, code: pc.services.returns.return_result(
        code, "Nguyễn Văn Nhận", "042195000001", ACTOR, True
    ),
}
