"""Labelled crash points for fault-injection tests: the process kills itself (-9) at one of them.

`COUNTER_SYNC_CRASH_AT=after_server_commit:3` kills the process the third time the sync reaches
`after_server_commit`. Without the variable every point is a no-op (one dict lookup).
"""

from __future__ import annotations

import os
import signal
from collections import Counter

CRASH_ENV = "COUNTER_SYNC_CRASH_AT"

BEFORE_SEND = "before_send"  # a batch is built, nothing sent
AFTER_SERVER_COMMIT = "after_server_commit"  # the server answered (so committed); reply unread
WHILE_STORING_RECEIPT = "while_storing_receipt"  # receipt and some op states written, no commit
AFTER_RECEIPT_STORED = "after_receipt_stored"  # receipt committed, next batch not built
BEFORE_PULL = "before_pull"  # the pull request is about to go out
WHILE_APPLYING_PULL = "while_applying_pull"  # a page half applied, cursor not committed
AFTER_PULL_STORED = "after_pull_stored"  # page and cursor committed
WHILE_ENROLLING = "while_enrolling"  # the server enrolled us; its reply is not stored yet

LABELS = (BEFORE_SEND, AFTER_SERVER_COMMIT, WHILE_STORING_RECEIPT, AFTER_RECEIPT_STORED,
          BEFORE_PULL, WHILE_APPLYING_PULL, AFTER_PULL_STORED, WHILE_ENROLLING)

_reached: Counter[str] = Counter()


def crash_point(label: str) -> None:
    """Kill this process here if COUNTER_SYNC_CRASH_AT names this label (and count)."""
    spec = os.environ.get(CRASH_ENV)
    if not spec:
        return
    name, _, nth = spec.partition(":")
    if name != label:
        return
    _reached[label] += 1
    if _reached[label] >= int(nth or "1"):
        _die()


def _die() -> None:
    kill = getattr(signal, "SIGKILL", None)
    if kill is not None:
        os.kill(os.getpid(), kill)
    os._exit(137)  # Windows: no SIGKILL; an immediate exit skips every cleanup just the same
