"""Tracking numbers belong to one PC: the share a publication gave it, or a number it claimed.

Revision ID: 0007
Revises: 0005
Create Date: 2026-12-05

`tracking_numbers.device_id` is the PC the number belongs to (NULL for pools published to a
whole unit before shares). A number a PC imported from a file is claimed at the server
(`claimed_at`, no publication); a second PC claiming it is refused (docs/decisions/0027).
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

revision: str = '0007'
down_revision: Union[str, Sequence[str], None] = '0006'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

TIME = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table('tracking_numbers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('device_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('claimed_at', TIME, nullable=True))
        batch_op.alter_column('publication_id', existing_type=sa.Integer(), nullable=True)
        batch_op.create_foreign_key(
            batch_op.f('fk_tracking_numbers_device_id_devices'), 'devices', ['device_id'], ['id']
        )
        batch_op.create_index(
            batch_op.f('ix_tracking_numbers_device_id'), ['device_id'], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table('tracking_numbers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tracking_numbers_device_id'))
        batch_op.drop_constraint(
            batch_op.f('fk_tracking_numbers_device_id_devices'), type_='foreignkey'
        )
        batch_op.alter_column('publication_id', existing_type=sa.Integer(), nullable=False)
        batch_op.drop_column('claimed_at')
        batch_op.drop_column('device_id')
