"""What the command line needs from the composition root: opened services, the window, Qt's PDF
check. `counter_app.app` provides all three; `counter_app.__main__` hands it to `cli.run`, so the
command line never imports the window (Qt) or builds the store itself."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from counter_app.services.accounts import AccountService
    from counter_app.services.calendar import CalendarService
    from counter_app.services.forms import FormService
    from counter_app.services.home_visits import HomeVisitService
    from counter_app.services.online_help import OnlineHelpService
    from counter_app.services.postal import PostService
    from counter_app.services.procedures import ProcedureService
    from counter_app.services.search import SearchService
    from counter_app.services.setup import SetupService
    from counter_app.services.slips import SlipService
    from counter_app.services.store import Store
    from counter_app.services.tracking_pool import TrackingPoolService
    from counter_app.sync.service import SyncOptions, SyncService


class CommandServices(Protocol):
    """The services a command uses (a subset of the composition root's)."""

    # Read-only members: the composition root's services are a frozen dataclass.
    @property
    def store(self) -> Store: ...
    @property
    def calendar(self) -> CalendarService: ...
    @property
    def procedures(self) -> ProcedureService: ...
    @property
    def search(self) -> SearchService: ...
    @property
    def setup(self) -> SetupService: ...
    @property
    def slips(self) -> SlipService: ...
    @property
    def forms(self) -> FormService: ...
    @property
    def home_visits(self) -> HomeVisitService: ...
    @property
    def online_help(self) -> OnlineHelpService: ...
    @property
    def post(self) -> PostService: ...
    @property
    def tracking_pool(self) -> TrackingPoolService: ...
    @property
    def accounts(self) -> AccountService: ...


class CommandContext(Protocol):
    """The services and the sync service, as the composition root built them."""

    @property
    def services(self) -> CommandServices: ...
    @property
    def sync(self) -> SyncService: ...


class AppHost(Protocol):
    """The composition root, as the command line sees it."""

    def opened_services(
        self, data_dir_arg: str | None
    ) -> AbstractContextManager[CommandServices]: ...

    def opened_context(
        self,
        data_dir_arg: str | None,
        sync_options: SyncOptions | None = None,
    ) -> AbstractContextManager[CommandContext]: ...

    def run_gui(self, args: argparse.Namespace) -> int: ...

    def qt_pdf_page_count(self, pdf: bytes) -> int: ...


Handler = Callable[[argparse.Namespace, AppHost], int]
