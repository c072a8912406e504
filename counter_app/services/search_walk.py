"""Several ways to walk the same answer, raced a step at a time (docs/decisions/0031).

Each walk lists, newest first, every dossier that may match (by one index) and tests the other
filters on each. Any one of them alone gives the exact answer: the newest `want` that pass, or
all of them once it has run out. Which is fastest depends on the data ("nguyen" with a rare
status: the status's short list; "nguyen van an" with "returned": the name's), so each takes a
first short step; then the walk whose steps found matches most often goes on, with a step as
long as it should need to fill the page (at most 4× its last), and the others stay ready in
case its luck turns: never far from the work of the best walk, whatever was asked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement
from sqlalchemy.orm import Session

from counter_app.models.search_queries import IdSelect, chunk

FIRST_STEP = 128
STEP_GROWTH = 4
LAST_STEP = 65_536
WalkStep = Callable[[int | None, int], IdSelect]  # (cursor, budget) -> the next ids of the walk


@dataclass
class Walk:
    """One way through the candidates: its steps and the filters it leaves to each row."""

    step: WalkStep
    filters: Sequence[ColumnElement[bool]]
    cursor: int | None = None
    found: list[int] = field(default_factory=list)
    finished: bool = False
    scanned: int = 0
    last_step: int = 0

    def advance(self, session: Session, budget: int) -> None:
        step = chunk(self.step(self.cursor, budget), self.filters)
        rows = session.connection().execute(step).all()
        *hits, (last, read) = rows  # the last row: the step's last id and -(ids read)
        self.found.extend(sorted((int(r[0]) for r in hits), reverse=True))
        if last is not None:
            self.cursor = int(last)
        self.finished = -read < budget
        self.scanned += -read
        self.last_step = budget


def race(session: Session, walks: Sequence[Walk], want: int) -> list[int]:
    """The newest `want` ids that pass, from whichever walk gets there first."""
    first = min(FIRST_STEP, max(want, 1) * 2)
    for walk in walks:
        walk.advance(session, first)
        if walk.finished or len(walk.found) >= want:
            return walk.found[:want]
    while True:
        walk = min(walks, key=lambda w: _rows_to_go(w, want))
        walk.advance(session, _next_step(walk, want))
        if walk.finished or len(walk.found) >= want:
            return walk.found[:want]


def _rows_to_go(walk: Walk, want: int) -> float:
    """How many more rows this walk should read to fill the page, from its hits so far."""
    rate = (len(walk.found) + 0.5) / walk.scanned  # a walk with no hit yet is not ruled out
    return (want - len(walk.found)) / rate


def _next_step(walk: Walk, want: int) -> int:
    return int(min(max(_rows_to_go(walk, want) * 1.25, FIRST_STEP), walk.last_step * STEP_GROWTH,
                   LAST_STEP))  # fmt: skip
