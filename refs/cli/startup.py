"""What a run loads before typer parses its arguments.

``refs`` and ``refs --help`` need no typer: the help text typer gives is kept in
refs/data/help.txt (``make golden`` writes it, a test checks it is typer's own) and
printed where typer would print that very text: no completion request, and a terminal
at least as wide as the text was formatted for (click wraps help to the terminal, up to
80 columns); anywhere else typer prints it.

A command loads its own module alone (``COMMANDS``: ``refs check`` does not import the
library commands); a run whose command is not known here (a misspelling typer suggests
a name for, a completion request) loads them all (:mod:`refs.cli.commands`)."""

from __future__ import annotations

import os
import sys

HELP_FILE = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "help.txt")
WIDTH = 80  # click's widest help: it wraps to min(columns, 80) - 2
# the arguments that only ask for help: the exit code of each and whether to stderr
_ASKING = {(): (2, True), ("--help",): (0, False), ("-h",): (0, False)}


def print_help(argv: list[str] | None = None) -> bool:
    """Print the help and exit when ``argv`` (default: ``sys.argv``) only asks for it; False
    where typer must answer."""
    args = tuple((sys.argv if argv is None else argv)[1:])
    if args not in _ASKING or "_REFS_COMPLETE" in os.environ or columns() < WIDTH:
        return False
    try:
        with open(HELP_FILE, encoding="utf-8") as f:
            text = f.read()
    except OSError:  # not installed with the package data: typer answers
        return False
    code, to_stderr = _ASKING[args]
    out = sys.stderr if to_stderr else sys.stdout
    out.write(text)
    out.flush()
    raise SystemExit(code)


def columns() -> int:
    """The terminal's width as click measures it (``shutil.get_terminal_size``): $COLUMNS,
    else the width of standard output's terminal, else 80."""
    try:
        width = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        width = 0
    if width > 0:
        return width
    if sys.__stdout__ is None:
        return WIDTH
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or WIDTH
    except (ValueError, OSError):  # not a terminal, or closed
        return WIDTH


# each command (or group of commands) -> the module that registers it on the application
COMMANDS = {
    "parse": "parse",
    "export": "export",
    "add": "intake",
    "import": "intake",
    **dict.fromkeys(["list", "show", "dedupe", "merge", "distinct"], "library"),
    **dict.fromkeys(
        ["edit", "tag", "untag", "note", "remove", "history", "undo", "articles"], "curation"
    ),
    "search": "find",
    "render": "render",
    "styles": "render",
    "check": "check",
    "report": "report",
    **dict.fromkeys(["doctor", "backup", "split"], "care"),
    "autoexport": "autoexport",
    "link": "link",
}


def load_commands(argv: list[str] | None = None) -> None:
    """Import the module of the command ``argv`` (default: ``sys.argv``) names, or every
    command module where it names none that is known or asks for completion."""
    import importlib

    args = (sys.argv if argv is None else argv)[1:]
    name = next((a for a in args if not a.startswith("-")), None)
    if name in COMMANDS and "_REFS_COMPLETE" not in os.environ:
        importlib.import_module(f"refs.cli.{COMMANDS[name]}")
    else:
        importlib.import_module("refs.cli.commands")
