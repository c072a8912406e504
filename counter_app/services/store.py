"""The opened store handed to every service: one engine, a read and a write session factory."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from counter_app.config import StorePaths
from counter_app.models import integrity
from counter_app.models.db import open_store, session_factory, writer
from counter_app.models.errors import StoreCorrupt, store_errors
from counter_app.models.tables import StoreCheck

log = logging.getLogger(__name__)


@dataclass
class Store:
    paths: StorePaths
    engine: Engine
    _read: sessionmaker[Session]
    _write: sessionmaker[Session]
    damage: StoreCorrupt | None = None  # set by a failed check: every write is refused
    _checker: StartCheck | None = field(default=None, repr=False)
    _check_waits: bool = field(default=False, repr=False)  # to start, at the latest on a write
    _after_check: AfterCheck = field(default_factory=lambda: AfterCheck(), repr=False)
    _starting: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def open(
        cls, data_dir: Path, *, migrate: bool = True, check: bool = True, check_later: bool = False
    ) -> Store:
        """Open (and migrate) the store; `check`: start the quick check of the dossier and
        outbox tables on a thread of its own (seconds on a large store: reads never wait for
        it, `write` and `require_sound` do, `write_once_sound` queues behind it); `check_later`:
        when `start_check` is called (the window, once its first screen is ready), or by the
        first write. A damaged store still opens for reading, never for writing
        (docs/decisions/0035-startup-check.md)."""
        paths = StorePaths(data_dir)
        try:
            engine = open_store(paths, migrate=migrate)
        except StoreCorrupt as exc:  # its own words, with the newest good backup to restore
            named = integrity.corrupt_error(paths.db_file, [exc.message])
            params = {**named.params, **exc.params}
            raise StoreCorrupt(exc.template, advice=named.advice_template, params=params) from exc
        store = cls(paths, engine, session_factory(engine), session_factory(writer(engine)))
        store._check_waits = check
        if not check:
            store._after_check.ended(None)
        elif not check_later:
            store.start_check()
        return store

    def start_check(self) -> None:
        """Start the start-up check if it waits to (once; `quick_check_start_tables` is the seam
        a test slows down)."""
        with self._starting:
            if not self._check_waits:
                return
            self._check_waits = False
            self._checker = StartCheck(
                self.paths.db_file, quick_check_start_tables, self._check_ended
            )

    def _check_ended(self, found: list[str] | None) -> None:
        """On the check's thread: None (stopped before its end) leaves queued writes unwritten."""
        if found:
            self._mark_damaged(found)
            return
        for use_case in self._after_check.ended(found):
            self._write_queued(use_case)

    def _write_queued(self, use_case: Callable[[Session], object]) -> None:
        try:  # not `write`: that waits for this very thread
            with store_errors(self.paths.db_file), self._write() as session, session.begin():
                use_case(session)
        except Exception:  # on the check's thread: nobody to hand it to but the log
            log.exception("a write queued behind the start-up check failed")

    def _mark_damaged(self, found: list[str]) -> None:
        self.damage = integrity.corrupt_error(self.paths.db_file, found)
        for listener in self._after_check.damaged(self.damage):
            listener(self.damage)

    def when_damaged(self, listener: Callable[[StoreCorrupt], None]) -> None:
        """Call `listener` once the store is found damaged (at once if it already is); it may
        run on the check's thread."""
        damage = self._after_check.listen(listener)
        if damage is not None:
            listener(damage)

    def write_once_sound(self, use_case: Callable[[Session], object]) -> None:
        """Run `use_case` in its own write transaction once the start-up check has passed: now
        if it has, else on the check's thread when it ends sound; never on a damaged store
        (the sign-in record: the person works on while a large store is checked)."""
        if self._after_check.queue(use_case):
            return
        self.require_sound()
        with self.write() as session:
            use_case(session)

    def _problems(self, pragma: str, tables: tuple[str, ...] | None) -> list[str]:
        with store_errors(self.paths.db_file), self.engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert isinstance(raw, sqlite3.Connection)
            return integrity.problems(raw, pragma, tables)

    def quick_check(self) -> list[str]:
        """The start-up check; a problem marks the store damaged (see `write`)."""
        found = self._problems("quick_check", integrity.START_TABLES)
        if found:
            self._mark_damaged(found)
        return found

    def full_check(self, now: datetime) -> integrity.CheckResult:
        """`PRAGMA integrity_check` of the whole file, recorded in `store_checks` when sound."""
        started = time.perf_counter()
        found = self._problems("integrity_check", None)
        result = integrity.CheckResult("full", now, time.perf_counter() - started, found)
        if found:
            self._mark_damaged(found)
            return result  # nothing more is written to a damaged file
        with self.write() as session:
            session.add(
                StoreCheck(
                    checked_at=now,
                    kind=result.kind,
                    ok=True,
                    seconds=round(result.seconds, 3),
                    detail=None,
                )
            )
        return result

    def require_sound(self) -> None:
        """Raise the failed check's StoreCorrupt (sync and the smoke test start with this);
        waits for the start-up check if it is still running."""
        self.start_check()
        checker = self._checker
        if checker is not None:
            checker.wait()
        if self.damage is not None:
            raise self.damage

    def require_sound_quietly(self) -> None:
        """Let the check run to its end (the queued writes are made on its thread)."""
        try:
            self.require_sound()
        except StoreCorrupt:
            pass  # said by the check's listeners; the queued writes were dropped

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session (rolled back at the end); a store problem leaves as a StoreError."""
        with store_errors(self.paths.db_file), self._read() as session:
            try:
                yield session
            finally:
                session.rollback()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One use case = one transaction: commits at the end, rolls back on any exception.

        A store problem (locked, disk full, read-only, corrupt) leaves as its StoreError; a store
        that failed its check refuses every write until a good backup is restored."""
        self.require_sound()
        with store_errors(self.paths.db_file), self._write() as session, session.begin():
            yield session

    def close(self) -> None:
        """Stop the check, unless a write waits for it (then it ends and the write is made)."""
        if self._after_check.waiting():
            self.require_sound_quietly()
        if self._checker is not None:
            self._checker.cancel()
        self.engine.dispose()


