"""Audit log: like refusals are counted on one row instead of one row each.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-09

A client repeating a refused request (a wrong enrolment code, an unknown device, a bad admin
token) now adds to `repeat_count` and moves `last_at` of the row its first refusal wrote, for as
long as that row is younger than the grouping window (counter_server/audit.py); `group_key`
names what is alike. Existing rows each stand for one event.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

TIME = sa.DateTime(timezone=True)

# revision identifiers, used by Alembic.
revision: str = '0003'
down_revision: Union[str, Sequence[str], None] = '0002'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('repeat_count', sa.Integer(), nullable=False,
                                      server_default=sa.text('1')))
        batch_op.add_column(sa.Column('last_at', TIME, nullable=True))
        batch_op.add_column(sa.Column('group_key', sa.String(length=64), nullable=True))
        batch_op.create_index('ix_audit_log_group', ['group_key', 'at'], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_log_group')
        batch_op.drop_column('group_key')
        batch_op.drop_column('last_at')
        batch_op.drop_column('repeat_count')
