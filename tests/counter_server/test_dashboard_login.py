"""Dashboard log-in over HTTP: redirects, wrong tokens, the session cookie and what ends it."""

from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import re
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import orjson

from counter_devkit.server import ServerProcess
from counter_protocol.signing import generate_private_key, load_private_key
from counter_server import web_session
from counter_server.admin import token_hash

COOKIE = web_session.COOKIE_NAME
_names = itertools.count(1)


def _token(server: ServerProcess) -> tuple[str, str]:
    name = f"quản trị thử {next(_names)}"
    return server.cli("admin-token", "--name", name).stdout.strip(), name


def _get(server: ServerProcess, path: str, cookie: str | None = None) -> httpx.Response:
    """One request from a fresh client (no cookie jar carried between requests)."""
    headers = {"Cookie": f"{COOKIE}={cookie}"} if cookie is not None else {}
    return httpx.get(f"{server.base_url}{path}", headers=headers, timeout=30)


def _form(client: httpx.Client) -> str:
    """Open the log-in page as a browser does (its form cookie is kept); the form's hidden value."""
    page = client.get("/dashboard/login")
    found = re.search(r'name="form_token" value="([^"]+)"', page.text)
    assert found, page.text
    return found.group(1)


def _log_in(server: ServerProcess, token: str) -> httpx.Response:
    """Log in through the form, as a browser does: the page first, then the post."""
    with httpx.Client(base_url=server.base_url, timeout=30) as browser:
        return browser.post("/dashboard/login", data={"token": token, "form_token": _form(browser)})


def _cookie_of(reply: httpx.Response) -> tuple[str, str]:
    """The session cookie's value and its whole Set-Cookie line."""
    [line] = [h for h in reply.headers.get_list("set-cookie") if h.startswith(f"{COOKIE}=")]
    return line.split(";")[0].split("=", 1)[1].strip('"'), line


def _audit(server: ServerProcess, event: str) -> list[dict[str, Any]]:
    rows = server.rows(
        "SELECT remote_addr, detail FROM audit_log WHERE event = :e ORDER BY id", e=event
    )
    return [
        {"remote_addr": r[0], **(orjson.loads(r[1]) if isinstance(r[1], str) else r[1])}
        for r in rows
    ]


def _refusals(server: ServerProcess, event: str) -> Counter[str]:
    """How many refusals of this event, by reason (like refusals share a row and its count)."""
    rows = server.rows("SELECT detail, repeat_count FROM audit_log WHERE event = :e", e=event)
    counts: Counter[str] = Counter()
    for detail, repeats in rows:
        counts[(orjson.loads(detail) if isinstance(detail, str) else detail)["reason"]] += repeats
    return counts


def _server_secret(server: ServerProcess) -> bytes:
    stored = server.scalar("SELECT private_key FROM server_keys WHERE id = 1")
    return web_session.session_secret(load_private_key(stored))


def test_without_a_session_the_dashboard_sends_to_the_login_page(server: ServerProcess) -> None:
    reply = _get(server, "/dashboard")
    assert reply.status_code == 303 and reply.headers["location"] == "/dashboard/login"
    form = _get(server, "/dashboard/login")
    assert form.status_code == 200 and form.headers["content-type"].startswith("text/html")
    assert 'name="token"' in form.text and "Đăng nhập" in form.text
    assert form.headers["cache-control"] == "no-store"
    assert "frame-ancestors 'none'" in form.headers["content-security-policy"]


def test_a_wrong_token_shows_the_form_again_and_is_audited(server: ServerProcess) -> None:
    before = _refusals(server, "dashboard_login_refused")
    reply = _log_in(server, "sai-ma-truy-cap")
    assert reply.status_code == 401
    assert "Mã truy cập không đúng hoặc đã bị thu hồi" in reply.text
    assert 'name="token"' in reply.text
    assert "sai-ma-truy-cap" not in reply.text
    assert not [h for h in reply.headers.get_list("set-cookie") if h.startswith(COOKIE)]
    assert _refusals(server, "dashboard_login_refused") - before == Counter(bad_token=1)
    refused = _audit(server, "dashboard_login_refused")
    assert {e["remote_addr"] for e in refused} == {"127.0.0.1"}
    assert "sai-ma-truy-cap" not in str(refused)  # the guess itself is not kept
    empty = _log_in(server, "   ")
    assert empty.status_code == 400 and "Hãy dán mã truy cập" in empty.text


