"""The whole `counter-app` command line: top-level options and one sub-command per group.

Only the group of the command being run is imported (each group pulls in its services, and with
them SQLAlchemy, reportlab…): every other command is listed by name and help line alone, from
`COMMANDS`, so `counter-app books` does not pay for importing `sync` or `slot`. The help line of a
command lives here, once; the group module reads it back with `command_help`.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Sequence

from counter_app import __version__
from counter_app.cli.arguments import VietnameseParser
from counter_app.cli.commands import COMMANDS

# Options of the top-level parser that take a value (the command name is the first other word).
_VALUED_OPTIONS = ("--data-dir", "--lang")


def build_parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The command line; the group of the command named in `argv` (if any) is loaded in full."""
    parser = VietnameseParser(prog="counter-app", description="Phần mềm quầy Một cửa (counter_app)")
    parser.add_argument(
        "--version",
        action="version",
        version=f"counter-app {__version__}",
        help="in số phiên bản rồi thoát",
    )
    parser.add_argument("--data-dir", help="thư mục dữ liệu (mặc định: thư mục người dùng)")
    parser.add_argument(
        "--lang",
        choices=("vi", "en"),
        help="ngôn ngữ màn hình: vi hoặc en (mặc định: theo cài đặt của quầy, tiếng Việt)",
    )
    parser.add_argument("--smoke-test", action="store_true", help="kiểm tra bản cài đặt rồi thoát")
    sub = parser.add_subparsers(
        dest="command",
        title="lệnh",
        metavar="LỆNH",
        description="không có lệnh: mở cửa sổ chương trình",
    )
    chosen = command_named(argv)
    chosen_module = COMMANDS[chosen][0] if chosen else None
    for name, (module, help_text) in COMMANDS.items():
        if name in sub.choices:  # added with its group's other commands
            continue
        if module == chosen_module:  # the whole group: `forms` adds `forms` and `print`
            importlib.import_module(f"counter_app.cli.{module}").add_commands(sub)
        else:  # listed for --help; never run (argv names another group's command)
            sub.add_parser(name, help=help_text)
    return parser


def command_named(argv: Sequence[str]) -> str | None:
    """The first word of `argv` that is not an option nor an option's value, if it names a
    command."""
    words = iter(argv)
    for word in words:
        if word in _VALUED_OPTIONS:
            next(words, None)
        elif not word.startswith("-"):
            return word if word in COMMANDS else None
    return None
