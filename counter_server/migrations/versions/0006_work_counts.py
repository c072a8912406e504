"""Work counts: online-help records from the counters and the monthly work counts rollup.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05

`dossiers.channel` and `dossiers.at_home` are copied out of the create op's data, so an event's
counts can be told without reading the dossier's document. `online_help` holds the counters'
online-help records (one per portal code). `work_counts` is the rollup the province's monthly
counts are read from; it is filled here from the dossiers and events already held, with the
rule of counter_protocol/workload.py (docs/domain.md#work-counts), and kept by ingest after.
"""
from collections import Counter
from datetime import UTC, datetime
from typing import Any, Sequence, Union

import orjson
import sqlalchemy as sa
from alembic import op

from counter_protocol.workload import WorkEvent, tally

# revision identifiers, used by Alembic.
revision: str = '0006'
down_revision: Union[str, Sequence[str], None] = '0005'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('dossiers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('channel', sa.SmallInteger(), nullable=False,
                                      server_default=sa.text('1')))
        batch_op.add_column(sa.Column('at_home', sa.Boolean(), nullable=False,
                                      server_default=sa.text('false')))
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("UPDATE dossiers SET channel = coalesce((data->>'channel')::smallint, 1), "
                   "at_home = coalesce((data->>'at_home')::boolean, false)")
    else:
        op.execute("UPDATE dossiers SET channel = coalesce(json_extract(data, '$.channel'), 1), "
                   "at_home = coalesce(json_extract(data, '$.at_home'), 0)")
    _create_online_help()
    op.create_table(
        'work_counts',
        sa.Column('month', sa.String(length=7), nullable=False),
        sa.Column('unit_code', sa.String(length=20), nullable=False),
        sa.Column('clerk', sa.String(length=200), nullable=False),
        sa.Column('task', sa.String(length=12), nullable=False),
        sa.Column('n', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint('month', 'unit_code', 'clerk', 'task', name=op.f('pk_work_counts')),
    )
    _fill_work_counts()


def _create_online_help() -> None:
    uuid_type = sa.Uuid(as_uuid=False).with_variant(sa.String(length=36), 'sqlite')
    op.create_table(
        'online_help',
        sa.Column('uuid', uuid_type, nullable=False),
        sa.Column('portal_code', sa.String(length=60), nullable=False),
        sa.Column('unit_code', sa.String(length=20), nullable=False),
        sa.Column('device_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=8), nullable=False),
        sa.Column('procedure_code', sa.String(length=60), nullable=False),
        sa.Column('clerk', sa.String(length=200), nullable=False),
        sa.Column('helped_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['device_id'], ['devices.id'],
                                name=op.f('fk_online_help_device_id_devices')),
        sa.PrimaryKeyConstraint('uuid', name=op.f('pk_online_help')),
        sa.UniqueConstraint('portal_code', name=op.f('uq_online_help_portal_code')),
    )


def _fill_work_counts() -> None:
    """The counts of every dossier and device event held before this revision."""
    conn = op.get_bind()
    streamed = {'stream_results': True, 'yield_per': 10_000}
    rows = conn.execute(sa.text("SELECT unit_code, channel, at_home, data FROM dossiers"),
                        execution_options=streamed)
    events = (WorkEvent(r.unit_code, e['actor'], _time(e['at']), e['kind'], r.channel,
                        bool(r.at_home), _postal(e.get('extra')))
              for r in rows for e in [_json(r.data).get('event')] if isinstance(e, dict))
    counts = tally(events)
    later = conn.execute(sa.text(
        "SELECT d.unit_code, d.channel, d.at_home, e.kind, e.actor, e.at, e.extra "
        "FROM dossier_events e JOIN dossiers d ON d.uuid = e.dossier_uuid "
        "WHERE e.source = 'device' AND e.kind IN ('received', 'returned')"),
        execution_options=streamed)
    counts += tally(WorkEvent(r.unit_code, r.actor, _time(r.at), r.kind, r.channel,
                              bool(r.at_home), _postal(_json(r.extra)))
                    for r in later)
    _insert_counts(counts)


def _insert_counts(counts: Counter[Any]) -> None:
    table = sa.table('work_counts', sa.column('month'), sa.column('unit_code'),
                     sa.column('clerk'), sa.column('task'), sa.column('n'))
    rows = [{'month': k.month, 'unit_code': k.unit_code, 'clerk': k.clerk,
             'task': str(k.task), 'n': n} for k, n in counts.items()]
    if rows:
        op.bulk_insert(table, rows)


def _json(value: Any) -> Any:
    return orjson.loads(value) if isinstance(value, str | bytes) else value


def _time(value: Any) -> datetime:
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)  # SQLite keeps UTC, no zone


def _postal(extra: Any) -> str | None:
    value = extra.get('postal_number') if isinstance(extra, dict) else None
    return value if isinstance(value, str) else None


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('work_counts')
    op.drop_table('online_help')
    with op.batch_alter_table('dossiers', schema=None) as batch_op:
        batch_op.drop_column('at_home')
        batch_op.drop_column('channel')
