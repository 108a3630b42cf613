"""``refs`` and ``refs --help`` without typer: the help text typer gives, kept in
refs/data/help.txt (``make golden`` writes it, a test checks it is typer's own). Printed
only where typer would print that very text: no completion request, and a terminal at
least as wide as the text was formatted for (click wraps help to the terminal, up to 80
columns); anywhere else typer prints it."""

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
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or WIDTH
    except (AttributeError, ValueError, OSError):
        return WIDTH
