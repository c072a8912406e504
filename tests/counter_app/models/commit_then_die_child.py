"""Child for the commit-then-print kill test: commits a dossier as Ctrl+S does, reports the code,
then is killed by the parent before the slip is rendered or printed."""

from __future__ import annotations

import sys
import threading

from counter_app.app import build_services
from counter_devkit.intake import intake


def main() -> None:
    services = build_services(sys.argv[1])
    code = services.dossiers.receive(intake(name="Đặng Văn Đức", id_number="042095654321"))
    print(code, flush=True)
    threading.Event().wait()  # "rendering the slip": blocks until the parent kills us here
    services.slips.render_for(code)


if __name__ == "__main__":
    main()
