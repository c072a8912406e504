"""The opened store handed to every service: one engine, a read and a write session factory."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from counter_app.config import StorePaths
from counter_app.models.db import open_store, session_factory, writer
from counter_app.models.errors import store_errors


@dataclass
class Store:
    paths: StorePaths
    engine: Engine
    _read: sessionmaker[Session]
    _write: sessionmaker[Session]

    @classmethod
    def open(cls, data_dir: Path, *, migrate: bool = True) -> Store:
        paths = StorePaths(data_dir)
        engine = open_store(paths, migrate=migrate)
        return cls(paths, engine, session_factory(engine), session_factory(writer(engine)))

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

        A store problem (locked, disk full, read-only, corrupt) leaves as its StoreError."""
        with store_errors(self.paths.db_file), self._write() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()
