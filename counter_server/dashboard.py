"""The dashboard in a browser: log-in with an admin token, a signed session cookie, log-out."""

from __future__ import annotations

import html
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import parse_qs

from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from counter_server import audit, stats, web_session, workload
from counter_server.admin import name_of_token, token_hash
from counter_server.conflict_view import conflicts_html, recent_conflicts
from counter_server.errors import Refused
from counter_server.quarantine_view import quarantine_html, recent_quarantined

DASHBOARD_PATH = "/dashboard"
LOGIN_PATH = "/dashboard/login"
LOGOUT_PATH = "/dashboard/logout"
WORK_XLSX_PATH = "/dashboard/work.xlsx"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_FORM_BYTES = 4096
# Log-in CSRF: the form page sets this cookie (SameSite=Strict, for the log-in path only) and
# puts a value bound to it (HMAC) in the form; a log-in posted from another site lacks the pair.
FORM_COOKIE = "counter_login_form"
FORM_FIELD = "form_token"
FORM_TTL_S = 3600
# Pages that show who holds what must not be kept by a browser or proxy, nor framed elsewhere.
PAGE_HEADERS = {
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
}

EMPTY_TOKEN = "Hãy dán mã truy cập quản trị vào ô bên dưới."
BAD_TOKEN = (
    "Mã truy cập không đúng hoặc đã bị thu hồi. Hãy dán lại nguyên mã (một dòng), "
    "hoặc xin bộ phận CNTT cấp mã mới."
)
CROSS_SITE = (
    "Yêu cầu đăng nhập không đến từ trang đăng nhập của máy chủ này (hoặc trang đã mở "
    "quá lâu). Hãy nhập lại mã truy cập trên trang này."
)
NOTICES = {
    "ended": "Phiên đăng nhập đã hết hạn hoặc không còn hiệu lực. Hãy đăng nhập lại.",
    "out": "Đã đăng xuất.",
}


@dataclass(frozen=True)
class DashboardConfig:
    engine: Engine
    secret: bytes  # web_session.session_secret(server key)


def _config(request: Request) -> DashboardConfig:
    config: DashboardConfig = request.app.state.dashboard
    return config


def _remote(request: Request) -> str | None:
    return request.client.host if request.client else None


def _redirect(path: str, *, clear_cookie: bool = False) -> Response:
    response = RedirectResponse(path, status_code=303, headers=PAGE_HEADERS)
    if clear_cookie:
        response.delete_cookie(
            web_session.COOKIE_NAME, path=web_session.COOKIE_PATH, httponly=True, samesite="strict"
        )
    return response


def _admin_of(request: Request) -> str | None:
    """The signed-in admin's token name; None without a cookie; SessionRefused for a bad one."""
    cookie = request.cookies.get(web_session.COOKIE_NAME)
    if not cookie:
        return None
    config = _config(request)
    try:
        return web_session.signed_in_as(config.engine, config.secret, cookie, datetime.now(UTC))
    except web_session.SessionRefused as exc:
        if exc.reason not in ("expired", "outdated"):  # forged, or a revoked token: look
            audit.record_refusal(
                config.engine,
                "dashboard_session_refused",
                remote_addr=_remote(request),
                group=exc.reason,
                reason=exc.reason,
            )
        raise


async def dashboard(request: Request) -> Response:
    try:
        admin = await run_in_threadpool(_admin_of, request)
    except web_session.SessionRefused:
        return _redirect(f"{LOGIN_PATH}?notice=ended", clear_cookie=True)
    if admin is None:
        return _redirect(LOGIN_PATH)
    rows = await run_in_threadpool(stats.device_stats, _config(request).engine)
    held_back = await run_in_threadpool(recent_quarantined, _config(request).engine)
    conflicts = await run_in_threadpool(recent_conflicts, _config(request).engine)
    work = await run_in_threadpool(_work_section, request)
    sections = "\n".join((work, quarantine_html(held_back), conflicts_html(conflicts)))
    page = stats.dashboard_html(rows, datetime.now(UTC), admin, LOGOUT_PATH, sections)
    return HTMLResponse(page, headers=PAGE_HEADERS)


