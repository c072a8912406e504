"""Request nonces: a signed push or pull is accepted once, within the server's time window.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

TIME = sa.DateTime(timezone=True)

# revision identifiers, used by Alembic.
revision: str = '0004'
down_revision: Union[str, Sequence[str], None] = '0003'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        'request_nonces',
        sa.Column('device_id', sa.Integer(), nullable=False),
        sa.Column('nonce', sa.String(length=64), nullable=False),
        sa.Column('expires_at', TIME, nullable=False),
        sa.Column('body_hash', sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(['device_id'], ['devices.id'],
                                name=op.f('fk_request_nonces_device_id_devices')),
        sa.PrimaryKeyConstraint('device_id', 'nonce', name=op.f('pk_request_nonces')),
    )
    op.create_index(op.f('ix_request_nonces_expires_at'), 'request_nonces', ['expires_at'])


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index(op.f('ix_request_nonces_expires_at'), table_name='request_nonces')
    op.drop_table('request_nonces')
