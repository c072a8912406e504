"""Is the store file sound? SQLite's own checks, their record, and the newest good backup.

At start the store runs `PRAGMA quick_check` on the tables that hold dossiers and the outbox
(`START_TABLES`): it reads each of their b-trees once, fast enough for every start (see
bench/bench_integrity.py). The full `integrity_check` (every table and index, index contents
against rows) is slower and runs on demand (`counter-app backup check`), recorded in
`store_checks` with its time and result.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from counter_app.models.errors import StoreCorrupt, is_corruption
from counter_protocol.texts import QT_TRANSLATE_NOOP

START_TABLES = (
    "dossiers",
    "applicants",
    "dossier_events",
    "dossier_components",
    "outbox",
    "outbox_payloads",
    "sync_receipts",
    "sync_state",
)
MAX_PROBLEMS = 20
BACKUP_GLOB = "counter-*.sqlite3"


def problems(
    conn: sqlite3.Connection, pragma: str = "quick_check", tables: tuple[str, ...] | None = None
) -> list[str]:
    """What SQLite's `pragma` finds wrong (empty: sound). A page too damaged to read at all
    ends the check with an error, which is a problem too."""
    found: list[str] = []
    try:
        known = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        targets = [t for t in tables if t in known] if tables is not None else [None]
        for table in targets:
            arg = f"('{table}')" if table else f"({MAX_PROBLEMS})"
            rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}{arg}")]
            found.extend(r for r in rows if r != "ok")
    except sqlite3.DatabaseError as exc:
        if not is_corruption(exc):
            raise  # locked, busy, unreadable: the caller maps it to its own StoreError
        found.append(str(exc))
    return found[:MAX_PROBLEMS]


def check_file(
    db_file: Path, pragma: str = "quick_check", tables: tuple[str, ...] | None = None
) -> list[str]:
    """`problems` of a closed file (a backup), opened read-only so nothing is written to it; a
    file that cannot be read at all is a problem too."""
    try:
        conn = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
        try:
            return problems(conn, pragma, tables)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return [str(exc)]


@dataclass(frozen=True)
class Backup:
    file: Path
    size: int
    good: bool | None  # None: not checked


def backups(backup_dir: Path, check: bool = False) -> list[Backup]:
    """The store's backups, newest first (their names carry the UTC time they were taken)."""
    files = sorted(backup_dir.glob(BACKUP_GLOB), reverse=True) if backup_dir.is_dir() else []
    return [Backup(f, f.stat().st_size, (not check_file(f)) if check else None) for f in files]


def newest_good_backup(backup_dir: Path) -> Path | None:
    for backup in backups(backup_dir):
        if not check_file(backup.file):
            return backup.file
    return None


def corrupt_error(db_file: Path, found: list[str]) -> StoreCorrupt:
    """The Vietnamese StoreCorrupt for a failed check: what happened, what to do, which copy."""
    newest = newest_good_backup(db_file.parent / "backups")
    first = found[0] if found else "?"
    if newest is not None:
        advice = QT_TRANSLATE_NOOP(
            "messages",
            "Đã ngừng ghi để không làm hỏng thêm. Báo bộ phận CNTT khôi phục bản sao lưu "
            'tốt mới nhất {newest_name}: counter-app backup restore "{newest}" (tệp '
            "hỏng được giữ lại, không bị xoá).",
        )
    else:
        advice = QT_TRANSLATE_NOOP(
            "messages",
            "Đã ngừng ghi để không làm hỏng thêm. Không có bản sao lưu tốt nào trong "
            "{backups}; đừng xoá tệp này, báo bộ phận CNTT.",
        )
    return StoreCorrupt(
        QT_TRANSLATE_NOOP(
            "messages",
            "Kho dữ liệu {db_file} bị hỏng (kiểm tra toàn vẹn: {first}).",
        ),
        advice=advice,
        params={
            "db_file": db_file,
            "first": first,
            "newest_name": newest.name if newest else "",
            "newest": newest or "",
            "backups": db_file.parent / "backups",
        },
    )


@dataclass(frozen=True)
class CheckResult:
    kind: str  # "quick" | "full"
    checked_at: datetime
    seconds: float
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems
