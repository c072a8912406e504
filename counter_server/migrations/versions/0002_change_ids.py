"""Pull feed: a random id per change, so a counter's cursor can be checked against the feed.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02

A counter sends back the seq it reached and the id of the change it saw there. If the server no
longer holds that pair (its database was restored from a backup and the seq was given to another
change, or never reached again), the reply tells the counter to start over instead of silently
skipping changes. Existing rows get random ids here; new ones get them in changes.add_change.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision: str = '0002'
down_revision: Union[str, Sequence[str], None] = '0001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# 32 lowercase hex digits, like secrets.token_hex(16) in counter_server/changes.py.
FILL = {
    "sqlite": "UPDATE changes SET change_id = lower(hex(randomblob(16)))",
    "postgresql": "UPDATE changes SET change_id = "
                  "md5(random()::text || clock_timestamp()::text || seq::text)",
}


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('changes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('change_id', sa.String(length=32), nullable=True))
    op.execute(FILL[op.get_bind().dialect.name])
    with op.batch_alter_table('changes', schema=None) as batch_op:
        batch_op.alter_column('change_id', existing_type=sa.String(length=32), nullable=False)


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('changes', schema=None) as batch_op:
        batch_op.drop_column('change_id')