def _month_asked(request: Request) -> tuple[str, str | None]:
    """The month the page asks for (this month in Vietnam time when none), and a Vietnamese
    notice when the one asked for is not a month."""
    asked = request.query_params.get("month", "").strip()
    if not asked:
        return workload.current_month(datetime.now(UTC)), None
    try:
        return workload.checked_month(asked), None
    except Refused as exc:
        return workload.current_month(datetime.now(UTC)), exc.message


def _work_section(request: Request) -> str:
    month, notice = _month_asked(request)
    engine = _config(request).engine
    rows = workload.month_table(engine, month)
    names = workload.unit_names(engine)
    section = workload.workload_html(rows, month, names, DASHBOARD_PATH, WORK_XLSX_PATH)
    if notice:
        section = f'<p class="error" role="alert">{html.escape(notice)}</p>\n{section}'
    return section


async def work_xlsx(request: Request) -> Response:
    """The month's work counts as an Excel download (signed-in only)."""
    try:
        admin = await run_in_threadpool(_admin_of, request)
    except web_session.SessionRefused:
        return _redirect(f"{LOGIN_PATH}?notice=ended", clear_cookie=True)
    if admin is None:
        return _redirect(LOGIN_PATH)
    month, notice = _month_asked(request)
    if notice:
        return HTMLResponse(f"<p>{html.escape(notice)}</p>", 400, headers=PAGE_HEADERS)
    engine = _config(request).engine
    rows = await run_in_threadpool(workload.month_table, engine, month)
    names = await run_in_threadpool(workload.unit_names, engine)
    body = workload.workbook_bytes(rows, month, names)
    disposition = f'attachment; filename="so-lieu-cong-viec-{month}.xlsx"'
    headers = {**PAGE_HEADERS, "Content-Disposition": disposition}
    return Response(body, media_type=XLSX_TYPE, headers=headers)


async def login_form(request: Request) -> Response:
    try:
        if await run_in_threadpool(_admin_of, request) is not None:
            return _redirect(DASHBOARD_PATH)
    except web_session.SessionRefused:
        pass
    notice = NOTICES.get(request.query_params.get("notice", ""))
    return login_page(request, notice=notice)


async def login(request: Request) -> Response:
    config, remote = _config(request), _remote(request)
    fields = await _form_fields(request)
    if not _from_our_form(request, fields.get(FORM_FIELD, "")):
        await run_in_threadpool(
            audit.record_refusal,
            config.engine,
            "dashboard_login_refused",
            remote_addr=remote,
            group="cross_site",
            reason="cross_site",
        )
        return login_page(request, error=CROSS_SITE, status=403)
    token = fields.get("token", "").strip()
    if not token:
        return login_page(request, error=EMPTY_TOKEN, status=400)
    try:
        name = await run_in_threadpool(name_of_token, config.engine, token)
    except Refused:
        await run_in_threadpool(
            audit.record_refusal,
            config.engine,
            "dashboard_login_refused",
            remote_addr=remote,
            group="bad_token",
            reason="bad_token",
        )
        return login_page(request, error=BAD_TOKEN, status=401)
    value, session = web_session.issue(config.secret, token_hash(token), datetime.now(UTC))
    await run_in_threadpool(
        audit.record_now, config.engine, "dashboard_login", remote_addr=remote, name=name
    )
    response = _redirect(DASHBOARD_PATH)
    response.set_cookie(
        web_session.COOKIE_NAME,
        value,
        max_age=int(web_session.SESSION_TTL.total_seconds()),
        expires=session.expires_at,
        path=web_session.COOKIE_PATH,
        secure=_is_https(request),
        httponly=True,
        samesite="strict",
    )
    response.delete_cookie(FORM_COOKIE, path=LOGIN_PATH, httponly=True, samesite="strict")
    return response


