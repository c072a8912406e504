"""What went wrong with the SQLite store, told apart: locked, busy, disk full, read-only, corrupt.

SQLite reports every one of these as an `OperationalError` or `DatabaseError` whose text is in
English; `store_error` turns one into a `StoreError` subclass with its own stable code, a
Vietnamese message and what to do. `store_errors` applies it around a block (opening the store, one
transaction), so no caller ever sees a raw SQLite error for a problem a person can act on.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from counter_protocol.errors import UserError
from counter_protocol.texts import QT_TRANSLATE_NOOP

# Primary SQLite result codes (https://sqlite.org/rescode.html); extended codes keep them in the
# low byte.
SQLITE_ERROR, SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 1, 3, 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 13, 14, 26
# SQLITE_BUSY_RECOVERY and SQLITE_BUSY_SNAPSHOT: a transient clash inside WAL, not another holder.
_TRANSIENT_BUSY = frozenset({5 | (1 << 8), 5 | (2 << 8)})
_READ_ONLY_ERRNOS = frozenset({errno.EACCES, errno.EPERM, errno.EROFS})


class StoreError(UserError):
    """The store cannot be opened, read or written; the message is Vietnamese, for the user."""

    default_code = "store.error"
    exit_code = 4


class StoreLocked(StoreError):
    """Another program holds the store's lock (SQLITE_BUSY after the busy timeout)."""

    default_code = "store.locked"
    exit_code = 3


class StoreBusy(StoreError):
    """A transient clash inside this program (SQLITE_LOCKED, a WAL recovery or snapshot clash)."""

    default_code = "store.busy"
    exit_code = 3


class StoreDiskFull(StoreError):
    default_code = "store.disk_full"


class StoreReadOnly(StoreError):
    default_code = "store.read_only"


class StoreCorrupt(StoreError):
    default_code = "store.corrupt"


class StoreCannotOpen(StoreError):
    default_code = "store.cannot_open"


def _sqlite_cause(exc: BaseException) -> sqlite3.Error | None:
    """The sqlite3 error itself, whether raised bare or wrapped by SQLAlchemy."""
    if isinstance(exc, DBAPIError) and isinstance(exc.orig, sqlite3.Error):
        return exc.orig
    return exc if isinstance(exc, sqlite3.Error) else None


def _result_code(error: sqlite3.Error) -> tuple[int, int]:
    """(primary, extended) result code; from the English text when the code is missing."""
    extended = getattr(error, "sqlite_errorcode", None)
    if isinstance(extended, int):
        return extended & 0xFF, extended
    text = str(error).lower()
    for fragment, code in _TEXT_CODES:
        if fragment in text:
            return code, code
    return 0, 0


_TEXT_CODES = (
    ("database is locked", SQLITE_BUSY),
    ("is locked", SQLITE_LOCKED),
    ("disk is full", SQLITE_FULL),
    ("readonly database", SQLITE_READONLY),
    ("not a database", SQLITE_NOTADB),
    ("malformed", SQLITE_CORRUPT),
    ("unable to open", SQLITE_CANTOPEN),
    ("disk i/o error", SQLITE_IOERR),
)


def store_error(exc: BaseException, db_file: Path) -> StoreError | None:
    """The StoreError a person can act on for `exc`, or None when `exc` is not a store problem
    (a constraint, a programming error, SQLITE_ERROR's "no such table" or "syntax error": those
    are bugs and keep their type and traceback)."""
    if isinstance(exc, StoreError):
        return exc
    if isinstance(exc, OSError):
        return _folder_error(exc, db_file)
    error = _sqlite_cause(exc)
    if error is None or isinstance(
        error, sqlite3.IntegrityError | sqlite3.ProgrammingError | sqlite3.InterfaceError
    ):
        return None
    primary, extended = _result_code(error)
    if primary == SQLITE_BUSY and extended not in _TRANSIENT_BUSY:
        return _locked(db_file)
    if primary == SQLITE_CANTOPEN and _folder_is_read_only(db_file):
        return _read_only(db_file)
    builder = _BY_CODE.get(primary)
    if builder is not None:
        return builder(db_file)
    if isinstance(error, sqlite3.OperationalError) and primary != SQLITE_ERROR:
        return StoreError(
            QT_TRANSLATE_NOOP(
                "messages",
                "Kho dữ liệu {db_file} báo lỗi: {error}.",
            ),
            advice=QT_TRANSLATE_NOOP("messages", "Thử lại; nếu lỗi lặp lại, báo bộ phận CNTT."),
            params={"db_file": db_file, "error": error},
        )
    return None


def is_corruption(exc: BaseException) -> bool:
    """SQLite says the file itself is damaged (not locked, full or read-only)."""
    error = _sqlite_cause(exc)
    return error is not None and _result_code(error)[0] in (SQLITE_CORRUPT, SQLITE_NOTADB)


@contextmanager
def store_errors(db_file: Path) -> Iterator[None]:
    """Inside the block, a store problem leaves as its StoreError (the SQLite error as cause)."""
    try:
        yield
    except (sqlite3.Error, DBAPIError) as exc:
        mapped = store_error(exc, db_file)
        if mapped is None:
            raise
        raise mapped from exc


def _folder_is_read_only(db_file: Path) -> bool:
    """A folder that cannot be written: SQLite cannot create the store, or a WAL store's -wal and
    -shm files, there, and says only "unable to open database file"."""
    return db_file.parent.is_dir() and not os.access(db_file.parent, os.W_OK)


