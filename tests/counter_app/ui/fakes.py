"""Stand-ins for the presenter tests: background lanes that run a task when told to."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Lanes:
    """The TaskRunner's run_db / run_io, without threads: each task waits in `pending` until
    `run_all()` (or runs at once with `immediate=True`), its callbacks then called in order."""

    def __init__(self, immediate: bool = True) -> None:
        self.immediate = immediate
        self.pending: list[Callable[[], None]] = []

    def run_db(
        self,
        fn: Callable[[], Any],
        on_ok: Callable[[Any], None] | None = None,
        on_err: Callable[[BaseException], None] | None = None,
        owner: object = None,
        what: str = "",
    ) -> None:
        def task() -> None:
            try:
                value = fn()
            except Exception as exc:  # delivered to on_err, as the TaskRunner does
                if on_err is None:
                    raise
                on_err(exc)
                return
            if on_ok is not None:
                on_ok(value)

        self.pending.append(task)
        if self.immediate:
            self.run_all()

    run_io = run_db

    def run_all(self) -> None:
        while self.pending:
            self.pending.pop(0)()
