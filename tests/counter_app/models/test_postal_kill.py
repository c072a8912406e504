"""SIGKILL in the middle of a postal return: the tracking number, the postage entry, the
returned step with its outbox op and the postal item commit together or not at all, so a number
is never lost (killed before the commit: the next return takes it) and never used twice (killed
after it: the next return takes the next one)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from counter_app.services.postal import PostalReturn, PostService
from counter_devkit.intake import intake
from counter_devkit.postal import ha_tinh_address, s10_numbers
from counter_protocol.statuses import Status

ROOT = Path(__file__).resolve().parents[3]


def ready(services: Any) -> str:
    code: str = services.dossiers.receive(intake())
    services.lifecycle.result_received(code, "canbo1")
    return code


def kill_at(data_dir: Path, code: str, where: str) -> None:
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.counter_app.models.postal_return_child",
         str(data_dir), code, where],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "stopped"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()


def facts(db: Path, code: str) -> dict[str, Any]:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        one = lambda sql, *p: conn.execute(sql, p).fetchone()[0]  # noqa: E731
        return {
            "status": one("select status from dossiers where code = ?", code),
            "used": one("select count(*) from tracking_pool where used_at is not null"),
            "items": one("select count(*) from postal_items"),
            "postage": one("select count(*) from fee_entries where kind = 'postage'"),
            "returned_ops": one(
                "select count(*) from outbox o join dossiers d on d.uuid = o.dossier_uuid "
                "where d.code = ? and o.kind = 'dossier.event'",
                code,
            ),
        }
    finally:
        conn.close()


@pytest.mark.parametrize("where", ["before_commit", "after_commit"])
def test_a_kill_mid_save_neither_loses_nor_reuses_a_number(
    services: Any, data_dir: Path, where: str
) -> None:
    numbers = s10_numbers(5000, 3)
    services.tracking_pool.import_text("\n".join(numbers), "vnpost.txt")
    first, second = ready(services), ready(services)
    ops_before = facts(data_dir / "counter.sqlite3", first)["returned_ops"]
    services.close()  # the child has the store to itself, as a second program would

    kill_at(data_dir, first, where)

    seen = facts(data_dir / "counter.sqlite3", first)
    if where == "before_commit":  # nothing of the return is there, the number is still free
        assert seen == {"status": Status.DONE, "used": 0, "items": 0, "postage": 0,
                        "returned_ops": ops_before}  # fmt: skip
    else:  # all of it is there
        assert seen == {"status": Status.RETURNED, "used": 1, "items": 1, "postage": 1,
                        "returned_ops": ops_before + 1}  # fmt: skip
    from counter_app.app import build_services

    again = build_services(str(data_dir))
    try:
        post = PostService(again.store)
        code = first if where == "before_commit" else second
        item = post.return_by_post(code, PostalReturn(ha_tinh_address(), 15000), "canbo1")
        expected = numbers[0] if where == "before_commit" else numbers[1]
        assert item.tracking_number == expected
        taken = [r for r in sqlite3.connect(data_dir / "counter.sqlite3").execute(
            "select tracking_number from postal_items")]  # fmt: skip
        assert len(taken) == len(set(taken))
    finally:
        again.close()
