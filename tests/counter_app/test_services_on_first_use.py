"""The services are built on first use, once, whichever threads ask at the same moment
(docs/decisions/0037-first-screen-first.md)."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from counter_app.app import build_context
from counter_app.services.wiring import Services, built_once

SERVICE_NAMES = [name for name, member in vars(Services).items() if isinstance(member, built_once)]


def test_opening_the_store_builds_no_service_and_first_use_builds_one(services) -> None:
    assert not set(SERVICE_NAMES) & set(vars(services))
    search = services.search
    assert services.search is search
    assert {"search", "calendar"} <= set(vars(services))  # the search's own calendar, once
    assert "reports" not in vars(services)


def test_threads_asking_at_once_get_one_service_each(services) -> None:
    """Eight threads released together ask for every service: one object per service, the
    calendar shared by those built on it."""
    start = threading.Barrier(8)

    def ask_all(_: int) -> list[object]:
        start.wait()
        return [getattr(services, name) for name in SERVICE_NAMES]

    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(ask_all, range(8)))
    for column in zip(*answers, strict=True):
        assert len({id(service) for service in column}) == 1
    assert services.search._calendar is services.calendar


def test_a_second_thread_waits_for_the_build_under_way(services, monkeypatch) -> None:
    """The build of one service is held until a second thread would be inside it too: with the
    lock, none comes (the hold gives up), and both threads get the one service built."""
    from counter_app.services import reports

    inside = threading.Barrier(2)
    real_init = reports.ReportService.__init__

    def held_init(self, *args, **kwargs) -> None:
        try:
            inside.wait(timeout=0.5)  # trips only if two builds run at once
        except threading.BrokenBarrierError:
            pass
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(reports.ReportService, "__init__", held_init)
    with ThreadPoolExecutor(2) as pool:
        built = list(pool.map(lambda _: services.reports, range(2)))
    assert built[0] is built[1]
    assert inside.broken  # the second thread never got into the build


def test_build_all_builds_every_service(services) -> None:
    services.build_all()
    assert set(SERVICE_NAMES) <= set(vars(services))


def test_the_sync_service_waits_for_its_first_use(data_dir: Path) -> None:
    context = build_context(str(data_dir), wait_for_check=False, check_later=True)
    try:
        assert "sync" not in vars(context)
        assert context.sync is context.sync
        assert context.sync.status() is not None
    finally:
        context.close()
