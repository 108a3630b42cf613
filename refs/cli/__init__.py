"""The command line: the only package that prints, reads argv or exits.

`app.py` holds the typer application and what the commands share; each other module
registers the commands of one area on it."""

from refs.cli import check, export, library, parse, render
from refs.cli.app import app, main

__all__ = ["app", "check", "export", "library", "main", "parse", "render"]
