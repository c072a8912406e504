"""Entry of the command line: parse, dispatch, and turn any failure into one line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from counter_app.cli.dispatch import dispatch
from counter_app.cli.failures import run_guarded
from counter_app.cli.parser import build_parser

if TYPE_CHECKING:
    from counter_app.cli.host import AppHost


def run(argv: list[str], host: AppHost) -> int:
    """Parse `argv` (a usage error exits 2 with one line), run it, return the exit code."""
    args = build_parser(argv).parse_args(argv)
    return run_guarded(lambda: dispatch(args, host), args.data_dir)
