"""Operator views: `counter-server stats`, the HTML dashboard, the health check."""

from __future__ import annotations

import re
import socket
from pathlib import Path

import httpx

from counter_devkit.server import ServerProcess


def test_stats_and_dashboard_show_each_device(server: ServerProcess, client: httpx.Client) -> None:
    device = server.device(name="Quầy số 1")
    ops = [device.create_op() for _ in range(4)]
    device.event_op(ops[0]["dossier_uuid"], 4)  # never sent, so the next op waits for it
    held = device.event_op(ops[0]["dossier_uuid"], 9)
    device.push(client, [*ops, held, device.create_op(status=77)], head_seq=device.seq + 5)
    line = next(
        ln for ln in server.cli("stats").stdout.splitlines() if ln.startswith(device.unit_code)
    )
    cells = line.split()
    assert "Quầy" in cells and "hoạt" in cells
    assert cells[-5:] == ["giây", "5", "1", "1", "0"]  # skew, backlog, held, quarantined, flags
    assert "4" in cells  # dossiers held at the province
    token = server.cli("admin-token", "--name", "bảng theo dõi").stdout.strip()
    form = client.get("/dashboard/login")  # as a browser: the page (and its form cookie) first
    field = re.search(r'name="form_token" value="([^"]+)"', form.text)
    assert field is not None
    logged_in = client.post("/dashboard/login", data={"token": token, "form_token": field[1]})
    assert logged_in.status_code == 303
    page = client.get("/dashboard")  # with the session cookie the log-in set
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert device.unit_code in page.text and "Quầy số 1" in page.text
    assert 'class="warn"' in page.text


def test_health(server: ServerProcess, client: httpx.Client) -> None:
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["protocol_version"] == 2  # time + nonce signed
    assert len(body["server_public_key"]) == 44


def test_a_pc_that_only_pulls_still_shows_its_last_sync(
    server: ServerProcess, client: httpx.Client
) -> None:
    device = server.device(name="Quầy chỉ nhận")
    line = next(ln for ln in server.cli("stats").stdout.splitlines() if device.name in ln)
    assert "chưa đồng bộ" in line
    device.pull(client, 0)  # nothing to send, but it synced
    line = next(ln for ln in server.cli("stats").stdout.splitlines() if device.name in ln)
    assert "chưa đồng bộ" not in line


def test_an_unreachable_database_is_one_vietnamese_line() -> None:
    from counter_devkit.server import run_cli

    for url in ("postgresql+psycopg://nobody@127.0.0.1:1/x", "foo://x"):
        done = run_cli(url, "stats", check=False)
        assert done.returncode == 1
        assert done.stderr.startswith("Lỗi: không mở được cơ sở dữ liệu")
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


def test_unknown_paths_and_methods_answer_in_the_api_shape(client: httpx.Client) -> None:
    missing = client.get("/khong-co")
    assert missing.status_code == 404
    assert missing.json() == {
        "error": "not_found",
        "message": "Không có địa chỉ này trên máy chủ đồng bộ.",
    }
    wrong = client.get("/sync/v1/batches")
    assert wrong.status_code == 405 and wrong.json()["error"] == "method_not_allowed"
    assert "POST" in wrong.headers["allow"]


def test_revoking_twice_says_it_was_already_done(server: ServerProcess) -> None:
    device = server.device(name="Quầy thu hồi")
    first = server.cli("revoke", str(device.device_id)).stdout
    assert first.startswith(f"Đã thu hồi máy số {device.device_id}")
    again = server.cli("revoke", str(device.device_id)).stdout
    assert "đã bị thu hồi từ trước; không thay đổi gì" in again
    assert (
        server.scalar(
            "SELECT count(*) FROM audit_log WHERE event = 'revoked' AND device_id = :d",
            d=device.device_id,
        )
        == 1
    )


def test_a_busy_port_is_refused_before_the_server_says_it_started(tmp_path: Path) -> None:
    from counter_devkit.server import run_cli

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = run_cli(f"sqlite:///{tmp_path / 'server.sqlite3'}", "--port", str(port), check=False)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.startswith(f"Lỗi: Cổng {port} trên 127.0.0.1 đang được chương trình khác")
