"""work sync: what the province needs to count the post office's work

Revision ID: 0012
Revises: 0010
Create Date: 2026-12-05 07:00:00.000000

`dossiers.at_home` says a dossier was received at the citizen's home (it goes on the wire in the
create op); dossiers already linked to a home appointment get it here. `online_help.uuid` names
a record on the wire (`online_help.record` ops) and `online_help.unit_code` is the unit it counts
for (docs/domain.md#work-counts); records made before this revision get theirs here.
"""
import uuid
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0012'
down_revision: Union[str, Sequence[str], None] = '0011'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # ADD COLUMN, not a batch copy: the copy would drop the table's triggers (never deleted).
    op.add_column('dossiers', sa.Column('at_home', sa.Boolean(), nullable=False,
                                        server_default=sa.text('0')))
    op.execute("UPDATE dossiers SET at_home = 1 WHERE code IN "
               "(SELECT dossier_code FROM home_visits WHERE dossier_code IS NOT NULL)")
    op.add_column('online_help', sa.Column('uuid', sa.String(length=36), nullable=True))
    op.add_column('online_help', sa.Column('unit_code', sa.String(length=40), nullable=True))
    conn = op.get_bind()
    for (row_id,) in conn.execute(sa.text("SELECT id FROM online_help")).all():
        conn.execute(sa.text("UPDATE online_help SET uuid = :uuid WHERE id = :id"),
                     {"uuid": str(uuid.uuid4()), "id": row_id})
    op.execute("UPDATE online_help SET unit_code = "
               "(SELECT unit_code FROM devices WHERE is_self = 1 LIMIT 1)")
    op.create_index(op.f('ix_online_help_uuid'), 'online_help', ['uuid'], unique=True)


def downgrade() -> None:
    op.drop_index(op.f('ix_online_help_uuid'), table_name='online_help')
    op.drop_column('online_help', 'unit_code')
    op.drop_column('online_help', 'uuid')
    op.drop_column('dossiers', 'at_home')
