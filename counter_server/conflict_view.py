"""Device events kept as conflicts (docs/sync.md#s20): listed on the dashboard and by the CLI."""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, func, select

from counter_protocol.timefmt import format_vn
from counter_server.models import Device, DossierEvent, DossierRow

SHOWN = 200  # the newest ones; `counter-server conflicts --all` lists them all


@dataclass(frozen=True)
class ConflictRow:
    code: str
    device: str  # “số 12 – Quầy 1 (slot 0)”
    kind: str  # the device event's kind (a lifecycle action)
    status: int  # the dossier's status now (the province's)
    message: str
    recorded_at: datetime


def recent_conflicts(engine: Engine, limit: int | None = SHOWN) -> list[ConflictRow]:
    """Device events kept but not applied to the status, newest first."""
    e, s, d = DossierEvent.__table__.c, DossierRow.__table__.c, Device.__table__.c
    query = (
        select(s.code, s.status, e.kind, e.conflict, e.recorded_at, d.id, d.name, d.slot)
        .join(DossierRow.__table__, s.uuid == e.dossier_uuid)
        .join(Device.__table__, d.id == e.device_id)
        .where(e.conflict.is_not(None))
        .order_by(e.recorded_at.desc(), e.id.desc())
        .limit(limit)
    )
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    return [
        ConflictRow(
            code=r.code,
            device=f"số {r.id} – {r.name} (slot {r.slot})",
            kind=r.kind,
            status=int(r.status),
            message=r.conflict or "",
            recorded_at=r.recorded_at,
        )
        for r in rows
    ]


def conflict_count(engine: Engine) -> int:
    e = DossierEvent.__table__.c
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).where(e.conflict.is_not(None))).scalar() or 0)


HEADERS = ("Mã hồ sơ", "Máy", "Sự kiện của máy", "Trạng thái hiện tại", "Thông báo", "Lúc nhận")


def conflicts_html(rows: list[ConflictRow]) -> str:
    """The dashboard's section on conflicts; every value escaped."""
    if not rows:
        return "<h2>Xung đột với thay đổi của tỉnh</h2>\n<p>Không có xung đột nào.</p>"
    head = "".join(f"<th>{html.escape(h)}</th>" for h in HEADERS)
    body = "\n".join(
        "<tr>"
        + "".join(
            f"<td>{html.escape(cell)}</td>"
            for cell in (
                c.code,
                c.device,
                c.kind,
                str(c.status),
                c.message,
                format_vn(c.recorded_at),
            )
        )
        + "</tr>"
        for c in rows
    )
    return (
        f'<h2>Xung đột với thay đổi của tỉnh</h2>\n<table class="conflicts"><thead><tr>{head}'
        f"</tr></thead><tbody>\n{body}\n</tbody></table>"
    )
