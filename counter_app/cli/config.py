"""`counter-app config list|set`: the counter's settings (paper size, working hours…)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from counter_app.cli.arguments import add_group
from counter_app.cli.commands import command_help

if TYPE_CHECKING:
    from counter_app.cli.arguments import SubParsers
    from counter_app.cli.host import AppHost


def add_commands(sub: SubParsers) -> None:
    csub = add_group(sub, "config", command_help("config"))
    csub.add_parser("list", help="mọi cài đặt và giá trị hiện tại").set_defaults(handler=cmd_list)
    setter = csub.add_parser("set", help="đổi một cài đặt")
    setter.add_argument("key", help="tên cài đặt (xem: counter-app config list)")
    setter.add_argument("value", help="giá trị mới")
    setter.set_defaults(handler=cmd_set)


def cmd_list(args: argparse.Namespace, host: AppHost) -> int:
    from counter_app.services.settings import list_settings

    with host.opened_services(args.data_dir) as services:
        settings = list_settings(services.store)
    for key, value in settings:
        print(f"{key} = {value}")
    return 0


def cmd_set(args: argparse.Namespace, host: AppHost) -> int:
    from counter_app.services.settings import change_setting

    with host.opened_services(args.data_dir) as services:
        change_setting(services.store, args.key, args.value)
    print(f"Đã đặt {args.key} = {args.value}")
    return 0
