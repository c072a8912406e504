"""province_update_note: a province change's note kept as its marked template and values too

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06 09:00:00.000000

`province_updates.message` stays the formatted Vietnamese (the record, read as it was written);
`message_marked` is the same note before formatting, JSON {"template", "params"}, so the sync
window shows it in the clerk's language (docs/decisions/0034-texts-from-lower-layers.md). Rows
written before this revision have none and are shown as they were written.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0016'
down_revision: Union[str, Sequence[str], None] = '0015'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # A plain ALTER TABLE ADD COLUMN: the table is not rebuilt.
    op.add_column('province_updates', sa.Column('message_marked', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('province_updates') as batch:
        batch.drop_column('message_marked')
