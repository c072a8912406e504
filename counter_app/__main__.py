"""Entry point of `counter-app`: the command line, wired to the composition root (app.py)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from counter_app import app
    from counter_app.cli.main import run

    return run(sys.argv[1:] if argv is None else argv, app)


if __name__ == "__main__":
    sys.exit(main())
