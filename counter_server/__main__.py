"""`counter-server`: run the provincial sync server, or manage devices, publications, dossiers."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from counter_protocol.timefmt import format_vn
from counter_server.errors import Refused

if TYPE_CHECKING:
    from counter_server.limits import ServeLimits

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8700


def _open(args: argparse.Namespace) -> Engine:
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
    engine = _open(args)
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


def cmd_stats(args: argparse.Namespace) -> int:
    from counter_server.claims import clash_lines
    from counter_server.stats import device_stats, format_table

    engine = _open(args)
    print(format_table(device_stats(engine)))
    for line in clash_lines(engine):
        print(line)
    return 0


def cmd_enrol_code(args: argparse.Namespace) -> int:
    from counter_server.devices import code_ttl, new_enrol_code

    ttl = code_ttl(args.ttl_minutes)  # refused before the database is even opened
    code, expires = new_enrol_code(_open(args), args.unit, ttl)
    print(code)
    print(
        f"Mã đăng ký máy cho đơn vị {args.unit}, dùng một lần, hết hạn lúc {format_vn(expires)}.",
        file=sys.stderr,
    )
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    from counter_server.devices import revoke

    device = revoke(_open(args), args.device_id, args.reason or "")
    if device.status == "revoked":
        print(f"Máy số {device.id} (“{device.name}”) đã bị thu hồi từ trước; không thay đổi gì.")
        return 0
    print(
        f"Đã thu hồi máy số {device.id} (“{device.name}”, đơn vị {device.unit_code}, "
        f"slot {device.slot})."
    )
    return 0


def cmd_slot_file(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from counter_protocol.codes import CodeError, check_agency_code, check_slot
    from counter_protocol.signing import public_key_b64
    from counter_server.keys import load_or_create_key
    from counter_server.slots import slot_file

    try:
        check_agency_code(args.unit)
        check_slot(args.slot)
    except CodeError as exc:
        raise Refused("bad_request", exc.message) from exc
    engine = _open(args)
    key = load_or_create_key(engine)
    sys.stdout.buffer.write(slot_file(engine, key, args.unit, args.slot, datetime.now(UTC)))
    print(
        f"Tệp số thứ tự hồ sơ đã dùng của đơn vị {args.unit}, slot {args.slot}, có chữ ký "
        f"của máy chủ. Khoá công khai của máy chủ (cho --server-key): {public_key_b64(key)}",
        file=sys.stderr,
    )
    return 0


def cmd_admin_token(args: argparse.Namespace) -> int:
    from counter_server.admin import new_admin_token

    print(new_admin_token(_open(args), args.name))
    print("Mã truy cập quản trị chỉ hiện một lần: hãy lưu lại ngay.", file=sys.stderr)
    return 0


def cmd_admin_tokens(args: argparse.Namespace) -> int:
    from counter_server.admin import list_admin_tokens

    tokens = list_admin_tokens(_open(args))
    for token in tokens:
        state = "đã thu hồi" if token.revoked else "còn hiệu lực"
        print(f"{token.name}\t{format_vn(token.created_at)}\t{state}")
    if not tokens:
        print("Chưa cấp mã truy cập quản trị nào.")
    return 0


def cmd_revoke_admin_token(args: argparse.Namespace) -> int:
    from counter_server.admin import revoke_admin_tokens

    count = revoke_admin_tokens(_open(args), args.name)
    if count == 0:
        raise Refused("unknown_token", f"Không có mã truy cập còn hiệu lực nào tên “{args.name}”.")
    print(
        f"Đã thu hồi {count} mã truy cập quản trị tên “{args.name}” (API quản trị và các "
        "phiên đăng nhập bảng theo dõi mở bằng mã đó ngừng ngay)."
    )
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    from counter_server import publications as pub

    engine = _open(args)
    path = Path(args.file)
    if args.what == "catalogue":
        done = [pub.publish_catalogue(engine, path)]
    elif args.what == "calendar":
        done = pub.publish_calendar(engine, path)
    else:
        done = pub.publish_tracking_pool(engine, args.unit, path, args.device)
    for item in done:
        seq = item.change_seq
        state = "đã có sẵn, không đổi" if seq is None else f"thay đổi #{seq}"
        print(f"Đã công bố {item.kind} “{item.key}”: {item.count} mục ({state}).")
    return 0


def cmd_release_held(args: argparse.Namespace) -> int:
    from counter_server.ingest.release import hold_limit, release_overdue

    limit = timedelta(hours=args.hours) if args.hours is not None else hold_limit()
    if limit is None or limit <= timedelta(0):
        print("Lỗi: thời gian chờ phải lớn hơn 0 giờ.", file=sys.stderr)
        return 1
    done = release_overdue(_open(args), limit)
    hours = f"{limit.total_seconds() / 3600:g}"
    print(
        f"Thao tác chờ quá {hours} giờ: {done.applied} đã áp dụng (thiếu thao tác trước, "
        f"cần kiểm tra), {done.quarantined} đã cách ly."
    )
    return 0


def cmd_dossier_status(args: argparse.Namespace) -> int:
    from counter_server.admin import parse_status, set_dossier_status

    result = set_dossier_status(
        _open(args), args.code, parse_status(args.status), args.note, args.actor
    )
    print(
        f"Hồ sơ {result['dossier_code']}: {result['from_status']} → {result['to_status']} "
        f"(thay đổi #{result['seq']})."
    )
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    from counter_protocol.timefmt import format_vn
    from counter_server.conflict_view import recent_conflicts

    rows = recent_conflicts(_open(args), None if args.all else args.limit)
    if not rows:
        print("Không có xung đột nào giữa máy trạm và thay đổi của tỉnh.")
        return 0
    for row in rows:
        print(
            f"{row.code}\t{row.kind}\ttrạng thái {row.status}\t{row.device}\t"
            f"{format_vn(row.recorded_at)}\t{row.message}"
        )
    return 0


def cmd_workload(args: argparse.Namespace) -> int:
    from counter_server.workload import checked_month, checked_output, month_report

    month = checked_month(args.month)  # refused before the database is even opened
    out = checked_output(args.out)
    print(month_report(_open(args), month, out))
    return 0


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        help="SQLAlchemy URL (default: COUNTER_SERVER_DB or a SQLite file)",
    )
    parser = argparse.ArgumentParser(
        prog="counter-server",
        parents=[common],
        description="Máy chủ đồng bộ cấp tỉnh của phần mềm một cửa.",
    )
    _serve_options(parser, None)
    sub = parser.add_subparsers(dest="command")
    _serve_options(
        sub.add_parser("serve", parents=[common], help="chạy máy chủ"), argparse.SUPPRESS
    )
    sub.add_parser("stats", parents=[common], help="thống kê theo đơn vị và máy")
    p = sub.add_parser(
        "conflicts", parents=[common], help="sự kiện của máy trạm xung đột với thay đổi của tỉnh"
    )
    p.add_argument("--limit", type=int, default=200, help="số dòng mới nhất (mặc định 200)")
    p.add_argument("--all", action="store_true", help="liệt kê tất cả")
    p = sub.add_parser("enrol-code", parents=[common], help="tạo mã đăng ký máy dùng một lần")
    p.add_argument("--unit", required=True, help="mã định danh đơn vị, ví dụ 000.00.00.H27")
    p.add_argument(
        "--ttl-minutes",
        type=int,
        default=30,
        help="thời hạn của mã, từ 1 phút đến 30 ngày (43200 phút)",
    )
    p = sub.add_parser("revoke", parents=[common], help="thu hồi một máy")
    p.add_argument("device_id", type=int)
    p.add_argument("--reason", default="")
    p = sub.add_parser(
        "slot-file",
        parents=[common],
        help="in tệp số thứ tự hồ sơ đã dùng của một slot (có chữ ký máy chủ)",
    )
    p.add_argument("--unit", required=True, help="mã định danh đơn vị, ví dụ 000.00.00.H27")
    p.add_argument("--slot", required=True, type=int, help="số thứ tự máy (0-9)")
    p = sub.add_parser("admin-token", parents=[common], help="tạo mã truy cập quản trị")
    p.add_argument("--name", default="hệ thống một cửa tỉnh")
    sub.add_parser("admin-tokens", parents=[common], help="liệt kê các mã truy cập quản trị")
    p = sub.add_parser(
        "revoke-admin-token", parents=[common], help="thu hồi mã truy cập quản trị theo tên"
    )
    p.add_argument("name")
    p = sub.add_parser(
        "release-held", parents=[common], help="xử lý các thao tác đã chờ thao tác trước quá lâu"
    )
    p.add_argument(
        "--hours",
        type=float,
        default=None,
        help="chờ bao lâu thì xử lý (mặc định COUNTER_SERVER_HOLD_HOURS hoặc 24)",
    )
    p = sub.add_parser(
        "workload", parents=[common], help="số liệu công việc tháng theo cán bộ, đơn vị, việc"
    )
    p.add_argument("--month", required=True, help="tháng, dạng NNNN-TT (giờ Việt Nam)")
    p.add_argument("--out", help="ghi thêm ra tệp Excel (.xlsx)")
    _publish_parser(sub, common)
    _dossier_parser(sub, common)
    return parser


def _serve_options(parser: argparse.ArgumentParser, default: object) -> None:
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


def _publish_parser(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    publish = sub.add_parser("publish", help="công bố danh mục, lịch, mã vận đơn")
    what = publish.add_subparsers(dest="what", required=True)
    what.add_parser("catalogue", parents=[common]).add_argument("file")
    what.add_parser("calendar", parents=[common]).add_argument("file")
    p = what.add_parser("tracking-pool", parents=[common])
    p.add_argument("--unit", required=True)
    p.add_argument("--device", type=int, help="chỉ cấp cho máy số này (mặc định: chia đều các máy)")
    p.add_argument("file")


def _dossier_parser(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    dossier = sub.add_parser("dossier", help="cập nhật hồ sơ từ hệ thống tỉnh")
    action = dossier.add_subparsers(dest="action", required=True)
    p = action.add_parser("status", parents=[common])
    p.add_argument("code")
    p.add_argument("status", help="mã trạng thái 1–10 hoặc tên (DONE, RETURNED, …)")
    p.add_argument("--note")
    p.add_argument("--actor", default="hệ thống một cửa tỉnh")


COMMANDS: dict[str | None, Callable[[argparse.Namespace], int]] = {
    None: cmd_serve,
    "serve": cmd_serve,
    "stats": cmd_stats,
    "conflicts": cmd_conflicts,
    "enrol-code": cmd_enrol_code,
    "revoke": cmd_revoke,
    "admin-token": cmd_admin_token,
    "admin-tokens": cmd_admin_tokens,
    "revoke-admin-token": cmd_revoke_admin_token,
    "publish": cmd_publish,
    "dossier": cmd_dossier_status,
    "release-held": cmd_release_held,
    "slot-file": cmd_slot_file,
    "workload": cmd_workload,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except Refused as exc:
        print(f"Lỗi: {exc.message}", file=sys.stderr)
        return 1
    except (OperationalError, ArgumentError, NoSuchModuleError) as exc:
        print(
            f"Lỗi: không mở được cơ sở dữ liệu ({_first_line(exc)}). Kiểm tra địa chỉ --db "
            "(hoặc COUNTER_SERVER_DB) và máy chủ PostgreSQL.",
            file=sys.stderr,
        )
        return 1


def _first_line(exc: Exception) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0][:200] if text else type(exc).__name__


if __name__ == "__main__":
    sys.exit(main())
