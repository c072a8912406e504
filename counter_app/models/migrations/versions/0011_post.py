"""post: postal items (BCCI) with their status history; who owns each tracking number

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 07:10:00.000000

A postal item is written once and never deleted; its status is a history of rows, never changed
(triggers). Tracking numbers gain their owner: a share the province gave this PC, a file
imported here (and its claim at the server), or a unit-wide pool from before shares, which is
held but never taken (docs/decisions/0027).
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0011'
down_revision: Union[str, Sequence[str], None] = '0010'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    _pool_owner()
    _create_items()
    _create_status_events()
    for table in ('postal_items', 'postal_status_events'):
        op.execute(
            f"CREATE TRIGGER {table}_kept BEFORE DELETE ON {table} BEGIN "
            f"SELECT RAISE(ABORT, '{table}: a record, never deleted'); END"
        )
        op.execute(
            f"CREATE TRIGGER {table}_frozen BEFORE UPDATE ON {table} BEGIN "
            f"SELECT RAISE(ABORT, '{table}: written once, never changed'); END"
        )


def _pool_owner() -> None:
    with op.batch_alter_table('tracking_pool', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('source', sa.String(length=10), server_default='unit', nullable=False)
        )
        batch_op.add_column(sa.Column('owner_device_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('source_name', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('claim_state', sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column('claim_note', sa.Text(), nullable=True))
        batch_op.create_index('ix_tracking_pool_claim', ['claim_state'], unique=False)


def _create_items() -> None:
    op.create_table(
        'postal_items',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('dossier_id', sa.Integer(), nullable=False),
        sa.Column('direction', sa.String(length=10), nullable=False),
        sa.Column('tracking_number', sa.String(length=40), nullable=True),
        sa.Column('name', sa.String(length=120), nullable=False),
        sa.Column('phone', sa.String(length=20), nullable=False),
        sa.Column('street', sa.String(length=200), nullable=False),
        sa.Column('province_code', sa.String(length=10), nullable=False),
        sa.Column('province_name', sa.String(length=100), nullable=False),
        sa.Column('commune_code', sa.String(length=10), nullable=False),
        sa.Column('commune_name', sa.String(length=100), nullable=False),
        sa.Column('weight_g', sa.Integer(), nullable=True),
        sa.Column('postage', sa.Integer(), nullable=False),
        sa.Column('fee_entry_id', sa.Integer(), nullable=True),
        sa.Column('event_seq', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.String(length=25), nullable=False),
        sa.Column('created_by', sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(['dossier_id'], ['dossiers.id'],
                                name=op.f('fk_postal_items_dossier_id_dossiers')),
        sa.ForeignKeyConstraint(['fee_entry_id'], ['fee_entries.id'],
                                name=op.f('fk_postal_items_fee_entry_id_fee_entries')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_postal_items')),
        sa.UniqueConstraint('tracking_number', name=op.f('uq_postal_items_tracking_number')),
    )
    op.create_index(op.f('ix_postal_items_dossier_id'), 'postal_items', ['dossier_id'])
    op.create_index(op.f('ix_postal_items_created_at'), 'postal_items', ['created_at'])


def _create_status_events() -> None:
    op.create_table(
        'postal_status_events',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('item_id', sa.Integer(), nullable=False),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('status', sa.String(length=12), nullable=False),
        sa.Column('at', sa.String(length=25), nullable=False),
        sa.Column('actor', sa.String(length=60), nullable=False),
        sa.Column('note', sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(['item_id'], ['postal_items.id'],
                                name=op.f('fk_postal_status_events_item_id_postal_items')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_postal_status_events')),
        sa.UniqueConstraint('item_id', 'seq', name=op.f('uq_postal_status_events_item_id')),
    )
    op.create_index(
        op.f('ix_postal_status_events_item_id'), 'postal_status_events', ['item_id']
    )


def downgrade() -> None:
    for table in ('postal_status_events', 'postal_items'):
        op.drop_table(table)
    with op.batch_alter_table('tracking_pool', schema=None) as batch_op:
        batch_op.drop_index('ix_tracking_pool_claim')
        for column in ('claim_note', 'claim_state', 'source_name', 'owner_device_id', 'source'):
            batch_op.drop_column(column)
