"""checkable pull cursor: the change id at the cursor, feed generations, reset record

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 09:00:00.000000

A server restored from a backup hands seqs out again, to other changes. The counter keeps the id
of the change at its cursor (sent back, so the server can say "start over"), counts the times it
started over, and keys `province_updates` by (feed generation, seq) so a seq seen in an earlier
generation does not hide a new change. Existing rows are generation 0.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0003'
down_revision: Union[str, Sequence[str], None] = '0002'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

UPDATE_COLUMNS = "change_seq, kind, subject, result, message, server_created_at, applied_at"


def _updates_table(name: str, generations: bool) -> None:
    keys = ['feed_generation', 'change_seq'] if generations else ['change_seq']
    extra = [sa.Column('feed_generation', sa.Integer(), server_default='0', nullable=False),
             sa.Column('change_id', sa.String(length=32), nullable=True)] if generations else []
    op.create_table(name,
    *extra,
    sa.Column('change_seq', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('subject', sa.String(length=120), nullable=False),
    sa.Column('result', sa.String(length=20), nullable=False),
    sa.Column('message', sa.Text(), nullable=True),
    sa.Column('server_created_at', sa.String(length=40), nullable=False),
    sa.Column('applied_at', sa.String(length=25), nullable=False),
    sa.PrimaryKeyConstraint(*keys, name='pk_province_updates')
    )


def upgrade() -> None:
    with op.batch_alter_table('sync_state', schema=None) as batch_op:
        batch_op.add_column(sa.Column('pull_cursor_id', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('feed_generation', sa.Integer(), server_default='0',
                                      nullable=False))
        batch_op.add_column(sa.Column('feed_resets', sa.Integer(), server_default='0',
                                      nullable=False))
        batch_op.add_column(sa.Column('last_reset_at', sa.String(length=25), nullable=True))
        batch_op.add_column(sa.Column('last_reset_note', sa.Text(), nullable=True))
    op.rename_table('province_updates', 'province_updates_0002')
    _updates_table('province_updates', generations=True)
    op.execute(f"INSERT INTO province_updates (feed_generation, {UPDATE_COLUMNS}) "
               f"SELECT 0, {UPDATE_COLUMNS} FROM province_updates_0002")
    op.drop_table('province_updates_0002')
    op.create_index('ix_province_updates_change_id', 'province_updates', ['change_id'],
                    unique=False)


def downgrade() -> None:
    op.drop_index('ix_province_updates_change_id', table_name='province_updates')
    op.rename_table('province_updates', 'province_updates_0003')
    _updates_table('province_updates', generations=False)
    # One row per seq, as before: the latest generation's.
    op.execute(f"INSERT INTO province_updates ({UPDATE_COLUMNS}) SELECT {UPDATE_COLUMNS} "
               "FROM province_updates_0003 AS u WHERE feed_generation = (SELECT "
               "max(feed_generation) FROM province_updates_0003 WHERE change_seq = u.change_seq)")
    op.drop_table('province_updates_0003')
    with op.batch_alter_table('sync_state', schema=None) as batch_op:
        batch_op.drop_column('last_reset_note')
        batch_op.drop_column('last_reset_at')
        batch_op.drop_column('feed_resets')
        batch_op.drop_column('feed_generation')
        batch_op.drop_column('pull_cursor_id')
