"""The command line: the only package that prints, reads argv or exits.

`app.py` holds the typer application and what the commands share; each other module
registers the commands of one area on it, in the order `refs --help` lists them."""

# ruff: noqa: I001 - the import order is the order of the commands in `refs --help`
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