def _locked(db_file: Path) -> StoreError:
    return StoreLocked(
        QT_TRANSLATE_NOOP(
            "messages",
            "Kho dữ liệu {db_file} đang bị một chương trình khác giữ khoá (một cửa sổ counter-app "
            "khác, một lần đồng bộ hoặc sao lưu).",
        ),
        advice=QT_TRANSLATE_NOOP(
            "messages",
            "Chờ một lát rồi thử lại; nếu vẫn vậy, đóng các chương trình đang mở kho này.",
        ),
        params={"db_file": str(db_file)},
    )


def _busy(db_file: Path) -> StoreError:
    return StoreBusy(
        QT_TRANSLATE_NOOP("messages", "Kho dữ liệu {db_file} đang bận với một thao tác khác."),
        advice=QT_TRANSLATE_NOOP("messages", "Thử lại sau vài giây."),
        params={"db_file": str(db_file)},
    )


def _disk_full(db_file: Path) -> StoreError:
    return StoreDiskFull(
        QT_TRANSLATE_NOOP(
            "messages", "Ổ đĩa chứa kho dữ liệu {db_file} đã đầy; thao tác vừa rồi chưa được lưu."
        ),
        advice=QT_TRANSLATE_NOOP(
            "messages",
            "Giải phóng dung lượng ổ đĩa (xoá tệp không cần, dọn thùng rác) rồi thử lại.",
        ),
        params={"db_file": str(db_file)},
    )


def _read_only(db_file: Path) -> StoreError:
    return StoreReadOnly(
        QT_TRANSLATE_NOOP(
            "messages", "Không ghi được vào kho dữ liệu {db_file}: tệp hoặc thư mục chỉ cho đọc."
        ),
        advice=QT_TRANSLATE_NOOP(
            "messages",
            "Cấp quyền ghi cho thư mục dữ liệu (hoặc mở khoá ghi của ổ đĩa) rồi thử lại.",
        ),
        params={"db_file": str(db_file)},
    )


def _corrupt(db_file: Path) -> StoreError:
    return StoreCorrupt(
        QT_TRANSLATE_NOOP(
            "messages", "Tệp dữ liệu {db_file} bị hỏng (không đọc được như một cơ sở dữ liệu)."
        ),
        advice=QT_TRANSLATE_NOOP(
            "messages",
            "Đừng xoá hay ghi đè tệp này; báo bộ phận CNTT để khôi phục từ bản sao lưu "
            "trong {backups}.",
        ),
        params={"db_file": str(db_file), "backups": str(db_file.parent / "backups")},
    )


def _cannot_open(db_file: Path) -> StoreError:
    return StoreCannotOpen(
        QT_TRANSLATE_NOOP("messages", "Không mở được tệp dữ liệu {db_file}."),
        advice=QT_TRANSLATE_NOOP(
            "messages",
            "Kiểm tra thư mục dữ liệu còn đó (ổ mạng, ổ USB đã cắm) và có quyền truy cập.",
        ),
        params={"db_file": str(db_file)},
    )


def _io_error(db_file: Path) -> StoreError:
    return StoreError(
        QT_TRANSLATE_NOOP("messages", "Lỗi đọc/ghi ổ đĩa với kho dữ liệu {db_file}."),
        code="store.io_error",
        advice=QT_TRANSLATE_NOOP(
            "messages",
            "Kiểm tra ổ đĩa (hoặc ổ mạng) rồi thử lại; báo bộ phận CNTT nếu lỗi lặp lại.",
        ),
        params={"db_file": str(db_file)},
    )


_BY_CODE = {
    SQLITE_LOCKED: _busy,
    SQLITE_BUSY: _busy,
    SQLITE_FULL: _disk_full,
    SQLITE_READONLY: _read_only,
    SQLITE_PERM: _read_only,
    SQLITE_CORRUPT: _corrupt,
    SQLITE_NOTADB: _corrupt,
    SQLITE_CANTOPEN: _cannot_open,
    SQLITE_IOERR: _io_error,
}


def _folder_error(exc: OSError, db_file: Path) -> StoreError:
    """The data folder could not be created or written (before SQLite is even involved)."""
    detail = exc.strerror or str(exc)
    if exc.errno in _READ_ONLY_ERRNOS:
        return StoreReadOnly(
            QT_TRANSLATE_NOOP(
                "messages",
                "Không tạo được thư mục dữ liệu {parent}: {detail}.",
            ),
            advice=QT_TRANSLATE_NOOP(
                "messages",
                "Chọn thư mục có quyền ghi (--data-dir hoặc COUNTER_APP_DATA) hoặc cấp quyền "
                "ghi rồi thử lại.",
            ),
            params={"parent": db_file.parent, "detail": detail},
        )
    if exc.errno == errno.ENOSPC:
        return _disk_full(db_file)
    return StoreCannotOpen(
        QT_TRANSLATE_NOOP(
            "messages",
            "Không tạo được thư mục dữ liệu {parent}: {detail}.",
        ),
        advice=QT_TRANSLATE_NOOP(
            "messages", "Kiểm tra đường dẫn thư mục dữ liệu (--data-dir hoặc COUNTER_APP_DATA)."
        ),
        params={"parent": db_file.parent, "detail": detail},
    )
