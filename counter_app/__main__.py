"""Entry point of `counter-app`: parse the command line and hand over to app.py or cli.py."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from counter_app.cli import run

    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
