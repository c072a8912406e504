"""home visits: home appointments, their history, online-service help records

Revision ID: 0010
Revises: 0008
Create Date: 2026-12-04 20:55:00.000000

A home appointment is never deleted (a moved one is a new row; a cancelled one keeps its row and
history); triggers forbid deleting them and rewriting their history.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0010'
down_revision: Union[str, Sequence[str], None] = '0009'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    _create_visits()
    _create_visit_events()
    _create_online_help()
    for table in ('home_visits', 'home_visit_events', 'online_help'):
        op.execute(
            f"CREATE TRIGGER {table}_kept BEFORE DELETE ON {table} BEGIN "
            f"SELECT RAISE(ABORT, '{table}: a record, never deleted'); END"
        )
    op.execute(
        "CREATE TRIGGER home_visit_events_frozen BEFORE UPDATE ON home_visit_events BEGIN "
        "SELECT RAISE(ABORT, 'home_visit_events: history, never changed'); END"
    )


def _create_visits() -> None:
    op.create_table(
        'home_visits',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('clerk', sa.String(length=60), nullable=False),
        sa.Column('starts_at', sa.String(length=25), nullable=False),
        sa.Column('ends_at', sa.String(length=25), nullable=False),
        sa.Column('citizen_name', sa.String(length=120), nullable=False),
        sa.Column('phone', sa.String(length=20), nullable=False),
        sa.Column('address', sa.String(length=300), nullable=False),
        sa.Column('area_code', sa.String(length=40), nullable=True),
        sa.Column('procedure_code', sa.String(length=40), nullable=False),
        sa.Column('status', sa.String(length=12), nullable=False),
        sa.Column('note', sa.Text(), nullable=True),
        sa.Column('replaces_id', sa.Integer(), nullable=True),
        sa.Column('dossier_code', sa.String(length=40), nullable=True),
        sa.Column('created_at', sa.String(length=25), nullable=False),
        sa.Column('created_by', sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(['clerk'], ['users.username'],
                                name=op.f('fk_home_visits_clerk_users')),
        sa.ForeignKeyConstraint(['replaces_id'], ['home_visits.id'],
                                name=op.f('fk_home_visits_replaces_id_home_visits')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_home_visits')),
    )
    op.create_index(op.f('ix_home_visits_starts_at'), 'home_visits', ['starts_at'])
    op.create_index('ix_home_visits_clerk_start', 'home_visits', ['clerk', 'starts_at'])


def _create_visit_events() -> None:
    op.create_table(
        'home_visit_events',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('visit_id', sa.Integer(), nullable=False),
        sa.Column('at', sa.String(length=25), nullable=False),
        sa.Column('actor', sa.String(length=60), nullable=False),
        sa.Column('kind', sa.String(length=12), nullable=False),
        sa.Column('note', sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(['visit_id'], ['home_visits.id'],
                                name=op.f('fk_home_visit_events_visit_id_home_visits')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_home_visit_events')),
    )
    op.create_index(op.f('ix_home_visit_events_visit_id'), 'home_visit_events', ['visit_id'])


def _create_online_help() -> None:
    op.create_table(
        'online_help',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('portal_code', sa.String(length=60), nullable=False),
        sa.Column('kind', sa.String(length=8), nullable=False),
        sa.Column('procedure_code', sa.String(length=40), nullable=False),
        sa.Column('citizen_name', sa.String(length=120), nullable=False),
        sa.Column('phone', sa.String(length=20), nullable=True),
        sa.Column('clerk', sa.String(length=60), nullable=False),
        sa.Column('helped_at', sa.String(length=25), nullable=False),
        sa.Column('note', sa.Text(), nullable=True),
        sa.Column('created_at', sa.String(length=25), nullable=False),
        sa.ForeignKeyConstraint(['clerk'], ['users.username'],
                                name=op.f('fk_online_help_clerk_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_online_help')),
        sa.UniqueConstraint('portal_code', name=op.f('uq_online_help_portal_code')),
    )
    op.create_index(op.f('ix_online_help_helped_at'), 'online_help', ['helped_at'])


def downgrade() -> None:
    for table in ('online_help', 'home_visit_events', 'home_visits'):
        op.drop_table(table)
