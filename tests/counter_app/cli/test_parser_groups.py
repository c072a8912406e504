"""The command line imports only the group of the command being run, and still lists them all."""

from __future__ import annotations

import subprocess
import sys

import pytest

from counter_app.cli.commands import COMMANDS
from counter_app.cli.parser import build_parser, command_named

PROBE = (
    "import sys; from counter_app.cli.parser import build_parser; "
    "build_parser(sys.argv[1:]); "
    "watched = ('counter_app.cli.', 'sqlalchemy', 'reportlab'); "
    "print(' '.join(sorted(m for m in sys.modules if m.startswith(watched))))"
)


def loaded_by(*argv: str) -> set[str]:
    """Modules a fresh interpreter has imported once it built the parser for `argv`."""
    out = subprocess.run(
        [sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, check=True
    ).stdout
    return set(out.split())


def test_books_loads_its_group_alone() -> None:
    loaded = loaded_by("--data-dir", "/x", "books", "--from", "2026-01-01", "--out", "b.pdf")
    groups = {m for m in loaded if m.startswith("counter_app.cli.")}
    assert "counter_app.cli.books" in groups
    for other in ("sync", "slot", "fees", "visits", "calendar", "forms", "backup", "report"):
        assert f"counter_app.cli.{other}" not in groups
    assert not any(m.startswith(("sqlalchemy", "reportlab")) for m in loaded)


def test_help_alone_loads_no_group() -> None:
    groups = {m for m in loaded_by() if m.startswith("counter_app.cli.")}
    leaves = {"arguments", "commands", "parser"}
    assert groups <= {f"counter_app.cli.{leaf}" for leaf in leaves}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_group_adds_its_commands_with_the_listed_help(name: str) -> None:
    parser = build_parser([name])
    sub = next(a for a in parser._actions if a.dest == "command")
    helps = {choice.dest: choice.help for choice in sub._choices_actions}
    assert set(helps) == set(COMMANDS)
    assert helps == {n: help_text for n, (_, help_text) in COMMANDS.items()}
    # The real command (its arguments or sub-commands), not the bare listing of another group.
    assert len(sub.choices[name]._actions) > 1


def test_the_command_is_the_first_word_after_the_options() -> None:
    assert command_named(["--data-dir", "books", "report", "--out", "x"]) == "report"
    assert command_named(["--smoke-test"]) is None
    assert command_named(["nonsense"]) is None
