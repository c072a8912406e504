"""`counter-app enrol` and `counter-app sync`: enrolment and one full sync, headless.

`sync` is what district IT schedules. It exits 0 when the run completed (the status line says what
is still pending or in error), 1 when it failed (one Vietnamese line on stderr says why and what to
do), 3 when another sync of this store ran for longer than --wait, and 130 when Ctrl+C stopped it:
the first Ctrl+C stops between batches (docs/sync.md#s22) and the report says how far it got; a
second one ends the program at once.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import TYPE_CHECKING

from counter_app.cli.commands import command_help
from counter_app.cli.failures import EXIT_INTERRUPTED, say
from counter_app.domain.vntime import now_vn

if TYPE_CHECKING:
    from counter_app.cli.arguments import SubParsers
    from counter_app.cli.host import AppHost
    from counter_app.sync.report import SyncReport


def add_commands(sub: SubParsers) -> None:
    enrol = sub.add_parser("enrol", help=command_help("enrol"))
    enrol.add_argument("--server", required=True, help="địa chỉ máy chủ, ví dụ https://…")
    enrol.add_argument("--code", required=True, help="mã đăng ký máy dùng một lần (CNTT cấp)")
    _insecure_option(enrol)
    enrol.set_defaults(handler=cmd_enrol)
    sync = sub.add_parser("sync", help=command_help("sync"))
    sync.add_argument("--server", help="dùng địa chỉ này thay cho địa chỉ đã đăng ký (lần này)")
    sync.add_argument(
        "--wait",
        type=float,
        default=60.0,
        help="chờ tối đa ngần này giây nếu đang có lần đồng bộ khác (mặc định 60)",
    )
    _insecure_option(sync)
    sync.set_defaults(handler=cmd_sync)


def _insecure_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--allow-insecure-http",
        action="store_true",
        help="cho phép địa chỉ http:// không mã hoá tới máy khác (chỉ để thử "
        "nghiệm; máy chủ tỉnh dùng https://)",
    )


def cmd_enrol(args: argparse.Namespace, host: AppHost) -> int:
    from counter_app.sync.service import SyncOptions

    options = SyncOptions(allow_insecure_http=args.allow_insecure_http)
    with host.opened_context(args.data_dir, options) as context:
        sync = context.sync
        before = sync.enrolment().device_id
        done = sync.enrol(args.server, args.code)
        status = sync.status()
    print(
        f"Đã đăng ký máy với máy chủ {done.server_url}: máy số {done.device_id}, "
        f"đơn vị {done.unit_code}, slot {done.slot}."
    )
    if before is not None and before != str(done.device_id):
        print(
            f"Máy số {before} đã bị thu hồi nên máy này nhận danh tính mới (máy số "
            f"{done.device_id}); các hồ sơ đã tạo trước đó vẫn do máy này cập nhật tiếp."
        )
    if status.pending_ops:
        print(
            f"{status.pending_dossiers} hồ sơ lưu trước đó sẽ được gửi ở lần đồng bộ tới "
            "(counter-app sync)."
        )
    return 0


def cmd_sync(args: argparse.Namespace, host: AppHost) -> int:
    """The report on stdout; the run's failure, if any, raised for the one error line."""
    from counter_app.sync.errors import FailureKind
    from counter_app.sync.service import SyncOptions

    options = SyncOptions(
        lock_wait_s=max(0.0, args.wait),
        server_url=args.server,
        allow_insecure_http=args.allow_insecure_http,
    )
    progress = _progress if sys.stderr.isatty() else None
    stop = threading.Event()
    with host.opened_context(args.data_dir, options) as context, ctrl_c_stops(stop):
        report = context.sync.sync_once("cli", progress=progress, stop_asked=stop.is_set)
    if report.error is not None and report.error.kind == FailureKind.BUSY:
        raise report.error  # someone else's run is the one that counts: no report of ours
    _print_report(report)
    if report.error is not None:
        raise report.error
    return EXIT_INTERRUPTED if report.stopped else 0


@contextmanager
def ctrl_c_stops(stop: threading.Event) -> Iterator[None]:
    """The first Ctrl+C sets `stop` (the run ends after the batch on its way); the second one
    interrupts as usual."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may handle signals
        return
    previous = signal.getsignal(signal.SIGINT)

    def first(_signum: int, _frame: FrameType | None) -> None:
        stop.set()
        signal.signal(signal.SIGINT, previous)
        say("Đang dừng sau lô đang gửi… (Ctrl+C lần nữa để thoát ngay)")

    signal.signal(signal.SIGINT, first)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _print_report(report: SyncReport) -> None:
    print(f"Máy chủ: {report.server_url or '(chưa đăng ký)'}")
    print("\n".join(report.summary_lines(now_vn())))


def _progress(phase: str, done: int, total: int) -> None:
    label = "Gửi" if phase == "push" else "Nhận"
    print(f"\r{label}: {done}/{total}", end="", file=sys.stderr, flush=True)
