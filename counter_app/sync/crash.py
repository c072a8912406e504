"""Test seam: labelled points in the sync where a fault-injection harness may end the process.

Why it exists: the sync must stay exactly-once however the counter dies (power cut, kill -9,
Windows shutting down mid-sync). The chaos tests prove it by killing a syncing counter at each of
these points and checking that a clean sync afterwards converges, so the points must sit in the
real code paths. In the shipped program nothing is installed here: every `crash_point(...)` is a
call to `NoFaults`, which does nothing, and no setting or environment variable can change that.
Only the development kit installs an injector (`counter_devkit/faults.py`, through
`install_fault_injector`).
"""

from __future__ import annotations

from typing import Protocol

BEFORE_SEND = "before_send"  # a batch is built, nothing sent
AFTER_SERVER_COMMIT = "after_server_commit"  # the server answered (so committed); reply unread
WHILE_STORING_RECEIPT = "while_storing_receipt"  # receipt and some op states written, no commit
AFTER_RECEIPT_STORED = "after_receipt_stored"  # receipt committed, next batch not built
BEFORE_PULL = "before_pull"  # the pull request is about to go out
WHILE_APPLYING_PULL = "while_applying_pull"  # a page half applied, cursor not committed
AFTER_PULL_STORED = "after_pull_stored"  # page and cursor committed
WHILE_ENROLLING = "while_enrolling"  # the server enrolled us; its reply is not stored yet

LABELS = (
    BEFORE_SEND,
    AFTER_SERVER_COMMIT,
    WHILE_STORING_RECEIPT,
    AFTER_RECEIPT_STORED,
    BEFORE_PULL,
    WHILE_APPLYING_PULL,
    AFTER_PULL_STORED,
    WHILE_ENROLLING,
)


class FaultInjector(Protocol):
    """What a fault-injection harness installs: told each time the sync passes a point."""

    def reached(self, label: str) -> None:
        """The sync is at `label`; the injector may end the process here."""


class NoFaults:
    """The shipped behaviour: every point passes."""

    def reached(self, label: str) -> None:
        return None


_injector: FaultInjector = NoFaults()


def install_fault_injector(injector: FaultInjector) -> FaultInjector:
    """Install `injector` for this process (test harnesses only); returns the one it replaces."""
    global _injector
    replaced, _injector = _injector, injector
    return replaced


def crash_point(label: str) -> None:
    """Test seam: tell the installed fault injector the sync is at `label` (shipped: no-op)."""
    _injector.reached(label)
