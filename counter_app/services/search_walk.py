"""Several ways to walk the same answer, raced a step at a time (docs/decisions/0031).

Each walk lists, newest first, every dossier that may match (by one index) and tests the other
filters on each. Any one of them alone gives the exact answer: the newest `want` that pass, or
all of them once it has run out. Which is fastest depends on the data ("nguyen" with a rare
status: the status's short list; "nguyen van an" with "returned": the name's), so they take
turns, each step larger than the last, and the first to finish answers: never more than about
twice the work of the best walk, whatever was asked.
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

    def advance(self, session: Session, budget: int) -> None:
        step = chunk(self.step(self.cursor, budget), self.filters)
        rows = session.connection().execute(step).all()
        scanned = sorted(((int(r[0]), bool(r[1])) for r in rows), reverse=True)
        self.found.extend(i for i, passes in scanned if passes)
        if scanned:
            self.cursor = scanned[-1][0]
        self.finished = len(scanned) < budget


def race(session: Session, walks: Sequence[Walk], want: int) -> list[int]:
    """The newest `want` ids that pass, from whichever walk gets there first."""
    budget = min(FIRST_STEP, max(want, 1) * 2)
    while True:
        for walk in walks:
            walk.advance(session, budget)
            if walk.finished or len(walk.found) >= want:
                return walk.found[:want]
        budget = min(budget * STEP_GROWTH, LAST_STEP)
