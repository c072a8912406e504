"""outbox_reason_note: an op's problem reason kept as its marked templates and values too

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-06 07:00:00.000000

`outbox.last_error` stays the formatted Vietnamese (the record, read as it was written);
`last_error_marked` is the same reason before formatting, a JSON list of {"template", "params"}
whose pieces, formatted and joined by a space, give `last_error`. The sync window's problems
table shows it in the clerk's language (docs/decisions/0034-texts-from-lower-layers.md). Rows
written before this revision, and reasons the server wrote, have none and are shown as they
were written.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0018'
down_revision: Union[str, Sequence[str], None] = '0017'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # A plain ALTER TABLE ADD COLUMN: the table (and its triggers) is not rebuilt.
    op.add_column('outbox', sa.Column('last_error_marked', sa.Text(), nullable=True))


def downgrade() -> None:
    # Not a batch rebuild: that would drop the outbox's triggers (SQLite ≥ 3.35 drops a column).
    op.execute('ALTER TABLE outbox DROP COLUMN last_error_marked')
