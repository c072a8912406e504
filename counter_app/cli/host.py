"""What the command line needs from the composition root: opened services, the window, Qt's PDF
check. `counter_app.app` provides all three; `counter_app.__main__` hands it to `cli.run`, so the
command line never imports the window (Qt) or builds the store itself."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from counter_app.services.calendar import CalendarService
    from counter_app.services.procedures import ProcedureService
    from counter_app.services.search import SearchService
    from counter_app.services.setup import SetupService
    from counter_app.services.slips import SlipService
    from counter_app.services.store import Store


class CommandServices(Protocol):
    """The services a command uses (a subset of the composition root's)."""

    store: Store
    calendar: CalendarService
    procedures: ProcedureService
    search: SearchService
    setup: SetupService
    slips: SlipService


class AppHost(Protocol):
    """The composition root, as the command line sees it."""

    def opened_services(self, data_dir_arg: str | None) -> AbstractContextManager[
            CommandServices]: ...

    def run_gui(self, args: argparse.Namespace) -> int: ...

    def qt_pdf_page_count(self, pdf: bytes) -> int: ...


Handler = Callable[[argparse.Namespace, AppHost], int]
