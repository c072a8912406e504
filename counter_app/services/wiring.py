"""Every service of the counter on one open store, each built the first time it is asked for:
the first screen waits only for the services it uses (docs/decisions/0037-first-screen-first.md).
`app.build_services` opens the store and makes one; nothing else builds a service."""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar, cast, overload

if TYPE_CHECKING:  # each loads when its service is first built
    from counter_app.services.accounts import AccountService
    from counter_app.services.calendar import CalendarService
    from counter_app.services.conflicts import ConflictService
    from counter_app.services.counter_settings import SettingsService
    from counter_app.services.details import DetailService
    from counter_app.services.dossiers import DossierService
    from counter_app.services.fees import FeeService
    from counter_app.services.forms import FormService
    from counter_app.services.home_visits import HomeVisitService
    from counter_app.services.late import LateService
    from counter_app.services.lifecycle import LifecycleService
    from counter_app.services.online_help import OnlineHelpService
    from counter_app.services.passwords import PasswordCheck
    from counter_app.services.postal import PostService
    from counter_app.services.procedures import ProcedureService
    from counter_app.services.reports import ReportService
    from counter_app.services.returns import ReturnService
    from counter_app.services.search import SearchService
    from counter_app.services.setup import SetupService
    from counter_app.services.slips import SlipService
    from counter_app.services.store import Store
    from counter_app.services.tracking_pool import TrackingPoolService
    from counter_app.services.work_counts import WorkloadService

T = TypeVar("T")


class Locked(Protocol):
    """What holds built_once members: the lock they are built under."""

    @property
    def lock(self) -> AbstractContextManager[bool]: ...


S = TypeVar("S", bound=Locked)


class built_once(Generic[S, T]):
    """A service built the first time it is asked for, on whichever thread asks, exactly once
    (the services' lock): the first screen waits only for the services it uses
    (docs/decisions/0037-first-screen-first.md)."""

    def __init__(self, build: Callable[[S], T]) -> None:
        self._build, self._name = build, build.__name__

    @overload
    def __get__(self, services: None, owner: type) -> built_once[S, T]: ...
    @overload
    def __get__(self, services: S, owner: type) -> T: ...
    def __get__(self, services: S | None, owner: type) -> T | built_once[S, T]:
        if services is None:
            return self
        built = services.__dict__  # once there, found before this descriptor: no lock
        with services.lock:
            if self._name not in built:
                built[self._name] = self._build(services)
            return cast("T", built[self._name])


class Services:
    """Every service of the counter, on one open store; each is built when first used."""

    def __init__(self, store: Store, passwords: PasswordCheck | None = None) -> None:
        self.store, self._passwords = store, passwords
        self.lock = threading.RLock()  # re-entered: a service built with another one

    @built_once
    def calendar(self) -> CalendarService:
        from counter_app.services.calendar import CalendarService

        return CalendarService(self.store)

    @built_once
    def dossiers(self) -> DossierService:
        from counter_app.services.dossiers import DossierService

        return DossierService(self.store, self.calendar.due)

    @built_once
    def accounts(self) -> AccountService:
        from counter_app.services.accounts import AccountService

        return AccountService(self.store, passwords=self._passwords)

    @built_once
    def setup(self) -> SetupService:
        from counter_app.services.setup import SetupService

        return SetupService(self.store)

    @built_once
    def procedures(self) -> ProcedureService:
        from counter_app.services.procedures import ProcedureService

        return ProcedureService(self.store)

    @built_once
    def search(self) -> SearchService:
        from counter_app.services.search import SearchService

        return SearchService(self.store, self.calendar)

    @built_once
    def details(self) -> DetailService:
        from counter_app.services.details import DetailService

        return DetailService(self.store)

    @built_once
    def slips(self) -> SlipService:
        from counter_app.services.slips import SlipService

        return SlipService(self.store, self.details)

    @built_once
    def returns(self) -> ReturnService:
        from counter_app.services.returns import ReturnService

        return ReturnService(self.store)

    @built_once
    def forms(self) -> FormService:
        from counter_app.services.forms import FormService

        return FormService(self.store)

    @built_once
    def lifecycle(self) -> LifecycleService:
        from counter_app.services.lifecycle import LifecycleService

        return LifecycleService(self.store, self.calendar)

    @built_once
    def late(self) -> LateService:
        from counter_app.services.late import LateService

        return LateService(self.store, self.calendar)

    @built_once
    def conflicts(self) -> ConflictService:
        from counter_app.services.conflicts import ConflictService

        return ConflictService(self.store)

    @built_once
    def home_visits(self) -> HomeVisitService:
        from counter_app.services.home_visits import HomeVisitService

        return HomeVisitService(self.store, self.calendar, self.dossiers)

    @built_once
    def online_help(self) -> OnlineHelpService:
        from counter_app.services.online_help import OnlineHelpService

        return OnlineHelpService(self.store)

    @built_once
    def workload(self) -> WorkloadService:  # the monthly work counts (docs/domain.md#work-counts)
        from counter_app.services.work_counts import WorkloadService

        return WorkloadService(self.store)

    @built_once
    def reports(self) -> ReportService:
        from counter_app.services.reports import ReportService

        return ReportService(self.store)

    @built_once
    def post(self) -> PostService:
        from counter_app.services.postal import PostService

        return PostService(self.store)

    @built_once
    def tracking_pool(self) -> TrackingPoolService:
        from counter_app.services.tracking_pool import TrackingPoolService

        return TrackingPoolService(self.store)

    @built_once
    def fees(self) -> FeeService:
        from counter_app.services.fees import FeeService

        return FeeService(self.store)

    @built_once
    def settings(self) -> SettingsService:
        from counter_app.services.counter_settings import SettingsService

        return SettingsService(self.store, self.calendar.forget)

    def build_all(self) -> None:
        """Every service now: after the first screen, so that later screens open at once."""
        for name, member in vars(Services).items():
            if isinstance(member, built_once):
                getattr(self, name)

    def close(self) -> None:
        self.store.close()
