"""Build the SyncService for an opened store, wired to the services whose caches it refreshes.

A plain factory: the program's one caller is `counter_app/app.py` (the composition root), which
puts the result into the AppContext that the window and the command line use.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from counter_app.domain.vntime import now_vn
from counter_app.services.calendar import CalendarService
from counter_app.services.store import Store
from counter_app.sync.enrol import ClientFactory
from counter_app.sync.service import SyncOptions, SyncService
from counter_protocol.feed import CHANGE_CALENDAR


def build_sync_service(
    store: Store,
    calendar: CalendarService | None = None,
    options: SyncOptions | None = None,
    clock: Callable[[], datetime] = now_vn,
    client_factory: ClientFactory | None = None,
) -> SyncService:
    def refresh(kinds: set[str]) -> None:
        if calendar is not None and CHANGE_CALENDAR in kinds:
            # store_overrides with no rows writes nothing but drops the cached calendar, so the
            # next due date uses the province's table.
            calendar.store_overrides([], source="đồng bộ")

    return SyncService(
        store,
        clock=clock,
        options=options,
        client_factory=client_factory,
        on_reference_data=refresh,
    )
