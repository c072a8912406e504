"""A counter's own monthly work counts, read from its store with the shared rule
(docs/domain.md#work-counts): its clerks' receipts, returns, postal work, home receipts and
online-help records, in the Vietnam month of the work; a province change is no clerk's work."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from counter_app.domain.appointments import HelpKind
from counter_app.domain.kinds import Channel
from counter_app.services.dto import ComponentInput
from counter_app.services.online_help import HelpInput
from counter_devkit.intake import intake
from counter_protocol.timefmt import VN_TZ
from counter_protocol.workload import TASKS, month_of


def test_a_months_rows_count_each_clerks_work_once(services, data_dir: Path) -> None:
    first = services.dossiers.receive(intake())
    services.dossiers.receive(replace(intake(id_number="042195000222"), channel=Channel.POSTAL))
    services.dossiers.intake(intake(id_number="042195000333"), refuse_reason="Không đủ điều kiện")
    papers = (ComponentInput("Bản chính giấy tờ", 1, 0, False),)
    asked = services.dossiers.intake(replace(intake(id_number="042195000444"), components=papers))
    services.lifecycle.forward(first, "canbo", received_by="Văn thư")
    services.lifecycle.result_received(first, "canbo")
    services.returns.return_result(first, "Nguyễn Văn Nhận", "042195000001", "quantri", True)
    now = datetime.now(VN_TZ)
    services.online_help.add(
        HelpInput("G22.99-1", HelpKind.FULL, "2.000815", "Lê Thị Cúc", "quantri", helped_at=now)
    )
    _province_returned(data_dir, first)
    month = month_of(now)
    rows = services.workload.month(month)
    assert [(r.clerk, [r.count(t) for t in TASKS]) for r in rows] == [
        # received, returned, by post, at home, online help
        ("canbo", [2, 0, 1, 0, 0]),
        ("quantri", [0, 1, 0, 0, 1]),
    ]
    assert asked.code and services.workload.month("2020-01") == []


def _province_returned(data_dir: Path, code: str) -> None:
    """A status the province set (origin province): recorded, never counted for a clerk."""
    db = sqlite3.connect(data_dir / "counter.sqlite3")
    with db:
        db.execute(
            "INSERT INTO dossier_events (dossier_id, seq, kind, at, actor, origin) "
            "SELECT id, 99, 'returned', ?, 'Sở Tư pháp', 'province' FROM dossiers WHERE code = ?",
            (datetime.now(VN_TZ).isoformat(timespec="seconds"), code),
        )
    db.close()


def test_a_month_that_is_not_a_month_is_refused(services) -> None:
    with pytest.raises(ValueError):
        services.workload.month("2026-13")
