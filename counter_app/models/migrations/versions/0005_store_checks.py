"""store_checks: when the whole file last passed SQLite's integrity_check

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 17:20:00.000000
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0005'
down_revision: Union[str, Sequence[str], None] = '0004'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        'store_checks',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('checked_at', sa.String(length=25), nullable=False),
        sa.Column('kind', sa.String(length=10), nullable=False),
        sa.Column('ok', sa.Boolean(), nullable=False),
        sa.Column('seconds', sa.Float(), nullable=False),
        sa.Column('detail', sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint('id'),
    )


def downgrade() -> None:
    op.drop_table('store_checks')
