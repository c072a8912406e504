"""Initial server schema: devices and enrolment, ops ledger, dossiers, pull feed, publications.

Revision ID: 0001
Revises:
Create Date: 2026-11-26

Types are spelled out here (not imported from counter_server.models) so this revision stays fixed
whatever the models become.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

TIME = sa.DateTime(timezone=True)
JSON_ = sa.JSON()
BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
UUID = sa.Uuid(as_uuid=False).with_variant(sa.String(36), "sqlite")

# revision identifiers, used by Alembic.
revision: str = '0001'
down_revision: Union[str, Sequence[str], None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('admin_tokens',
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('created_at', TIME, nullable=False),
    sa.Column('revoked', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('token_hash', name=op.f('pk_admin_tokens'))
    )
    op.create_table('audit_log',
    sa.Column('id', BIG_ID, autoincrement=True, nullable=False),
    sa.Column('at', TIME, nullable=False),
    sa.Column('event', sa.String(length=40), nullable=False),
    sa.Column('device_id', sa.Integer(), nullable=True),
    sa.Column('remote_addr', sa.String(length=64), nullable=True),
    sa.Column('detail', JSON_, nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_at'), ['at'], unique=False)

    op.create_table('changes',
    sa.Column('seq', BIG_ID, autoincrement=True, nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('unit_code', sa.String(length=20), nullable=True),
    sa.Column('payload', JSON_, nullable=False),
    sa.Column('created_at', TIME, nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_changes'))
    )
    op.create_table('publications',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('payload', JSON_, nullable=False),
    sa.Column('source_name', sa.String(length=300), nullable=False),
    sa.Column('published_at', TIME, nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_publications')),
    sa.UniqueConstraint('kind', 'key', 'sha256', name=op.f('uq_publications_kind_key_sha256'))
    )
    op.create_table('server_keys',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('private_key', sa.String(length=64), nullable=False),
    sa.Column('public_key', sa.String(length=64), nullable=False),
    sa.Column('created_at', TIME, nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_server_keys'))
    )
    op.create_table('units',
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=True),
    sa.Column('created_at', TIME, nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_units'))
    )
    op.create_table('devices',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('uuid', UUID, nullable=False),
    sa.Column('unit_code', sa.String(length=20), nullable=False),
    sa.Column('slot', sa.SmallInteger(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('public_key', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('app_version', sa.String(length=40), nullable=False),
    sa.Column('catalogue_version', sa.String(length=40), nullable=True),
    sa.Column('enrolled_at', TIME, nullable=False),
    sa.Column('revoked_at', TIME, nullable=True),
    sa.Column('last_seen_at', TIME, nullable=True),
    sa.Column('last_sync_at', TIME, nullable=True),
    sa.Column('last_skew_s', sa.Float(), nullable=True),
    sa.Column('attested_at', TIME, nullable=True),
    sa.Column('attested_seq', sa.BigInteger(), nullable=False),
    sa.Column('max_seq_received', sa.BigInteger(), nullable=False),
    sa.Column('dossier_count', sa.Integer(), nullable=False),
    sa.Column('clock_flag_count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['unit_code'], ['units.code'], name=op.f('fk_devices_unit_code_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_devices')),
    sa.UniqueConstraint('uuid', name=op.f('uq_devices_uuid'))
    )
    with op.batch_alter_table('devices', schema=None) as batch_op:
        batch_op.create_index('uq_devices_active_slot', ['unit_code', 'slot'], unique=True, postgresql_where=sa.text("status = 'active'"), sqlite_where=sa.text("status = 'active'"))

    op.create_table('tracking_numbers',
    sa.Column('number', sa.String(length=13), nullable=False),
    sa.Column('unit_code', sa.String(length=20), nullable=False),
    sa.Column('publication_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['publication_id'], ['publications.id'], name=op.f('fk_tracking_numbers_publication_id_publications')),
    sa.ForeignKeyConstraint(['unit_code'], ['units.code'], name=op.f('fk_tracking_numbers_unit_code_units')),
    sa.PrimaryKeyConstraint('number', name=op.f('pk_tracking_numbers'))
    )
    with op.batch_alter_table('tracking_numbers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tracking_numbers_unit_code'), ['unit_code'], unique=False)

    op.create_table('batches',
    sa.Column('id', BIG_ID, autoincrement=True, nullable=False),
    sa.Column('batch_id', UUID, nullable=False),
    sa.Column('device_id', sa.Integer(), nullable=False),
    sa.Column('received_at', TIME, nullable=False),
    sa.Column('sent_at', TIME, nullable=False),
    sa.Column('skew_s', sa.Float(), nullable=False),
    sa.Column('app_version', sa.String(length=40), nullable=False),
    sa.Column('catalogue_version', sa.String(length=40), nullable=True),
    sa.Column('body_bytes', sa.Integer(), nullable=False),
    sa.Column('counts', JSON_, nullable=False),
    sa.Column('receipt_hash', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['device_id'], ['devices.id'], name=op.f('fk_batches_device_id_devices')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_batches'))
    )
    with op.batch_alter_table('batches', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_batches_batch_id'), ['batch_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_batches_device_id'), ['device_id'], unique=False)

    op.create_table('dossiers',
    sa.Column('uuid', UUID, nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('unit_code', sa.String(length=20), nullable=False),
    sa.Column('device_id', sa.Integer(), nullable=False),
    sa.Column('procedure_code', sa.String(length=60), nullable=False),
    sa.Column('catalogue_version', sa.String(length=40), nullable=True),
    sa.Column('status', sa.SmallInteger(), nullable=False),
    sa.Column('applicant_name', sa.String(length=200), nullable=False),
    sa.Column('received_at', TIME, nullable=False),
    sa.Column('due_at', TIME, nullable=True),
    sa.Column('data', JSON_, nullable=False),
    sa.Column('last_device_seq', sa.BigInteger(), nullable=False),
    sa.Column('last_event_seq', sa.Integer(), nullable=False),
    sa.Column('updated_at', TIME, nullable=False),
    sa.ForeignKeyConstraint(['device_id'], ['devices.id'], name=op.f('fk_dossiers_device_id_devices')),
    sa.PrimaryKeyConstraint('uuid', name=op.f('pk_dossiers')),
    sa.UniqueConstraint('code', name=op.f('uq_dossiers_code'))
    )
    op.create_table('enrol_codes',
    sa.Column('code_hash', sa.String(length=64), nullable=False),
    sa.Column('unit_code', sa.String(length=20), nullable=False),
    sa.Column('created_at', TIME, nullable=False),
    sa.Column('expires_at', TIME, nullable=False),
    sa.Column('used_at', TIME, nullable=True),
    sa.Column('device_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['device_id'], ['devices.id'], name=op.f('fk_enrol_codes_device_id_devices')),
    sa.ForeignKeyConstraint(['unit_code'], ['units.code'], name=op.f('fk_enrol_codes_unit_code_units')),
    sa.PrimaryKeyConstraint('code_hash', name=op.f('pk_enrol_codes'))
    )
    op.create_table('ops',
    sa.Column('seq', BIG_ID, autoincrement=True, nullable=False),
    sa.Column('op_id', UUID, nullable=False),
    sa.Column('device_id', sa.Integer(), nullable=False),
    sa.Column('device_seq', sa.BigInteger(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('dossier_uuid', UUID, nullable=True),
    sa.Column('prev_seq', sa.BigInteger(), nullable=True),
    sa.Column('payload_hash', sa.String(length=64), nullable=False),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('result', sa.String(length=12), nullable=False),
    sa.Column('reason', sa.String(length=40), nullable=True),
    sa.Column('message', sa.Text(), nullable=True),
    sa.Column('payload', JSON_, nullable=True),
    sa.Column('device_created_at', TIME, nullable=True),
    sa.Column('clock_flag', sa.String(length=8), nullable=True),
    sa.Column('batch_id', UUID, nullable=False),
    sa.Column('received_at', TIME, nullable=False),
    sa.Column('resolved_at', TIME, nullable=True),
    sa.ForeignKeyConstraint(['device_id'], ['devices.id'], name=op.f('fk_ops_device_id_devices')),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_ops')),
    sa.UniqueConstraint('device_id', 'device_seq', name=op.f('uq_ops_device_id_device_seq')),
    sa.UniqueConstraint('op_id', name=op.f('uq_ops_op_id'))
    )
    with op.batch_alter_table('ops', schema=None) as batch_op:
        batch_op.create_index('ix_ops_held', ['device_id', 'dossier_uuid'], unique=False, postgresql_where=sa.text("state = 'held'"), sqlite_where=sa.text("state = 'held'"))
        batch_op.create_index('ix_ops_quarantined', ['device_id'], unique=False, postgresql_where=sa.text("state = 'quarantined'"), sqlite_where=sa.text("state = 'quarantined'"))

    op.create_table('dossier_events',
    sa.Column('id', BIG_ID, autoincrement=True, nullable=False),
    sa.Column('dossier_uuid', UUID, nullable=False),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.Column('device_id', sa.Integer(), nullable=True),
    sa.Column('event_seq', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('at', TIME, nullable=False),
    sa.Column('actor', sa.String(length=200), nullable=False),
    sa.Column('from_status', sa.SmallInteger(), nullable=True),
    sa.Column('to_status', sa.SmallInteger(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('extra', JSON_, nullable=True),
    sa.Column('recorded_at', TIME, nullable=False),
    sa.ForeignKeyConstraint(['device_id'], ['devices.id'], name=op.f('fk_dossier_events_device_id_devices')),
    sa.ForeignKeyConstraint(['dossier_uuid'], ['dossiers.uuid'], name=op.f('fk_dossier_events_dossier_uuid_dossiers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dossier_events'))
    )
    with op.batch_alter_table('dossier_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dossier_events_dossier_uuid'), ['dossier_uuid'], unique=False)



def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('dossier_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dossier_events_dossier_uuid'))

    op.drop_table('dossier_events')
    with op.batch_alter_table('ops', schema=None) as batch_op:
        batch_op.drop_index('ix_ops_quarantined', postgresql_where=sa.text("state = 'quarantined'"), sqlite_where=sa.text("state = 'quarantined'"))
        batch_op.drop_index('ix_ops_held', postgresql_where=sa.text("state = 'held'"), sqlite_where=sa.text("state = 'held'"))

    op.drop_table('ops')
    op.drop_table('enrol_codes')
    op.drop_table('dossiers')
    with op.batch_alter_table('batches', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_batches_device_id'))
        batch_op.drop_index(batch_op.f('ix_batches_batch_id'))

    op.drop_table('batches')
    with op.batch_alter_table('tracking_numbers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tracking_numbers_unit_code'))

    op.drop_table('tracking_numbers')
    with op.batch_alter_table('devices', schema=None) as batch_op:
        batch_op.drop_index('uq_devices_active_slot', postgresql_where=sa.text("status = 'active'"), sqlite_where=sa.text("status = 'active'"))

    op.drop_table('devices')
    op.drop_table('units')
    op.drop_table('server_keys')
    op.drop_table('publications')
    op.drop_table('changes')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_at'))

    op.drop_table('audit_log')
    op.drop_table('admin_tokens')
