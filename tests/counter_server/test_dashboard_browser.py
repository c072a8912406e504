"""The provincial dashboard in a real browser (headless Chromium): log in, look, log out."""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

import httpx
import openpyxl

from counter_devkit.server import ServerProcess
from counter_protocol.timefmt import VN_TZ
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


def test_an_admin_reads_a_months_work_counts_and_downloads_them_as_excel(
    server: ServerProcess, client: httpx.Client, tmp_path: Path
) -> None:
    device = server.device(name="Quầy Cẩm Xuyên")
    helped = datetime(2026, 9, 14, 10, 0, tzinfo=VN_TZ)
    device.push(
        client, [device.help_op(f"G22-{device.unit_code}-{n}", "nv.hoa", helped) for n in (1, 2)]
    )
    token = server.cli("admin-token", "--name", "Bưu điện tỉnh").stdout.strip()
    with Chromium(tmp_path / "profile") as browser:
        browser.open(f"{server.base_url}/dashboard/work.xlsx?month=2026-09")
        assert browser.path() == "/dashboard/login"  # no session, no figures
        browser.type_into(LOGIN_FIELD, token)
        browser.click_and_wait(LOGIN_BUTTON)

        browser.evaluate("document.querySelector('#month').value = '2026-09'")
        browser.click_and_wait("#work-month button")
        assert browser.evaluate("location.search") == "?month=2026-09"
        rows = browser.evaluate(
            "[...document.querySelectorAll('table.work tbody tr')].map(r => r.innerText)"
        )
        mine = [r.split("\t") for r in rows if r.startswith(device.unit_code)]
        assert mine == [[device.unit_code, "", "nv.hoa", "0", "0", "0", "0", "2"]]
        assert "Số liệu công việc tháng 2026-09" in browser.text()
        assert browser.screenshot(tmp_path / "work.png") > 5_000

        link = browser.evaluate("document.querySelector('#work-xlsx').href")
        assert link == f"{server.base_url}/dashboard/work.xlsx?month=2026-09"
        [cookie] = browser.cookies(f"{server.base_url}/dashboard")
        browser.open(f"{server.base_url}/dashboard?month=2026-13")
        assert "Tháng “2026-13” không hợp lệ" in browser.text()

    jar = {cookie["name"]: cookie["value"]}
    reply = httpx.get(link, cookies=jar, timeout=30)
    assert reply.status_code == 200
    assert "so-lieu-cong-viec-2026-09.xlsx" in reply.headers["content-disposition"]
    (tmp_path / "work.xlsx").write_bytes(reply.content)
    sheet = openpyxl.load_workbook(tmp_path / "work.xlsx").active
    assert sheet is not None
    assert sheet["A1"].value == "SỐ LIỆU CÔNG VIỆC CỦA NHÂN VIÊN BƯU ĐIỆN THÁNG 2026-09"
    lines = [r for r in sheet.iter_rows(values_only=True) if r[0] == device.unit_code]
    assert lines == [(device.unit_code, None, "nv.hoa", 0, 0, 0, 0, 2)]
