"""The one composition root: opens the store, wires the services and the sync, starts the window.

Nothing else builds a service or a SyncService: the window gets an `AppContext` from here and hands
each screen the services it uses; the command line opens one with `opened_context` (or
`opened_services` when a command needs no sync).
"""

from __future__ import annotations

import argparse
import logging
import os
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from counter_app.config import DB_FILENAME, resolve_data_dir
from counter_app.services.wiring import Services, built_once

if TYPE_CHECKING:  # SQLAlchemy and the sync load after the log-in window is shown
    from counter_app.services.passwords import PasswordCheck
    from counter_app.sync.service import SyncOptions, SyncService


def build_services(
    data_dir_arg: str | None, check_later: bool = False, passwords: PasswordCheck | None = None
) -> Services:
    """Open the store (migrating it if needed); its services are built as they are used;
    `check_later`: see Store.open; `passwords`: the log-in window's (a check it started early
    is used)."""
    from counter_app.services.store import Store

    return Services(Store.open(resolve_data_dir(data_dir_arg), check_later=check_later), passwords)


class AppContext:
    """What the program runs on: the services and the sync service, on one open store; the
    sync service too is built when first used."""

    def __init__(self, services: Services, sync_options: SyncOptions | None = None) -> None:
        self.services, self._sync_options = services, sync_options
        self.lock = services.lock
        self._first_screen = threading.Event()

    @built_once
    def sync(self) -> SyncService:
        from counter_app.sync.wiring import build_sync_service

        services = self.services
        return build_sync_service(services.store, services.calendar, self._sync_options)

    def when_damaged(self, listener: Callable[[Exception], None]) -> None:
        """`listener` is told if the store's start-up check finds damage (maybe on its thread)."""
        self.services.store.when_damaged(listener)

    def first_screen_shown(self) -> None:
        """The clerk sees the list: what the later screens need may load now."""
        self._first_screen.set()

    def wait_for_first_screen(self, timeout_s: float) -> None:
        self._first_screen.wait(timeout_s)

    def close(self) -> None:
        self.services.close()


def build_context(
    data_dir_arg: str | None,
    sync_options: SyncOptions | None = None,
    wait_for_check: bool = True,
    check_later: bool = False,
    passwords: PasswordCheck | None = None,
) -> AppContext:
    """Open the store and the sync service over it; `wait_for_check`: build the sync service
    now and raise the start-up check's StoreCorrupt here (the window waits for neither: it is
    told, docs/decisions/0035-startup-check.md)."""
    services = build_services(data_dir_arg, check_later, passwords)
    context = AppContext(services, sync_options)
    try:
        # The check (unless `check_later`) runs in SQLite on its own thread, off the GIL.
        # Nothing is written before its result.
        if wait_for_check:  # writes and sync wait for the check whatever this says
            context.sync  # noqa: B018 - built here, for a command's errors to show here
            services.store.require_sound()
    except BaseException:
        services.close()
        raise
    return context


def window_context(data_dir_arg: str | None, passwords: PasswordCheck | None = None) -> AppContext:
    """The context the window runs on, opened on the store lane behind the log-in window. It
    comes back without waiting for the store's start-up check (docs/decisions/0035-startup-
    check.md), for the first screen's modules and the working calendar (the dossier list's due
    marks need it), or for what the later screens need: those load on a thread of their own,
    beside the sign-in, whose password hash leaves the interpreter free, and after the first
    screen (docs/decisions/0037-first-screen-first.md)."""
    context = build_context(
        data_dir_arg, wait_for_check=False, check_later=True, passwords=passwords
    )
    threading.Thread(
        target=_prepare_window, args=(context,), name=PREPARE_THREAD, daemon=True
    ).start()
    return context


PREPARE_THREAD = "window-prepare"


FIRST_SCREEN_WAIT_S = 5.0  # a log-in window left alone longer: load the rest meanwhile


