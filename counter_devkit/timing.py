"""Time for tests without waiting on the wall clock: a clock moved by hand, and waiting for a
condition (the timeout only bounds a hang; it never decides an outcome)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

HANG_S = 60.0  # far beyond any honest wait on a loaded machine: reaching it means a hang
_POLL_S = 0.01
JUST_PAST = 1e-6  # added to a pause: a float sum can land an ulp short of the due time


def wait_until(
    condition: Callable[[], bool], what: str = "the condition", timeout_s: float = HANG_S
) -> None:
    """Return as soon as `condition()` is true; fail only if it never becomes true (a hang)."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not happen within {timeout_s:g} s (a hang)")
        time.sleep(_POLL_S)


class FakeClock:
    """A monotonic clock that moves only when the test calls `advance` (the `Clock` of
    counter_app.sync.runner): `wait` returns when its event is set or the clock has been moved
    past the pause, never because real time went by."""

    def __init__(self, start: float = 1000.0) -> None:
        self._now = start
        self._moved = threading.Condition()

    def now(self) -> float:
        with self._moved:
            return self._now

    def wait(self, wake: threading.Event, seconds: float | None) -> bool:
        with self._moved:
            deadline = None if seconds is None else self._now + seconds
            while not wake.is_set() and (deadline is None or self._now < deadline):
                self._moved.wait(_POLL_S)  # Event.set() cannot notify us: look again soon
        return wake.is_set()

    def advance(self, seconds: float) -> None:
        with self._moved:
            self._now += seconds
            self._moved.notify_all()
