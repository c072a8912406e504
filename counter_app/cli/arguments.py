"""The pieces every command group builds on: the Vietnamese argument parser and sub-command groups.

A leaf module: the groups import it, `parser` imports the groups, so nothing cycles.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:  # not subscriptable at run time on Python 3.11
    from collections.abc import Callable
    from datetime import datetime

    SubParsers = argparse._SubParsersAction[argparse.ArgumentParser]

# argparse's own English usage errors, said in Vietnamese (the rest of the text is ours).
_ERRORS: tuple[tuple[str, str], ...] = (
    (r"the following arguments are required: (.*)", "thiếu tham số bắt buộc: {0}"),
    (r"unrecognized arguments: (.*)", "không hiểu tham số: {0}"),
    (r"one of the arguments (.*) is required", "cần một trong các tham số: {0}"),
    (r"ambiguous option: (\S+) could match (.*)", "tuỳ chọn {0} không rõ (có thể là {1})"),
    (r"argument (\S+): invalid (?:int|float) value: (.*)", "tham số {0}: {1} không phải là số"),
    (
        r"argument (\S+): invalid choice: (\S+) \(choose from (.*)\)",
        "tham số {0}: không có lựa chọn {1} (chọn một trong: {2})",
    ),
    (r"argument (\S+): not allowed with argument (.*)", "tham số {0} không dùng cùng {1}"),
    (r"argument (\S+): expected one argument", "tham số {0} cần một giá trị"),
    (r"argument (\S+): expected at least one argument", "tham số {0} cần ít nhất một giá trị"),
    (r"argument (\S+): (.*)", "tham số {0}: {1}"),  # our own ArgumentTypeError messages
)


class _Formatter(argparse.HelpFormatter):
    def add_usage(
        self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None
    ) -> None:
        # argparse passes "" when it builds a sub-command's prog: keep that one empty.
        super().add_usage(usage, actions, groups, "Cách dùng: " if prefix is None else prefix)


class VietnameseParser(argparse.ArgumentParser):
    """An ArgumentParser whose help headings and usage errors are Vietnamese; a usage error is
    one line on stderr, exit code 2 (sub-command parsers are of this class too)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "tham số"
        self._optionals.title = "tuỳ chọn"
        self.add_argument("-h", "--help", action="help", help="in hướng dẫn này rồi thoát")

    def error(self, message: str) -> NoReturn:
        print(f"Lỗi: {vietnamese_usage_error(message)} (xem: {self.prog} --help)", file=sys.stderr)
        sys.exit(2)


def vietnamese_usage_error(message: str) -> str:
    for pattern, text in _ERRORS:
        match = re.fullmatch(pattern, message.strip())
        if match:
            return text.format(*match.groups())
    return message


def add_group(sub: SubParsers, name: str, help_text: str) -> SubParsers:
    """A command with sub-commands of its own (`calendar show`, `config set`…)."""
    parser = sub.add_parser(name, help=help_text, description=help_text)
    return parser.add_subparsers(
        dest=f"{name}_command", required=True, metavar="LỆNH", title="lệnh"
    )


def add_iso_option(parser: argparse.ArgumentParser) -> None:
    """`--iso`: times as `YYYY-MM-DD HH:MM` for a program reading the output (as `find`)."""
    parser.add_argument(
        "--iso",
        action="store_true",
        help="thời gian dạng YYYY-MM-DD HH:MM (cho chương trình đọc); mặc định dd/mm/yyyy HH:mm",
    )


def time_format(iso: bool) -> Callable[[datetime], str]:
    """How a listing shows a time, in Vietnam time whatever the machine's zone."""
    from counter_protocol.timefmt import format_vn, format_vn_sortable

    return format_vn_sortable if iso else format_vn