def _prepare_window(context: AppContext) -> None:
    """Load ahead what the first screen needs, then (once it is shown) what the later ones do;
    a failure here is met again, and shown, there."""
    services = context.services
    try:
        from counter_app.ui.main import load_later_modules, load_window_modules

        load_window_modules()
        services.search  # noqa: B018 - the list's service, built now
        services.calendar.calendar()
    except Exception:
        logging.getLogger(__name__).exception("preparing the window failed")
    finally:  # the check's seconds of CPU now compete with less of the first screen
        services.store.start_check()
    context.wait_for_first_screen(FIRST_SCREEN_WAIT_S)
    try:
        services.build_all()
        context.sync  # noqa: B018 - built now, for the window to attach at once
        load_later_modules()
    except Exception:
        logging.getLogger(__name__).exception("loading the later screens failed")


@contextmanager
def opened_context(
    data_dir_arg: str | None, sync_options: SyncOptions | None = None
) -> Iterator[AppContext]:
    """The context for one headless command that syncs or enrols, closed whatever happens."""
    context = build_context(data_dir_arg, sync_options)
    try:
        yield context
    finally:
        context.close()


@contextmanager
def opened_services(data_dir_arg: str | None) -> Iterator[Services]:
    """The services for one headless command, closed whatever happens."""
    services = build_services(data_dir_arg)
    try:
        yield services
    finally:
        services.close()


def has_display() -> bool:
    """Qt aborts the process (SIGABRT) without a display: check before creating the application."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith(("win", "darwin")):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_gui(args: argparse.Namespace) -> int:
    """The window: log-in first on a set-up counter (the store opens behind it), else the wizard."""
    if not has_display():
        print(
            "Không tìm thấy màn hình (DISPLAY chưa đặt). Chạy trong màn hình ảo: "
            "xvfb-run -a counter-app, hoặc đặt QT_QPA_PLATFORM=offscreen.",
            file=sys.stderr,
        )
        return 3
    db_file = resolve_data_dir(args.data_dir) / DB_FILENAME
    counter_text = set_up_counter_text(db_file)
    language = gui_language(getattr(args, "lang", None), db_file)
    if counter_text is not None:
        from counter_app.services.passwords import PasswordCheck
        from counter_app.ui.main import run_fast_start  # Qt and the log-in window's modules
        from counter_app.ui.opening import Opening

        passwords = PasswordCheck(db_file)
        # After Qt's libraries are in, not before: a thread importing beside Qt's loading made
        # the log-in window ~70 ms later for a list only ~20 ms sooner (decisions/0037).
        opening = Opening(lambda: window_context(args.data_dir, passwords))
        return run_fast_start(opening, counter_text, language, passwords)
    context = build_context(args.data_dir)  # first run: the wizard needs the store at once
    from counter_app.ui.main import run_application

    try:
        return run_application(context, language)
    finally:
        context.close()


def set_up_counter_text(db_file: Path) -> str | None:
    """ "Counter · unit" of a set-up store, read with plain sqlite3 (cheap); None if not set up."""
    if not db_file.exists():
        return None
    try:
        conn = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True, timeout=5)
        try:
            row = conn.execute(
                "SELECT d.name, coalesce(u.name, d.unit_code) FROM devices d "
                "LEFT JOIN units u ON u.code = d.unit_code WHERE d.is_self = 1"
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None  # a new, old or damaged file: the slow path opens and reports it
    return f"{row[0]} · {row[1]}" if row else None


def gui_language(command_line: str | None, db_file: Path) -> str:
    """The screens' language: `--lang` wins, then the counter's setting, then Vietnamese."""
    from counter_app.ui.i18n import LANGUAGE_SETTING, choose_language

    return choose_language(command_line, stored_setting(db_file, LANGUAGE_SETTING))


def stored_setting(db_file: Path, key: str) -> str | None:
    """One value of the store's settings table, read with plain sqlite3 before the store opens
    (the log-in window needs its language first); None if unset or unreadable."""
    if not db_file.exists():
        return None
    try:
        conn = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True, timeout=5)
        try:
            row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


def qt_pdf_page_count(pdf: bytes) -> int:
    """Qt's page count of `pdf`, offscreen (the Qt half of `--smoke-test`, loaded only then)."""
    from counter_app.ui.pdf_check import qt_pdf_page_count as count_pages

    return count_pages(pdf)
