"""Sync test helpers: the signed batches a counter would send, dossiers with event chains."""

from __future__ import annotations

from counter_devkit.counter_pc import CounterPC
from counter_protocol.statuses import Status


def client_batches(pc: CounterPC, ops_per_batch: int) -> list[tuple[dict[str, str], bytes]]:
    """The signed batches this counter would send now, built by the client's own code."""
    from counter_app.sync import ledger
    from counter_app.sync.identity import enrolled_identity
    from counter_protocol.batch import build_batch
    from counter_protocol.transport import push_headers

    out = []
    with pc.services.store.read() as session:
        me = enrolled_identity(session)
        after = 0
        while batch := ledger.next_batch(session, after, ops_per_batch, 10**9):
            body = build_batch(
                me.device_id,
                [op.payload for op in batch],
                app_version="0.1.0",
                catalogue_version=None,
                head_seq=ledger.head_seq(session),
            )
            out.append((push_headers(me.device_id, me.key, body), body))
            after = batch[-1].device_seq
    return out


def with_events(pc: CounterPC, dossiers: int) -> list[str]:
    """Receive dossiers and move some along, so ops of one dossier form chains."""
    codes = pc.receive(dossiers)
    for index, code in enumerate(codes):
        if index % 2 == 0:
            pc.move(code, Status.PROCESSING)
        if index % 4 == 0:
            pc.move(code, Status.SUPPLEMENT_REQUESTED)
    return codes


def queue_refused_step(pc: CounterPC, code: str) -> None:
    """Queue what a broken counter could send and the server must refuse: “returned” on a
    dossier whose result is not back. The dossier here does not move (no service allows it)."""
    from sqlalchemy import select

    from counter_app.models.tables import Dossier
    from counter_app.services import outbox
    from counter_protocol.ops import KIND_EVENT, EventData

    with pc.services.store.write() as session:
        dossier = session.scalar(select(Dossier).where(Dossier.code == code))
        assert dossier is not None
        now = pc.clock()
        dossier.last_event_seq += 1
        dossier.last_op_seq = outbox.enqueue(
            session,
            kind=KIND_EVENT,
            dossier_uuid=dossier.uuid,
            dossier_code=dossier.code,
            unit_code=dossier.unit_code,
            prev_seq=dossier.last_op_seq,
            created_at=now,
            data=EventData(
                event_seq=dossier.last_event_seq,
                kind="returned",
                actor="canbo",
                at=now.isoformat(timespec="seconds"),
                from_status=dossier.status,
                to_status=int(Status.RETURNED),
            ),
        )
