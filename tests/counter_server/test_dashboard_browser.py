"""The provincial dashboard in a real browser (headless Chromium): log in, look, log out."""

from __future__ import annotations

import time
from pathlib import Path

import httpx

from counter_devkit.server import ServerProcess
from tests.counter_server.cdp import Chromium

LOGIN_FIELD = "input[name=token]"
LOGIN_BUTTON = "form button[type=submit]"
LOGOUT_BUTTON = "form.who button"


def test_an_admin_logs_in_sees_the_dashboard_and_logs_out(
    server: ServerProcess, client: httpx.Client, tmp_path: Path
) -> None:
    device = server.device(name="Quầy số 2 Thạch Hà")
    device.push(client, [device.create_op() for _ in range(3)])
    token = server.cli("admin-token", "--name", "Sở TT-TT Hà Tĩnh").stdout.strip()
    with Chromium(tmp_path / "profile") as browser:
        browser.open(f"{server.base_url}/dashboard")
        assert browser.path() == "/dashboard/login"  # no session: sent to the log-in page
        assert "Mã truy cập quản trị" in browser.text()
        assert device.unit_code not in browser.text()

        browser.type_into(LOGIN_FIELD, "không-phải-mã-thật")
        browser.click_and_wait(LOGIN_BUTTON)
        assert browser.path() == "/dashboard/login"
        assert "Mã truy cập không đúng" in browser.text()
        assert browser.cookies(f"{server.base_url}/dashboard") == []

        browser.type_into(LOGIN_FIELD, token)
        browser.click_and_wait(LOGIN_BUTTON)
        assert browser.path() == "/dashboard"
        page = browser.text()
        assert device.unit_code in page and "Quầy số 2 Thạch Hà" in page
        assert "Sở TT-TT Hà Tĩnh" in page  # who is signed in
        assert browser.screenshot(tmp_path / "dashboard.png") > 5_000  # a real rendered page

        [cookie] = browser.cookies(f"{server.base_url}/dashboard")
        assert (cookie["httpOnly"], cookie["sameSite"], cookie["path"]) == (
            True,
            "Strict",
            "/dashboard",
        )
        assert abs(cookie["expires"] - (time.time() + 12 * 3600)) < 300
        assert browser.evaluate("document.cookie") == ""  # scripts cannot read it

        browser.click_and_wait(LOGOUT_BUTTON)
        assert browser.path() == "/dashboard/login" and "Đã đăng xuất" in browser.text()
        assert browser.cookies(f"{server.base_url}/dashboard") == []
        browser.open(f"{server.base_url}/dashboard")
        assert browser.path() == "/dashboard/login"
