"""Child for the postal kill test: returns one dossier's result by post, and stops for good at
`before_commit` (everything written, nothing committed) or `after_commit` (committed, nothing
reported yet), saying so on stdout so the parent kills it there with SIGKILL."""

from __future__ import annotations

import sys
import threading

from sqlalchemy import event
from sqlalchemy.orm import Session

from counter_app.app import build_services
from counter_app.services.postal import PostalReturn
from counter_devkit.postal import ha_tinh_address


def stop_here(session: Session) -> None:
    session.flush()
    print("stopped", flush=True)
    threading.Event().wait()  # the parent kills the process while it waits here


def main() -> None:
    data_dir, code, where = sys.argv[1:4]
    services = build_services(data_dir)
    if where == "before_commit":
        event.listen(Session, "before_commit", stop_here)
    else:
        event.listen(Session, "after_commit", stop_here)
    request = PostalReturn(ha_tinh_address(), 15000, receipt=None)
    services.post.return_by_post(code, request, "canbo1")


if __name__ == "__main__":
    main()
