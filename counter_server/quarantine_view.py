"""The quarantined ops the dashboard lists: which dossier code, which PC, why, and when."""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import Engine, select

from counter_protocol.timefmt import format_vn
from counter_server.models import Device, OpRow

SHOWN = 200  # the newest ones; `counter-server stats` counts them all


@dataclass(frozen=True)
class QuarantinedOp:
    code: str
    device: str  # “số 12 – Quầy 1 (slot 0)”
    reason: str
    message: str
    received_at: datetime


def recent_quarantined(engine: Engine, limit: int = SHOWN) -> list[QuarantinedOp]:
    """The newest quarantined ops, newest first."""
    o, d = OpRow.__table__.c, Device.__table__.c
    query = (
        select(o.payload, o.reason, o.message, o.received_at, d.id, d.name, d.slot)
        .join(Device.__table__, d.id == o.device_id)
        .where(o.state == "quarantined")
        .order_by(o.received_at.desc(), o.seq.desc())
        .limit(limit)
    )
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    return [
        QuarantinedOp(
            code=_code_of(r.payload),
            device=f"số {r.id} – {r.name} (slot {r.slot})",
            reason=r.reason or "",
            message=r.message or "",
            received_at=r.received_at,
        )
        for r in rows
    ]


def _code_of(payload: Any) -> str:
    if isinstance(payload, str | bytes):
        try:
            payload = orjson.loads(payload)
        except orjson.JSONDecodeError:
            return "–"
    code = payload.get("dossier_code") if isinstance(payload, dict) else None
    return code[:40] if isinstance(code, str) else "–"


HEADERS = ("Mã hồ sơ", "Máy", "Lý do", "Thông báo", "Thời điểm nhận")


def quarantine_html(rows: list[QuarantinedOp]) -> str:
    """The dashboard's section on quarantined ops; every value escaped."""
    if not rows:
        return "<h2>Thao tác bị cách ly</h2>\n<p>Không có thao tác nào bị cách ly.</p>"
    head = "".join(f"<th>{html.escape(h)}</th>" for h in HEADERS)
    body = "\n".join(
        "<tr>"
        + "".join(
            f"<td>{html.escape(cell)}</td>"
            for cell in (q.code, q.device, q.reason, q.message, format_vn(q.received_at))
        )
        + "</tr>"
        for q in rows
    )
    return (
        f'<h2>Thao tác bị cách ly</h2>\n<table class="quarantine"><thead><tr>{head}</tr>'
        f"</thead><tbody>\n{body}\n</tbody></table>"
    )