class AfterCheck:
    """What waits for the start-up check's end: queued writes and damage listeners (locked:
    the check's thread and the store lane both ask)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._ended = False
        self._damage: StoreCorrupt | None = None
        self._writes: list[Callable[[Session], object]] = []
        self._listeners: list[Callable[[StoreCorrupt], None]] = []

    def queue(self, use_case: Callable[[Session], object]) -> bool:
        """Queued (True) while the check runs; False: the caller writes it now."""
        with self._lock:
            if not self._ended:
                self._writes.append(use_case)
            return not self._ended

    def waiting(self) -> bool:
        with self._lock:
            return bool(self._writes)

    def ended(self, found: list[str] | None) -> list[Callable[[Session], object]]:
        """The check ended sound (or was stopped: None): the queued writes to make, if any."""
        with self._lock:
            self._ended = True
            writes, self._writes = self._writes, []
        if found is None and writes:
            log.warning("%d write(s) queued behind the start-up check not made", len(writes))
            return []
        return writes

    def damaged(self, damage: StoreCorrupt) -> list[Callable[[StoreCorrupt], None]]:
        """The listeners to tell; the queued writes are dropped (nothing goes to a damaged file)."""
        with self._lock:
            self._ended, self._damage, self._writes = True, damage, []
            return list(self._listeners)

    def listen(self, listener: Callable[[StoreCorrupt], None]) -> StoreCorrupt | None:
        with self._lock:
            self._listeners.append(listener)
            return self._damage


CheckRun = Callable[[sqlite3.Connection], list[str]]


def quick_check_start_tables(conn: sqlite3.Connection) -> list[str]:
    return integrity.problems(conn, "quick_check", integrity.START_TABLES)


class StartCheck:
    """The start-up check on its own read-only connection and thread (WAL: the store's writer
    and readers go on beside it); `on_end` gets what it found, None if `cancel` stopped it."""

    def __init__(
        self, db_file: Path, run: CheckRun, on_end: Callable[[list[str] | None], None]
    ) -> None:
        self._db_file = db_file
        self._run_check = run
        self._on_end = on_end
        self._conn: sqlite3.Connection | None = None
        self._opened = threading.Event()
        self._thread = threading.Thread(target=self._run, name="store-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        found: list[str] | None = []
        try:
            self._conn = sqlite3.connect(
                f"file:{self._db_file}?mode=ro", uri=True, check_same_thread=False
            )
            self._opened.set()
            found = self._run_check(self._conn)
        except sqlite3.OperationalError as exc:  # interrupted by close, locked: unchecked
            log.info("store start-up check did not run to its end: %s", exc)
            found = None if "interrupt" in str(exc) else []
        except sqlite3.Error as exc:
            log.info("store start-up check did not run: %s", exc)
        finally:
            self._opened.set()
            if self._conn is not None:
                self._conn.close()
        self._on_end(found)

    def wait(self) -> None:
        self._thread.join()

    def cancel(self) -> None:
        """The store is closing (a short command): stop the check, never wait for all of it."""
        self._opened.wait()
        conn = self._conn
        if conn is not None and self._thread.is_alive():
            try:
                conn.interrupt()
            except sqlite3.ProgrammingError:  # closed meanwhile: the check had ended
                pass
        self._thread.join()
