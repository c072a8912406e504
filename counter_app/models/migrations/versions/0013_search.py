"""search: indexes that answer every query of the dossier list in a page's time

Revision ID: 0013
Revises: 0010
Create Date: 2026-12-05 07:15:00.000000

(docs/decisions/0031-search-always-answers-fast.md)
- `ix_dossiers_status_walk` (status, id, due_at): a status filter walks its dossiers newest
  first and stops after the page; the due filters read the deadline from the same entries.
- `ix_dossiers_code_tail`: a code found by its date-and-number part (`261204-0001`), the part a
  torn slip or a spoken number keeps, every code ending in those 11 characters.
- `ix_dossiers_phone_tail`: a phone found by its last seven digits.
- `dossier_name_pairs`: every pair of words of each applicant's folded name as one token
  (`domain.text.name_pairs`), contentless, rowid = dossier id; filled for the stored dossiers here.
"""
from typing import Sequence, Union

from alembic import op

from counter_app.domain.text import name_pairs

revision: str = '0013'
down_revision: Union[str, Sequence[str], None] = '0012'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

BATCH = 20_000


def upgrade() -> None:
    op.execute("CREATE INDEX ix_dossiers_status_walk ON dossiers (status, id, due_at)")
    op.execute("CREATE INDEX ix_dossiers_code_tail ON dossiers (substr(code, -11))")
    op.execute("CREATE INDEX ix_dossiers_phone_tail ON dossiers (substr(phone, -7))")
    op.execute(
        "CREATE VIRTUAL TABLE dossier_name_pairs USING fts5(pairs, content='', detail='none')"
    )
    _fill_pairs()
    op.execute("ANALYZE dossiers")


def _fill_pairs() -> None:
    conn = op.get_bind().connection.driver_connection
    last = 0
    while True:
        rows = conn.execute(
            "SELECT id, search_name FROM dossiers WHERE id > ? ORDER BY id LIMIT ?", (last, BATCH)
        ).fetchall()
        if not rows:
            return
        conn.executemany(
            "INSERT INTO dossier_name_pairs(rowid, pairs) VALUES (?, ?)",
            [(i, name_pairs(name)) for i, name in rows],
        )
        last = rows[-1][0]


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS dossier_name_pairs")
    for name in ("ix_dossiers_phone_tail", "ix_dossiers_code_tail", "ix_dossiers_status_walk"):
        op.execute(f"DROP INDEX IF EXISTS {name}")
