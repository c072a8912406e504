"""sync tables: receipts, pull cursor, S10 pool, province updates, sync log; outbox guards

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0002'
down_revision: Union[str, Sequence[str], None] = '0001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

TRIGGERS = ("outbox_no_delete_unacked", "outbox_payload_frozen", "sync_receipts_no_delete",
            "sync_receipts_frozen")


def upgrade() -> None:
    op.create_table('sync_receipts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('batch_id', sa.String(length=36), nullable=False),
    sa.Column('server_time', sa.String(length=40), nullable=False),
    sa.Column('receipt_hash', sa.String(length=64), nullable=False),
    sa.Column('signature', sa.String(length=120), nullable=False),
    sa.Column('body', sa.LargeBinary(), nullable=False),
    sa.Column('op_count', sa.Integer(), nullable=False),
    sa.Column('counts_json', sa.Text(), nullable=False),
    sa.Column('stored_at', sa.String(length=25), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_receipts')),
    sa.UniqueConstraint('batch_id', name=op.f('uq_sync_receipts_batch_id'))
    )
    op.create_table('sync_state',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('pull_cursor', sa.Integer(), nullable=False),
    sa.Column('pulled_at', sa.String(length=25), nullable=True),
    sa.Column('last_server_time', sa.String(length=40), nullable=True),
    sa.Column('revoked_at', sa.String(length=25), nullable=True),
    sa.Column('revoked_message', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_state'))
    )
    op.create_table('tracking_pool',
    sa.Column('number', sa.String(length=13), nullable=False),
    sa.Column('unit_code', sa.String(length=40), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.Column('received_at', sa.String(length=25), nullable=False),
    sa.Column('used_at', sa.String(length=25), nullable=True),
    sa.Column('dossier_code', sa.String(length=60), nullable=True),
    sa.PrimaryKeyConstraint('number', name=op.f('pk_tracking_pool'))
    )
    with op.batch_alter_table('tracking_pool', schema=None) as batch_op:
        batch_op.create_index('ix_tracking_pool_unused', ['used_at', 'number'], unique=False)
    op.create_table('province_updates',
    sa.Column('change_seq', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('subject', sa.String(length=120), nullable=False),
    sa.Column('result', sa.String(length=20), nullable=False),
    sa.Column('message', sa.Text(), nullable=True),
    sa.Column('server_created_at', sa.String(length=40), nullable=False),
    sa.Column('applied_at', sa.String(length=25), nullable=False),
    sa.PrimaryKeyConstraint('change_seq', name=op.f('pk_province_updates'))
    )
    op.create_table('sync_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.String(length=25), nullable=False),
    sa.Column('finished_at', sa.String(length=25), nullable=False),
    sa.Column('trigger', sa.String(length=20), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('batches', sa.Integer(), nullable=False),
    sa.Column('bytes_sent', sa.Integer(), nullable=False),
    sa.Column('sent', sa.Integer(), nullable=False),
    sa.Column('acked', sa.Integer(), nullable=False),
    sa.Column('duplicates', sa.Integer(), nullable=False),
    sa.Column('conflicts', sa.Integer(), nullable=False),
    sa.Column('quarantined', sa.Integer(), nullable=False),
    sa.Column('held', sa.Integer(), nullable=False),
    sa.Column('pulled', sa.Integer(), nullable=False),
    sa.Column('error_kind', sa.String(length=30), nullable=True),
    sa.Column('message', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_log'))
    )
    op.execute("INSERT INTO sync_state (id, pull_cursor) VALUES (1, 0)")
    # The honest status looks for acknowledged ops without a receipt; this index holds only rows
    # without one (the pending ops, and any such broken ack), so the look-up never scans the acks.
    op.execute("CREATE INDEX ix_outbox_no_receipt ON outbox (state) WHERE receipt_id IS NULL")
    # An op leaves the outbox only after the server acknowledged it (never, in practice), and a
    # queued payload is frozen: an edit is a new op, so a resend can never differ from the first.
    op.execute(
        "CREATE TRIGGER outbox_no_delete_unacked BEFORE DELETE ON outbox "
        "WHEN old.state NOT IN ('acked', 'duplicate_acked') BEGIN "
        "SELECT RAISE(ABORT, 'unacknowledged outbox ops are never deleted'); END"
    )
    op.execute(
        "CREATE TRIGGER outbox_payload_frozen BEFORE UPDATE OF op_id, device_seq, payload, "
        "payload_hash ON outbox BEGIN "
        "SELECT RAISE(ABORT, 'an outbox op is immutable once queued'); END"
    )
    op.execute(
        "CREATE TRIGGER sync_receipts_no_delete BEFORE DELETE ON sync_receipts BEGIN "
        "SELECT RAISE(ABORT, 'server receipts are kept'); END"
    )
    op.execute(
        "CREATE TRIGGER sync_receipts_frozen BEFORE UPDATE ON sync_receipts BEGIN "
        "SELECT RAISE(ABORT, 'server receipts are kept as received'); END"
    )


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_outbox_no_receipt")
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table('sync_log')
    op.drop_table('province_updates')
    with op.batch_alter_table('tracking_pool', schema=None) as batch_op:
        batch_op.drop_index('ix_tracking_pool_unused')
    op.drop_table('tracking_pool')
    op.drop_table('sync_state')
    op.drop_table('sync_receipts')
