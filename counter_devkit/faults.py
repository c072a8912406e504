"""Kill a syncing counter at a labelled point: the fault injector of the kill -9 tests.

The points are the test seam in counter_app/sync/crash.py. `KillAtPoint("after_server_commit", 3)`
kills the process (SIGKILL) the third time the sync reaches that point. A forked child installs it
with `install_fault_injector`; a `counter-app` subprocess gets it through
`python -m counter_devkit.app_with_faults` and the variable FAULT_ENV (`label` or `label:nth`).
`label:nth:ctrl-c` sends Ctrl+C (SIGINT) to the process there instead: a person stopping the sync.
"""

from __future__ import annotations

import os
import signal

from counter_app.sync.crash import LABELS

FAULT_ENV = "COUNTER_SYNC_CRASH_AT"


class KillAtPoint:
    """A FaultInjector that kills this process the `nth` time the sync reaches `label`."""

    def __init__(self, label: str, nth: int = 1) -> None:
        if label not in LABELS:
            raise ValueError(f"no such crash point: {label!r} (known: {', '.join(LABELS)})")
        if nth < 1:
            raise ValueError(f"nth must be at least 1, not {nth}")
        self.label, self.nth, self.passed = label, nth, 0

    @classmethod
    def parse(cls, spec: str) -> KillAtPoint:
        """`label`, `label:nth` or `label:nth:ctrl-c`, as in FAULT_ENV."""
        label, _, rest = spec.partition(":")
        nth, _, action = rest.partition(":")
        if action == "ctrl-c":
            return CtrlCAtPoint(label, int(nth or "1"))
        return cls(label, int(nth or "1"))

    def reached(self, label: str) -> None:
        if label != self.label:
            return
        self.passed += 1
        if self.passed == self.nth:
            self.act()

    def act(self) -> None:
        kill_this_process()


class CtrlCAtPoint(KillAtPoint):
    """Sends this process SIGINT, as a person pressing Ctrl+C, the `nth` time at `label`."""

    def act(self) -> None:
        os.kill(os.getpid(), signal.SIGINT)


def kill_this_process() -> None:
    """Die at once, as kill -9 does: no cleanup, no atexit, no flushing."""
    kill = getattr(signal, "SIGKILL", None)
    if kill is not None:
        os.kill(os.getpid(), kill)
    os._exit(137)  # Windows: no SIGKILL; an immediate exit skips every cleanup just the same
