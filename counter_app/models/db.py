"""Open the counter's SQLite store: PRAGMAs, a backup copy before migrating, Alembic upgrade."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from counter_app.config import StorePaths
from counter_app.models.errors import StoreError as StoreError  # its historical import path
from counter_app.models.errors import store_error
from counter_app.models.revisions import surely_at_head
from counter_protocol.texts import QT_TRANSLATE_NOOP

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BACKUPS_KEPT = 5


def _set_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # FULL: a printed slip promises the dossier survives a power cut (WAL + FULL syncs each commit).
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.execute("PRAGMA cache_size=-32768")
    cur.close()


def _on_connect(dbapi_conn: Any, record: Any) -> None:
    # Let SQLAlchemy, not pysqlite, decide where transactions start, so DDL in a migration is
    # transactional too (a killed migration leaves the old schema, never half a new one).
    dbapi_conn.isolation_level = None
    _set_pragmas(dbapi_conn, record)


def _on_begin(conn: Any) -> None:
    # Writers take the write lock up front (IMMEDIATE) so two processes never deadlock on upgrade.
    immediate = conn.get_execution_options().get("immediate", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(db_file: Path) -> Engine:
    """An engine on `db_file` whose every connection has the store's PRAGMAs."""
    engine = create_engine(f"sqlite:///{db_file}", future=True)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def writer(engine: Engine) -> Engine:
    """The same engine whose transactions begin IMMEDIATE: use it for every write use case."""
    return engine.execution_options(immediate=True)


def backup_before_migrate(paths: StorePaths) -> Path | None:
    """Copy the store aside (consistent online backup) before any migration touches it."""
    if not paths.db_file.exists() or paths.db_file.stat().st_size == 0:
        return None
    paths.backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = paths.backup_dir / f"counter-{stamp}.sqlite3"
    src = sqlite3.connect(paths.db_file)
    try:
        dst = sqlite3.connect(target)
        with dst:
            src.backup(dst)
        dst.close()
    finally:
        src.close()
    _prune_backups(paths.backup_dir)
    return target


def _prune_backups(folder: Path) -> None:
    backups = sorted(folder.glob("counter-*.sqlite3"))
    for old in backups[:-BACKUPS_KEPT]:
        old.unlink(missing_ok=True)


def _alembic_config(engine: Engine) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision(engine: Engine) -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config(engine)).get_current_head()


def upgrade(engine: Engine) -> None:
    from alembic import command

    command.upgrade(_alembic_config(engine), "head")


def open_store(paths: StorePaths, *, migrate: bool = True) -> Engine:
    """Create the data folder if needed, back the file up when a migration is due, migrate."""
    try:
        paths.data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        known = store_error(exc, paths.db_file)
        # untranslated: the system's own words, for a failure store_error does not know
        raise known or StoreError(str(exc)) from exc
    engine = make_engine(paths.db_file)
    if migrate:
        try:
            # The plain check first: Alembic is imported only when a migration may be due.
            if not surely_at_head(engine, MIGRATIONS_DIR / "versions") and (
                current_revision(engine) != head_revision(engine)
            ):
                if _has_tables(engine):  # an existing store, not a new file: keep a copy first
                    backup_before_migrate(paths)
                upgrade(engine)
        except (sqlite3.DatabaseError, DBAPIError, OSError) as exc:
            engine.dispose()
            raise store_error(exc, paths.db_file) or _unreadable(paths, exc) from exc
    return engine


def _unreadable(paths: StorePaths, exc: BaseException) -> StoreError:
    """A store SQLite opens but cannot migrate for a reason `store_error` does not know."""
    return StoreError(
        QT_TRANSLATE_NOOP(
            "messages",
            "Tệp dữ liệu {db_file} bị hỏng hoặc không đọc được: {exc}",
        ),
        advice=QT_TRANSLATE_NOOP("messages", "Báo bộ phận CNTT; đừng xoá tệp này."),
        params={"db_file": paths.db_file, "exc": exc},
    )


def _has_tables(engine: Engine) -> bool:
    with engine.connect() as conn:
        return bool(conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar())


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False, future=True)
