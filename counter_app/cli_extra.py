"""Support commands added by later issues (find, print, enrol, sync)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {}


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    return None
