"""`counter-server serve` (also the bare `counter-server`): its options, its limits and the
check that the port is free before the server says it started."""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from counter_server.errors import Refused

if TYPE_CHECKING:
    from counter_server.limits import ServeLimits

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8700


def open_engine(args: argparse.Namespace) -> Engine:
    """The server's database (--db, else COUNTER_SERVER_DB, else a SQLite file), migrated."""
    from counter_server.db import default_db_url, make_engine, migrate

    engine = make_engine(getattr(args, "db", None) or default_db_url())
    migrate(engine)
    return engine


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from counter_server.app import create_app, tune_gc
    from counter_server.db import DB_ENV
    from counter_server.http_protocol import protocol_class

    limits = _serve_limits(args)
    engine = open_engine(args)
    _check_port_free(args.host, args.port)
    url = engine.url.render_as_string(hide_password=False)
    shown = make_url(url).render_as_string(hide_password=True)
    print(f"counter-server: http://{args.host}:{args.port} (CSDL: {shown})", flush=True)
    options: dict[str, Any] = {
        "host": args.host,
        "port": args.port,
        "access_log": False,
        "log_level": args.log_level,
        "timeout_keep_alive": 30,
        "proxy_headers": True,
        "forwarded_allow_ips": args.forwarded_allow_ips,
        "http": protocol_class(limits) or "auto",
    }
    if args.workers > 1:  # worker processes import the app themselves and find the DB here
        os.environ[DB_ENV] = url
        os.environ.update(limits.as_env())
        uvicorn.run(
            "counter_server.app:app_from_env", factory=True, workers=args.workers, **options
        )
    else:
        app = create_app(engine, limits)
        tune_gc()
        uvicorn.run(app, **options)
    return 0


def _serve_limits(args: argparse.Namespace) -> ServeLimits:
    """The limits from the options, else from COUNTER_SERVER_* variables, else the defaults."""
    import dataclasses

    from counter_server.limits import ServeLimits

    given = {
        item.name: getattr(args, item.name)
        for item in dataclasses.fields(ServeLimits)
        if getattr(args, item.name, None) is not None
    }
    try:
        return dataclasses.replace(ServeLimits.from_env(), **given)
    except ValueError as exc:
        raise Refused(
            "bad_limits",
            "Giới hạn không hợp lệ: --read-timeout phải lớn hơn 0, "
            "--max-uploads, --enrol-guesses và --clock-window từ 1 trở lên, "
            "--upload-wait không âm.",
        ) from exc


def _check_port_free(host: str, port: int) -> None:
    """Refuse in Vietnamese, before saying we started, when another program holds the port."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise Refused("bad_host", f"Không dùng được địa chỉ “{host}”: {exc.strerror}.") from exc
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            raise Refused(
                "port_busy",
                f"Cổng {port} trên {host} đang được chương trình khác "
                "dùng (có thể một counter-server khác đang chạy). Dừng chương trình "
                "đó hoặc chọn --port khác.",
            ) from exc


def serve_options(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument("--host", default=DEFAULT_HOST if default is None else default)
    parser.add_argument("--port", type=int, default=DEFAULT_PORT if default is None else default)
    parser.add_argument("--log-level", default="warning" if default is None else default)
    parser.add_argument(
        "--workers",
        type=int,
        default=1 if default is None else default,
        help="worker processes (PostgreSQL; each has its own pool)",
    )
    unset = None if default is None else default
    parser.add_argument(
        "--read-timeout",
        type=float,
        default=unset,
        help="seconds for a request's headers; a body gets as long, then must "
        "keep coming at 1 KB/s (COUNTER_SERVER_READ_TIMEOUT, 20)",
    )
    parser.add_argument(
        "--max-uploads",
        type=int,
        default=unset,
        help="batches received or ingested at once per process (COUNTER_SERVER_MAX_UPLOADS, 16)",
    )
    parser.add_argument(
        "--upload-wait",
        type=float,
        default=unset,
        help="seconds a batch waits for a free upload slot before 503 "
        "(COUNTER_SERVER_UPLOAD_WAIT, 30)",
    )
    parser.add_argument(
        "--enrol-guesses",
        type=int,
        default=unset,
        help="unknown enrolment codes per minute per client address before 429 "
        "(COUNTER_SERVER_ENROL_GUESSES, 10)",
    )
    parser.add_argument(
        "--clock-window",
        type=float,
        default=unset,
        help="seconds a signed push or pull may differ from server time before "
        "it is refused as a wrong clock (COUNTER_SERVER_CLOCK_WINDOW, 600)",
    )
    parser.add_argument(
        "--forwarded-allow-ips",
        default=os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1") if default is None else default,
        help="proxies whose X-Forwarded-For names the client (FORWARDED_ALLOW_IPS, 127.0.0.1)",
    )
