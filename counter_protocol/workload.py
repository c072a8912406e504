"""The monthly work counts the post office is paid by: one rule both ends apply
(docs/domain.md#work-counts).

A counter's books and the province's dashboard count the same things the same way, so the
province's figure for a month is the sum of its counters' figures. What counts:

- `Task.RECEIVED`: an event of kind "received" — the dossier entered "received", at its
  creation (status 2) or later when the papers asked for were brought. A refusal at intake
  ("refused") or a request for papers ("papers_asked") is not a receipt.
- `Task.RETURNED`: an event of kind "returned" (the result handed over or posted).
- `Task.BY_POST`: a "received" event of a dossier whose channel is 3 (BCCI), and a "returned"
  event whose step data names a postal item (`StepData.postal_number`): a result sent by post.
- `Task.AT_HOME`: a "received" event of a dossier received at the citizen's home.
- `Task.ONLINE_HELP`: an online-help record (a citizen helped to submit on the national portal).

Each count belongs to the clerk who did the work (the event's actor, the record's clerk), to the
unit of the dossier (of the counter, for online help) and to the month of the work's time in
Vietnam time (+07:00), whatever the machine's zone.

API (stable; add, never change):
- `Task`, `TASKS` (display order), `TASK_LABELS` (Vietnamese headings).
- `event_tasks(kind, channel, at_home, postal_number)` and `help_tasks()`: what one piece of
  work counts for.
- `month_of(moment)` → "YYYY-MM"; `month_span(month)` → the month's [start, end) in Vietnam time.
- `WorkEvent`, `WorkHelp`: one event / record as the rule needs it; `tally(events, helps)` →
  a `Counter` keyed by `WorkKey(month, unit_code, clerk, task)`; `month_rows(counts, month)` →
  one `WorkRow` per unit and clerk with a count per task.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Final, NamedTuple

from counter_protocol.texts import QT_TRANSLATE_NOOP
from counter_protocol.timefmt import VN_TZ

RECEIVED_KIND: Final = "received"  # lifecycle.Action.RECEIVE
RETURNED_KIND: Final = "returned"  # lifecycle.Action.RETURN
POSTAL_CHANNEL: Final = 3  # KenhThucHien 3: qua dịch vụ bưu chính công ích


class Task(StrEnum):
    """One kind of work the post office's staff are paid for."""

    RECEIVED = "received"
    RETURNED = "returned"
    BY_POST = "by_post"
    AT_HOME = "at_home"
    ONLINE_HELP = "online_help"

    @property
    def label(self) -> str:
        return TASK_LABELS[self]


TASKS: Final = tuple(Task)
TASK_LABELS: Final[dict[Task, str]] = {
    Task.RECEIVED: QT_TRANSLATE_NOOP("labels", "Tiếp nhận"),
    Task.RETURNED: QT_TRANSLATE_NOOP("labels", "Trả kết quả"),
    Task.BY_POST: QT_TRANSLATE_NOOP("labels", "Qua bưu chính"),
    Task.AT_HOME: QT_TRANSLATE_NOOP("labels", "Tại nhà"),
    Task.ONLINE_HELP: QT_TRANSLATE_NOOP("labels", "Hỗ trợ nộp trực tuyến"),
}
_NONE: Final[frozenset[Task]] = frozenset()
_MONTH = re.compile(r"(\d{4})-(0[1-9]|1[0-2])")


def event_tasks(
    kind: str, channel: int, at_home: bool = False, postal_number: str | None = None
) -> frozenset[Task]:
    """The tasks one dossier event counts for: `kind` is the event's kind, `channel` and
    `at_home` are the dossier's, `postal_number` is the event's step data."""
    if kind == RECEIVED_KIND:
        tasks = {Task.RECEIVED}
        if channel == POSTAL_CHANNEL:
            tasks.add(Task.BY_POST)
        if at_home:
            tasks.add(Task.AT_HOME)
        return frozenset(tasks)
    if kind == RETURNED_KIND:
        if postal_number and postal_number.strip():
            return frozenset({Task.RETURNED, Task.BY_POST})
        return frozenset({Task.RETURNED})
    return _NONE


def help_tasks() -> frozenset[Task]:
    """The tasks one online-help record counts for."""
    return frozenset({Task.ONLINE_HELP})


def month_of(moment: datetime) -> str:
    """The month ("YYYY-MM") an aware time falls in, in Vietnam time; a naive time is refused."""
    if moment.tzinfo is None:
        raise ValueError("a naive time has no month: its zone is unknown")
    local = moment.astimezone(VN_TZ)
    return f"{local.year:04d}-{local.month:02d}"


def month_span(month: str) -> tuple[datetime, datetime]:
    """The month's first instant and the next month's, in Vietnam time; ValueError if `month`
    is not "YYYY-MM"."""
    found = _MONTH.fullmatch(month.strip())
    if found is None:
        raise ValueError(f"not a month (YYYY-MM): {month!r}")
    year, number = int(found[1]), int(found[2])
    start = datetime(year, number, 1, tzinfo=VN_TZ)
    end = datetime(year + number // 12, number % 12 + 1, 1, tzinfo=VN_TZ)
    return start, end


class WorkKey(NamedTuple):
    month: str
    unit_code: str
    clerk: str
    task: Task


@dataclass(frozen=True)
class WorkEvent:
    """A dossier event with the dossier facts the rule reads."""

    unit_code: str
    actor: str
    at: datetime
    kind: str
    channel: int
    at_home: bool = False
    postal_number: str | None = None


@dataclass(frozen=True)
class WorkHelp:
    """An online-help record: the counter's unit, the clerk, when."""

    unit_code: str
    clerk: str
    helped_at: datetime


def tally(events: Iterable[WorkEvent], helps: Iterable[WorkHelp] = ()) -> Counter[WorkKey]:
    """Every count the events and records make, per month, unit, clerk and task."""
    counts: Counter[WorkKey] = Counter()
    for e in events:
        tasks = event_tasks(e.kind, e.channel, e.at_home, e.postal_number)
        if tasks:
            month = month_of(e.at)
            counts.update(WorkKey(month, e.unit_code, e.actor, t) for t in tasks)
    for h in helps:
        month = month_of(h.helped_at)
        counts.update(WorkKey(month, h.unit_code, h.clerk, t) for t in help_tasks())
    return counts


@dataclass(frozen=True)
class WorkRow:
    """One line of a month's table: a clerk of a unit and a count per task."""

    unit_code: str
    clerk: str
    counts: dict[Task, int]

    def count(self, task: Task) -> int:
        return self.counts.get(task, 0)


def month_rows(counts: Counter[WorkKey], month: str) -> list[WorkRow]:
    """The month's lines, by unit then clerk; units and clerks with no work are absent."""
    lines: dict[tuple[str, str], dict[Task, int]] = {}
    for key, number in counts.items():
        if key.month == month and number:
            line = lines.setdefault((key.unit_code, key.clerk), dict.fromkeys(TASKS, 0))
            line[key.task] += number
    return [WorkRow(unit, clerk, line) for (unit, clerk), line in sorted(lines.items())]
