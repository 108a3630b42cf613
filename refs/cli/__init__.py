"""The command line: the only package that prints, reads argv or exits.

``refs`` and ``refs --help`` print the help kept in refs/data/help.txt (typer's own,
byte for byte, as the tests check) without loading typer or any command; a command
loads the application with its own module alone (:mod:`refs.cli.startup`).
:mod:`refs.cli.commands` is the application with every command on it."""

from __future__ import annotations

from typing import Any


def main() -> None:
    import sys

    from refs.cli.quick import quick_run
    from refs.cli.startup import load_commands, print_help

    if not print_help() and not quick_run(sys.argv):
        load_commands()
        from refs.cli.app import main as run

        run()


def __getattr__(name: str) -> Any:
    """``from refs.cli import app``: the application with every command on it (a command
    module, ``from refs.cli import parse``, is imported as a submodule)."""
    if name != "app":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from refs.cli.commands import app

    return app
