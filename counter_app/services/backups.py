"""Backups of the store: take one, list them (checked), restore one keeping the damaged file.

A restore never deletes anything: the current file (and its -wal/-shm) moves to `damaged/` in
the data folder, the backup is checked in full before it is copied in, and the restored store
is opened and checked again before the command says it worked.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from counter_app.config import StorePaths
from counter_app.models import integrity
from counter_app.models.db import backup_before_migrate
from counter_app.models.errors import StoreCannotOpen, StoreCorrupt
from counter_app.services.store import Store
from counter_protocol.texts import QT_TRANSLATE_NOOP

DAMAGED_DIR = "damaged"
SIDE_FILES = ("-wal", "-shm")


def create_backup(data_dir: Path) -> Path:
    """An online copy of a sound store into backups/ (the oldest beyond the kept few pruned)."""
    store = Store.open(data_dir)
    try:
        store.require_sound()  # a copy of a damaged file is no backup
    finally:
        store.close()
    target = backup_before_migrate(StorePaths(data_dir))
    if target is None:
        raise StoreCannotOpen(
            QT_TRANSLATE_NOOP(
                "messages",
                "Chưa có kho dữ liệu trong {data_dir} để sao lưu.",
            ),
            params={"data_dir": data_dir},
        )
    return target


def list_backups(data_dir: Path) -> list[integrity.Backup]:
    """The backups, newest first, each checked (quick_check); never opens the store itself."""
    return integrity.backups(StorePaths(data_dir).backup_dir, check=True)


@dataclass(frozen=True)
class Restored:
    backup: Path
    kept_aside: Path | None  # the replaced (damaged) file, never deleted


def restore_backup(data_dir: Path, backup: Path) -> Restored:
    """Put `backup` in place of the store after a full check of it; the old file is kept."""
    paths = StorePaths(data_dir)
    if not backup.is_file():
        raise StoreCannotOpen(
            QT_TRANSLATE_NOOP(
                "messages",
                "Không thấy tệp sao lưu {backup}.",
            ),
            advice=QT_TRANSLATE_NOOP("messages", "Xem danh sách: counter-app backup list."),
            params={"backup": backup},
        )
    found = integrity.check_file(backup, "integrity_check")
    if found:
        raise StoreCorrupt(
            QT_TRANSLATE_NOOP(
                "messages",
                "Bản sao lưu {backup} cũng bị hỏng ({found}); chưa thay gì.",
            ),
            advice=QT_TRANSLATE_NOOP("messages", "Chọn bản khác trong counter-app backup list."),
            params={"backup": backup, "found": found[0]},
        )
    kept = _move_aside(paths)
    _copy_in(backup, paths.db_file)
    Store.open(data_dir).close()  # migrates an older backup; its start-up check must pass
    return Restored(backup, kept)


def _move_aside(paths: StorePaths) -> Path | None:
    if not paths.db_file.exists():
        return None
    folder = paths.data_dir / DAMAGED_DIR
    folder.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    kept = folder / f"counter-{stamp}.sqlite3"
    for suffix in ("", *SIDE_FILES):
        source = Path(f"{paths.db_file}{suffix}")
        if source.exists():
            source.rename(Path(f"{kept}{suffix}"))
    return kept


def _copy_in(backup: Path, db_file: Path) -> None:
    """SQLite's backup API, not a file copy: the result is one consistent file."""
    src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(db_file)
        with dst:
            src.backup(dst)
        dst.close()
    finally:
        src.close()


__all__ = ["Restored", "create_backup", "list_backups", "restore_backup"]
