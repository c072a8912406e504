"""outbox payloads in their own table, so that storing a receipt rewrites narrow rows

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 17:00:00.000000

A receipt sets state, receipt and time on each op it answers. With the op's ~1.5 KB of JSON in
the same row, SQLite rewrote every page of the batch into the WAL (about 2 MB per 1,000 ops);
with the bytes in `outbox_payloads` (written once, immutable) the rewrite is ~100 B per op.
"""
from typing import Sequence, Union

from alembic import op


# revision identifiers, used by Alembic.
revision: str = '0004'
down_revision: Union[str, Sequence[str], None] = '0003'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

FROZEN_OUTBOX = (
    "CREATE TRIGGER outbox_payload_frozen BEFORE UPDATE OF {columns} ON outbox BEGIN "
    "SELECT RAISE(ABORT, 'an outbox op is immutable once queued'); END"
)


def upgrade() -> None:
    op.execute("CREATE TABLE outbox_payloads (device_seq INTEGER NOT NULL PRIMARY KEY, "
               "payload BLOB NOT NULL)")
    op.execute("INSERT INTO outbox_payloads (device_seq, payload) "
               "SELECT device_seq, payload FROM outbox ORDER BY device_seq")
    op.execute("DROP TRIGGER outbox_payload_frozen")
    op.execute("ALTER TABLE outbox DROP COLUMN payload")
    op.execute(FROZEN_OUTBOX.format(columns="op_id, device_seq, payload_hash"))
    op.execute(
        "CREATE TRIGGER outbox_payloads_frozen BEFORE UPDATE ON outbox_payloads BEGIN "
        "SELECT RAISE(ABORT, 'an outbox op is immutable once queued'); END"
    )
    op.execute(
        "CREATE TRIGGER outbox_payloads_kept BEFORE DELETE ON outbox_payloads BEGIN "
        "SELECT RAISE(ABORT, 'outbox payloads are kept'); END"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER outbox_payloads_kept")
    op.execute("DROP TRIGGER outbox_payloads_frozen")
    op.execute("DROP TRIGGER outbox_payload_frozen")
    op.execute("ALTER TABLE outbox ADD COLUMN payload BLOB NOT NULL DEFAULT x''")
    op.execute("UPDATE outbox SET payload = (SELECT p.payload FROM outbox_payloads p "
               "WHERE p.device_seq = outbox.device_seq)")
    op.execute(FROZEN_OUTBOX.format(columns="op_id, device_seq, payload, payload_hash"))
    op.execute("DROP TABLE outbox_payloads")
