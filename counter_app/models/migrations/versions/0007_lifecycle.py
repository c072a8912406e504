"""lifecycle: routing, deadlines, logbook numbers, issued forms, conflicts

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 19:30:00.000000

Columns are added with plain ALTER TABLE ADD COLUMN (constant time on a 1,000,000-dossier
store; a batch copy of `dossiers` would rewrite it). Issued forms and their prints are legal
records: triggers forbid changing or deleting them.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0007'
down_revision: Union[str, Sequence[str], None] = '0006'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

_DOSSIER_COLUMNS = (
    "competent_code VARCHAR(40)",
    "competent_name VARCHAR(300)",
    "form_rules VARCHAR(20) NOT NULL DEFAULT 'tt03-2025'",
    "first_due_at VARCHAR(25)",
    "paused_at VARCHAR(25)",
    "supplement_requests INTEGER NOT NULL DEFAULT 0",
    "extensions INTEGER NOT NULL DEFAULT 0",
    "ended_at VARCHAR(25)",
    "log_book VARCHAR(10)",
    "log_seq INTEGER",
)
_PROCEDURE_COLUMNS = (
    "in_person_submit BOOLEAN NOT NULL DEFAULT 0",
    "in_person_return BOOLEAN NOT NULL DEFAULT 0",
    "any_commune BOOLEAN NOT NULL DEFAULT 0",
)
_FROZEN = ("issued_forms", "form_prints")


def upgrade() -> None:
    for column in _DOSSIER_COLUMNS:
        op.execute(f"ALTER TABLE dossiers ADD COLUMN {column}")
    for column in _PROCEDURE_COLUMNS:
        op.execute(f"ALTER TABLE procedures ADD COLUMN {column}")
    op.execute("ALTER TABLE units ADD COLUMN managing_body VARCHAR(300)")
    op.execute("ALTER TABLE dossier_components ADD COLUMN required BOOLEAN NOT NULL DEFAULT 1")
    _create_tables()
    for table in _FROZEN:
        op.execute(
            f"CREATE TRIGGER {table}_frozen BEFORE UPDATE ON {table} BEGIN "
            f"SELECT RAISE(ABORT, '{table}: an issued form is a record, never changed'); END"
        )
        op.execute(
            f"CREATE TRIGGER {table}_kept BEFORE DELETE ON {table} BEGIN "
            f"SELECT RAISE(ABORT, '{table}: an issued form is a record, never deleted'); END"
        )


def _create_tables() -> None:
    op.create_table(
        'issued_forms',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('dossier_id', sa.Integer(), nullable=False),
        sa.Column('form_no', sa.String(length=2), nullable=False),
        sa.Column('template', sa.String(length=40), nullable=False),
        sa.Column('number', sa.String(length=40), nullable=True),
        sa.Column('issued_at', sa.String(length=25), nullable=False),
        sa.Column('issued_by', sa.String(length=120), nullable=False),
        sa.Column('event_seq', sa.Integer(), nullable=True),
        sa.Column('data_json', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['dossier_id'], ['dossiers.id'],
                                name=op.f('fk_issued_forms_dossier_id_dossiers')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_issued_forms')),
    )
    op.create_index(op.f('ix_issued_forms_dossier_id'), 'issued_forms', ['dossier_id'])
    op.create_table(
        'form_prints',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('form_id', sa.Integer(), nullable=False),
        sa.Column('printed_at', sa.String(length=25), nullable=False),
        sa.Column('printed_by', sa.String(length=120), nullable=False),
        sa.Column('reprint', sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(['form_id'], ['issued_forms.id'],
                                name=op.f('fk_form_prints_form_id_issued_forms')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_form_prints')),
    )
    op.create_index(op.f('ix_form_prints_form_id'), 'form_prints', ['form_id'])
    op.create_table(
        'logbook_counters',
        sa.Column('unit_code', sa.String(length=40), nullable=False),
        sa.Column('book', sa.String(length=10), nullable=False),
        sa.Column('last_seq', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('unit_code', 'book', name=op.f('pk_logbook_counters')),
    )
    op.create_table(
        'dossier_conflicts',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('dossier_id', sa.Integer(), nullable=False),
        sa.Column('detected_at', sa.String(length=25), nullable=False),
        sa.Column('source', sa.String(length=20), nullable=False),
        sa.Column('message', sa.Text(), nullable=False),
        sa.Column('event_seq', sa.Integer(), nullable=True),
        sa.Column('change_seq', sa.Integer(), nullable=True),
        sa.Column('seen_at', sa.String(length=25), nullable=True),
        sa.Column('seen_by', sa.String(length=120), nullable=True),
        sa.ForeignKeyConstraint(['dossier_id'], ['dossiers.id'],
                                name=op.f('fk_dossier_conflicts_dossier_id_dossiers')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_dossier_conflicts')),
    )
    op.create_index(op.f('ix_dossier_conflicts_dossier_id'), 'dossier_conflicts', ['dossier_id'])


def downgrade() -> None:
    for table in _FROZEN:
        op.execute(f"DROP TRIGGER {table}_kept")
        op.execute(f"DROP TRIGGER {table}_frozen")
    for table in ('dossier_conflicts', 'logbook_counters', 'form_prints', 'issued_forms'):
        op.drop_table(table)
    op.execute("ALTER TABLE dossier_components DROP COLUMN required")
    op.execute("ALTER TABLE units DROP COLUMN managing_body")
    for column in _PROCEDURE_COLUMNS:
        op.execute(f"ALTER TABLE procedures DROP COLUMN {column.split()[0]}")
    for column in _DOSSIER_COLUMNS:
        op.execute(f"ALTER TABLE dossiers DROP COLUMN {column.split()[0]}")