def test_a_good_token_opens_a_twelve_hour_strict_cookie_session(server: ServerProcess) -> None:
    device = server.device(name="Quầy số 3 Can Lộc")
    token, name = _token(server)
    reply = _log_in(server, token)
    assert reply.status_code == 303 and reply.headers["location"] == "/dashboard"
    value, line = _cookie_of(reply)
    attributes = {part.strip().split("=")[0].lower(): part.strip() for part in line.split(";")}
    assert {"httponly", "path", "samesite", "max-age", "expires"} <= set(attributes)
    assert attributes["path"] == "Path=/dashboard"
    assert attributes["samesite"].lower() == "samesite=strict"
    assert attributes["max-age"] == "Max-Age=43200"
    assert token not in line and token_hash(token) in value  # the hash names it, never the token
    page = _get(server, "/dashboard", value)
    assert page.status_code == 200 and page.headers["cache-control"] == "no-store"
    assert device.unit_code in page.text and "Quầy số 3 Can Lộc" in page.text
    assert name in page.text and 'action="/dashboard/logout"' in page.text
    assert _get(server, "/dashboard/login", value).headers.get("location") == "/dashboard"
    assert _audit(server, "dashboard_login")[-1]["name"] == name


def test_a_tampered_cookie_is_refused_and_audited(server: ServerProcess) -> None:
    token, _ = _token(server)
    value, _ = _cookie_of(_log_in(server, token))
    version, digest, expires, mac = value.split(".")
    later = f"{version}.{digest}.{int(expires) + 86400 * 365}.{mac}"  # a year more, same MAC
    flipped = f"{version}.{digest}.{expires}.{mac[:-2]}{'AA' if mac[-2:] != 'AA' else 'BB'}"
    before = _refusals(server, "dashboard_session_refused")
    for forged in (later, flipped, "v1.abc.1.x", "anything"):
        reply = _get(server, "/dashboard", forged)
        assert reply.status_code == 303, forged
        assert reply.headers["location"] == "/dashboard/login?notice=ended"
        assert f'{COOKIE}=""' in reply.headers["set-cookie"]  # the browser drops it
    refused = _refusals(server, "dashboard_session_refused") - before
    assert refused == Counter(bad_signature=2, malformed=2)
    notice = _get(server, "/dashboard/login?notice=ended")
    assert "Phiên đăng nhập đã hết hạn" in notice.text


def test_an_expired_cookie_or_one_signed_by_another_key_is_refused(server: ServerProcess) -> None:
    token, _ = _token(server)
    secret, now = _server_secret(server), datetime.now(UTC)
    good, _ = web_session.issue(secret, token_hash(token), now)
    assert _get(server, "/dashboard", good).status_code == 200  # the test signs like the server
    expired, _ = web_session.issue(secret, token_hash(token), now - timedelta(hours=13))
    reply = _get(server, "/dashboard", expired)
    assert reply.status_code == 303 and reply.headers["location"].startswith("/dashboard/login")
    stranger = web_session.session_secret(generate_private_key())
    foreign, _ = web_session.issue(stranger, token_hash(token), now)
    assert _get(server, "/dashboard", foreign).status_code == 303


def test_revoking_the_token_ends_its_sessions_and_its_api_access(server: ServerProcess) -> None:
    token, name = _token(server)
    value, _ = _cookie_of(_log_in(server, token))
    assert _get(server, "/dashboard", value).status_code == 200
    before = _refusals(server, "dashboard_session_refused")
    listed = server.cli("admin-tokens").stdout
    assert f"{name}\t" in listed and "còn hiệu lực" in listed
    done = server.cli("revoke-admin-token", name)
    assert "Đã thu hồi 1 mã" in done.stdout
    reply = _get(server, "/dashboard", value)
    assert reply.status_code == 303 and reply.headers["location"].endswith("notice=ended")
    refused = _refusals(server, "dashboard_session_refused") - before
    assert refused == Counter(token_revoked=1)
    assert _log_in(server, token).status_code == 401
    api = httpx.post(
        f"{server.base_url}/admin/v1/enrol-codes",
        json={"unit_code": "x"},
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    )
    assert (api.status_code, api.json()["error"]) == (401, "bad_token")
    again = server.cli("revoke-admin-token", name, check=False)
    assert again.returncode == 1 and "Không có mã truy cập còn hiệu lực" in again.stderr


def test_logging_out_clears_the_cookie(server: ServerProcess) -> None:
    token, name = _token(server)
    value, _ = _cookie_of(_log_in(server, token))
    reply = httpx.post(
        f"{server.base_url}/dashboard/logout", timeout=30, headers={"Cookie": f"{COOKIE}={value}"}
    )
    assert reply.status_code == 303
    assert reply.headers["location"] == "/dashboard/login?notice=out"
    cleared = reply.headers["set-cookie"]
    assert cleared.startswith(f'{COOKIE}=""') and "Max-Age=0" in cleared
    assert "Path=/dashboard" in cleared
    assert _audit(server, "dashboard_logout")[-1]["name"] == name
    assert "Đã đăng xuất" in _get(server, "/dashboard/login?notice=out").text


