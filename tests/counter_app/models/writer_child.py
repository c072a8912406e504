"""Child process for the SIGKILL test: receives dossiers in a loop, printing each committed code."""

from __future__ import annotations

import sys

from counter_app.app import build_services
from counter_devkit.intake import intake


def main() -> None:
    services = build_services(sys.argv[1])
    while True:
        code = services.dossiers.receive(intake())
        print(code, flush=True)


if __name__ == "__main__":
    main()
