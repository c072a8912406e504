"""The `counter-app` command line: start the window, or run one support command headless.

One module per command group (`setup`, `calendar`, `config`, `demo`, `dossiers`, `sync`, `smoke`,
`backup`)
adds its own sub-command and handler; `parser` assembles them, `dispatch` picks the handler and
`failures` is the one place a failure becomes an exit code and one line on stderr.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from counter_app.cli.dispatch import dispatch
from counter_app.cli.failures import run_guarded
from counter_app.cli.parser import build_parser

if TYPE_CHECKING:
    from counter_app.cli.host import AppHost


def run(argv: list[str], host: AppHost) -> int:
    """Parse `argv` (a usage error exits 2 with one line), run it, return the exit code."""
    args = build_parser().parse_args(argv)
    return run_guarded(lambda: dispatch(args, host), args.data_dir)


__all__ = ["run"]
