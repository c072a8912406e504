"""Open the server database (PostgreSQL in production, SQLite embedded) and migrate it at start."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url

APP_NAME = "counter_server"
DB_ENV = "COUNTER_SERVER_DB"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# Any fixed 64-bit number: the key of the advisory lock that serialises writers of `changes`.
CHANGES_LOCK_KEY = 0x636F756E746572


def default_db_url() -> str:
    """`COUNTER_SERVER_DB`, else a SQLite file in the platform's per-user data folder."""
    env_value = os.environ.get(DB_ENV)
    if env_value:
        return env_value
    import platformdirs

    folder = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'server.sqlite3'}"


def _json_dumps(value: Any) -> str:
    return orjson.dumps(value).decode()


def _sqlite_on_connect(dbapi_conn: Any, _record: Any) -> None:
    # SQLAlchemy, not pysqlite, decides where transactions begin (so savepoints work).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def _sqlite_on_begin(conn: Any) -> None:
    # IMMEDIATE: take the write lock up front; a deferred upgrade can deadlock two writers.
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str) -> Engine:
    """An engine with orjson for JSON columns and the right per-backend connection settings."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, json_serializer=_json_dumps, json_deserializer=orjson.loads)
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
        return engine
    return create_engine(
        url,
        json_serializer=_json_dumps,
        json_deserializer=orjson.loads,
        pool_size=16,
        max_overflow=32,
        pool_pre_ping=True,
    )


def is_sqlite(engine: Engine | Connection) -> bool:
    return engine.dialect.name == "sqlite"


_sqlite_write_lock = threading.Lock()


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """One write transaction. On SQLite, threads of this process queue here, not on busy-waits."""
    if not is_sqlite(engine):
        with engine.begin() as conn:
            yield conn
        return
    with _sqlite_write_lock, engine.begin() as conn:
        yield conn


def lock_changes(conn: Connection) -> None:
    """Serialise writers of the pull feed until commit, so seq order is commit order."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CHANGES_LOCK_KEY})


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision (no alembic.ini needed)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # Two processes starting at once (server and a CLI command) migrate one at a time.
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CHANGES_LOCK_KEY + 1})
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
