"""sync_log_note: a sync run's note kept as its marked templates and values too

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06 10:00:00.000000

`sync_log.message` stays the formatted Vietnamese (the record, read as it was written);
`message_marked` is the same note before formatting, a JSON list of {"template", "params"}
whose pieces, formatted and joined by a space, give `message`. The sync window shows it in the
clerk's language (docs/decisions/0034-texts-from-lower-layers.md). Rows written before this
revision have none and are shown as they were written.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0017'
down_revision: Union[str, Sequence[str], None] = '0016'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # A plain ALTER TABLE ADD COLUMN: the table is not rebuilt.
    op.add_column('sync_log', sa.Column('message_marked', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('sync_log') as batch:
        batch.drop_column('message_marked')
