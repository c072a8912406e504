"""conflict_note: a dossier conflict's note kept as its marked templates and values too

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-06 07:40:00.000000

`dossier_conflicts.message` stays the formatted Vietnamese (the record, read as it was written);
`message_marked` is the same note before formatting, a JSON list of {"template", "params"} whose
pieces, formatted and joined by a space, give `message`. The dossier's detail shows it in the
clerk's language (docs/decisions/0034-texts-from-lower-layers.md). Rows written before this
revision have none and are shown as they were written.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0019'
down_revision: Union[str, Sequence[str], None] = '0018'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column('dossier_conflicts', sa.Column('message_marked', sa.Text(), nullable=True))


def downgrade() -> None:
    # Not a batch rebuild: that would drop the table's triggers (SQLite ≥ 3.35 drops a column).
    op.execute('ALTER TABLE dossier_conflicts DROP COLUMN message_marked')
