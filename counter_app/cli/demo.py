"""`counter-app demo`: fill a demo store with realistic dossiers."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from counter_app.cli.commands import command_help
from counter_app.services.errors import ServiceError

if TYPE_CHECKING:
    from counter_app.cli.arguments import SubParsers
    from counter_app.cli.host import AppHost


def add_commands(sub: SubParsers) -> None:
    p = sub.add_parser("demo", help=command_help("demo"))
    p.add_argument("--dossiers", type=int, required=True, help="số hồ sơ mẫu")
    p.add_argument("--seed", type=int, default=42, help="hạt giống ngẫu nhiên (mặc định 42)")
    p.add_argument("--with-outbox", action="store_true", help="xếp hàng gửi cả hồ sơ mẫu")
    p.add_argument(
        "--no-forms",
        action="store_true",
        help="không lập biểu mẫu cho các bước (kho nhỏ và nhanh hơn, dùng để đo tìm kiếm)",
    )
    p.set_defaults(handler=cmd_demo)


def cmd_demo(args: argparse.Namespace, host: AppHost) -> int:
    from counter_app.services.demo import fill_demo

    if args.dossiers < 0:
        raise ServiceError("Số hồ sơ mẫu phải là số không âm.")
    with host.opened_services(args.data_dir) as services:
        report = fill_demo(
            services.store,
            services.calendar,
            args.dossiers,
            seed=args.seed,
            with_outbox=args.with_outbox,
            with_forms=not args.no_forms,
            progress=_progress,
        )
    print(report)
    return 0


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)