def test_the_admin_api_still_wants_a_bearer_token(server: ServerProcess) -> None:
    token, _ = _token(server)
    value, _ = _cookie_of(_log_in(server, token))
    url = f"{server.base_url}/admin/v1/enrol-codes"
    by_cookie = httpx.post(
        url,
        json={"unit_code": "000.00.99.H27"},
        timeout=30,
        headers={"Cookie": f"{COOKIE}={value}"},
    )
    assert (by_cookie.status_code, by_cookie.json()["error"]) == (401, "no_token")
    by_bearer = httpx.post(
        url,
        json={"unit_code": "000.00.99.H27"},
        timeout=30,
        headers={"Authorization": f"Bearer {token}"},
    )
    assert by_bearer.status_code == 200 and by_bearer.json()["code"]


def test_a_log_in_posted_from_another_site_is_refused(server: ServerProcess) -> None:
    """Log-in CSRF: a page elsewhere must not log this browser in with the attacker's token."""
    token, _ = _token(server)
    url = f"{server.base_url}/dashboard/login"
    before = _refusals(server, "dashboard_login_refused")
    forged = httpx.post(
        url, data={"token": token}, timeout=30, headers={"Origin": "https://ke-gian.example"}
    )
    with httpx.Client(base_url=server.base_url, timeout=30) as browser:
        field = _form(browser)  # a real form cookie and value, but the post comes from elsewhere
        cross = browser.post(
            "/dashboard/login",
            data={"token": token, "form_token": field},
            headers={"Sec-Fetch-Site": "cross-site"},
        )
    with httpx.Client(base_url=server.base_url, timeout=30) as attacker:
        stolen = _form(attacker)  # the attacker's own form value, in another browser
    mismatched = httpx.post(
        url,
        data={"token": token, "form_token": stolen},
        timeout=30,
        headers={"Cookie": "counter_login_form=khac"},
    )
    for reply in (forged, cross, mismatched):
        assert reply.status_code == 403
        assert "không đến từ trang đăng nhập của máy chủ này" in reply.text
        assert not [h for h in reply.headers.get_list("set-cookie") if h.startswith(COOKIE)]
        assert 'name="form_token"' in reply.text  # the form again, to log in for real
    assert _refusals(server, "dashboard_login_refused") - before == Counter(cross_site=3)
    assert _log_in(server, token).status_code == 303  # from the page itself it works


def test_the_form_cookie_is_strict_and_only_for_the_log_in_page(server: ServerProcess) -> None:
    page = _get(server, "/dashboard/login")
    [line] = [h for h in page.headers.get_list("set-cookie") if h.startswith("counter_login_form=")]
    attributes = {part.strip().lower() for part in line.split(";")}
    assert {"httponly", "samesite=strict", "path=/dashboard/login"} <= attributes


def _v1_cookie(secret: bytes, digest: str, expires: int) -> str:
    """A cookie in the format the server signed before: it carried its own end time."""
    body = f"v1.{digest}.{expires}"
    mac = hmac.new(secret, body.encode("ascii"), hashlib.sha256).digest()
    return f"{body}.{base64.urlsafe_b64encode(mac).decode('ascii').rstrip('=')}"


def test_the_server_caps_a_sessions_age_whatever_the_cookie_claims(server: ServerProcess) -> None:
    token, _ = _token(server)
    secret, now = _server_secret(server), datetime.now(UTC)
    month = _v1_cookie(secret, token_hash(token), int((now + timedelta(days=30)).timestamp()))
    reply = _get(server, "/dashboard", month)  # validly signed, and claims a month of life
    assert reply.status_code == 303 and reply.headers["location"].startswith("/dashboard/login")
    before = _refusals(server, "dashboard_session_refused")
    old, _ = web_session.issue(secret, token_hash(token), now - timedelta(hours=12, minutes=1))
    ahead, _ = web_session.issue(secret, token_hash(token), now + timedelta(hours=1))
    fresh, _ = web_session.issue(secret, token_hash(token), now - timedelta(hours=11))
    assert _get(server, "/dashboard", old).status_code == 303
    assert _get(server, "/dashboard", ahead).status_code == 303
    assert _get(server, "/dashboard", fresh).status_code == 200
    assert _refusals(server, "dashboard_session_refused") - before == Counter(from_future=1)
