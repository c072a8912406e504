"""accounts: the audit of account and setting changes (admin_events)

Revision ID: 0014
Revises: 0010
Create Date: 2026-12-05 07:10:00.000000

Every account change (created, disabled, enabled, password reset, unlocked) and every setting
change is one row: who, what, to whom, when. Triggers keep the rows as written.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0014'
down_revision: Union[str, Sequence[str], None] = '0013'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        'admin_events',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('at', sa.String(length=25), nullable=False),
        sa.Column('actor', sa.String(length=60), nullable=False),
        sa.Column('action', sa.String(length=20), nullable=False),
        sa.Column('subject', sa.String(length=80), nullable=False),
        sa.Column('detail', sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_admin_events')),
    )
    op.create_index(op.f('ix_admin_events_at'), 'admin_events', ['at'])
    op.create_index(op.f('ix_admin_events_subject'), 'admin_events', ['subject'])
    op.execute(
        "CREATE TRIGGER admin_events_kept BEFORE DELETE ON admin_events BEGIN "
        "SELECT RAISE(ABORT, 'admin_events: a record, never deleted'); END"
    )
    op.execute(
        "CREATE TRIGGER admin_events_frozen BEFORE UPDATE ON admin_events BEGIN "
        "SELECT RAISE(ABORT, 'admin_events: history, never changed'); END"
    )
    op.execute(
        "CREATE TRIGGER users_kept BEFORE DELETE ON users BEGIN "
        "SELECT RAISE(ABORT, 'users: an account is disabled, never deleted'); END"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS users_kept")
    op.drop_table('admin_events')
