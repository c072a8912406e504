"""The opened store handed to every service: one engine, a read and a write session factory."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Iterator
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

    @classmethod
    def open(cls, data_dir: Path, *, migrate: bool = True, check: bool = True) -> Store:
        """Open (and migrate) the store; `check`: start the quick check of the dossier and
        outbox tables on a thread of its own (seconds on a large store: reads never wait for
        it, the first write and `require_sound` do). A damaged store still opens for reading,
        never for writing."""
        paths = StorePaths(data_dir)
        try:
            engine = open_store(paths, migrate=migrate)
        except StoreCorrupt as exc:  # its own words, with the newest good backup to restore
            named = integrity.corrupt_error(paths.db_file, [exc.message])
            raise StoreCorrupt(exc.message, advice=named.advice) from exc
        store = cls(paths, engine, session_factory(engine), session_factory(writer(engine)))
        if check:
            store._checker = StartCheck(paths.db_file)
        return store

    def _problems(self, pragma: str, tables: tuple[str, ...] | None) -> list[str]:
        with store_errors(self.paths.db_file), self.engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert isinstance(raw, sqlite3.Connection)
            return integrity.problems(raw, pragma, tables)

    def quick_check(self) -> list[str]:
        """The start-up check; a problem marks the store damaged (see `write`)."""
        found = self._problems("quick_check", integrity.START_TABLES)
        if found:
            self.damage = integrity.corrupt_error(self.paths.db_file, found)
        return found

    def full_check(self, now: datetime) -> integrity.CheckResult:
        """`PRAGMA integrity_check` of the whole file, recorded in `store_checks` when sound."""
        started = time.perf_counter()
        found = self._problems("integrity_check", None)
        result = integrity.CheckResult("full", now, time.perf_counter() - started, found)
        if found:
            self.damage = integrity.corrupt_error(self.paths.db_file, found)
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
        checker = self._checker
        if checker is not None:
            found = checker.result()
            self._checker = None
            if found:
                self.damage = integrity.corrupt_error(self.paths.db_file, found)
        if self.damage is not None:
            raise self.damage

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
        if self._checker is not None:
            self._checker.cancel()
        self.engine.dispose()


class StartCheck:
    """The start-up quick check, on its own read-only connection and thread."""

    def __init__(self, db_file: Path) -> None:
        self._db_file = db_file
        self._found: list[str] = []
        self._conn: sqlite3.Connection | None = None
        self._opened = threading.Event()
        self._thread = threading.Thread(target=self._run, name="store-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._conn = sqlite3.connect(
                f"file:{self._db_file}?mode=ro", uri=True, check_same_thread=False
            )
            self._opened.set()
            self._found = integrity.problems(self._conn, "quick_check", integrity.START_TABLES)
        except sqlite3.Error as exc:  # locked, interrupted by close: unchecked, not damaged
            log.info("store start-up check did not run to its end: %s", exc)
        finally:
            self._opened.set()
            if self._conn is not None:
                self._conn.close()

    def result(self) -> list[str]:
        self._thread.join()
        return self._found

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
