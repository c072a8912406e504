"""The server's Ed25519 key: made at first start, kept in its database, never leaves it."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import IntegrityError

from counter_protocol.signing import (
    Ed25519PrivateKey,
    generate_private_key,
    load_private_key,
    private_key_b64,
    public_key_b64,
)
from counter_server.db import write_transaction
from counter_server.models import ServerKey

KEY_ROW = 1


def load_or_create_key(engine: Engine) -> Ed25519PrivateKey:
    """The server key; the first caller (server or CLI) creates it, racing callers agree."""
    with engine.connect() as conn:
        stored = conn.execute(select(ServerKey.private_key).where(ServerKey.id == KEY_ROW)).first()
    if stored is not None:
        return load_private_key(stored[0])
    key = generate_private_key()
    try:
        with write_transaction(engine) as conn:
            conn.execute(
                insert(ServerKey),
                [
                    {
                        "id": KEY_ROW,
                        "private_key": private_key_b64(key),
                        "public_key": public_key_b64(key),
                        "created_at": datetime.now(UTC),
                    }
                ],
            )
    except IntegrityError:
        return load_or_create_key(engine)
    return key
