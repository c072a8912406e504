"""cli: issued forms indexed by dossier and form number

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04 19:45:00.000000

`counter-app find --form NN` and the list's form filter ask, dossier by dossier in the list's
order, whether it has form NN: one lookup in this index answers it without reading the form's
row (its data_json makes those rows large).
"""
from typing import Sequence, Union

from alembic import op


revision: str = '0008'
down_revision: Union[str, Sequence[str], None] = '0007'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_index(
        op.f('ix_issued_forms_dossier_form'), 'issued_forms', ['dossier_id', 'form_no']
    )


def downgrade() -> None:
    op.drop_index(op.f('ix_issued_forms_dossier_form'), table_name='issued_forms')
