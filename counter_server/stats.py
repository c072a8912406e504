"""Per unit and device: dossiers held, last sync, clock skew, backlog, held/quarantined ops."""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, func, select

from counter_protocol.timefmt import format_vn
from counter_server.models import Device, OpRow

SKEW_WARNING_S = 300.0


@dataclass(frozen=True)
class DeviceStats:
    unit_code: str
    device_id: int
    name: str
    slot: int
    status: str
    dossiers: int
    last_sync_at: datetime | None
    skew_s: float | None
    backlog: int  # ops the device had at its last sync but had not sent yet
    held: int
    quarantined: int
    clock_flags: int
    app_version: str


def _latest(pushed: datetime | None, seen: datetime | None) -> datetime | None:
    """The device's last sync: its last push or its last signed pull, whichever came later
    (a PC with nothing to send still syncs)."""
    return max((t for t in (pushed, seen) if t is not None), default=None)


def device_stats(engine: Engine) -> list[DeviceStats]:
    d, o = Device.__table__.c, OpRow.__table__.c
    with engine.connect() as conn:
        pending = conn.execute(
            select(o.device_id, o.state, func.count())
            .where(o.state.in_(("held", "quarantined")))
            .group_by(o.device_id, o.state)
        ).all()
        devices = conn.execute(select(Device.__table__).order_by(d.unit_code, d.slot, d.id)).all()
    counts = {(row[0], row[1]): int(row[2]) for row in pending}
    return [
        DeviceStats(
            unit_code=r.unit_code,
            device_id=r.id,
            name=r.name,
            slot=r.slot,
            status=r.status,
            dossiers=r.dossier_count,
            last_sync_at=_latest(r.last_sync_at, r.last_seen_at),
            skew_s=r.last_skew_s,
            backlog=max(0, r.attested_seq - r.max_seq_received),
            held=counts.get((r.id, "held"), 0),
            quarantined=counts.get((r.id, "quarantined"), 0),
            clock_flags=r.clock_flag_count,
            app_version=r.app_version,
        )
        for r in devices
    ]


def format_skew(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    sign = "+" if seconds >= 0 else "−"
    size = abs(seconds)
    if size < 1:
        return "0 giây"
    if size < 120:
        return f"{sign}{size:.0f} giây"
    if size < 7200:
        return f"{sign}{size / 60:.0f} phút"
    if size < 172800:
        return f"{sign}{size / 3600:.1f} giờ"
    return f"{sign}{size / 86400:.0f} ngày"


def _when(moment: datetime | None) -> str:
    return format_vn(moment) if moment else "chưa đồng bộ"


HEADERS = (
    "Đơn vị",
    "Máy",
    "Slot",
    "Tên máy",
    "Trạng thái",
    "Hồ sơ",
    "Đồng bộ gần nhất",
    "Lệch giờ",
    "Tồn",
    "Chờ",
    "Cách ly",
    "Giờ sai",
)


def _cells(s: DeviceStats) -> tuple[str, ...]:
    status = "hoạt động" if s.status == "active" else "đã thu hồi"
    return (
        s.unit_code,
        str(s.device_id),
        str(s.slot),
        s.name,
        status,
        str(s.dossiers),
        _when(s.last_sync_at),
        format_skew(s.skew_s),
        str(s.backlog),
        str(s.held),
        str(s.quarantined),
        str(s.clock_flags),
    )


def format_table(rows: list[DeviceStats]) -> str:
    """A plain-text table for `counter-server stats`."""
    if not rows:
        return "Chưa có máy nào đăng ký."
    table = [HEADERS, *(_cells(s) for s in rows)]
    widths = [max(len(line[i]) for line in table) for i in range(len(HEADERS))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip()
        for line in table
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def dashboard_html(
    rows: list[DeviceStats], now: datetime, admin_name: str, logout_path: str, extra: str = ""
) -> str:
    """The server-rendered dashboard page (no scripts; refreshes itself every 30 s); `extra` is
    HTML already escaped, shown under the devices."""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in HEADERS)
    body = "\n".join(_html_row(s) for s in rows) or (
        f'<tr><td colspan="{len(HEADERS)}">Chưa có máy nào đăng ký.</td></tr>'
    )
    return _PAGE.format(
        now=html.escape(format_vn(now)),
        head=head,
        body=body,
        devices=len(rows),
        dossiers=sum(s.dossiers for s in rows),
        admin=html.escape(admin_name),
        logout=html.escape(logout_path),
        extra=extra,
    )


def _html_row(s: DeviceStats) -> str:
    warn = s.quarantined or s.held or (s.skew_s is not None and abs(s.skew_s) > SKEW_WARNING_S)
    cells = "".join(f"<td>{html.escape(c)}</td>" for c in _cells(s))
    return f'<tr class="{"warn" if warn else ""}">{cells}</tr>'


_PAGE = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta http-equiv="refresh" content="30">
<title>Máy chủ đồng bộ – tình trạng các máy</title>
<style>body{{font-family:sans-serif;margin:1.5em}}table{{border-collapse:collapse}}
td,th{{border:1px solid #bbb;padding:.3em .6em;text-align:left}}tr.warn{{background:#fde2e2}}
th{{background:#eee}}form.who{{float:right;margin:0}}</style></head><body>
<form class="who" method="post" action="{logout}">Đăng nhập bằng mã “{admin}”
<button type="submit">Đăng xuất</button></form>
<h1>Tình trạng đồng bộ các máy</h1>
<p>Cập nhật lúc {now}. {devices} máy, {dossiers} hồ sơ trên máy chủ.
Tồn: thao tác máy đã có nhưng chưa gửi ở lần đồng bộ gần nhất. Chờ: thao tác chờ thao tác trước.</p>
<table><thead><tr>{head}</tr></thead><tbody>
{body}
</tbody></table>
{extra}
</body></html>
"""
