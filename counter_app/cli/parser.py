"""The whole `counter-app` command line: top-level options and one sub-command per group."""

from __future__ import annotations

import argparse

from counter_app import __version__
from counter_app.cli.arguments import VietnameseParser


def build_parser() -> argparse.ArgumentParser:
    """The whole command line: each group module adds its own sub-command(s)."""
    from counter_app.cli import (
        backup,
        books,
        calendar,
        config,
        demo,
        dossiers,
        fees,
        forms,
        setup,
        slot,
        smoke,
        sync,
        users,
        visits,
    )

    parser = VietnameseParser(prog="counter-app", description="Phần mềm quầy Một cửa (counter_app)")
    parser.add_argument(
        "--version",
        action="version",
        version=f"counter-app {__version__}",
        help="in số phiên bản rồi thoát",
    )
    parser.add_argument("--data-dir", help="thư mục dữ liệu (mặc định: thư mục người dùng)")
    smoke.add_option(parser)
    sub = parser.add_subparsers(
        dest="command",
        title="lệnh",
        metavar="LỆNH",
        description="không có lệnh: mở cửa sổ chương trình",
    )
    for group in (
        demo,
        calendar,
        setup,
        users,
        config,
        dossiers,
        forms,
        fees,
        books,
        visits,
        sync,
        slot,
        backup,
    ):
        group.add_commands(sub)
    return parser
