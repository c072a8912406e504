"""`counter-app` with a fault injector: the only reader of COUNTER_SYNC_CRASH_AT.

Run: python -m counter_devkit.app_with_faults --data-dir DIR sync   (from the repository root)
with COUNTER_SYNC_CRASH_AT=after_server_commit:1 to kill the sync at that point. The shipped
`counter-app` never reads the variable.
"""

from __future__ import annotations

import os
import sys

from counter_app.__main__ import main as counter_app_main
from counter_app.sync.crash import install_fault_injector
from counter_devkit.faults import FAULT_ENV, KillAtPoint


def main(argv: list[str] | None = None) -> int:
    spec = os.environ.get(FAULT_ENV)
    if spec:
        install_fault_injector(KillAtPoint.parse(spec))
    return counter_app_main(argv)


if __name__ == "__main__":
    sys.exit(main())
