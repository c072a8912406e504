"""clock_reading: the latest comparison of this PC's clock with the server's; sync_log's server time

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 17:40:00.000000

Kept so that a slip is not printed with a date the PC's clock cannot have right
(counter_app/sync/clock.py).
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0006'
down_revision: Union[str, Sequence[str], None] = '0005'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        'clock_reading',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('server_time', sa.String(length=25), nullable=False),
        sa.Column('local_time', sa.String(length=25), nullable=False),
        sa.Column('skew_s', sa.Float(), nullable=False),
        sa.Column('source', sa.String(length=20), nullable=False),
        sa.Column('vouched_newest', sa.String(length=25), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_clock_reading')),
    )
    with op.batch_alter_table('sync_log') as batch_op:
        batch_op.add_column(sa.Column('server_finished_at', sa.String(length=25), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('sync_log') as batch_op:
        batch_op.drop_column('server_finished_at')
    op.drop_table('clock_reading')
