"""The opened store handed to every service: one engine, a read and a write session factory."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from counter_app.config import StorePaths
from counter_app.models import integrity
from counter_app.models.db import open_store, session_factory, writer
from counter_app.models.errors import StoreCorrupt, store_errors
from counter_app.models.tables import StoreCheck


@dataclass
class Store:
    paths: StorePaths
    engine: Engine
    _read: sessionmaker[Session]
    _write: sessionmaker[Session]
    damage: StoreCorrupt | None = None  # set by a failed check: every write is refused

    @classmethod
    def open(cls, data_dir: Path, *, migrate: bool = True, check: bool = True) -> Store:
        """Open (and migrate) the store; `check`: run the start-up quick check of the dossier
        and outbox tables. A damaged store still opens for reading, never for writing."""
        paths = StorePaths(data_dir)
        try:
            engine = open_store(paths, migrate=migrate)
        except StoreCorrupt as exc:
            raise integrity.corrupt_error(paths.db_file, [exc.message]) from exc
        store = cls(paths, engine, session_factory(engine), session_factory(writer(engine)))
        if check:
            store.quick_check()
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
            session.add(StoreCheck(checked_at=now, kind=result.kind, ok=True,
                                   seconds=round(result.seconds, 3), detail=None))
        return result

    def require_sound(self) -> None:
        """Raise the failed check's StoreCorrupt (sync and the smoke test start with this)."""
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
        self.engine.dispose()
