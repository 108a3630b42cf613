"""The command line: the only module that prints, reads argv or exits."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from refs import __version__
from refs.diagnostics import Diagnostic, has_errors
from refs.errors import RefsError
from refs.jsonout import article_json, dumps
from refs.pipeline import ParseResult, parse_paths
from refs.report.table import parse_table

app = typer.Typer(
    name="refs",
    help="Citation and bibliography manager for news digests.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# ---------------------------------------------------------------- shared helpers

PathsArg = Annotated[
    list[Path] | None,
    typer.Argument(help="Article files or folders of them; none: use the library."),
]
LibraryOpt = Annotated[
    Path | None,
    typer.Option("--library", help="Library file (else $REFS_LIBRARY, else ./refs.db)."),
]


def library_path(option: Path | None) -> Path:
    """The library file: --library, else REFS_LIBRARY, else refs.db here."""
    if option is not None:
        return option
    env = os.environ.get("REFS_LIBRARY")
    return Path(env) if env else Path("refs.db")


def emit_diagnostics(diagnostics: Iterable[Diagnostic]) -> None:
    for d in diagnostics:
        typer.echo(d.format(), err=True)


def fail(message: str, code: int = 2, hint: str | None = None) -> NoReturn:
    typer.echo(f"refs: error: {message}", err=True)
    if hint:
        typer.echo(f"refs: hint: {hint}", err=True)
    raise typer.Exit(code)


def load_articles(paths: list[Path]) -> ParseResult:
    """Parse the given paths, print file-level diagnostics, exit 2 when nothing is readable."""
    result = parse_paths(paths)
    if not result.articles:
        emit_diagnostics(result.diagnostics)
        fail("no readable article in " + ", ".join(str(p) for p in paths))
    return result


def exit_code(result: ParseResult) -> int:
    """2 when a named path is missing, 1 for error findings, else 0."""
    if any(d.code == "R001" for d in result.diagnostics):
        return 2
    return 1 if has_errors(all_diagnostics(result)) else 0


def all_diagnostics(result: ParseResult) -> list[Diagnostic]:
    out = list(result.diagnostics)
    for parsed in result.articles:
        out.extend(parsed.diagnostics)
    return out


def write_output(text: str, output: Path | None) -> None:
    """Data to stdout, or atomically to a file."""
    if output is None:
        sys.stdout.write(text)
        if text and not text.endswith("\n"):
            sys.stdout.write("\n")
        return
    from refs.atomic import write_text_atomic

    write_text_atomic(output, text)


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"refs {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=version_callback, is_eager=True, help="Show version."),
    ] = False,
) -> None:
    """Citation and bibliography manager for news digests."""


# ---------------------------------------------------------------- refs parse


class ParseFormat(StrEnum):
    json = "json"
    table = "table"


@app.command()
def parse(
    paths: Annotated[list[Path], typer.Argument(help="Article files or folders of them.")],
    fmt: Annotated[ParseFormat, typer.Option("--format", "-f", help="Output format.")] = (
        ParseFormat.json
    ),
) -> None:
    """Parse articles and print their references.

    Example: refs parse seeds --format table
    """
    result = load_articles(paths)
    diagnostics = all_diagnostics(result)
    if fmt is ParseFormat.json:
        document = {"articles": [article_json(p) for p in result.articles]}
        write_output(dumps(document), None)
    else:
        write_output(parse_table(result.articles), None)
    emit_diagnostics(diagnostics)
    raise typer.Exit(exit_code(result))


# ---------------------------------------------------------------- entry point


def main() -> None:
    try:
        app()
    except RefsError as exc:
        typer.echo(f"refs: error: {exc.message}", err=True)
        if exc.hint:
            typer.echo(f"refs: hint: {exc.hint}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        typer.echo("refs: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)


__all__ = ["all_diagnostics", "app", "has_errors", "main"]
