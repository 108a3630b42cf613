"""The typer application and what every command shares: locating the library, printing
diagnostics, failing with a message, writing output. The `refs.cli` package is the only
place that prints, reads argv or exits."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from refs import __version__
from refs.diagnostics import Diagnostic, has_errors
from refs.errors import RefsError
from refs.pipeline import ParseResult, parse_files
from refs.reader import discover

app = typer.Typer(
    name="refs",
    help="Citation and bibliography manager for news digests.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain click output: no boxes in errors or help
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


PROGRESS_MIN_FILES = 20  # a progress bar for this many files or more, on a terminal only


def load_articles(paths: list[Path], issue: str | None = None) -> ParseResult:
    """Parse the given paths, print file-level diagnostics, exit 2 when nothing is readable.
    Many files on a terminal show a progress bar on stderr (never in pipes). ``issue``:
    the issue of pages without an issue line."""
    files, found = discover(paths)
    try:
        if len(files) >= PROGRESS_MIN_FILES and sys.stderr.isatty():
            with typer.progressbar(length=len(files), label="reading", file=sys.stderr) as bar:
                result = parse_files(files, found, lambda _file: bar.update(1), issue)
        else:
            result = parse_files(files, found, issue=issue)
    except RefsError as exc:
        fail(exc.message, exc.exit_code, exc.hint)
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
    """Data to stdout (also for ``-o -``), or atomically to a file."""
    if output is None or str(output) == "-":
        sys.stdout.write(text)
        if text and not text.endswith("\n"):
            sys.stdout.write("\n")
        return
    from refs.formats.atomic import write_text_atomic

    check_output(output)
    try:
        write_text_atomic(output, text)
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")


def check_output(output: Path | None) -> None:
    """Stop (exit 2) before any work when ``-o`` names a folder or a file in a missing one."""
    if output is None or str(output) == "-":
        return
    if output.is_dir():
        fail(f"-o {output} is a folder", hint="name a file, such as -o out.txt")
    if not output.parent.is_dir():
        fail(f"cannot write {output}: the folder {output.parent} does not exist")


def check_articles(names: tuple[str, ...], articles: list[str]) -> None:
    """Stop (exit 2) when an ``--article`` names none of ``articles``."""
    from refs.select import unmatched_articles

    for name in unmatched_articles(names, articles):
        fail(f"no article matched --article {name}", hint="give a path, file name or stem")


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


# ---------------------------------------------------------------- entry point


def main() -> None:
    try:
        app(prog_name="refs")  # also under `python -m refs`
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
