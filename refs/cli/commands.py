"""Every command on the typer application: `app.py` holds the application and what the
commands share; each other module registers the commands of one area on it, in the order
`refs --help` lists them. ``python -m refs.cli.commands --help`` prints typer's own help
(``make golden`` keeps refs/data/help.txt, the light help, equal to it)."""

# ruff: noqa: I001 - the import order is the order of the commands in `refs --help`
import sys

from refs.cli import parse
from refs.cli import intake
from refs.cli import library
from refs.cli import curation
from refs.cli import find
from refs.cli import export
from refs.cli import render
from refs.cli import check
from refs.cli import link
from refs.cli import report
from refs.cli import autoexport
from refs.cli import care
from refs.cli.app import app, main

__all__ = [
    "app",
    "autoexport",
    "care",
    "check",
    "curation",
    "export",
    "find",
    "intake",
    "library",
    "link",
    "main",
    "parse",
    "render",
    "report",
]

# `from refs.cli import app` is the application, not the module refs.cli.app that importing
# it made an attribute of the package
setattr(sys.modules["refs.cli"], "app", app)  # noqa: B010 - mypy knows no such attribute

if __name__ == "__main__":
    app(prog_name="refs")
