"""Which code a parsed command line runs: the smoke test, the window, or one command's handler."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from counter_app.cli.host import AppHost, Handler


def dispatch(args: argparse.Namespace, host: AppHost) -> int:
    if args.smoke_test:
        from counter_app.cli.smoke import run_smoke_test

        return run_smoke_test(args, host)
    if args.command is None:
        return host.run_gui(args)
    handler: Handler = args.handler  # set by the command's own module (set_defaults)
    return handler(args, host)