async def logout(request: Request) -> Response:
    try:
        admin = await run_in_threadpool(_admin_of, request)
    except web_session.SessionRefused:
        admin = None
    if admin is not None:
        await run_in_threadpool(
            audit.record_now,
            _config(request).engine,
            "dashboard_logout",
            remote_addr=_remote(request),
            name=admin,
        )
    return _redirect(f"{LOGIN_PATH}?notice=out", clear_cookie=True)


async def _form_fields(request: Request) -> dict[str, str]:
    """The posted form's fields (urlencoded; the first value of each); none if it is too big
    (guard.BodyGuard has refused anything over limits.LOGIN_BODY_LIMIT already)."""
    body = await request.body()
    if len(body) > MAX_FORM_BYTES:
        return {}
    try:
        fields = parse_qs(body.decode("utf-8", "replace"), max_num_fields=10)
    except ValueError:  # more fields than any form of ours has
        return {}
    return {name: values[0] for name, values in fields.items() if values}


def _from_our_form(request: Request, posted: str) -> bool:
    """Was this log-in posted by the form of our own log-in page, in this browser? A browser
    says when a request comes from another site (Sec-Fetch-Site); every browser sends the
    SameSite=Strict form cookie only with requests from our own pages."""
    if request.headers.get("sec-fetch-site", "") in ("cross-site", "same-site"):
        return False
    nonce = request.cookies.get(FORM_COOKIE)
    return web_session.login_form_matches(_config(request).secret, nonce, posted)


def _is_https(request: Request) -> bool:
    """Secure cookies when the browser talks HTTPS (directly or through the province's proxy)."""
    forwarded = request.headers.get("x-forwarded-proto", "").split(",")[0].strip().lower()
    return request.url.scheme == "https" or forwarded == "https"


def login_page(
    request: Request, *, error: str | None = None, notice: str | None = None, status: int = 200
) -> HTMLResponse:
    """The log-in form, with a fresh form cookie and the hidden value bound to it."""
    message = ""
    if error:
        message = f'<p class="error" role="alert">{html.escape(error)}</p>'
    elif notice:
        message = f'<p class="notice">{html.escape(notice)}</p>'
    hours = int(web_session.SESSION_TTL.total_seconds() // 3600)
    nonce = secrets.token_urlsafe(24)
    form_token = web_session.login_form_token(_config(request).secret, nonce)
    page = _LOGIN.format(
        message=message, action=LOGIN_PATH, hours=hours, field=FORM_FIELD, form_token=form_token
    )
    response = HTMLResponse(page, status, headers=PAGE_HEADERS)
    response.set_cookie(
        FORM_COOKIE,
        nonce,
        max_age=FORM_TTL_S,
        path=LOGIN_PATH,
        secure=_is_https(request),
        httponly=True,
        samesite="strict",
    )
    return response


def routes() -> list[Route]:
    return [
        Route(DASHBOARD_PATH, dashboard),
        Route(WORK_XLSX_PATH, work_xlsx),
        Route(LOGIN_PATH, login_form, methods=["GET"]),
        Route(LOGIN_PATH, login, methods=["POST"]),
        Route(LOGOUT_PATH, logout, methods=["POST"]),
    ]


_LOGIN = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<title>Đăng nhập – Máy chủ đồng bộ tỉnh</title>
<style>body{{font-family:sans-serif;margin:3em auto;max-width:34em}}
input{{width:100%;padding:.4em;font-family:monospace;box-sizing:border-box}}
button{{margin-top:.8em;padding:.4em 1.2em}}.error{{color:#a00;font-weight:bold}}
.notice{{color:#064}}</style></head><body>
<h1>Đăng nhập bảng theo dõi đồng bộ</h1>
{message}
<form method="post" action="{action}">
<input type="hidden" name="{field}" value="{form_token}">
<label for="token">Mã truy cập quản trị</label>
<input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
<button type="submit">Đăng nhập</button>
</form>
<p>Mã do bộ phận CNTT tỉnh cấp bằng lệnh <code>counter-server admin-token --name TÊN</code>
(cùng loại mã với API quản trị). Phiên đăng nhập kéo dài {hours} giờ.</p>
</body></html>
"""
