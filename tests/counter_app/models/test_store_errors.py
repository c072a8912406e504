"""SQLite's failures told apart: every caller of the store gets a StoreError subclass with its own
code, Vietnamese message and advice, never a raw OperationalError; bugs keep their own type."""

from __future__ import annotations

import sqlite3
import sqlite3.dbapi2
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import exc as sa_exc
from sqlalchemy import text

from counter_app.models import errors as store_errors
from counter_app.models.errors import (
    StoreBusy,
    StoreCannotOpen,
    StoreCorrupt,
    StoreDiskFull,
    StoreError,
    StoreLocked,
    StoreReadOnly,
    store_error,
)
from counter_app.services.search import DossierQuery
from counter_app.services.store import Store
from counter_devkit.intake import intake, overwrite_table_pages
from counter_protocol.errors import UserError


def _sqlite_error(call: Any) -> sqlite3.Error:
    with pytest.raises(sqlite3.Error) as caught:
        call()
    return caught.value


def test_a_full_disk_inside_a_transaction_rolls_back_and_says_so(data_dir: Path) -> None:
    store = Store.open(data_dir)
    try:
        with pytest.raises(StoreDiskFull) as caught, store.write() as session:
            pages = session.execute(text("PRAGMA page_count")).scalar()
            session.execute(text(f"PRAGMA max_page_count = {pages}"))
            for n in range(500):
                session.execute(
                    text("INSERT INTO settings (key, value) VALUES (:k, :v)"),
                    {"k": f"test.{n}", "v": "x" * 1000},
                )
        assert caught.value.code == "store.disk_full" and caught.value.exit_code == 4
        assert "đã đầy" in caught.value.message and "Giải phóng" in caught.value.advice
        assert isinstance(caught.value.__cause__, sa_exc.OperationalError)
    finally:
        store.close()
    count = (
        sqlite3.connect(data_dir / "counter.sqlite3")
        .execute("SELECT count(*) FROM settings WHERE key LIKE 'test.%'")
        .fetchone()[0]
    )
    assert count == 0


def test_a_store_opened_read_only_refuses_a_write(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    connect = sqlite3.dbapi2.connect

    def read_only(database: str, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        return connect(f"file:{database}?mode=ro", *args, **{**kwargs, "uri": True})

    monkeypatch.setattr(sqlite3.dbapi2, "connect", read_only)
    store = Store.open(data_dir)
    try:
        with store.read() as session:  # reading is fine
            assert session.execute(text("SELECT count(*) FROM settings")).scalar() is not None
        with pytest.raises(StoreReadOnly, match="chỉ cho đọc"), store.write() as session:
            session.execute(text("INSERT INTO settings (key, value) VALUES ('a', 'b')"))
    finally:
        store.close()


def test_a_folder_sqlite_cannot_write_is_read_only_not_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_file = tmp_path / "counter.sqlite3"
    db_file.mkdir()  # SQLite cannot open a folder: SQLITE_CANTOPEN, for real
    cannot_open = _sqlite_error(lambda: sqlite3.connect(db_file))
    assert isinstance(store_error(cannot_open, db_file), StoreCannotOpen)
    # Root writes anywhere, so the folder's permission is what is simulated here.
    monkeypatch.setattr(store_errors.os, "access", lambda path, mode: False)
    assert isinstance(store_error(cannot_open, db_file), StoreReadOnly)


def test_a_data_file_that_is_a_folder_cannot_be_opened(tmp_path: Path) -> None:
    (tmp_path / "counter.sqlite3").mkdir()
    with pytest.raises(StoreCannotOpen) as caught:
        Store.open(tmp_path)
    assert caught.value.code == "store.cannot_open"


def test_a_folder_that_cannot_be_created(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreCannotOpen, match="Không tạo được thư mục dữ liệu"):
        Store.open(tmp_path / "file" / "store")
    denied = store_error(PermissionError(13, "Permission denied"), tmp_path / "x" / "db")
    assert isinstance(denied, StoreReadOnly)


def test_a_store_locked_by_another_connection(data_dir: Path) -> None:
    db_file = data_dir / "counter.sqlite3"
    holder = sqlite3.connect(db_file, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("CREATE TABLE held (x)")
    try:
        locked = _sqlite_error(
            lambda: sqlite3.connect(db_file, timeout=0).execute("SELECT 1 FROM settings")
        )
    finally:
        holder.close()
    mapped = store_error(locked, db_file)
    assert isinstance(mapped, StoreLocked)
    assert mapped.code == "store.locked" and mapped.exit_code == 3
    assert "chương trình khác giữ khoá" in mapped.message


def test_a_table_busy_inside_this_program() -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (x)")
    conn.executemany("INSERT INTO t VALUES (?)", [(n,) for n in range(10)])
    reading = conn.execute("SELECT x FROM t")
    reading.fetchone()
    busy = _sqlite_error(lambda: conn.execute("DROP TABLE t"))  # SQLITE_LOCKED, for real
    mapped = store_error(busy, Path("counter.sqlite3"))
    assert isinstance(mapped, StoreBusy) and mapped.code == "store.busy"


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    (tmp_path / "counter.sqlite3").write_bytes(b"garbage " * 1000)
    with pytest.raises(StoreCorrupt) as caught:
        Store.open(tmp_path)
    assert caught.value.code == "store.corrupt" and "bị hỏng" in caught.value.message
    assert "backups" in caught.value.advice


def test_pages_overwritten_under_a_working_store(data_dir: Path) -> None:
    from counter_app.app import build_services

    services = build_services(str(data_dir))
    services.dossiers.receive(intake())
    services.close()
    overwrite_table_pages(data_dir / "counter.sqlite3", ("dossiers", "applicants"))
    services = build_services(str(data_dir))  # opens: the schema itself is intact
    try:
        with pytest.raises(StoreCorrupt) as caught:
            services.search.find(DossierQuery(text="Nguyễn"), limit=10)
        assert "malformed" in str(caught.value.__cause__)
    finally:
        services.close()


def test_constraint_and_programming_errors_stay_bugs(data_dir: Path) -> None:
    store = Store.open(data_dir)
    try:
        with pytest.raises(sa_exc.IntegrityError), store.write() as session:
            session.execute(text("INSERT INTO settings (key, value) VALUES ('k', 'v'), ('k', 'v')"))
        with pytest.raises(sa_exc.OperationalError), store.read() as session:
            session.execute(text("SELEC 1"))  # a typo in our SQL is a bug: "syntax error"
    finally:
        store.close()


def test_each_kind_has_its_own_code() -> None:
    kinds = [
        StoreError,
        StoreLocked,
        StoreBusy,
        StoreDiskFull,
        StoreReadOnly,
        StoreCorrupt,
        StoreCannotOpen,
    ]
    assert len({kind.default_code for kind in kinds}) == len(kinds)
    assert all(issubclass(kind, UserError) for kind in kinds)
