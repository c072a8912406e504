"""`counter-server`: run the provincial sync server, or manage devices, publications, dossiers."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import timedelta
from pathlib import Path

from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from counter_protocol.timefmt import format_vn
from counter_server.errors import Refused
from counter_server.serve_cli import cmd_serve, open_engine, serve_options


def cmd_stats(args: argparse.Namespace) -> int:
    from counter_server.claims import clash_lines
    from counter_server.stats import device_stats, format_table

    engine = open_engine(args)
    print(format_table(device_stats(engine)))
    for line in clash_lines(engine):
        print(line)
    return 0


def cmd_enrol_code(args: argparse.Namespace) -> int:
    from counter_server.devices import code_ttl, new_enrol_code

    ttl = code_ttl(args.ttl_minutes)  # refused before the database is even opened
    code, expires = new_enrol_code(open_engine(args), args.unit, ttl)
    print(code)
    print(
        f"Mã đăng ký máy cho đơn vị {args.unit}, dùng một lần, hết hạn lúc {format_vn(expires)}.",
        file=sys.stderr,
    )
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    from counter_server.devices import revoke

    device = revoke(open_engine(args), args.device_id, args.reason or "")
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
    engine = open_engine(args)
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

    print(new_admin_token(open_engine(args), args.name))
    print("Mã truy cập quản trị chỉ hiện một lần: hãy lưu lại ngay.", file=sys.stderr)
    return 0


def cmd_admin_tokens(args: argparse.Namespace) -> int:
    from counter_server.admin import list_admin_tokens

    tokens = list_admin_tokens(open_engine(args))
    for token in tokens:
        state = "đã thu hồi" if token.revoked else "còn hiệu lực"
        print(f"{token.name}\t{format_vn(token.created_at)}\t{state}")
    if not tokens:
        print("Chưa cấp mã truy cập quản trị nào.")
    return 0


def cmd_revoke_admin_token(args: argparse.Namespace) -> int:
    from counter_server.admin import revoke_admin_tokens

    count = revoke_admin_tokens(open_engine(args), args.name)
    if count == 0:
        raise Refused("unknown_token", f"Không có mã truy cập còn hiệu lực nào tên “{args.name}”.")
    print(
        f"Đã thu hồi {count} mã truy cập quản trị tên “{args.name}” (API quản trị và các "
        "phiên đăng nhập bảng theo dõi mở bằng mã đó ngừng ngay)."
    )
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    from counter_server import publications as pub

    engine = open_engine(args)
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
    done = release_overdue(open_engine(args), limit)
    hours = f"{limit.total_seconds() / 3600:g}"
    print(
        f"Thao tác chờ quá {hours} giờ: {done.applied} đã áp dụng (thiếu thao tác trước, "
        f"cần kiểm tra), {done.quarantined} đã cách ly."
    )
    return 0


def cmd_dossier_status(args: argparse.Namespace) -> int:
    from counter_server.admin import parse_status, set_dossier_status

    result = set_dossier_status(
        open_engine(args), args.code, parse_status(args.status), args.note, args.actor
    )
    print(
        f"Hồ sơ {result['dossier_code']}: {result['from_status']} → {result['to_status']} "
        f"(thay đổi #{result['seq']})."
    )
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    from counter_protocol.timefmt import format_vn
    from counter_server.conflict_view import recent_conflicts

    rows = recent_conflicts(open_engine(args), None if args.all else args.limit)
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
    print(month_report(open_engine(args), month, out))
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
    serve_options(parser, None)
    sub = parser.add_subparsers(dest="command")
    serve_options(sub.add_parser("serve", parents=[common], help="chạy máy chủ"), argparse.SUPPRESS)
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
