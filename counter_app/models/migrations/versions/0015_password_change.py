"""password_change: a password reset by an administrator must be replaced at the next sign-in

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05 10:40:00.000000

`users.must_change_password` is set by an administrator's reset (screen or `user
reset-password`) and cleared when the holder chooses their own password; until then the log-in
lets the person do nothing else (docs/decisions/0032-roles-and-accounts.md).
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0015'
down_revision: Union[str, Sequence[str], None] = '0014'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # A plain ALTER TABLE ADD COLUMN: the table is not rebuilt, so its triggers (0014) stay.
    op.add_column(
        'users',
        sa.Column('must_change_password', sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    with op.batch_alter_table('users') as batch:
        batch.drop_column('must_change_password')
