"""Move a dossier to a national status with the one real lifecycle action that leads there, for
tests and harnesses that only care where a dossier stands, not how it got there."""

from __future__ import annotations

from collections.abc import Callable

from counter_app.services.lifecycle import LifecycleService, StepResult
from counter_protocol.statuses import Status

Step = Callable[[LifecycleService, str, str], StepResult]

# The action a clerk would record to reach each status from an open dossier.
STEP_TO: dict[Status, Step] = {
    Status.PROCESSING: lambda s, code, actor: s.forward(code, actor, received_by="Văn thư"),
    Status.SUPPLEMENT_REQUESTED: lambda s, code, actor: s.ask_supplement(
        code, actor, "Thiếu bản sao giấy khai sinh", ["Bản sao giấy khai sinh"], confirm_late=True
    ),
    Status.FINANCIAL_OBLIGATION: lambda s, code, actor: s.ask_financial(code, actor, "Nộp thuế"),
    Status.DONE: lambda s, code, actor: s.result_received(code, actor),
    Status.STOPPED: lambda s, code, actor: s.stop(code, actor, "Cơ quan dừng giải quyết"),
    Status.WITHDRAWN: lambda s, code, actor: s.withdraw(code, actor, "Công dân xin rút hồ sơ"),
}


def step_to(
    lifecycle: LifecycleService, code: str, status: Status, actor: str = "canbo"
) -> StepResult:
    """Record the action that leads to `status`; LifecycleError if the dossier's state does
    not allow it."""
    return STEP_TO[status](lifecycle, code, actor)
