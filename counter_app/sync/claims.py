"""Tracking numbers imported here are claimed at the server as this PC's own; numbers the server
says another PC holds are marked refused and never given out (docs/decisions/0027)."""

from __future__ import annotations

import msgspec

from counter_app.services.store import Store
from counter_app.services.tracking_pool import pending_claims, record_claims
from counter_app.sync.client import SyncClient
from counter_app.sync.errors import FailureKind, SyncError
from counter_app.sync.identity import Enrolled
from counter_app.sync.report import SyncReport
from counter_protocol.refusal import quoted
from counter_protocol.signing import SignatureError, verify
from counter_protocol.texts import QT_TRANSLATE_NOOP, Marked
from counter_protocol.tracking import MAX_CLAIM_NUMBERS, ClaimRefusal, ClaimReply, TrackingClaim


def claim_imported(store: Store, client: SyncClient, me: Enrolled, report: SyncReport) -> None:
    """Send the pending claims in runs of MAX_CLAIM_NUMBERS; store each answer as it comes."""
    while True:
        with store.read() as session:
            numbers = pending_claims(session, MAX_CLAIM_NUMBERS)
        if not numbers:
            return
        body = msgspec.json.encode(TrackingClaim(device_id=me.device_id, numbers=numbers))
        reply = _verified(*client.claim(me.device_id, me.key, body), me)
        refused = {r.number: r.message for r in reply.refused}
        answered = set(reply.claimed) | set(refused)
        with store.write() as session:
            record_claims(session, reply.claimed, refused)
        if refused:
            report.add_notice(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "Máy chủ từ chối {count} mã vận đơn nạp từ tệp (máy khác đã giữ), ví dụ: "
                    "{example}",
                ),
                params={"count": len(refused), "example": _example(reply.refused[0])},
            )
        if not set(numbers) <= answered:  # an answer that skips numbers would loop for ever
            raise SyncError(
                FailureKind.BAD_REPLY,
                QT_TRANSLATE_NOOP("messages", "Máy chủ trả lời thiếu mã vận đơn đã gửi."),
            )


def _example(refusal: ClaimRefusal) -> Marked:
    """The server's reason for one refused number, shown in the clerk's language when the
    server sent its template (and as it came from an older server)."""
    return quoted(refusal.message, refusal.template, refusal.params)


def _verified(body: bytes, signature: str | None, me: Enrolled) -> ClaimReply:
    try:
        verify(me.server_public_key, body, signature or "")
        return msgspec.json.decode(body, type=ClaimReply)
    except (SignatureError, msgspec.DecodeError, ValueError) as exc:
        raise SyncError(
            FailureKind.BAD_REPLY,
            QT_TRANSLATE_NOOP(
                "messages",
                "Trả lời về mã vận đơn không kiểm tra được ({exc}); chưa ghi gì.",
            ),
            params={"exc": exc},
        ) from exc
