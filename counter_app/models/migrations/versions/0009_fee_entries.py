"""fees: the fee ledger (phí, lệ phí, cước) as money events

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 20:50:00.000000

One row per money event: a collection, a refund, a correction, or a receipt number given later
to an entry taken while the receipt was pending. The rows are the counter's cash records:
triggers forbid changing or deleting them; a refund or a correction is a new row.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0009'
down_revision: Union[str, Sequence[str], None] = '0008'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        'fee_entries',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('dossier_id', sa.Integer(), nullable=False),
        sa.Column('line_name', sa.String(length=300), nullable=False),
        sa.Column('kind', sa.String(length=10), nullable=False),
        sa.Column('moment', sa.String(length=12), nullable=False),
        sa.Column('direction', sa.String(length=12), nullable=False),
        sa.Column('amount', sa.Integer(), nullable=False),
        sa.Column('receipt_series', sa.String(length=20), nullable=True),
        sa.Column('receipt_number', sa.String(length=8), nullable=True),
        sa.Column('receipt_pending', sa.Boolean(), nullable=False),
        sa.Column('refers_to', sa.Integer(), nullable=True),
        sa.Column('clerk', sa.String(length=120), nullable=False),
        sa.Column('at', sa.String(length=25), nullable=False),
        sa.Column('note', sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(['dossier_id'], ['dossiers.id'],
                                name=op.f('fk_fee_entries_dossier_id_dossiers')),
        sa.ForeignKeyConstraint(['refers_to'], ['fee_entries.id'],
                                name=op.f('fk_fee_entries_refers_to_fee_entries')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_fee_entries')),
        sa.UniqueConstraint('receipt_series', 'receipt_number',
                            name=op.f('uq_fee_entries_receipt_series')),
    )
    op.create_index(op.f('ix_fee_entries_dossier_id'), 'fee_entries', ['dossier_id'])
    op.create_index('ix_fee_entries_clerk_at', 'fee_entries', ['clerk', 'at'])
    op.execute(
        "CREATE TRIGGER fee_entries_frozen BEFORE UPDATE ON fee_entries BEGIN "
        "SELECT RAISE(ABORT, 'fee_entries: a fee entry is a cash record, never changed'); END"
    )
    op.execute(
        "CREATE TRIGGER fee_entries_kept BEFORE DELETE ON fee_entries BEGIN "
        "SELECT RAISE(ABORT, 'fee_entries: a fee entry is a cash record, never deleted'); END"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER fee_entries_kept")
    op.execute("DROP TRIGGER fee_entries_frozen")
    op.drop_index('ix_fee_entries_clerk_at', table_name='fee_entries')
    op.drop_index(op.f('ix_fee_entries_dossier_id'), table_name='fee_entries')
    op.drop_table('fee_entries')
