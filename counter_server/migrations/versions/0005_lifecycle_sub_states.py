"""Lifecycle: each dossier's sub-state on the server, and device events kept as conflicts.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04

`dossiers.sub_state` is the lifecycle state the server merged (counter_protocol.lifecycle),
`dossiers.device_sub_state` where the counter's own chain of events has taken the dossier; both
start at the state each national status means (the province's mapping). `dossier_events.conflict`
marks a device event kept in the history but not applied to the status (docs/sync.md#s20).
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision: str = '0005'
down_revision: Union[str, Sequence[str], None] = '0004'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# counter_protocol.lifecycle.PROVINCE_SUB_STATE as it stood when this revision was written.
SUB_STATE_OF_STATUS = {
    1: 'draft', 2: 'received', 3: 'refused', 4: 'at_agency', 5: 'supplement',
    6: 'financial', 7: 'withdrawn', 8: 'stopped', 9: 'result_at_counter', 10: 'returned',
}


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('dossiers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sub_state', sa.String(length=30), nullable=True))
        batch_op.add_column(sa.Column('device_sub_state', sa.String(length=30), nullable=True))
    with op.batch_alter_table('dossier_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('conflict', sa.Text(), nullable=True))
    op.create_index('ix_dossier_events_conflict', 'dossier_events', ['recorded_at'],
                    postgresql_where=sa.text('conflict IS NOT NULL'),
                    sqlite_where=sa.text('conflict IS NOT NULL'))
    cases = " ".join(f"WHEN {code} THEN '{sub}'" for code, sub in SUB_STATE_OF_STATUS.items())
    op.execute(
        f"UPDATE dossiers SET sub_state = CASE status {cases} END, "
        f"device_sub_state = CASE status {cases} END"
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index('ix_dossier_events_conflict', table_name='dossier_events')
    with op.batch_alter_table('dossier_events', schema=None) as batch_op:
        batch_op.drop_column('conflict')
    with op.batch_alter_table('dossiers', schema=None) as batch_op:
        batch_op.drop_column('device_sub_state')
        batch_op.drop_column('sub_state')
