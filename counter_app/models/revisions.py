"""Is a store at the newest migration? Told from the migration files and the `alembic_version`
row with plain reads, without importing Alembic (a third of a second of every command's start).

Only a sure "yes" is answered here: one head among files that all read plainly, equal to the
store's one revision. Anything else (a new or older store, a branch or a merge of migrations, a
file written another way, a bundle without the sources) answers "not sure" and the store is
checked and migrated by Alembic as before (models/db.py)."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import Engine

_REVISION = re.compile(r"^revision(?:\s*:[^=\n]+)?\s*=\s*['\"]([^'\"\n]+)['\"]\s*$", re.M)
_DOWN = re.compile(r"^down_revision(?:\s*:[^=\n]+)?\s*=\s*(.+?)\s*$", re.M)
_QUOTED = re.compile(r"['\"]([^'\"]+)['\"]")


def file_head(versions: Path) -> str | None:
    """The one head of the migration files in `versions`, or None when it cannot be told."""
    files = [path for path in versions.glob("*.py") if not path.name.startswith("__")]
    revisions: set[str] = set()
    downs: set[str] = set()
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeError):  # Alembic will tell what is wrong with the file
            return None
        revision, down = _REVISION.search(text), _DOWN.search(text)
        if revision is None or down is None:
            return None
        revisions.add(revision[1])
        if down[1] != "None":
            parent = _QUOTED.fullmatch(down[1])
            if parent is None:  # a merge (a tuple of parents) or an unusual spelling
                return None
            downs.add(parent[1])
    heads = revisions - downs
    if not files or len(revisions) != len(files) or len(heads) != 1 or not downs <= revisions:
        return None
    return heads.pop()


def stored_revision(engine: Engine) -> str | None:
    """The store's one Alembic revision, or None (no table yet, none or several rows)."""
    with engine.connect() as conn:
        has_table = conn.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).scalar()
        if not has_table:
            return None
        rows = conn.exec_driver_sql("SELECT version_num FROM alembic_version").fetchall()
    return str(rows[0][0]) if len(rows) == 1 else None


def surely_at_head(engine: Engine, versions: Path) -> bool:
    head = file_head(versions)
    return head is not None and stored_revision(engine) == head
