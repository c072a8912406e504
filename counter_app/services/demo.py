"""`counter-app demo --dossiers N`: realistic dossiers for newcomers and benchmarks.

Each dossier walks one lifecycle path (services/demo_plan.py) as the intake, lifecycle and forms
services move one (services/demo_steps.py, demo_forms.py); its rows are the ones those services
write (a test replays a dossier of each path through those services and compares the rows). They
are built by services/demo_rows.py and written with Core inserts of the table definitions in
chunks (one transaction per chunk of whole dossiers), because the services' one transaction a step
would take hours for a million; the FTS triggers index every name.
"""

from __future__ import annotations

import gc
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta

from sqlalchemy import select

from counter_app.domain.calendar import WorkCalendar
from counter_app.domain.roles import FIRST_ACCOUNT_ROLE
from counter_app.domain.vntime import now_vn
from counter_app.models.errors import store_errors
from counter_app.models.tables import Device, Setting
from counter_app.services.calendar import CalendarService
from counter_app.services.catalogue import ensure_catalogue
from counter_app.services.demo_accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
from counter_app.services.demo_plan import load_procedures
from counter_app.services.demo_rows import DemoWriter
from counter_app.services.errors import ServiceError
from counter_app.services.setup import SetupService
from counter_app.services.store import Store
from counter_protocol.texts import QT_TRANSLATE_NOOP
from counter_protocol.timefmt import VN_TZ

DEMO_UNIT = "000.00.00.H27"
CHUNK = 20_000
Progress = Callable[[int, int], None]


def ensure_demo_store(store: Store) -> None:
    """Set the store up as a demo counter, or refuse if it is a real counter's store."""
    setup = SetupService(store)
    with store.read() as session:  # the value is read inside: the read rolls back at its end
        kind = session.scalar(select(Setting.value).where(Setting.key == "store.kind"))
    if setup.is_set_up():
        if kind != "demo":
            raise ServiceError(
                QT_TRANSLATE_NOOP(
                    "messages", "Kho này là kho thật của một quầy: không điền dữ liệu mẫu vào đây."
                )
            )
        return
    ensure_catalogue(store)
    admin = next(account for account in DEMO_ACCOUNTS if account[2] == FIRST_ACCOUNT_ROLE)
    setup.first_run(DEMO_UNIT, "Quầy số 1 (dữ liệu mẫu)", 0, admin[0], admin[1], DEMO_PASSWORD)
    from counter_app.services.accounts import AccountService

    accounts = AccountService(store)
    for username, full_name, role in DEMO_ACCOUNTS:
        if username != admin[0]:
            accounts.create_user(username, full_name, role, DEMO_PASSWORD, by=admin[0])
    with store.write() as session:
        session.add(Setting(key="store.kind", value="demo"))


def working_moments(cal: WorkCalendar, n: int, end: datetime, rng: random.Random) -> list[datetime]:
    """n receipt instants inside working sessions over the two years before `end`, sorted."""
    days = [d for d in _days_back(end.date(), 730) if cal.is_working_day(d)]
    moments = []
    for _ in range(n):
        day = rng.choice(days)
        session = rng.choice(cal.sessions_on(day))
        start = datetime.combine(day, session.start, VN_TZ)
        span = (datetime.combine(day, session.end, VN_TZ) - start).seconds
        moments.append(start + timedelta(seconds=rng.randrange(0, max(span - 60, 60))))
    moments.sort()
    return [m for m in moments if m <= end] + [end - timedelta(minutes=1)] * sum(
        1 for m in moments if m > end
    )


def _days_back(last: date, count: int) -> list[date]:
    return [last - timedelta(days=i) for i in range(count, -1, -1)]


def fill_demo(
    store: Store,
    calendar: CalendarService,
    n: int,
    *,
    seed: int = 42,
    with_outbox: bool = False,
    with_forms: bool = True,
    progress: Progress | None = None,
) -> str:
    started = time.perf_counter()
    ensure_demo_store(store)
    rng = random.Random(seed)
    # Written as at the last moment the counter was open: a demo made at night has no
    # dossier received at midnight. Times are stored to the second.
    now = calendar.calendar().last_working_instant(now_vn()).replace(microsecond=0)
    device = _self_device(store)
    with store.read() as session:
        procedures = load_procedures(session, device)
    clerks = [u for u, _, role in DEMO_ACCOUNTS if role == "clerk"]
    moments = working_moments(calendar.calendar(), n, now, rng)
    writer = DemoWriter(store, calendar, rng, clerks, with_outbox, with_forms)
    # The writer uses raw connections, for speed: SQLite's failures still become StoreErrors.
    with store_errors(store.paths.db_file):
        writer.start(device[0], device[1], n)
        with _no_cycle_collection():
            for offset in range(0, n, CHUNK):
                writer.write_chunk(moments[offset : offset + CHUNK], procedures, now)
                if progress:
                    progress(min(offset + CHUNK, n), n)
        writer.finish()
    return _report(store, n, time.perf_counter() - started)


def _self_device(store: Store) -> tuple[str, int, str]:
    """This PC's (unit code, slot, device uuid)."""
    with store.read() as session:
        unit_code, slot, device_uuid = session.execute(
            select(Device.unit_code, Device.slot, Device.device_uuid).where(
                Device.is_self.is_(True)
            )
        ).one()
    return unit_code, slot, device_uuid


def _report(store: Store, n: int, elapsed: float) -> str:
    db = store.paths.db_file
    wal = db.with_name(db.name + "-wal")  # rows not yet checkpointed live in the WAL file
    size = (db.stat().st_size + (wal.stat().st_size if wal.exists() else 0)) / 1e6
    users = [u for u, _, _ in DEMO_ACCOUNTS]
    return (
        f"Đã tạo {n} hồ sơ mẫu trong {elapsed:.1f} giây; tệp dữ liệu {size:.1f} MB. "
        f"Tài khoản mẫu: {', '.join(users)} (mật khẩu {DEMO_PASSWORD})."
    )


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Millions of short-lived row dicts and no reference cycles: the cyclic collector would
    walk every live row of the chunk again and again (about a quarter of the run)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


__all__ = ["DEMO_ACCOUNTS", "DEMO_PASSWORD", "fill_demo"]
